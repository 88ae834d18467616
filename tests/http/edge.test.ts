// What our server module does before Remix runs an action and after it answers, checked over real
// HTTP against the production build: the origin check, body limits, malformed addresses, security
// headers and caching on every kind of response, request ids in the log.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

let server: BuiltServer;
let cookie: string;
let slug: string;

beforeAll(async () => {
  server = await startBuiltServer();
  cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.10');
  const home = await server.http('/', { cookie });
  slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)?.[1] ?? '';
  expect(slug).not.toBe('');
});

afterAll(async () => {
  await server?.stop();
});

describe('the origin check runs before Remix', () => {
  it.each([
    ['another site', 'https://evil.example'],
    ['an opaque origin', 'null'],
    ['no Origin header', null],
  ])('a POST from %s to a page answers our 403, not a 500', async (_label, origin) => {
    for (const path of ['/login', `/w/${slug}/settings`, `/w/${slug}/measures`, '/no-such-page']) {
      const res = await server.http(path, { form: { intent: 'x' }, origin, cookie });
      expect(res.status, path).toBe(403);
      expect(res.text).toContain('did not come from a Parcours page');
    }
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('%s from another origin answers 403, and from ours 405', async (method) => {
    const crossSite = await server.http(`/w/${slug}/settings`, { method, form: { intent: 'x' }, origin: 'https://evil.example', cookie });
    expect(crossSite.status).toBe(403);
    const sameSite = await server.http(`/w/${slug}/settings`, { method, form: { intent: 'x' }, cookie });
    expect(sameSite.status).toBe(405);
  });

  it('a same-origin form post still reaches the action', async () => {
    const res = await server.http('/login', { form: { email: 'nobody@example.com', password: 'wrong password', redirectTo: '' }, localAddress: '127.0.0.11' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Sign in');
  });
});

describe('bodies', () => {
  it('a body announced over the limit is refused with 413 before it is read', async () => {
    const started = Date.now();
    // Announces 100 MB but sends 1 MB: the answer cannot wait for the rest.
    const res = await server.http('/login', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * 1024 * 1024) },
      body: Buffer.alloc(1024 * 1024, 'a'),
    });
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a chunked body is counted as it arrives: 1 MB to a form route answers 413', async () => {
    const res = await server.http(`/w/${slug}/settings`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `intent=settings&name=${'x'.repeat(1024 * 1024)}`,
      chunked: true,
      cookie,
    });
    expect(res.status).toBe(413);
  });

  it('a 10 MB invalid field is not echoed back: 413, a short answer', async () => {
    const res = await server.http('/login', { form: { email: 'x'.repeat(10 * 1024 * 1024), password: 'x' } });
    expect(res.status).toBe(413);
    expect(res.text.length).toBeLessThan(1_000);
  });

  it('upload routes take files up to 6 MB, not more', async () => {
    const boundary = 'parcoursboundary';
    const multipart = (size: number) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\nContent-Type: text/csv\r\n\r\n${'a'.repeat(size)}\r\n--${boundary}--\r\n`,
      );
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    const ok = await server.http(`/w/${slug}/kpis/import`, { headers, body: multipart(1024 * 1024), cookie });
    expect(ok.status).not.toBe(413);
    expect(ok.status).toBeLessThan(500);
    const tooBig = await server.http(`/w/${slug}/kpis/import`, { headers, body: multipart(7 * 1024 * 1024), cookie });
    expect(tooBig.status).toBe(413);
  });

  it.each([
    ['no content type', {}],
    ['JSON', { 'Content-Type': 'application/json' }],
    ['plain text', { 'Content-Type': 'text/plain' }],
  ])('a post with %s answers 415', async (_label, headers) => {
    const res = await server.http(`/w/${slug}/measures`, { headers, body: '{"intent":"create"}', cookie });
    expect(res.status).toBe(415);
  });
});

describe('malformed addresses', () => {
  it.each(['/w/%00', '/login?redirectTo=%00', '/w/demo%0d%0aX-Injected:%201', '/w/%E0%A4%A', '/login?x=%ZZ'])('%s answers 400', async (path) => {
    const res = await server.http(path, { cookie });
    expect(res.status).toBe(400);
  });
});

describe('headers on every response', () => {
  const REQUIRED = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id'];

  it.each([
    ['a document', '/login', false],
    ['a data request', '/login.data', false],
    ['a signed-in document', 'WORKSPACE', true],
    ['a download', 'WORKSPACE/kpis/template', true],
    ['a redirect', '/w/whatever', false],
    ['a 404 page', '/no-such-page', false],
    ['a static file', '/favicon.svg', false],
  ])('%s carries the security headers', async (_label, path, signedIn) => {
    const res = await server.http(path.replace('WORKSPACE', `/w/${slug}`), signedIn ? { cookie } : {});
    for (const name of REQUIRED) expect(res.headers.get(name), `${name} on ${path}`).toBeTruthy();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('the CSP allows scripts only from us or with this response nonce, and the page scripts carry it', async () => {
    const first = await server.http('/login');
    const csp = first.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...first.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const second = await server.http('/login');
    expect(/'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1]).not.toBe(nonce);
  });

  it('signed-in pages and data are private and never stored', async () => {
    for (const path of [`/w/${slug}`, `/w/${slug}.data`, `/w/${slug}/kpis/template`]) {
      const res = await server.http(path, { cookie });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
    }
  });

  it('fingerprinted assets are immutable; pages compress', async () => {
    const page = await server.http('/login', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec((await server.http('/login')).text)?.[1];
    expect(asset).toBeTruthy();
    const res = await server.http(asset!);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('scripts leave the server as the build compressed them: Brotli when the browser accepts it, else gzip', async () => {
    const script = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec((await server.http('/login')).text)?.[1];
    expect(script).toBeTruthy();
    const plain = await server.http(script!);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const br = await server.http(script!, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toContain('javascript');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(plain.text);
    const gz = await server.http(script!, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(plain.text);
    expect(br.body.length).toBeLessThan(gz.body.length);
  });

  it('every request is logged with its request id', async () => {
    const res = await server.http('/login');
    const id = res.headers.get('x-request-id')!;
    expect(server.output()).toContain(`[${id}] GET /login 200`);
  });

  it('an invitation’s token stays out of the log: it is a key to the workspace', async () => {
    const invited = await server.http(`/w/${slug}/settings`, { form: { intent: 'invite', email: 'log-check@example.org', role: 'viewer' }, cookie });
    expect(invited.status).toBe(200);
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(invited.text)?.[1];
    expect(token).toBeTruthy();
    const page = await server.http(`/invite/${token}`);
    expect(page.status).toBe(200);
    const id = page.headers.get('x-request-id')!;
    expect(server.output()).toContain(`[${id}] GET /invite/… 200`);
    expect(server.output()).not.toContain(token);
  });
});
