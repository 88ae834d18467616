// Sign-in hardening seen from outside, against the production build: redirects stay on our site,
// throttling goes by the socket's address, the demo password never appears on a page, and another
// tenant's export answers 404 without being logged as an unexpected error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

let server: BuiltServer;

beforeAll(async () => {
  server = await startBuiltServer({ env: { SEED_DEMO: 'true' } });
});

afterAll(async () => {
  await server?.stop();
});

describe('sign-in over HTTP', () => {
  it('a redirectTo of "/\\t/evil.example/phish" answers a redirect that stays on our origin', async () => {
    const res = await server.http('/login', {
      form: { email: DEMO_OWNER.email, password: DEMO_OWNER.password, redirectTo: '/\t/evil.example/phish' },
      localAddress: '127.0.0.21',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(new URL(location, server.baseUrl).origin).toBe(new URL(server.baseUrl).origin);
    expect(location).not.toMatch(/evil/);
  });

  it('throttles failed sign-ins per socket address: a second client is not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await server.http('/login', { form: { email: DEMO_OWNER.email, password: `wrong-guess-${i}` }, localAddress: '127.0.0.22' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const sameClient = await server.http('/login', { form: { email: DEMO_OWNER.email, password: DEMO_OWNER.password }, localAddress: '127.0.0.22' });
    expect(sameClient.status).toBe(429);
    const otherClient = await server.http('/login', { form: { email: DEMO_OWNER.email, password: DEMO_OWNER.password }, localAddress: '127.0.0.23' });
    expect(otherClient.status).toBe(302);
  });

  it('the sign-in page of a production build with SEED_DEMO=true does not show the demo password', async () => {
    const page = await server.http('/login');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form');
    expect(page.text).not.toContain(DEMO_OWNER.password);
    // It is printed on the terminal instead.
    expect(server.output()).toContain(DEMO_OWNER.password);
  });
});

describe('expected failures are not logged as errors', () => {
  it("another workspace's project CSV answers 404 without an error in the log", async () => {
    const cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.24');
    const home = await server.http('/', { cookie });
    const slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)?.[1];
    expect(slug).toBeTruthy();
    const before = server.output().length;
    // A project id that is not in this workspace (as another tenant's would be).
    const res = await server.http(`/w/${slug}/projects/00000000-0000-4000-8000-000000000000/csv`, { cookie });
    expect(res.status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    const log = server.output().slice(before);
    expect(log).not.toMatch(/\[error /);
    expect(log).not.toMatch(/Error/);
  });
});
