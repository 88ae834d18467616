// How the public API answers: JSON with an ETag (304 on If-None-Match), RFC 9457 problems with the
// path of each invalid field, the JSON body read under a size limit, and Idempotency-Key replays
// kept for 24 hours (table api_idempotency). Routes under app/routes/api.v1.* use only these.
import { createHash } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '#db/client';
import { apiIdempotency } from '#db/schema';
import type { UsableToken } from './api-tokens.server';
import type { Result } from './result.server';

export const API_BODY_LIMIT = 64 * 1024;
/** 10,000 values of {kpi, date, value} fit in 6 MB with room for whitespace. */
export const API_BATCH_BODY_LIMIT = 6 * 1024 * 1024;
const IDEMPOTENCY_HOURS = 24;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface ProblemIssue {
  path: string;
  pointer: string;
  message: string;
  /** For a CSV body: the file's line (the header is line 1) and column, as the import page shows them. */
  line?: number;
  column?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  413: 'Payload too large',
  405: 'Method not allowed',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
};

/** The body of an RFC 9457 problem document. */
export function problemBody(status: number, detail?: string, errors?: ProblemIssue[]) {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** An RFC 9457 problem document. */
export function problem(status: number, detail?: string, extra: { errors?: ProblemIssue[]; headers?: Record<string, string> } = {}) {
  const body = problemBody(status, detail, extra.errors);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...extra.headers },
  });
}

export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): ProblemIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return { path: path.join('.'), pointer: `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, message: issue.message };
  });
}

/** A JSON answer to a read, with a strong ETag over the body: 304 when If-None-Match names it. */
export function jsonRead(request: Request, body: unknown) {
  const text = JSON.stringify(body);
  const etag = `"${sha256(text).slice(0, 32)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
  const match = request.headers.get('If-None-Match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, 'Content-Type': 'application/json' } });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers } });
}

/** The query string checked by a schema; a bad parameter throws a 400 problem naming it. */
export function parseQuery<S extends z.ZodTypeAny>(request: Request, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw problem(400, 'Invalid query parameters.', { errors: issuesOf(parsed.error) });
  return parsed.data;
}

/** A path parameter checked by a schema; an id that is not a uuid cannot exist: 404. */
export function parseParams<S extends z.ZodTypeAny>(params: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw problem(404);
  return parsed.data;
}

/** The body's media type, lower case, without parameters (`text/csv; charset=utf-8` -> `text/csv`). */
export function bodyType(request: Request) {
  return request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? null;
}

async function readBodyText(request: Request, limit: number) {
  if (Number(request.headers.get('Content-Length') ?? '0') > limit) throw problem(413, `The body is larger than ${limit} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw problem(413, `The body is larger than ${limit} bytes.`);
  return text;
}

/** Reads a text/csv body under the limit (413 over it); 415 for another type. */
export async function readCsvBody(request: Request, limit: number) {
  if (bodyType(request) !== 'text/csv') throw problem(415, 'Send the body as text/csv.');
  return readBodyText(request, limit);
}

/**
 * Reads the JSON body (the HTTP edge already refused other types and oversized bodies; this holds
 * when the action is reached another way): 415, 413, 400 for broken JSON, 400 with field paths.
 */
export async function readJsonBody<S extends z.ZodTypeAny>(request: Request, schema: S, limit: number): Promise<{ text: string; value: z.output<S> }> {
  if (bodyType(request) !== 'application/json') throw problem(415, 'Send the body as application/json.');
  const text = await readBodyText(request, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw problem(400, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw problem(400, 'The body does not match the schema.', { errors: issuesOf(parsed.error) });
  return { text, value: parsed.data };
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a write at most once per Idempotency-Key and token for 24 hours: a repeat with the same
 * request gets the stored answer (header Idempotent-Replayed: true); the same key with another
 * request is refused (422). Without the header the write simply runs.
 */
export async function withIdempotency(request: Request, token: UsableToken, bodyText: string, run: () => Promise<{ status: number; body: unknown }>) {
  const key = request.headers.get('Idempotency-Key');
  if (key === null) {
    const answer = await run();
    return json(answer.body, answer.status);
  }
  if (!KEY_PATTERN.test(key)) throw problem(400, 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  const requestHash = sha256(`${request.method} ${new URL(request.url).pathname}\n${bodyText}`);
  const fresh = sql`now() - make_interval(hours => ${IDEMPOTENCY_HOURS})`;
  const [stored] = await db
    .select({ requestHash: apiIdempotency.requestHash, status: apiIdempotency.status, body: apiIdempotency.body })
    .from(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.workspaceId, token.workspaceId),
        eq(apiIdempotency.tokenId, token.id),
        eq(apiIdempotency.key, key),
        gt(apiIdempotency.createdAt, fresh),
      ),
    );
  if (stored) {
    if (stored.requestHash !== requestHash) throw problem(422, 'This Idempotency-Key was used with another request.');
    return json(stored.body, stored.status, { 'Idempotent-Replayed': 'true' });
  }
  const answer = await run();
  await db
    .insert(apiIdempotency)
    .values({ tokenId: token.id, key, workspaceId: token.workspaceId, requestHash, status: answer.status, body: answer.body as object })
    .onConflictDoUpdate({
      target: [apiIdempotency.tokenId, apiIdempotency.key],
      set: { requestHash, status: answer.status, body: answer.body as object, createdAt: sql`now()` },
      setWhere: lt(apiIdempotency.createdAt, fresh),
    });
  await db.delete(apiIdempotency).where(and(eq(apiIdempotency.workspaceId, token.workspaceId), lt(apiIdempotency.createdAt, fresh)));
  return json(answer.body, answer.status);
}

/** A server module's result as an API answer: the document with its ETag, or the problem. */
export function answerRead<T, C>(request: Request, result: Result<T, C>) {
  switch (result.status) {
    case 'ok':
      return jsonRead(request, result.value);
    case 'invalid':
      return problem(400, result.message, { errors: [{ path: result.field, pointer: `/${result.field}`, message: result.message }] });
    default:
      // Another workspace's id answers like a missing one.
      return problem(404);
  }
}
