// KPIs: measures placed in the stage cells of a map's KPI row. Owns placing a KPI (search-or-create
// of its measure), its settings and deletion; its dated values belong to kpi-values.server.ts and
// moves between cells to the map editor.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { journeyMap, kpi, kpiValue, lane, measure, stage } from '#db/schema';
import { dec } from '~/domain/decimal';
import { currentFromHistory, kpiStatus, type ValuePoint } from '~/domain/kpi';
import type { ImpactMode, KpiStatus } from '~/domain/vocabulary';
import { CHIP_SPARK, type KpiChipData } from '~/lib/kpi-chip';
import { sparklinePath } from '~/lib/sparkline';
import { deleted, inserted, positionChanges } from '~/domain/map-history';
import { lastChangeOf, recordActivity } from './activity.server';
import { announce } from './live.server';
import { latestValues, listKpiValues, newestValuesOfKpi } from './kpi-history.server';
import { writeKpiValue } from './kpi-values.server';
import { recordMapChanges } from './map-history.server';
import { cellIds, lockMap, writePositions } from './map-positions.server';
import { findOrCreateMeasure, getMeasure } from './measures.server';
import { NOT_FOUND, ok, stale, type Result } from './result.server';

/** How many of its newest values a KPI chip draws (its sparkline); the newest two give the status. */
export const CHIP_VALUES = 8;

/**
 * The KPIs of a map (of some of its stages when `stageIds` is given) with their current value, status
 * and newest values, in one query whatever the map size or the length of the histories: a row per
 * KPI and value (its newest CHIP_VALUES, read by a lateral subquery), folded here.
 */
export async function listMapKpis(
  workspaceId: string,
  mapId: string,
  executor: Executor = db,
  stageIds: readonly string[] | null = null,
): Promise<KpiChipData[]> {
  if (stageIds && stageIds.length === 0) return [];
  const newest = newestValuesOfKpi(executor, CHIP_VALUES);
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
      date: newest.date,
      value: newest.value,
    })
    .from(kpi)
    .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
    .leftJoinLateral(newest, eq(newest.workspaceId, workspaceId))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId), stageIds ? inArray(kpi.stageId, [...stageIds]) : undefined))
    .orderBy(asc(kpi.laneId), asc(kpi.stageId), asc(kpi.position), asc(kpi.id), asc(newest.date));
  const chips: KpiChipData[] = [];
  for (let i = 0; i < rows.length;) {
    const r = rows[i]!;
    const points: ValuePoint[] = [];
    for (; i < rows.length && rows[i]!.id === r.id; i++) {
      const { date, value } = rows[i]!;
      if (date !== null && value !== null) points.push({ date, value });
    }
    const current = currentFromHistory(points);
    chips.push({
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
      spark: sparklinePath(
        points.map((p) => p.value),
        CHIP_SPARK.width,
        CHIP_SPARK.height,
      ),
      archived: r.archivedAt !== null,
    });
  }
  return chips;
}

export interface KpiCell {
  mapId: string;
  laneId: string;
  stageId: string;
}

/** The cell exists in this workspace: a KPI lane and a stage of the same map. */
async function isKpiCell(executor: Executor, workspaceId: string, cell: KpiCell) {
  const [row] = await executor
    .select({ laneId: lane.id })
    .from(lane)
    .innerJoin(stage, and(eq(stage.id, cell.stageId), eq(stage.mapId, lane.mapId), eq(stage.workspaceId, workspaceId)))
    .where(and(eq(lane.workspaceId, workspaceId), eq(lane.id, cell.laneId), eq(lane.mapId, cell.mapId), eq(lane.kind, 'kpi')));
  return Boolean(row);
}

export interface PlacedKpi {
  kpiId: string;
  measureId: string;
  measureName: string;
  createdMeasure: boolean;
}

/**
 * Places a measure in a KPI cell, at the end of the cell. The measure is an existing one (by id) or
 * found by name (any case), created in the library when missing. One transaction, under the map
 * lock like every change of order, so simultaneous placements get distinct positions.
 */
