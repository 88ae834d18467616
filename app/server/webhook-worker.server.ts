// The webhook delivery worker, in-process: every second it claims the due deliveries (FOR UPDATE
// SKIP LOCKED, then a lease in locked_until, so several app instances never send one at the same
// time), POSTs each signed body, records the try, and schedules the next one from the retry table
// or settles the delivery. All state is in the database: a worker started after a restart picks up
// where the last one stopped. The clock is injected so tests can move time instead of sleeping.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { db as defaultDb, type Database } from '#db/client';
import { webhook, webhookAttempt, webhookDelivery } from '#db/schema';
import { isDelivered, nextAttemptAt, signatureHeader, WEBHOOK_TIMEOUT_MS, WEBHOOK_USER_AGENT } from '~/domain/webhooks';
import { allowPrivateTargets, postWebhook, type DnsLookup, type PostOutcome } from './webhook-target.server';

export interface WebhookWorkerOptions {
  db?: Database;
  now?: () => Date;
  allowPrivate?: boolean;
  /** Deliveries claimed (and sent in parallel) per round. */
  batchSize?: number;
  /** How long a claim is held; longer than a try can take, so a live try is never claimed twice. */
  leaseMs?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** The resolver under the connect-time address check (tests stand in for DNS). */
  lookup?: DnsLookup;
}

export interface WebhookWorker {
  /** One round: claim what is due, send it, record the tries. Returns how many were sent. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops claiming, lets the tries in flight finish (aborted after a short grace), and resolves. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 3000;

export function createWebhookWorker(options: WebhookWorkerOptions = {}): WebhookWorker {
  const db = options.db ?? defaultDb;
  const now = options.now ?? (() => new Date());
  const allowPrivate = options.allowPrivate ?? allowPrivateTargets();
  const batchSize = options.batchSize ?? 10;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const leaseMs = options.leaseMs ?? timeoutMs + 50_000;
  const pollMs = options.pollMs ?? 1000;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  async function claim() {
    const at = now();
    const lease = new Date(at.getTime() + leaseMs);
    const due = db
      .select({ id: webhookDelivery.id })
      .from(webhookDelivery)
      .innerJoin(webhook, and(eq(webhook.workspaceId, webhookDelivery.workspaceId), eq(webhook.id, webhookDelivery.webhookId)))
      .where(
        and(
          eq(webhookDelivery.status, 'pending'),
          lte(webhookDelivery.nextAttemptAt, at),
          or(isNull(webhookDelivery.lockedUntil), lt(webhookDelivery.lockedUntil, at)),
          eq(webhook.enabled, true),
        ),
      )
      .orderBy(asc(webhookDelivery.nextAttemptAt))
      .limit(batchSize)
      .for('update', { of: webhookDelivery, skipLocked: true });
    const claimed = await db
      .update(webhookDelivery)
      .set({ lockedUntil: lease })
      .where(inArray(webhookDelivery.id, due))
      .returning({
        id: webhookDelivery.id,
        workspaceId: webhookDelivery.workspaceId,
        webhookId: webhookDelivery.webhookId,
        event: webhookDelivery.event,
        attempts: webhookDelivery.attempts,
        body: sql<string>`${webhookDelivery.payload}::text`,
      });
    if (claimed.length === 0) return [];
    const targets = await db
      .select({ id: webhook.id, url: webhook.url, secret: webhook.secret })
      .from(webhook)
      .where(
        inArray(
          webhook.id,
          claimed.map((c) => c.webhookId),
        ),
      );
    const byId = new Map(targets.map((t) => [t.id, t]));
    return claimed.flatMap((c) => {
      const target = byId.get(c.webhookId);
      return target ? [{ ...c, url: target.url, secret: target.secret, lease }] : [];
    });
  }

  async function deliver(d: Awaited<ReturnType<typeof claim>>[number]) {
    const startedAt = now();
    const started = performance.now();
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': WEBHOOK_USER_AGENT,
      'Parcours-Event': d.event,
      'Parcours-Delivery': d.id,
      'Parcours-Signature': signatureHeader(d.secret, Math.floor(startedAt.getTime() / 1000), d.body),
    };
    const outcome: PostOutcome = await postWebhook(d.url, d.body, headers, { allowPrivate, timeoutMs, signal: abort.signal, lookup: options.lookup });
    const durationMs = Math.round(performance.now() - started);
    if ('error' in outcome && outcome.error === 'aborted') {
      // Stopped mid-try (shutdown): not a try of the receiver's; the delivery is free for the next worker.
      await db
        .update(webhookDelivery)
        .set({ lockedUntil: null })
        .where(and(eq(webhookDelivery.id, d.id), eq(webhookDelivery.lockedUntil, d.lease)));
      return;
    }
    const succeeded = 'httpStatus' in outcome && isDelivered(outcome.httpStatus);
    const attempt = d.attempts + 1;
    const finishedAt = now();
    const next = succeeded ? null : nextAttemptAt(attempt, finishedAt);
    await db.transaction(async (tx) => {
      // Only while this worker still holds the lease: a try that outlived it is not recorded twice.
      const [held] = await tx
        .update(webhookDelivery)
        .set({
          attempts: attempt,
          status: succeeded ? 'succeeded' : next ? 'pending' : 'failed',
          nextAttemptAt: next ?? finishedAt,
          lockedUntil: null,
          completedAt: succeeded || !next ? finishedAt : null,
        })
        .where(and(eq(webhookDelivery.id, d.id), eq(webhookDelivery.lockedUntil, d.lease), eq(webhookDelivery.attempts, d.attempts)))
        .returning({ id: webhookDelivery.id });
      if (!held) return;
      await tx.insert(webhookAttempt).values({
        workspaceId: d.workspaceId,
        deliveryId: d.id,
        attempt,
        startedAt,
        durationMs,
        httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : null,
        error: 'error' in outcome ? outcome.error.slice(0, 500) : null,
        succeeded,
      });
    });
  }

  async function runOnce() {
    const claimed = await claim();
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => {
          if (!stopped) console.error('Parcours: webhook worker round failed', error);
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, pollMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (!running) return;
      const grace = setTimeout(() => abort.abort(), STOP_GRACE_MS);
      await running;
      clearTimeout(grace);
    },
  };
}

const globalForWorker = globalThis as unknown as { __parcoursWebhookWorker?: WebhookWorker };

/** Starts the process's worker once (kept on globalThis so a dev-server reload does not start a second). */
export function startWebhookWorker() {
  globalForWorker.__parcoursWebhookWorker ??= createWebhookWorker();
  globalForWorker.__parcoursWebhookWorker.start();
  return globalForWorker.__parcoursWebhookWorker;
}
