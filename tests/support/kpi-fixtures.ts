// Test fixtures of the measures feature: a map with stages and a KPI lane, written directly so the
// tests do not depend on the map editor's code.
import { db } from '../../db/client';
import { journeyMap, lane, stage } from '../../db/schema';

export async function makeMapWithKpiLane(workspaceId: string, stageNames = ['Discovery', 'Onboarding', 'Support'], name = 'Subscription') {
  const [map] = await db.insert(journeyMap).values({ workspaceId, name }).returning();
  const stages = await db
    .insert(stage)
    .values(stageNames.map((n, position) => ({ workspaceId, mapId: map!.id, name: n, position })))
    .returning();
  const [kpiLane] = await db.insert(lane).values({ workspaceId, mapId: map!.id, kind: 'kpi', name: 'KPIs', position: 0 }).returning();
  const [textLane] = await db.insert(lane).values({ workspaceId, mapId: map!.id, kind: 'text', name: 'Notes', position: 1 }).returning();
  return { map: map!, stages: stages.sort((a, b) => a.position - b.position), lane: kpiLane!, textLane: textLane! };
}
