// KPIs: measures placed in the stage cells of a map's KPI row, with their values.
import { and, asc, eq } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { kpi, kpiValue, measure } from '#db/schema';
import { currentFromHistory, kpiStatus, type ValuePoint } from '~/domain/kpi';
import type { KpiChipData } from '~/lib/kpi-chip';

/** Every KPI of a map with its current value and status, in two queries whatever the map size. */
export async function listMapKpis(workspaceId: string, mapId: string, executor: Executor = db): Promise<KpiChipData[]> {
  const rows = await executor
    .select({
      id: kpi.id,
      laneId: kpi.laneId,
      stageId: kpi.stageId,
      position: kpi.position,
      version: kpi.version,
      measureId: kpi.measureId,
      targetValue: kpi.targetValue,
      measureName: measure.name,
      unit: measure.unit,
      trend: measure.trend,
      archivedAt: measure.archivedAt,
    })
    .from(kpi)
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
    .orderBy(asc(kpi.laneId), asc(kpi.stageId), asc(kpi.position));
  if (rows.length === 0) return [];
  const values = await executor
    .select({ kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
    .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
    .orderBy(asc(kpiValue.date));
  const history = new Map<string, ValuePoint[]>();
  for (const v of values) {
    let list = history.get(v.kpiId);
    if (!list) history.set(v.kpiId, (list = []));
    list.push({ date: v.date, value: v.value });
  }
  return rows.map((r) => {
    const points = history.get(r.id) ?? [];
    const current = currentFromHistory(points);
    return {
      id: r.id,
      laneId: r.laneId,
      stageId: r.stageId,
      position: r.position,
      version: r.version,
      measureId: r.measureId,
      measureName: r.measureName,
      unit: r.unit,
      trend: r.trend,
      current,
      target: r.targetValue,
      status: kpiStatus({ current, target: r.targetValue, trend: r.trend, history: points }),
      archived: r.archivedAt !== null,
    };
  });
}
