// A KPI's value history: the kpi_value rows, one per date. Reads (a map's histories, one KPI's
// values, the newest values of many KPIs in one query) and writes (record with same-date replace,
// delete). Every query takes the workspace id.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { kpi, kpiValue } from '#db/schema';
import type { ValuePoint } from '~/domain/kpi';
import { groupHistory } from '~/domain/value-history';
import type { ValueSource } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { announce } from './live.server';
import { NOT_FOUND, ok, type Result } from './result.server';
import { kpiWebhookEvents } from './webhook-events.server';

/** Every value of every KPI of a map (oldest first), grouped per KPI: one query. */
export async function mapValueHistory(workspaceId: string, mapId: string, executor: Executor = db) {
  const values = await executor
    .select({ kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .innerJoin(kpi, and(eq(kpi.id, kpiValue.kpiId), eq(kpi.workspaceId, workspaceId)))
    .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
    .orderBy(asc(kpiValue.date));
  return groupHistory(values);
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
  const rows = await executor.select().from(ranked).where(lte(ranked.rank, n)).orderBy(asc(ranked.kpiId), asc(ranked.date));
  return groupHistory(rows);
}

/**
 * Records the value of a KPI on a date; a value already there for that date is replaced (upsert on
 * the (kpi_id, date) unique index). Editing a row may move it to another date: the old row goes.
 */
export async function recordKpiValue(
  workspaceId: string,
  actorId: string,
  kpiId: string,
  input: { date: string; value: string; replaceValueId?: string; source?: ValueSource },
): Promise<Result> {
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: kpi.id })
      .from(kpi)
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
    if (!owned) return NOT_FOUND;
    const webhooks = await kpiWebhookEvents(tx, workspaceId, [kpiId]);
    let movedFrom: string | null = null;
    if (input.replaceValueId) {
      const removed = await tx
        .delete(kpiValue)
        .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpiValue.kpiId, kpiId), eq(kpiValue.id, input.replaceValueId)))
        .returning({ id: kpiValue.id, date: kpiValue.date });
      if (removed.length === 0) return NOT_FOUND;
      if (removed[0]!.date !== input.date) movedFrom = removed[0]!.date;
    }
    await tx
      .insert(kpiValue)
      .values({ workspaceId, kpiId, date: input.date, value: input.value, source: input.source ?? 'manual' })
      .onConflictDoUpdate({
        target: [kpiValue.kpiId, kpiValue.date],
        set: { value: input.value, source: input.source ?? 'manual', createdAt: new Date() },
      });
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'kpi_value',
      entityId: kpiId,
      action: input.replaceValueId ? 'updated' : 'created',
      summary: `${input.date}: ${input.value}`,
    });
    await announce(tx, workspaceId, [`kpi:${kpiId}`, 'figures']);
    const changes = [...(movedFrom ? [{ kpiId, date: movedFrom, value: null }] : []), { kpiId, date: input.date, value: input.value }];
    await webhooks.written(input.source ?? 'manual', changes);
    return ok();
  });
}

export async function deleteKpiValue(workspaceId: string, actorId: string, kpiId: string, valueId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const webhooks = await kpiWebhookEvents(tx, workspaceId, [kpiId]);
    const [row] = await tx
      .delete(kpiValue)
      .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpiValue.kpiId, kpiId), eq(kpiValue.id, valueId)))
      .returning({ date: kpiValue.date, value: kpiValue.value });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'kpi_value', entityId: kpiId, action: 'deleted', summary: `${row.date}: ${row.value}` });
    await announce(tx, workspaceId, [`kpi:${kpiId}`, 'figures']);
    await webhooks.written('manual', [{ kpiId, date: row.date, value: null }]);
    return ok();
  });
}
