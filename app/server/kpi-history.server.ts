// A KPI's value history, read: a map's histories, one KPI's values, the newest values of many
// KPIs in one query. Every query takes the workspace id. The writes are in kpi-values.server.ts;
// this module imports nothing that writes, so the writes' side effects (webhook events) can use it.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { kpi, kpiValue } from '#db/schema';
import type { ValuePoint } from '~/domain/kpi';
import { groupHistory } from '~/domain/value-history';

/**
 * The newest `n` values of each KPI the filter keeps (oldest first), grouped per KPI: one query, a
 * window over the values ranked from the newest.
 */
async function newestValues(workspaceId: string, kpiIds: string[] | null, n: number, executor: Executor) {
  const ranked = executor
    .select({
      kpiId: kpiValue.kpiId,
      date: kpiValue.date,
      value: kpiValue.value,
      rank: sql<number>`row_number() over (partition by ${kpiValue.kpiId} order by ${kpiValue.date} desc)`.as('rank'),
    })
    .from(kpiValue)
    .where(and(eq(kpiValue.workspaceId, workspaceId), kpiIds ? inArray(kpiValue.kpiId, kpiIds) : undefined))
    .as('ranked');
  const rows = await executor
    .select({ kpiId: ranked.kpiId, date: ranked.date, value: ranked.value })
    .from(ranked)
    .where(lte(ranked.rank, n))
    .orderBy(asc(ranked.kpiId), asc(ranked.date));
  return groupHistory(rows);
}

/**
 * The newest `n` values of the outer query's `kpi` row, newest first, as a lateral subquery: join it
 * with `leftJoinLateral(newest, eq(newest.workspaceId, workspaceId))`. Each KPI reads its `n` rows
 * from the (kpi_id, date) index and stops, however long its history. The workspace is checked in
 * the join, not inside the subquery: there the planner, before the table has statistics (a new
 * database, a fresh import), combined the workspace index with it and read every value of the
 * workspace once per KPI (measured: 14-24 ms for a 120-KPI map instead of 1 ms).
 */
export function newestValuesOfKpi(executor: Executor, n: number) {
  return executor
    .select({ date: kpiValue.date, value: kpiValue.value, workspaceId: kpiValue.workspaceId })
    .from(kpiValue)
    .where(eq(kpiValue.kpiId, kpi.id))
    .orderBy(desc(kpiValue.date))
    .limit(n)
    .as('newest');
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
  return newestValues(workspaceId, kpiIds, n, executor);
}
