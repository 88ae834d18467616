// KPI placement and deletion renumber the cell under the map lock, like cards: concurrent
// placements into one cell end with the positions 0..n-1, and a deletion leaves no gap.
// Concurrency is only real on PostgreSQL (DATABASE_URL); PGlite serialises the same calls.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { kpi, measure } from '../../db/schema';
import * as kpiNew from '~/routes/w.$slug.kpis.new';
import * as kpiRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
import { call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function cellPositions(laneId: string, stageId: string) {
  const rows = await db
    .select({ id: kpi.id, position: kpi.position })
    .from(kpi)
    .where(and(eq(kpi.laneId, laneId), eq(kpi.stageId, stageId)))
    .orderBy(asc(kpi.position));
  return rows;
}

describe('KPI positions in a cell', () => {
  it('50 simultaneous placements into one cell end at positions 0..49; deleting one leaves 0..48', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const { map, lane, stages } = await makeMapWithKpiLane(ws.id);
    const [nps] = await db.insert(measure).values({ workspaceId: ws.id, name: 'NPS', unit: 'pts' }).returning();
    const stageId = stages[1]!.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(kpiNew.action, {
          request: request(`/w/${ws.slug}/kpis/new`, { user: owner, form: { mapId: map.id, laneId: lane.id, stageId, measureId: nps!.id, js: '1' } }),
          params: { slug: ws.slug },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const placed = await cellPositions(lane.id, stageId);
    expect(placed.map((r) => r.position)).toEqual(Array.from({ length: 50 }, (_, i) => i));

    const victim = placed[17]!;
    const params = { slug: ws.slug, mapId: map.id, kpiId: victim.id };
    const deleted = await call(kpiRoute.action, {
      request: request(`/w/${ws.slug}/maps/${map.id}/kpis/${victim.id}`, { user: owner, form: { intent: 'delete' } }),
      params,
    });
    expect(deleted.status).toBe(302);
    const after = await cellPositions(lane.id, stageId);
    expect(after.map((r) => r.position)).toEqual(Array.from({ length: 49 }, (_, i) => i));
    // The others keep their order.
    expect(after.map((r) => r.id)).toEqual(placed.filter((r) => r.id !== victim.id).map((r) => r.id));
  });
});
