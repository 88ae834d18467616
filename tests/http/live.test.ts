// Live updates over real HTTP against the production build: the stream reaches the browser
// uncompressed and unbuffered (gzip would hold events back), a value posted to the API arrives on it
// within 2 s, and SIGTERM ends open streams so the server still stops at once.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, demoOwnerWithToken, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

let server: BuiltServer;
let cookie: string;
let slug: string;
let secret: string;
let kpiId: string;

beforeAll(async () => {
  server = await startBuiltServer();
  ({ cookie, slug, secret } = await demoOwnerWithToken(server, '127.0.0.13', 'Live test'));
  const kpis = await server.http('/api/v1/kpis?limit=1', { headers: { Authorization: `Bearer ${secret}` } });
  kpiId = JSON.parse(kpis.text).data[0].id;
});

afterAll(async () => {
  await server?.stop();
});

interface Stream {
  headers: http.IncomingHttpHeaders;
  text: () => string;
  waitFor: (needle: string, ms?: number) => Promise<boolean>;
  closed: Promise<void>;
  close: () => void;
}

/** Opens the live stream as a browser's EventSource does. */
function openStream(target: BuiltServer): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `/w/${slug}/live`,
        agent: false,
        headers: { Cookie: cookie, Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, deflate, br' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        const closed = new Promise<void>((done) => res.on('close', () => done()));
        resolve({
          headers: res.headers,
          text: () => text,
          closed,
          close: () => req.destroy(),
          waitFor: async (needle, ms = 2000) => {
            const end = Date.now() + ms;
            while (!text.includes(needle) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
            return text.includes(needle);
          },
        });
      },
    );
    req.on('error', reject);
  });
}

describe('the live stream', () => {
  it('is an uncompressed event stream, not cached, and a value posted to the API arrives on it within 2 s', async () => {
    const stream = await openStream(server);
    try {
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers['content-encoding']).toBeUndefined();
      expect(stream.headers['cache-control']).toMatch(/no-store/);
      expect(await stream.waitFor(': connected')).toBe(true);
      const posted = Date.now();
      const body = JSON.stringify({ values: [{ kpi: kpiId, date: '2026-11-30', value: '42' }] });
      const res = await server.http('/api/v1/kpi-values', {
        method: 'POST',
        origin: null,
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(200);
      expect(await stream.waitFor(`"kpi:${kpiId}"`, 2000)).toBe(true);
      expect(Date.now() - posted).toBeLessThan(2000);
      expect(stream.text()).toMatch(/event: change\ndata: \{"topics":\[[^\n]*"figures"\]\}\n\n/);
    } finally {
      stream.close();
    }
  });

  it('SIGTERM ends open streams, so the server exits 0 at once instead of waiting for them', async () => {
    const own = await startBuiltServer();
    const own_cookie = await signInOverHttp(own, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.14');
    const previous = cookie;
    cookie = own_cookie;
    try {
      const streams = await Promise.all([openStream(own), openStream(own)]);
      for (const s of streams) expect(await s.waitFor(': connected')).toBe(true);
      const stopped = await own.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(3000);
      await Promise.all(streams.map((s) => s.closed));
    } finally {
      cookie = previous;
    }
  });
});
