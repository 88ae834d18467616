// A KPI's value history, written: record with same-date replace, and delete, each with its
// activity, live announcement and webhook events. The reads are in kpi-history.server.ts.
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { kpi, kpiValue } from '#db/schema';
import type { ValueSource } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { announce } from './live.server';
import { NOT_FOUND, ok, type Result } from './result.server';
import { kpiWebhookEvents } from './webhook-events.server';

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
    return writeKpiValue(tx, workspaceId, actorId, kpiId, input);
  });
}

/**
 * The write of `recordKpiValue` inside the caller's transaction (the KPI is known to be this
 * workspace's): the value with its activity, live announcement and webhook events.
 */
export async function writeKpiValue(
  tx: Executor,
  workspaceId: string,
  actorId: string,
  kpiId: string,
  input: { date: string; value: string; replaceValueId?: string; source?: ValueSource },
): Promise<Result> {
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
