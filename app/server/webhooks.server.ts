// Webhooks of a workspace, as the settings page manages them (owners): create (the signing secret is
// returned once), list with the last delivery, enable/disable, rotate the secret, delete, the
// delivery log with every try, and the test event. Every query takes the workspace id.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { user, webhook, webhookAttempt, webhookDelivery } from '#db/schema';
import type { WebhookEvent } from '~/domain/vocabulary';
import type { PingData } from '~/domain/webhooks';
import { recordActivity } from './activity.server';
import { invalid, NOT_FOUND, ok, type Result } from './result.server';
import { eventBody } from './webhook-events.server';
import { allowPrivateTargets, checkWebhookTarget, type Resolver } from './webhook-target.server';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** How many deliveries the log shows, newest first. */
export const DELIVERY_LOG_SIZE = 50;

const newSecret = () => `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
}

/**
 * Creates a webhook once its URL passes the SSRF rule (refused on `url` with a message key).
 * `options` is for tests: whether private targets are allowed, and the resolver.
 */
export async function createWebhook(
  workspaceId: string,
  actorId: string,
  input: WebhookInput,
  options: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<Result<{ id: string; secret: string }>> {
  const problem = await checkWebhookTarget(input.url, options.allowPrivate ?? allowPrivateTargets(), options.resolve);
  if (problem) return invalid('url', `webhooks.url.${problem}`);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhook)
      .values({ workspaceId, url: input.url, events: [...new Set(input.events)], secret, createdBy: actorId })
      .returning({ id: webhook.id });
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'webhook',
      entityId: row!.id,
      action: 'created',
      summary: `${input.url} (${input.events.join(', ')})`,
    });
    return ok({ id: row!.id, secret });
  });
}

// The newest delivery of the row's webhook (a correlated subquery per column, on the log index).
const lastDelivery = (column: string) =>
  sql.raw(`(select d.${column} from webhook_delivery d where d.webhook_id = webhook.id order by d.created_at desc limit 1)`);

/** The settings list, newest first, with each webhook's last delivery (never the secret): one query. */
export async function listWebhooks(workspaceId: string) {
  return db
    .select({
      id: webhook.id,
      url: webhook.url,
      events: webhook.events,
      enabled: webhook.enabled,
      createdAt: webhook.createdAt,
      creatorName: user.displayName,
      lastStatus: sql<string | null>`${lastDelivery('status')}::text`,
      lastAt: sql<Date | null>`${lastDelivery('created_at')}`.mapWith(webhook.createdAt),
    })
    .from(webhook)
    .leftJoin(user, eq(user.id, webhook.createdBy))
    .where(eq(webhook.workspaceId, workspaceId))
    .orderBy(desc(webhook.createdAt));
}

/** One webhook (without its secret), or null when it is not in the workspace. */
export async function getWebhook(workspaceId: string, webhookId: string) {
  const [row] = await db
    .select({ id: webhook.id, url: webhook.url, events: webhook.events, enabled: webhook.enabled, createdAt: webhook.createdAt })
    .from(webhook)
    .where(and(eq(webhook.workspaceId, workspaceId), eq(webhook.id, webhookId)));
  return row ?? null;
}

export async function setWebhookEnabled(workspaceId: string, actorId: string, webhookId: string, enabled: boolean): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhook)
      .set({ enabled, updatedAt: new Date() })
      .where(and(eq(webhook.workspaceId, workspaceId), eq(webhook.id, webhookId)))
      .returning({ url: webhook.url });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'webhook',
      entityId: webhookId,
      action: 'updated',
      summary: `${row.url}: ${enabled ? 'enabled' : 'disabled'}`,
    });
    return ok();
  });
}

/** A new signing secret (returned once); the old one stops signing at once. */
export async function rotateWebhookSecret(workspaceId: string, actorId: string, webhookId: string): Promise<Result<{ secret: string }>> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhook)
      .set({ secret, updatedAt: new Date() })
      .where(and(eq(webhook.workspaceId, workspaceId), eq(webhook.id, webhookId)))
      .returning({ url: webhook.url });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'webhook', entityId: webhookId, action: 'updated', summary: `${row.url}: secret rotated` });
    return ok({ secret });
  });
}

/** Deletes the webhook with its deliveries and their tries. */
export async function deleteWebhook(workspaceId: string, actorId: string, webhookId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhook)
      .where(and(eq(webhook.workspaceId, workspaceId), eq(webhook.id, webhookId)))
      .returning({ url: webhook.url });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'webhook', entityId: webhookId, action: 'deleted', summary: row.url });
    return ok();
  });
}

/** Enqueues a `ping` for this webhook alone (it must be enabled: a disabled webhook sends nothing). */
export async function sendTestEvent(workspaceId: string, webhookId: string): Promise<Result<{ deliveryId: string }>> {
  const found = await getWebhook(workspaceId, webhookId);
  if (!found) return NOT_FOUND;
  if (!found.enabled) return invalid('', 'webhooks.testDisabled', { conflict: true });
  const data: PingData = { webhook: { id: webhookId }, message: 'A test event from Parcours.' };
  const [row] = await db
    .insert(webhookDelivery)
    .values({ workspaceId, webhookId, event: 'ping', payload: sql`${eventBody('ping', workspaceId, data)}::json` })
    .returning({ id: webhookDelivery.id });
  return ok({ deliveryId: row!.id });
}

/** The delivery log: the newest deliveries with every try, two queries. */
export async function listDeliveries(workspaceId: string, webhookId: string) {
  const deliveries = await db
    .select({
      id: webhookDelivery.id,
      event: webhookDelivery.event,
      status: webhookDelivery.status,
      attempts: webhookDelivery.attempts,
      nextAttemptAt: webhookDelivery.nextAttemptAt,
      createdAt: webhookDelivery.createdAt,
    })
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.workspaceId, workspaceId), eq(webhookDelivery.webhookId, webhookId)))
    .orderBy(desc(webhookDelivery.createdAt))
    .limit(DELIVERY_LOG_SIZE);
  const tries = deliveries.length
    ? await db
        .select({
          deliveryId: webhookAttempt.deliveryId,
          attempt: webhookAttempt.attempt,
          startedAt: webhookAttempt.startedAt,
          durationMs: webhookAttempt.durationMs,
          httpStatus: webhookAttempt.httpStatus,
          error: webhookAttempt.error,
          succeeded: webhookAttempt.succeeded,
        })
        .from(webhookAttempt)
        .where(
          and(
            eq(webhookAttempt.workspaceId, workspaceId),
            inArray(
              webhookAttempt.deliveryId,
              deliveries.map((d) => d.id),
            ),
          ),
        )
        .orderBy(webhookAttempt.attempt)
    : [];
  return deliveries.map((d) => ({ ...d, tries: tries.filter((t) => t.deliveryId === d.id) }));
}
