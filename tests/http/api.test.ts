// The public API at the HTTP edge, over real HTTP against the production build: /api/ takes JSON
// (and the batch of values CSV) with a Bearer token and no Origin (pages still refuse both), cookies never authenticate there,
// the batch route takes up to 6 MB and the rest 64 KB, and the log never shows a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerWithToken, startBuiltServer, type BuiltServer } from '../support/built-server';

let server: BuiltServer;
let cookie: string;
let slug: string;
let secret: string;
let kpiId: string;

beforeAll(async () => {
  server = await startBuiltServer();
  // The owner makes a token through the settings page, as a person would.
  ({ cookie, slug, secret } = await demoOwnerWithToken(server, '127.0.0.12', 'HTTP test'));
  expect(secret).not.toBe('');
  const kpis = await server.http('/api/v1/kpis?limit=1', { headers: { Authorization: `Bearer ${secret}` } });
  kpiId = JSON.parse(kpis.text).data[0].id;
});

afterAll(async () => {
  await server?.stop();
});

const bearer = () => ({ Authorization: `Bearer ${secret}` });

describe('the edge rules for /api/', () => {
  it('a JSON POST with a token and no Origin reaches the API; the same body on a page is still refused', async () => {
    const body = JSON.stringify({ values: [{ kpi: kpiId, date: '2025-12-31', value: '1' }] });
    const res = await server.http('/api/v1/kpi-values', { method: 'POST', origin: null, headers: { ...bearer(), 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ received: 1 });
    const page = await server.http(`/w/${slug}/settings`, { method: 'POST', origin: null, headers: { 'Content-Type': 'application/json' }, body, cookie });
    expect(page.status).toBe(403);
    const pageSameOrigin = await server.http(`/w/${slug}/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, cookie });
    expect(pageSameOrigin.status).toBe(415);
  });

  it('a body that is not JSON is 415 on /api/; a session cookie alone is 401 there', async () => {
    const form = await server.http('/api/v1/kpi-values', { form: { values: '1' }, origin: null, headers: bearer() });
    expect(form.status).toBe(415);
    const withCookie = await server.http('/api/v1/measures', { cookie });
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('the batch of values also takes text/csv (the KPI template), with no Origin; no other /api/ route does', async () => {
    const csv = `kpi_id,map,stage,measure,unit,date,value,target\n${kpiId},,,,,2025-11-30,7,\n`;
    const res = await server.http('/api/v1/kpi-values', { method: 'POST', origin: null, headers: { ...bearer(), 'Content-Type': 'text/csv' }, body: csv });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ received: 1, new: 1, changed: 0, unchanged: 0 });
    const bad = await server.http('/api/v1/kpi-values', {
      method: 'POST',
      origin: null,
      headers: { ...bearer(), 'Content-Type': 'text/csv; charset=utf-8' },
      body: csv.replace(',7,', ',seven,'),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json');
    expect(JSON.parse(bad.text).errors).toEqual([expect.objectContaining({ line: 2, column: 'value', message: 'bad_number' })]);
    for (const path of ['/api/v1/measures', '/api/v1/kpi-values/extra']) {
      const other = await server.http(path, { method: 'POST', origin: null, headers: { ...bearer(), 'Content-Type': 'text/csv' }, body: csv });
      expect(other.status, path).toBe(415);
    }
    const plain = await server.http('/api/v1/kpi-values', { method: 'POST', origin: null, headers: { ...bearer(), 'Content-Type': 'text/plain' }, body: csv });
    expect(plain.status).toBe(415);
    // A cookie never stands for the token, whatever the body.
    const withCookie = await server.http('/api/v1/kpi-values', { method: 'POST', origin: null, headers: { 'Content-Type': 'text/csv' }, body: csv, cookie });
    expect(withCookie.status).toBe(401);
    const tooBig = await server.http('/api/v1/kpi-values', {
      method: 'POST',
      origin: null,
      headers: { ...bearer(), 'Content-Type': 'text/csv' },
      body: `kpi_id,date,value\n${'x'.repeat(6 * 1024 * 1024 + 10)}`,
      chunked: true,
    });
    expect(tooBig.status).toBe(413);
  });

  it('body limits: 6 MB for the batch, 64 KB elsewhere under /api/ (chunked too)', async () => {
    const big = JSON.stringify({ values: [], pad: 'x'.repeat(1024 * 1024) });
    const batch = await server.http('/api/v1/kpi-values', {
      method: 'POST',
      origin: null,
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: big,
    });
    expect(batch.status).toBe(400); // read and checked, not refused for its size
    const tooBig = JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024 + 10) });
    const over = await server.http('/api/v1/kpi-values', {
      method: 'POST',
      origin: null,
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: tooBig,
      chunked: true,
    });
    expect(over.status).toBe(413);
    const other = await server.http('/api/v1/measures', {
      method: 'POST',
      origin: null,
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: big,
    });
    expect(other.status).toBe(413);
  });

  it('reads answer JSON with an ETag and 304; the OpenAPI document is served; the log never shows the token', async () => {
    const first = await server.http('/api/v1/measures?limit=5', { headers: bearer() });
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toMatch(/^application\/json/);
    const etag = first.headers.get('ETag')!;
    const second = await server.http('/api/v1/measures?limit=5', { headers: { ...bearer(), 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    const doc = await server.http('/api/v1/openapi.json');
    expect(JSON.parse(doc.text).openapi).toBe('3.1.0');
    expect(server.output()).toContain('GET /api/v1/measures');
    expect(server.output()).not.toContain(secret);
    expect(server.output()).not.toContain(secret.slice(3, 20));
  });
});
