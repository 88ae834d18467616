// The pen test's "500 instead of 4xx" findings, replayed over real HTTP against the built server:
// each answer is a 4xx with nothing written, and nothing lands in the error log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

let server: BuiltServer;
let cookie: string;
let slug: string;

async function page(path: string) {
  const res = await server.http(path, { cookie });
  expect(res.status, path).toBe(200);
  return res.text;
}

function firstId(html: string, pattern: RegExp) {
  const id = pattern.exec(html)?.[1];
  expect(id, String(pattern)).toBeTruthy();
  return id!;
}

beforeAll(async () => {
  server = await startBuiltServer();
  cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.20');
  const home = await server.http('/', { cookie });
  slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)![1]!;
});

afterAll(async () => {
  await server?.stop();
});

function expectNoUnexpectedErrors() {
  expect(server.output()).not.toMatch(/\[error [0-9a-f]+\]|Unexpected error/i);
  expect(server.output()).not.toMatch(/ 5\d\d [\d.]+ ms/);
}

describe('measure value steps that are not numbers', () => {
  it.each(['abc', 'NaN', '1e5', '1,2,3', '0', '-5', '0.0000001', 'Infinity', '99999999999999999999'])(
    'value step %s is refused with 400 beside the field, and no measure is created',
    async (valueStep) => {
      const name = `Hostile step ${valueStep}`;
      const res = await server.http(`/w/${slug}/measures`, {
        cookie,
        form: { intent: 'create', name, unit: 'pts', trend: 'up', valueAmount: '1000', valueStep, impactType: 'revenue' },
      });
      expect(res.status).toBe(400);
      const library = await page(`/w/${slug}/measures?q=${encodeURIComponent('Hostile step')}`);
      expect(library).not.toContain(name.replace(/&/g, '&amp;'));
    },
  );
});

describe('versions, NUL bytes and broken bodies', () => {
  it('a version above 2^31-1 on a versioned intent answers 400, not 500', async () => {
    const projects = await page(`/w/${slug}/projects`);
    const projectId = firstId(projects, new RegExp(`/w/${slug}/projects/([0-9a-f-]{36})`));
    for (const version of ['2147483648', '99999999999999999999', '-1', '1.5']) {
      const res = await server.http(`/w/${slug}/projects/${projectId}`, {
        cookie,
        form: { intent: 'archive', version },
      });
      expect(res.status, version).toBe(400);
    }
  });

  it('a NUL byte in a field answers 400 and writes nothing', async () => {
    const res = await server.http(`/w/${slug}/measures`, {
      cookie,
      form: { intent: 'create', name: 'Zanzibar\u0000measure', unit: 'pts', trend: 'up', impactType: 'revenue' },
    });
    expect(res.status).toBe(400);
    // The search box echoes the query; the measure itself would show as "Zanzibar…measure".
    expect(await page(`/w/${slug}/measures?q=Zanzibar`)).not.toMatch(/Zanzibar.{0,8}measure/);
  });

  it('a broken multipart body answers 400', async () => {
    const res = await server.http(`/w/${slug}/maps`, {
      cookie,
      headers: { 'Content-Type': 'multipart/form-data; boundary=nothere' },
      body: '--elsewhere\r\nContent-Disposition: form-data; name="intent"\r\n\r\nimport',
    });
    expect(res.status).toBe(400);
  });
});

describe('map JSON import', () => {
  async function importMap(document: unknown) {
    const boundary = 'parcoursmapimport';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nimport\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="map.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(document)}\r\n--${boundary}--\r\n`,
    );
    return server.http(`/w/${slug}/maps`, { cookie, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
  }

  // A small valid document; each case below spoils one field of it.
  function mapDocument(name: string, kpi: Record<string, unknown> = {}, measure: Record<string, unknown> = {}) {
    return {
      format: 'parcours.journey-map',
      version: 1,
      map: { name },
      stages: [{ name: 'Onboarding' }],
      lanes: [{ kind: 'kpi', name: 'KPIs' }],
      cards: [],
      emotions: [],
      kpis: [
        {
          lane: 0,
          stage: 0,
          measure: { name: `Imported measure ${name}`, unit: 'pts', trend: 'up', valueAmount: '1000', valueStep: '10', ...measure },
          baselineValue: '30',
          baselineDate: '2026-01-15',
          values: [{ date: '2026-02-01', value: '31' }],
          ...kpi,
        },
      ],
    };
  }

  it('the valid document imports (so the refusals below are about the spoiled field)', async () => {
    const res = await importMap(mapDocument('Imported valid map'));
    expect(res.status).toBeLessThan(400);
    expect(await page(`/w/${slug}/maps`)).toContain('Imported valid map');
  });

  it.each(['2026-02-30', '0000-01-01', '9999-99-99'])('an impossible date (%s) is refused with 400 and no map is created', async (date) => {
    const name = `Imported with ${date}`;
    for (const kpi of [{ baselineDate: date }, { values: [{ date, value: '31' }] }]) {
      const res = await importMap(mapDocument(name, kpi));
      expect(res.status).toBe(400);
    }
    expect(await page(`/w/${slug}/maps`)).not.toContain(name);
  });

  it.each([
    ['a value step of 0', { valueStep: '0' }],
    ['a value step of -5', { valueStep: '-5' }],
    ['a value step below the stored precision', { valueStep: '0.0000001' }],
    ['a blank measure name', { name: '   ' }],
  ])('%s is refused with 400 and no map is created', async (label, measure) => {
    const name = `Imported with ${label}`;
    const res = await importMap(mapDocument(name, {}, measure));
    expect(res.status).toBe(400);
    expect(await page(`/w/${slug}/maps`)).not.toContain(name);
  });
});

describe('resource routes', () => {
  it("another workspace's export id answers 404 without logging an unexpected error", async () => {
    const res = await server.http(`/w/${slug}/projects/00000000-0000-4000-8000-000000000000/csv`, { cookie });
    expect(res.status).toBe(404);
  });

  it('none of the hostile requests above was logged as an unexpected error or answered 5xx', () => {
    expectNoUnexpectedErrors();
  });
});
