// Sessions and sign-in, behind one module. lucia v3 stores sessions in PostgreSQL; on top of its
// expiry we enforce an idle timeout (7 days since last seen) and an absolute lifetime (30 days).
// The cookie carries a random token and the database only its SHA-256 (the session id), as Lucia's
// session guide recommends: a read of the session table yields no session anyone can use.
import { createHash, randomBytes } from 'node:crypto';
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { redirect } from '@remix-run/node';
import { and, eq, ne } from 'drizzle-orm';
import { Lucia, TimeSpan, type Session, type User } from 'lucia';
import { db } from '#db/client';
import { session as sessionTable, user as userTable } from '#db/schema';
import { normaliseEmail } from '~/domain/names';
import type { Locale } from '~/domain/vocabulary';
import { env } from './env.server';
import { assertSameOrigin, failure } from './http.server';
import { oncePerRequest } from './request-context.server';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.server';
import { clear, hit, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, undo } from './throttle.server';

export const IDLE_TIMEOUT_MS = 7 * 24 * 3600 * 1000;
export const ABSOLUTE_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

const adapter = new DrizzlePostgreSQLAdapter(db as never, sessionTable, userTable);

function secureCookies() {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : e.NODE_ENV === 'production';
}

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(7, 'd'),
  sessionCookie: {
    name: 'parcours_session',
    attributes: { sameSite: 'lax', secure: secureCookies() },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    displayName: attributes.displayName,
    locale: attributes.locale,
  }),
  getSessionAttributes: (attributes) => ({
    absoluteExpiresAt: attributes.absoluteExpiresAt,
    lastSeenAt: attributes.lastSeenAt,
  }),
});

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; displayName: string; locale: Locale | null };
    DatabaseSessionAttributes: { absoluteExpiresAt: Date; lastSeenAt: Date };
  }
}

export type SignedInUser = User;

/**
 * Starts a new session and returns its Set-Cookie value (the cookie lives as long as the session
 * may). In production the cookie is Secure, except for a plain-HTTP localhost, where some browsers
 * (Safari) would drop a Secure cookie and the README's local start could not sign in.
 */
export async function startSession(userId: string, request?: Request) {
  const now = new Date();
  const absoluteExpiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
  const token = randomBytes(20).toString('hex');
  const session = await lucia.createSession(userId, { absoluteExpiresAt, lastSeenAt: now }, { sessionId: sessionIdOf(token) });
  const cookie = lucia.createSessionCookie(token);
  cookie.attributes.expires = absoluteExpiresAt;
  cookie.attributes.maxAge = undefined;
  if (request) cookie.attributes.secure = secureCookieFor(request);
  return { session, token, cookie: cookie.serialize() };
}

/** Whether a cookie set in answer to this request is Secure: as configured, except on plain-HTTP localhost (see startSession). */
export function secureCookieFor(request: Request) {
  return secureCookies() && !(env().SECURE_COOKIES === undefined && isPlainLocalhost(request));
}

function isPlainLocalhost(request: Request) {
  const url = new URL(request.url);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function blankSessionCookie() {
  return lucia.createBlankSessionCookie().serialize();
}

/** The session id stored for a cookie token: its SHA-256, in hex. */
export function sessionIdOf(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

function sessionIdFrom(request: Request) {
  const token = lucia.readSessionCookie(request.headers.get('Cookie') ?? '');
  return token ? sessionIdOf(token) : null;
}

type SignedIn = { user: User; session: Session };
// One session check per request, shared by the guard and the locale detection: per Request object,
// and across the loaders and the render of one reading request (request-context.server.ts).
const signedInByRequest = new WeakMap<Request, Promise<SignedIn | null>>();

/** The signed-in user and session, or null. Idle or too-old sessions are ended on the server. */
export function getSignedIn(request: Request): Promise<SignedIn | null> {
  let pending = signedInByRequest.get(request);
  if (!pending) {
    pending = oncePerRequest(`signedIn:${sessionIdFrom(request) ?? ''}`, () => readSignedIn(request));
    signedInByRequest.set(request, pending);
  }
  return pending;
}

async function readSignedIn(request: Request): Promise<SignedIn | null> {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  const now = Date.now();
  if (session.absoluteExpiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
    await lucia.invalidateSession(session.id);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db
      .update(sessionTable)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessionTable.id, session.id));
  }
  return { user, session };
}

/** Requires a signed-in user; otherwise redirects to sign-in and back. Checks Origin on writes. */
export async function requireUser(request: Request) {
  assertSameOrigin(request);
  const signedIn = await getSignedIn(request);
  if (!signedIn) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { 'Set-Cookie': blankSessionCookie() },
    });
  }
  return signedIn;
}

export async function endSession(request: Request) {
  const sessionId = sessionIdFrom(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return blankSessionCookie();
}

// ---------------------------------------------------------------- sign-up, sign-in, password

export async function findUserByEmail(email: string) {
  const [row] = await db
    .select()
    .from(userTable)
    .where(eq(userTable.email, normaliseEmail(email)));
  return row ?? null;
}

export async function createUser(input: { email: string; displayName: string; password: string; locale?: Locale | null }) {
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  const rows = await db
    .insert(userTable)
    .values({
      id,
      email: normaliseEmail(input.email),
      displayName: input.displayName.trim(),
      passwordHash,
      locale: input.locale ?? null,
    })
    .onConflictDoNothing({ target: userTable.email })
    .returning({ id: userTable.id });
  return rows[0]?.id ?? null;
}

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks credentials behind two counters of failures, both counted before the password is checked:
 * per client address (10 in 15 minutes), and per account (100 in 15 minutes, so a stranger cannot
 * lock the owner out from elsewhere). A right password takes its attempt back from the address and
 * clears the account's counter.
 */
export async function signIn(input: { email: string; password: string; clientAddress: string | null }): Promise<SignInResult> {
  const account = normaliseEmail(input.email);
  const byAddress = input.clientAddress ? await hit(SIGN_IN_PER_ADDRESS, input.clientAddress) : null;
  if (byAddress?.exceeded) return { ok: false, reason: 'throttled' };
  const byAccount = await hit(SIGN_IN_PER_ACCOUNT, account);
  if (byAccount.exceeded) return { ok: false, reason: 'throttled' };
  const found = await findUserByEmail(account);
  if (!found) {
    await burnPasswordCheck(input.password);
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(found.passwordHash, input.password))) return { ok: false, reason: 'invalid' };
  await Promise.all([clear(SIGN_IN_PER_ACCOUNT, account), byAddress ? undo(byAddress) : null]);
  return { ok: true, userId: found.id };
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(userId: string, currentSessionId: string, current: string, next: string) {
  const [row] = await db.select().from(userTable).where(eq(userTable.id, userId));
  if (!row || !(await verifyPassword(row.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(userTable).set({ passwordHash }).where(eq(userTable.id, userId));
    await tx.delete(sessionTable).where(and(eq(sessionTable.userId, userId), ne(sessionTable.id, currentSessionId)));
  });
  return true;
}

export function throttledResponse(message = 'throttled') {
  return failure(429, message);
}
