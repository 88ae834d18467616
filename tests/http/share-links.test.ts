// Share pages over real HTTP against the production build: what our server module adds to every
// /s/ answer (noindex, no-referrer, no-store, the token kept out of the log), the page a link opens
// without an account, and a revoked link's 404, from the next request on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer, type HttpResult } from '../support/built-server';

let server: BuiltServer;
let cookie: string;
let slug: string;
let mapPath: string;
let projectPath: string;

beforeAll(async () => {
  server = await startBuiltServer();
  cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.30');
  const home = await server.http('/', { cookie });
  slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)?.[1] ?? '';
  const maps = await server.http(`/w/${slug}/maps`, { cookie });
  mapPath = new RegExp(`/w/${slug}/maps/[0-9a-f-]{36}`).exec(maps.text)?.[0] ?? '';
  const projects = await server.http(`/w/${slug}/projects`, { cookie });
  projectPath = new RegExp(`/w/${slug}/projects/[0-9a-f-]{36}`).exec(projects.text)?.[0] ?? '';
  expect(mapPath).not.toBe('');
  expect(projectPath).not.toBe('');
});

afterAll(async () => {
  await server?.stop();
});

/** Creates a link in an object's share panel, as its form posts without JavaScript; returns the token shown once. */
async function createLink(objectPath: string, form: Record<string, string> = {}) {
  const res = await server.http(`${objectPath}/share`, { form: { intent: 'create', expiresOn: '', password: '', ...form }, cookie });
  expect(res.status).toBe(200);
  const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(res.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

function expectSharePageHeaders(res: HttpResult) {
  expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('private, no-store');
}

describe('a share page', () => {
  it('opens without an account, marked noindex and no-referrer, with the map and no way into the workspace', async () => {
    const token = await createLink(mapPath);
    const res = await server.http(`/s/${token}`);
    expect(res.status).toBe(200);
    expectSharePageHeaders(res);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.text).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(res.text).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(res.text).toContain('class="map-grid"');
    expect(res.text).not.toMatch(/href="\/w\//);
    expect(res.text).not.toContain('<form');
    expect(res.text).not.toContain('drag-handle');
    // Its data requests (client navigation, the stage window) carry the same headers.
    const data = await server.http(`/s/${token}.data`);
    expect(data.status).toBe(200);
    expectSharePageHeaders(data);
    // The token is a key: the log names the page without it.
    expect(server.output()).toContain('GET /s/… 200');
    expect(server.output()).not.toContain(token);
  });

  it('answers 404 once revoked, from the next request on, still noindex', async () => {
    const token = await createLink(mapPath);
    expect((await server.http(`/s/${token}`)).status).toBe(200);
    const panel = await server.http(`${mapPath}/share`, { cookie });
    const linkIds = [...panel.text.matchAll(/name="linkId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(linkIds.length).toBeGreaterThan(0);
    // The newest link is listed first.
    const revoked = await server.http(`${mapPath}/share`, { form: { intent: 'revoke', linkId: linkIds[0]! }, cookie });
    expect(revoked.status).toBe(200);
    const gone = await server.http(`/s/${token}`);
    expect(gone.status).toBe(404);
    expectSharePageHeaders(gone);
    expect((await server.http(`/s/${token}.data`)).status).toBe(404);
    const unknown = await server.http(`/s/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expectSharePageHeaders(unknown);
  });

  it('asks for the password of a protected business case, then opens it with the cookie a right password set', async () => {
    const token = await createLink(projectPath, { password: 'open sesame' });
    const locked = await server.http(`/s/${token}`);
    expect(locked.status).toBe(200);
    expect(locked.text).toContain('type="password"');
    expect(locked.text).not.toContain('Year by year');
    const wrong = await server.http(`/s/${token}`, { form: { password: 'open sesamE' }, localAddress: '127.0.0.31' });
    expect(wrong.status).toBe(400);
    expectSharePageHeaders(wrong);
    const right = await server.http(`/s/${token}`, { form: { password: 'open sesame' }, localAddress: '127.0.0.31' });
    expect(right.status).toBe(302);
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^parcours_share_[0-9a-f]{32}=\d+\.[A-Za-z0-9_-]{43}; Path=\/s\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const open = await server.http(`/s/${token}`, { cookie: setCookie.split(';')[0]! });
    expect(open.status).toBe(200);
    expect(open.text).toContain('Year by year');
    expect(open.text).not.toMatch(/href="\/w\//);
  });

  it('a password post from another site is refused before Remix (403)', async () => {
    const token = await createLink(projectPath, { password: 'open sesame' });
    const res = await server.http(`/s/${token}`, { form: { password: 'open sesame' }, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
