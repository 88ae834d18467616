// The webhook outbox's writing side: events enqueued in the transaction of the change that causes
// them (a write that rolls back enqueues nothing), one delivery per enabled webhook subscribed to the
// event, in one INSERT ... SELECT. A fixed number of queries per write, whatever the batch size:
// which events anyone listens to (1), then, only when someone does, the KPIs' places and statuses
// before (2) and after (2) the write.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '#db/client';
import { journeyMap, kpi, measure, project, stage, webhook, webhookDelivery } from '#db/schema';
import { currentFromHistory, kpiStatus } from '~/domain/kpi';
import type { KpiStatus, ValueSource, WebhookEvent } from '~/domain/vocabulary';
import {
  kpiStatusChangedData,
  kpiValuesChangedData,
  webhookEnvelope,
  type KpiPlace,
  type KpiValueChange,
  type ProjectChange,
  type ProjectUpdatedData,
  type WebhookEventType,
} from '~/domain/webhooks';
import { latestValues } from './kpi-history.server';

/** The body of a delivery: the envelope as JSON text, stored as is so every try sends the same bytes. */
export const eventBody = (type: WebhookEventType, workspaceId: string, data: unknown, now = new Date()) =>
  JSON.stringify(webhookEnvelope(type, randomUUID(), now, workspaceId, data));

/** Enqueues an event for every enabled webhook of the workspace subscribed to it: one query. */
export async function enqueueWebhookEvent(executor: Executor, workspaceId: string, event: WebhookEvent, data: unknown) {
  const body = eventBody(event, workspaceId, data);
  await executor.execute(
    sql`insert into ${webhookDelivery} (workspace_id, webhook_id, event, payload)
        select ${webhook.workspaceId}, ${webhook.id}, ${event}, ${body}::json from ${webhook}
        where ${webhook.workspaceId} = ${workspaceId} and ${webhook.enabled} and ${event} = any(${webhook.events})`,
  );
}

/** The events the workspace's enabled webhooks listen to: one query. */
async function subscribedEvents(executor: Executor, workspaceId: string) {
  const rows = await executor
    .selectDistinct({ event: sql<string>`unnest(${webhook.events})` })
    .from(webhook)
    .where(and(eq(webhook.workspaceId, workspaceId), eq(webhook.enabled, true)));
  return new Set(rows.map((r) => r.event));
}

/** Each KPI's place (map, stage, measure) and what its status depends on: one query. */
async function kpiFacts(executor: Executor, workspaceId: string, kpiIds: string[]) {
  if (kpiIds.length === 0) return [];
  return executor
    .select({
      id: kpi.id,
      mapId: journeyMap.id,
      mapName: journeyMap.name,
      stageId: stage.id,
      stageName: stage.name,
      measureId: measure.id,
      measureName: measure.name,
      trend: measure.trend,
      target: kpi.targetValue,
    })
    .from(kpi)
    .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .where(and(eq(kpi.workspaceId, workspaceId), inArray(kpi.id, kpiIds)));
}

/** The status of each KPI as the chips and the summary compute it (domain kpiStatus): two queries. */
async function kpiStatuses(executor: Executor, workspaceId: string, kpiIds: string[]) {
  const [facts, latest] = await Promise.all([kpiFacts(executor, workspaceId, kpiIds), latestValues(workspaceId, kpiIds, 2, executor)]);
  const statuses = new Map<string, KpiStatus>();
  const places = new Map<string, KpiPlace>();
  for (const f of facts) {
    const history = latest.get(f.id) ?? [];
    statuses.set(f.id, kpiStatus({ current: currentFromHistory(history), target: f.target, trend: f.trend, history }));
    places.set(f.id, placeOf(f));
  }
  return { statuses, places };
}

/**
 * Call inside the write's transaction before writing KPI values of `kpiIds` (or their targets);
 * call `written` after, with what changed. Nothing is read when no webhook listens.
 */
export async function kpiWebhookEvents(tx: Executor, workspaceId: string, kpiIds: readonly string[]) {
  const ids = [...new Set(kpiIds)];
  const events = await subscribedEvents(tx, workspaceId);
  const values = events.has('kpi.values_changed');
  const status = events.has('kpi.status_changed');
  const before = status ? await kpiStatuses(tx, workspaceId, ids) : null;
  return {
    async written(source: ValueSource, changes: readonly KpiValueChange[]) {
      if (!values && !status) return;
      const after = status ? await kpiStatuses(tx, workspaceId, ids) : null;
      const places = after?.places ?? new Map((await kpiFacts(tx, workspaceId, ids)).map((f) => [f.id, placeOf(f)]));
      if (values && changes.length) await enqueueWebhookEvent(tx, workspaceId, 'kpi.values_changed', kpiValuesChangedData(source, changes, places));
      const moved = before && after ? kpiStatusChangedData(source, before.statuses, after.statuses, places) : null;
      if (moved) await enqueueWebhookEvent(tx, workspaceId, 'kpi.status_changed', moved);
    },
  };
}

const placeOf = (f: Awaited<ReturnType<typeof kpiFacts>>[number]): KpiPlace => ({
  id: f.id,
  map: { id: f.mapId, name: f.mapName },
  stage: { id: f.stageId, name: f.stageName },
  measure: { id: f.measureId, name: f.measureName },
});

/**
 * `project.updated` for a change to a project's fields, costs or KPI links, in the change's
 * transaction: one query when no webhook listens, three when one does.
 */
export async function enqueueProjectUpdated(tx: Executor, workspaceId: string, projectId: string, change: ProjectChange) {
  if (!(await subscribedEvents(tx, workspaceId)).has('project.updated')) return;
  const [row] = await tx
    .select({ id: project.id, name: project.name, status: project.status, archivedAt: project.archivedAt })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)));
  if (!row) return;
  const data: ProjectUpdatedData = { project: { id: row.id, name: row.name, status: row.status, archived: row.archivedAt !== null }, change };
  await enqueueWebhookEvent(tx, workspaceId, 'project.updated', data);
}
