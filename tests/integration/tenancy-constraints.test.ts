// The database itself keeps a KPI inside its workspace: its map, stage and measure must be of the
// KPI's own workspace (composite foreign keys). Queries that filter the KPI by workspace rely on it
// when they join what the KPI points at by id alone (app/server/business-cases.server.ts).
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { kpi, measure } from '../../db/schema';
import { makeUser, makeWorkspace } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function twoWorkspaces() {
  const owner = await makeUser();
  const mine = await makeWorkspace(owner);
  const theirs = await makeWorkspace(owner);
  const here = await makeMapWithKpiLane(mine.id);
  const there = await makeMapWithKpiLane(theirs.id);
  const [ourMeasure] = await db.insert(measure).values({ workspaceId: mine.id, name: 'NPS', unit: 'pts', trend: 'up' }).returning();
  const [theirMeasure] = await db.insert(measure).values({ workspaceId: theirs.id, name: 'NPS', unit: 'pts', trend: 'up' }).returning();
  return { mine, here, there, ourMeasure: ourMeasure!, theirMeasure: theirMeasure! };
}

function errorCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

describe('a KPI cannot point into another workspace', () => {
  it('a KPI of its own workspace is accepted', async () => {
    const w = await twoWorkspaces();
    const rows = await db
      .insert(kpi)
      .values({ workspaceId: w.mine.id, mapId: w.here.map.id, laneId: w.here.lane.id, stageId: w.here.stages[0]!.id, measureId: w.ourMeasure.id, position: 0 })
      .returning();
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['measure', { measure: 'theirs' }],
    ['stage', { stage: 'theirs' }],
    ['map', { map: 'theirs' }],
  ] as const)("another workspace's %s is refused by the database (foreign key violation)", async (_label, which) => {
    const w = await twoWorkspaces();
    const values = {
      workspaceId: w.mine.id,
      mapId: 'map' in which ? w.there.map.id : w.here.map.id,
      laneId: w.here.lane.id,
      stageId: 'stage' in which ? w.there.stages[0]!.id : w.here.stages[0]!.id,
      measureId: 'measure' in which ? w.theirMeasure.id : w.ourMeasure.id,
      position: 0,
    };
    const attempt = db.insert(kpi).values(values).returning();
    await expect(attempt).rejects.toSatisfy((error: unknown) => errorCode(error) === '23503');
  });
});
