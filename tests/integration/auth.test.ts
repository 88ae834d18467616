import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { session, user } from '../../db/schema';
import * as account from '~/routes/account';
import * as login from '~/routes/login';
import * as logout from '~/routes/logout';
import * as signup from '~/routes/signup';
import * as workspaceLayout from '~/routes/w.$slug';
import { LOCALES } from '~/domain/vocabulary';
import { call, makeUser, makeWorkspace, request } from '../support/factories';

async function userCount() {
  const [row] = await db.select({ n: count() }).from(user);
  return row!.n;
}

describe('sign-up', () => {
  it('creates the account, starts a session and leads to workspace creation', async () => {
    const res = await call(signup.action, {
      request: request('/signup', { form: { email: 'Ana@Example.com', displayName: 'Ana', password: 'a-long-password' } }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/workspaces/new');
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/parcours_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const [row] = await db.select().from(user).where(eq(user.email, 'ana@example.com'));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it.each([
    [{ email: 'not-an-email', displayName: 'X', password: 'long-enough' }, 'email', 'field.email'],
    [{ email: 'x@example.com', displayName: 'X', password: 'short' }, 'password', 'field.passwordLength'],
    [{ email: 'x@example.com', displayName: 'X', password: 'p'.repeat(129) }, 'password', 'field.passwordLength'],
    [{ email: 'x@example.com', displayName: '', password: 'long-enough' }, 'displayName', 'field.required'],
  ])('refuses %o with a 400 and writes nothing', async (form, field, message) => {
    const before = await userCount();
    const res = await call(signup.action, { request: request('/signup', { form }) });
    expect(res.status).toBe(400);
    expect(res.data.error[field]).toContain(message);
    expect(await userCount()).toBe(before);
  });

  it('refuses an email that already has an account without saying so (no account enumeration)', async () => {
    const existing = await makeUser();
    const res = await call(signup.action, {
      request: request('/signup', { form: { email: existing.email.toUpperCase(), displayName: 'Dup', password: 'long-enough-1' } }),
    });
    expect(res.status).toBe(400);
    expect(res.data.error.email).toBeUndefined();
    expect(res.data.error['']).toEqual(['signupRefused']);
    for (const lng of LOCALES) {
      const { default: messages } = await import(`~/locales/${lng}/errors.json`);
      expect(messages.signupRefused).toBeTruthy();
      expect(messages).not.toHaveProperty('emailTaken');
    }
  });
});

describe('sign-in', () => {
  it('signs in with the right password and follows only same-site redirects', async () => {
    const u = await makeUser({ password: 'right-password' });
    const ok = await call(login.action, {
      request: request('/login', { form: { email: u.email, password: 'right-password', redirectTo: '/account' } }),
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('Location')).toBe('/account');
    const evil = await call(login.action, {
      request: request('/login', { form: { email: u.email, password: 'right-password', redirectTo: '//evil.example' } }),
    });
    expect(evil.headers.get('Location')).toBe('/');
  });

  it('gives one generic message for a wrong password and an unknown email', async () => {
    const u = await makeUser();
    const wrong = await call(login.action, { request: request('/login', { form: { email: u.email, password: 'nope-nope' } }) });
    const unknown = await call(login.action, { request: request('/login', { form: { email: 'ghost@example.com', password: 'nope-nope' } }) });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data.error['']).toEqual(['invalidCredentials']);
    expect(unknown.data.error['']).toEqual(['invalidCredentials']);
  });
});

describe('redirect after sign-in and sign-up', () => {
  const hostile = ['/\t/evil.example/', '/\n/evil.example/', '/\\evil.example', '//evil.example', 'https://evil.example/', 'javascript:alert(1)'];

  it.each(hostile)('sign-in with redirectTo %j stays on our site, never a 500', async (redirectTo) => {
    const u = await makeUser({ password: 'right-password' });
    const res = await call(login.action, { request: request('/login', { form: { email: u.email, password: 'right-password', redirectTo } }) });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/');
  });

  it.each(hostile)('sign-up with redirectTo %j stays on our site, never a 500', async (redirectTo) => {
    const res = await call(signup.action, {
      request: request('/signup', {
        form: { email: `r-${Math.random().toString(36).slice(2)}@example.com`, displayName: 'R', password: 'a-long-password', redirectTo },
      }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/workspaces/new');
  });

  it('a NUL in redirectTo is refused with 400 before any session exists (every form refuses NUL)', async () => {
    const u = await makeUser({ password: 'right-password' });
    const before = await db.select().from(session).where(eq(session.userId, u.id));
    const res = await call(login.action, {
      request: request('/login', { form: { email: u.email, password: 'right-password', redirectTo: '/\u0000/evil.example' } }),
    });
    expect(res.status).toBe(400);
    expect(await db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(before.length);
  });
});

describe('sessions', () => {
  it('refuses an idle session and an expired one, and ends them on the server', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const ok = await call(workspaceLayout.loader, { request: request(`/w/${ws.slug}`, { user: owner }), params: { slug: ws.slug } });
    expect(ok.status).toBe(200);

    await db
      .update(session)
      .set({ lastSeenAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
      .where(eq(session.id, owner.sessionId));
    const idle = await call(workspaceLayout.loader, { request: request(`/w/${ws.slug}`, { user: owner }), params: { slug: ws.slug } });
    expect(idle.status).toBe(302);
    expect(idle.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/w/${ws.slug}`)}`);
    expect(await db.select().from(session).where(eq(session.id, owner.sessionId))).toHaveLength(0);

    const other = await makeUser();
    await db
      .update(session)
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.id, other.sessionId));
    const expired = await call(account.loader, { request: request('/account', { user: other }) });
    expect(expired.status).toBe(302);
  });

  it('stores only a hash of the cookie token: a read of the session table yields no live session', async () => {
    const u = await makeUser({ password: 'right-password' });
    const res = await call(login.action, { request: request('/login', { form: { email: u.email, password: 'right-password' } }) });
    expect(res.status).toBe(302);
    const token = /parcours_session=([^;]+)/.exec(res.headers.get('Set-Cookie')!)![1]!;
    const rows = await db.select().from(session).where(eq(session.userId, u.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.id).not.toBe(token);
    expect(await db.select().from(session).where(eq(session.id, token))).toHaveLength(0);
    const { createHash } = await import('node:crypto');
    expect(rows.map((r) => r.id)).toContain(createHash('sha256').update(token).digest('hex'));
    // The cookie itself still signs in.
    const withCookie = await call(account.loader, { request: request('/account', { headers: { Cookie: `parcours_session=${token}` } }) });
    expect(withCookie.status).toBe(200);
    // A session id copied from the database, used as a cookie, does not.
    const stolen = await call(account.loader, { request: request('/account', { headers: { Cookie: `parcours_session=${u.sessionId}` } }) });
    expect(stolen.status).toBe(302);
  });

  it('sign-out ends the session on the server', async () => {
    const u = await makeUser();
    const res = await call(logout.action, { request: request('/logout', { user: u, method: 'POST' }) });
    expect(res.status).toBe(302);
    expect(await db.select().from(session).where(eq(session.id, u.sessionId))).toHaveLength(0);
    const after = await call(account.loader, { request: request('/account', { user: u }) });
    expect(after.status).toBe(302);
  });

  it('changing the password ends the other sessions but keeps this one', async () => {
    const u = await makeUser({ password: 'old-password' });
    const secondLogin = await call(login.action, { request: request('/login', { form: { email: u.email, password: 'old-password' } }) });
    expect(secondLogin.status).toBe(302);
    expect(await db.select().from(session).where(eq(session.userId, u.id))).toHaveLength(2);

    const wrong = await call(account.action, {
      request: request('/account', { user: u, form: { intent: 'password', currentPassword: 'not-it-at-all', newPassword: 'new-password' } }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.currentPassword).toEqual(['wrongPassword']);

    const res = await call(account.action, {
      request: request('/account', { user: u, form: { intent: 'password', currentPassword: 'old-password', newPassword: 'new-password' } }),
    });
    expect(res.status).toBe(200);
    const remaining = await db.select().from(session).where(eq(session.userId, u.id));
    expect(remaining.map((s) => s.id)).toEqual([u.sessionId]);
    const relogin = await call(login.action, { request: request('/login', { form: { email: u.email, password: 'new-password' } }) });
    expect(relogin.status).toBe(302);
  });
});