export async function placeKpi(workspaceId: string, actorId: string, cell: KpiCell, ref: { measureId: string } | { name: string }): Promise<Result<PlacedKpi>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, cell.mapId))) return NOT_FOUND;
    if (!(await isKpiCell(tx, workspaceId, cell))) return NOT_FOUND;
    let m: { id: string; name: string };
    let createdMeasure = false;
    if ('measureId' in ref) {
      const found = await getMeasure(workspaceId, ref.measureId, tx);
      if (!found) return NOT_FOUND;
      m = found;
    } else {
      const outcome = await findOrCreateMeasure(tx, workspaceId, actorId, ref.name);
      m = outcome.measure;
      createdMeasure = outcome.created;
    }
    const ids = await cellIds(tx, kpi, workspaceId, cell.laneId, cell.stageId);
    const shifts = await writePositions(tx, kpi, workspaceId, ids);
    const [row] = await tx
      .insert(kpi)
      .values({ workspaceId, ...cell, measureId: m.id, position: ids.length })
      .returning();
    await recordActivity(tx, { workspaceId, actorId, entityType: 'kpi', entityId: row!.id, action: 'created', summary: m.name });
    await recordMapChanges(tx, { workspaceId, mapId: cell.mapId, actorId }, [...positionChanges('kpi', shifts), inserted('kpi', row!.id, row!)]);
    return ok({ kpiId: row!.id, measureId: m.id, measureName: m.name, createdMeasure });
  });
}

/** A KPI with its measure, map, stage and whole value history (newest last): 2 queries. */
export async function getKpiSettings(workspaceId: string, kpiId: string, mapId: string) {
  const [row] = await db
    .select({
      kpi,
      measure,
      mapName: journeyMap.name,
      stageName: stage.name,
    })
    .from(kpi)
    .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
    .innerJoin(journeyMap, and(eq(journeyMap.id, kpi.mapId), eq(journeyMap.workspaceId, workspaceId)))
    .innerJoin(stage, and(eq(stage.id, kpi.stageId), eq(stage.workspaceId, workspaceId)))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId), eq(kpi.mapId, mapId)));
  if (!row) return NOT_FOUND;
  return ok({ ...row, values: await listKpiValues(workspaceId, kpiId) });
}

export interface KpiSettingsInput {
  note: string;
  baselineValue?: string;
  baselineDate?: string;
  targetValue?: string;
  targetDate?: string;
  impactMode: ImpactMode;
  manualAmount?: string;
  /** A current value typed with the settings: recorded on its date when it differs from the newest. */
  current?: { date: string; value: string };
}

/**
 * Saves the settings, and the current value typed with them, in one transaction when `version` is
 * still the KPI's; otherwise stale with the current version and nothing written.
 */
export async function updateKpiSettings(
  workspaceId: string,
  actorId: string,
  kpiId: string,
  version: number,
  input: KpiSettingsInput,
): Promise<Result<{ version: number }, KpiSettingsNow>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(kpi)
      .set({
        note: input.note,
        baselineValue: input.baselineValue ?? null,
        baselineDate: input.baselineDate ?? null,
        targetValue: input.targetValue ?? null,
        targetDate: input.targetDate ?? null,
        impactMode: input.impactMode,
        manualAmount: input.manualAmount ?? null,
        version: sql`${kpi.version} + 1`,
      })
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId), eq(kpi.version, version)))
      .returning({ id: kpi.id, version: kpi.version });
    if (!row) {
      const current = await kpiSettingsNow(tx, workspaceId, kpiId);
      return current ? stale(current) : NOT_FOUND;
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: 'kpi', entityId: kpiId, action: 'updated', summary: input.note.slice(0, 80) });
    await announce(tx, workspaceId, [`kpi:${kpiId}`, 'figures']);
    if (input.current) {
      const [newest] = await tx
        .select({ value: kpiValue.value })
        .from(kpiValue)
        .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpiValue.kpiId, kpiId)))
        .orderBy(desc(kpiValue.date))
        .limit(1);
      // An unchanged current value is not a new measurement: the history keeps its date.
      if (!newest || !dec(newest.value).eq(dec(input.current.value))) {
        const written = await writeKpiValue(tx, workspaceId, actorId, kpiId, input.current);
        if (written.status !== 'ok') throw new Error(`recording the current value failed: ${written.status}`);
      }
    }
    return ok({ version: row.version });
  });
}

