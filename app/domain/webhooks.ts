// Webhooks, the pure parts: the signature header and its check, the retry schedule, the shapes of
// the event documents, and which target addresses a webhook may reach (the SSRF rule). The database
// outbox and the HTTP sending are in app/server/webhooks*.server.ts.
import { createHmac, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { KpiStatus, ProjectStatus, ValueSource, WebhookEvent } from './vocabulary';

export const WEBHOOK_USER_AGENT = 'Parcours-Webhooks/1';
/** A try that has not answered within this time failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A receiver's clock may differ from ours by this much (the README's recipe checks it). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

// ---------------------------------------------------------------- signature

const hmac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** `Parcours-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** The receiver's check: a well-formed header, a timestamp within the tolerance, the same HMAC (constant-time). */
export function verifySignature(header: string, secret: string, body: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(match[2]!, 'hex'), Buffer.from(hmac(secret, timestamp, body), 'hex'));
}

// ---------------------------------------------------------------- retries

/**
 * Delay before each try, in seconds: the first at once, then 1, 5, 15, 30 and 60 minutes after the
 * previous failure. Six tries spread over 1 h 51 min; after the sixth failure the delivery has failed.
 */
export const RETRY_DELAYS_SECONDS = [0, 60, 300, 900, 1800, 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length;

/** When the next try is due after `attemptsMade` tries, the last of which failed at `failedAt`; null when none is left. */
export function nextAttemptAt(attemptsMade: number, failedAt: Date): Date | null {
  if (attemptsMade >= MAX_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + RETRY_DELAYS_SECONDS[attemptsMade]! * 1000);
}

/** A 2xx answer is a delivery; anything else (redirects included, they are not followed) is a failure. */
export const isDelivered = (httpStatus: number) => httpStatus >= 200 && httpStatus < 300;

// ---------------------------------------------------------------- target addresses (SSRF)

/**
 * The class of an IP address: `public` (global unicast) or the special range it falls in. An
 * IPv4-mapped IPv6 address (::ffff:127.0.0.1) is classified as the IPv4 address it carries.
 * Null when `address` is not an IP address.
 */
export function classifyAddress(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.process(bare);
  const range = parsed.range();
  if (range !== 'unicast') return range;
  // The deprecated IPv4-compatible form (::a.b.c.d in ::/96) is listed by ipaddr.js as unicast.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  return 'public';
}

/** Only global unicast addresses may be reached, unless private targets are allowed (local testing). */
export const isAllowedAddress = (address: string, allowPrivate: boolean) => allowPrivate || classifyAddress(address) === 'public';

/**
 * What a URL's host is: an IP address (with its class), a name reserved for this machine
 * (`localhost`, `*.localhost`), or a name to resolve before we know.
 */
export function classifyHost(hostname: string): { kind: 'address'; range: string } | { kind: 'name' } {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const range = classifyAddress(host);
  if (range) return { kind: 'address', range };
  if (host === 'localhost' || host.endsWith('.localhost')) return { kind: 'address', range: 'loopback' };
  return { kind: 'name' };
}

export type WebhookUrlProblem = 'invalid' | 'scheme' | 'credentials' | 'privateAddress';

/**
 * Checks a webhook URL before anything is resolved: https (http only when private targets are
 * allowed), no user name or password in it, and no literal private address. Names are resolved by
 * the caller and each address checked with `isAllowedAddress`.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): { ok: true; url: URL; needsLookup: boolean } | { ok: false; problem: WebhookUrlProblem } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (!url.hostname) return { ok: false, problem: 'invalid' };
  const host = classifyHost(url.hostname);
  if (host.kind === 'address' && !allowPrivate && host.range !== 'public') return { ok: false, problem: 'privateAddress' };
  return { ok: true, url, needsLookup: host.kind === 'name' };
}

// ---------------------------------------------------------------- event documents

export type WebhookEventType = WebhookEvent | 'ping';

/** Every body is this envelope: which event, when, for which workspace, and its data. */
export interface WebhookEnvelope<T = unknown> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  workspace: { id: string };
  data: T;
}

export function webhookEnvelope<T>(type: WebhookEventType, id: string, createdAt: Date, workspaceId: string, data: T): WebhookEnvelope<T> {
  return { id, type, createdAt: createdAt.toISOString(), workspace: { id: workspaceId }, data };
}

/** Where a KPI sits: its map, stage and measure, with their names. */
export interface KpiPlace {
  id: string;
  map: { id: string; name: string };
  stage: { id: string; name: string };
  measure: { id: string; name: string };
}

/** A value written (or, with `value` null, deleted) on a date. */
export interface KpiValueChange {
  kpiId: string;
  date: string;
  value: string | null;
}

export interface KpiValuesChangedData {
  source: ValueSource;
  kpis: (KpiPlace & { values: { date: string; value: string | null }[] })[];
}

/** `kpi.values_changed`: the changes grouped per KPI (in order of first appearance), each with its place. */
export function kpiValuesChangedData(source: ValueSource, changes: readonly KpiValueChange[], places: ReadonlyMap<string, KpiPlace>): KpiValuesChangedData {
  const byKpi = new Map<string, KpiValuesChangedData['kpis'][number]>();
  for (const change of changes) {
    const place = places.get(change.kpiId);
    if (!place) continue;
    let entry = byKpi.get(change.kpiId);
    if (!entry) byKpi.set(change.kpiId, (entry = { ...place, values: [] }));
    entry.values.push({ date: change.date, value: change.value });
  }
  return { source, kpis: [...byKpi.values()] };
}

export interface KpiStatusChangedData {
  source: ValueSource;
  kpis: (KpiPlace & { before: KpiStatus; after: KpiStatus })[];
}

/** `kpi.status_changed`: the KPIs whose status differs after the write; null when none does. */
export function kpiStatusChangedData(
  source: ValueSource,
  before: ReadonlyMap<string, KpiStatus>,
  after: ReadonlyMap<string, KpiStatus>,
  places: ReadonlyMap<string, KpiPlace>,
): KpiStatusChangedData | null {
  const kpis: KpiStatusChangedData['kpis'] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    const place = places.get(id);
    if (then !== undefined && then !== now && place) kpis.push({ ...place, before: then, after: now });
  }
  return kpis.length ? { source, kpis } : null;
}

/** What part of a project a `project.updated` event is about. */
export const PROJECT_CHANGES = ['details', 'assumptions', 'archived', 'restored', 'costs', 'kpis'] as const;
export type ProjectChange = (typeof PROJECT_CHANGES)[number];

export interface ProjectUpdatedData {
  project: { id: string; name: string; status: ProjectStatus; archived: boolean };
  change: ProjectChange;
}

export interface PingData {
  webhook: { id: string };
  message: string;
}
