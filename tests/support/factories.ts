// Factories that build valid rows with overrides, and helpers to call loaders and actions the way
// Remix does: real Requests with a session cookie and a same-site Origin.
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { membership, user as userTable } from '../../db/schema';
import type { Locale, Role } from '../../db/vocabulary';
import { createUser, lucia, startSession } from '~/server/auth.server';
import { createWorkspace } from '~/server/workspaces.server';

export const ORIGIN = 'http://parcours.test';
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
  /** The session row's id (the SHA-256 of the cookie token). */
  sessionId: string;
}

export async function makeUser(overrides: { email?: string; displayName?: string; password?: string; locale?: Locale } = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${next()}@example.com`;
  const password = overrides.password ?? 'correct horse battery';
  const id = await createUser({ email, displayName: overrides.displayName ?? 'Test User', password, locale: overrides.locale ?? 'en' });
  if (!id) throw new Error(`user ${email} already exists`);
  const { session, token } = await startSession(id);
  return { id, email: email.toLowerCase(), password, sessionId: session.id, cookie: cookieFor(token) };
}

/** The Cookie header for a session token (the cookie value; the session row's id is its hash). */
export function cookieFor(token: string) {
  const c = lucia.createSessionCookie(token);
  return `${c.name}=${c.value}`;
}

export async function makeWorkspace(owner: TestUser, overrides: { name?: string; currency?: string; locale?: Locale } = {}) {
  return createWorkspace(owner.id, {
    name: overrides.name ?? `Workspace ${next()}`,
    currency: overrides.currency ?? 'EUR',
    locale: overrides.locale ?? 'en',
  });
}

export async function addMember(workspaceId: string, member: TestUser, role: Role) {
  await db.insert(membership).values({ workspaceId, userId: member.id, role });
}

export async function userRow(id: string) {
  const [row] = await db.select().from(userTable).where(eq(userTable.id, id));
  return row;
}

type FormValue = string | number | undefined | null;

/** A Request as a browser would send it: session cookie, same-site Origin, form-encoded body. */
export function request(
  path: string,
  options: {
    user?: TestUser | null;
    method?: string;
    form?: Record<string, FormValue | FormValue[]>;
    origin?: string | null;
    headers?: Record<string, string>;
    body?: BodyInit;
  } = {},
) {
  const url = new URL(path, ORIGIN);
  const headers = new Headers(options.headers);
  headers.set('Host', url.host);
  if (options.user) headers.set('Cookie', options.user.cookie);
  const method = options.method ?? (options.form || options.body ? 'POST' : 'GET');
  if (method !== 'GET' && options.origin !== null) headers.set('Origin', options.origin ?? ORIGIN);
  let body: BodyInit | undefined = options.body;
  if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) params.append(key, String(v));
    }
    body = params;
  }
  return new Request(url, { method, headers, body });
}

interface RouteArgs {
  request: Request;
  params?: Record<string, string>;
  /** Remix's load context as our HTTP server builds it (e.g. { clientAddress: '203.0.113.7' }). */
  context?: Record<string, unknown>;
}

type DataFunction = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Calls a loader or action and returns what it returned or threw, as { status, data, headers }. */
export async function call(fn: DataFunction, { request: req, params = {}, context = {} }: RouteArgs) {
  try {
    const result = await fn({ request: req, params, context });
    return unwrap(result, 200);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return unwrap(thrown, 500);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return typeof value === 'object' && value !== null && (value as { type?: string }).type === 'DataWithResponseInit';
}

async function unwrap(result: unknown, fallbackStatus: number) {
  if (result instanceof Response) {
    const text = await result.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: result.status, data: parsed as any, headers: result.headers };
  }
  if (isDataWithInit(result)) {
    return { status: result.init?.status ?? 200, data: result.data as any, headers: new Headers(result.init?.headers) };
  }
  return { status: fallbackStatus === 500 ? 500 : 200, data: result as any, headers: new Headers() };
}
