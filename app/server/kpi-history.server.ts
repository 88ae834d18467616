// A KPI's value history, read: a map's histories, one KPI's values, the newest values of many
// KPIs in one query. Every query takes the workspace id. The writes are in kpi-values.server.ts;
// this module imports nothing that writes, so the writes' side effects (webhook events) can use it.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { kpi, kpiValue } from '#db/schema';
import type { ValuePoint } from '~/domain/kpi';
import { groupHistory } from '~/domain/value-history';

/**
 * The newest `n` values of each KPI the filter keeps (oldest first), grouped per KPI: one query, a
 * window over the values ranked from the newest, so a long history costs nothing.
 */
async function newestValues(workspaceId: string, filter: { mapId: string } | { kpiIds: string[] | null }, n: number, executor: Executor) {
  const values = executor
    .select({
      kpiId: kpiValue.kpiId,
      date: kpiValue.date,
      value: kpiValue.value,
      rank: sql<number>`row_number() over (partition by ${kpiValue.kpiId} order by ${kpiValue.date} desc)`.as('rank'),
    })
    .from(kpiValue)
    .$dynamic();
  const ranked = (
    'mapId' in filter
      ? values
          .innerJoin(kpi, and(eq(kpi.id, kpiValue.kpiId), eq(kpi.workspaceId, workspaceId)))
          .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpi.mapId, filter.mapId)))
      : values.where(and(eq(kpiValue.workspaceId, workspaceId), filter.kpiIds ? inArray(kpiValue.kpiId, filter.kpiIds) : undefined))
  ).as('ranked');
  const rows = await executor
    .select({ kpiId: ranked.kpiId, date: ranked.date, value: ranked.value })
    .from(ranked)
    .where(lte(ranked.rank, n))
    .orderBy(asc(ranked.kpiId), asc(ranked.date));
  return groupHistory(rows);
}

/** The newest `n` values of every KPI of a map (oldest first), grouped per KPI, in one query. */
export async function mapLatestValues(workspaceId: string, mapId: string, n: number, executor: Executor = db) {
  return newestValues(workspaceId, { mapId }, n, executor);
}

/** One KPI's values with their ids and sources, oldest first. */
export async function listKpiValues(workspaceId: string, kpiId: string, executor: Executor = db) {
  return executor
    .select({ id: kpiValue.id, date: kpiValue.date, value: kpiValue.value, source: kpiValue.source })
    .from(kpiValue)
    .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpiValue.kpiId, kpiId)))
    .orderBy(asc(kpiValue.date));
}

/**
 * The newest `n` values of each KPI (oldest first), in one query: enough for the current value and
 * the status. `kpiIds` null means every KPI of the workspace.
 */
export async function latestValues(workspaceId: string, kpiIds: string[] | null, n = 2, executor: Executor = db) {
  if (kpiIds !== null && kpiIds.length === 0) return new Map<string, ValuePoint[]>();
  return newestValues(workspaceId, { kpiIds }, n, executor);
}