/**
 * A KPI's settings as saved now, with its current value (the newest by date) and who saved it last
 * and when, in one query: what a refused save answers, for the panel to show both versions.
 */
async function kpiSettingsNow(executor: Executor, workspaceId: string, kpiId: string) {
  const last = lastChangeOf(workspaceId, 'kpi', kpi.id);
  const [row] = await executor
    .select({
      version: kpi.version,
      note: kpi.note,
      baselineValue: kpi.baselineValue,
      baselineDate: kpi.baselineDate,
      targetValue: kpi.targetValue,
      targetDate: kpi.targetDate,
      impactMode: kpi.impactMode,
      manualAmount: kpi.manualAmount,
      currentValue: sql<
        string | null
      >`(select ${kpiValue.value}::text from ${kpiValue} where ${kpiValue.workspaceId} = ${workspaceId} and ${kpiValue.kpiId} = ${kpi.id} order by ${kpiValue.date} desc limit 1)`,
      savedBy: last.savedBy,
      savedAt: last.savedAt,
    })
    .from(kpi)
    .leftJoinLateral(last, sql`true`)
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
  return row ?? null;
}

export type KpiSettingsNow = NonNullable<Awaited<ReturnType<typeof kpiSettingsNow>>>;

/** Deletes a KPI and closes the gap in its cell, under the map lock. */
export async function deleteKpi(workspaceId: string, actorId: string, kpiId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [placed] = await tx
      .select({ mapId: kpi.mapId })
      .from(kpi)
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
    if (!placed || !(await lockMap(tx, workspaceId, placed.mapId))) return NOT_FOUND;
    const [row] = await tx
      .delete(kpi)
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)))
      .returning();
    if (!row) return NOT_FOUND;
    const shifts = await writePositions(tx, kpi, workspaceId, await cellIds(tx, kpi, workspaceId, row.laneId, row.stageId));
    await recordMapChanges(tx, { workspaceId, mapId: placed.mapId, actorId }, [deleted('kpi', row.id, row), ...positionChanges('kpi', shifts)]);
    const [m] = await tx
      .select({ name: measure.name })
      .from(measure)
      .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, row.measureId)));
    await recordActivity(tx, { workspaceId, actorId, entityType: 'kpi', entityId: kpiId, action: 'deleted', summary: m?.name ?? '' });
    await announce(tx, workspaceId, [`kpi:${kpiId}`, 'figures']);
    return ok();
  });
}

/** KPI health of the workspace home: KPIs counted per status, in two queries. */
export async function kpiHealth(workspaceId: string): Promise<Record<KpiStatus, number> & { total: number }> {
  const [rows, latest] = await Promise.all([
    db
      .select({ id: kpi.id, target: kpi.targetValue, trend: measure.trend })
      .from(kpi)
      .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
      .innerJoin(journeyMap, and(eq(journeyMap.id, kpi.mapId), eq(journeyMap.workspaceId, workspaceId)))
      .where(and(eq(kpi.workspaceId, workspaceId), sql`${journeyMap.archivedAt} is null`)),
    latestValues(workspaceId, null),
  ]);
  const counts = { met: 0, on_track: 0, off_track: 0, no_trend: 0, total: rows.length };
  for (const r of rows) {
    const history = latest.get(r.id) ?? [];
    counts[kpiStatus({ current: currentFromHistory(history), target: r.target, trend: r.trend, history })]++;
  }
  return counts;
}

/** How many KPIs the workspace has (the import page says so). */
export async function countKpis(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(kpi).where(eq(kpi.workspaceId, workspaceId));
  return row?.n ?? 0;
}

/** The KPI when it belongs to this workspace and map (actions check this before writing). */
export async function findKpi(workspaceId: string, kpiId: string, mapId: string) {
  const [row] = await db
    .select({ id: kpi.id, measureId: kpi.measureId, version: kpi.version })
    .from(kpi)
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId), eq(kpi.mapId, mapId)));
  return row ?? null;
}
