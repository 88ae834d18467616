// The public API (/api/v1) called through its route modules with real Requests, on a real database:
// every endpoint, every refusal (401, 403, 404, 413, 415, 429), idempotent replay, the batch all or
// nothing, revocation at once, another workspace's ids (the OpenAPI document: openapi.test.ts).
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, apiToken, kpi, kpiValue, throttle, workspace } from '../../db/schema';
import * as kpiValuesRoute from '~/routes/api.v1.kpi-values';
import * as kpiRoute from '~/routes/api.v1.kpis.$id';
import * as kpisRoute from '~/routes/api.v1.kpis';
import * as mapRoute from '~/routes/api.v1.maps.$id';
import * as mapsRoute from '~/routes/api.v1.maps';
import * as measureRoute from '~/routes/api.v1.measures.$id';
import * as measuresRoute from '~/routes/api.v1.measures';
import * as businessCaseRoute from '~/routes/api.v1.projects.$id.business-case';
import * as projectsRoute from '~/routes/api.v1.projects';
import * as summaryRoute from '~/routes/api.v1.summary';
import * as summaryPageRoute from '~/routes/w.$slug.summary/route';
import * as settingsRoute from '~/routes/w.$slug.settings_.api/route';
import { API_PER_TOKEN } from '~/server/api-auth.server';
import { MAX_BATCH_VALUES } from '~/server/api-schemas.server';
import { createApiToken, hashApiToken } from '~/server/api-tokens.server';
import { parseMapExport } from '~/domain/map-export';
import { addMember, call, makeUser, makeWorkspace, ORIGIN, request } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject, makeWorkedExample } from '../support/project-fixtures';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const { map, stages, lane } = await makeMapWithStages(ws.id, ['Discovery', 'Support']);
  const nps = await makeMeasure(ws.id, { name: 'NPS', unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10' });
  const churn = await makeMeasure(ws.id, { name: 'Churn', unit: '%', trend: 'down' });
  const at = (i: number, measureId: string) => ({ mapId: map.id, laneId: lane.id, stageId: stages[i]!.id, measureId });
  const npsKpi = await makeKpi(ws.id, at(0, nps.id), {
    target: '40',
    values: [
      ['2025-01-31', '30'],
      ['2025-02-28', '32'],
    ],
  });
  const churnKpi = await makeKpi(ws.id, at(1, churn.id), { target: '2' });
  const write = await createApiToken(ws.id, owner.id, { name: 'Warehouse', scope: 'read_write', expiresAt: null });
  const read = await createApiToken(ws.id, owner.id, { name: 'Dashboard', scope: 'read', expiresAt: null });
  return { owner, ws, map, stages, nps, churn, npsKpi, churnKpi, write, read };
}

function api(path: string, options: { token?: string | null; method?: string; body?: string; type?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set('Content-Type', options.type ?? 'application/json');
  return new Request(new URL(path, ORIGIN), { method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'), headers, body: options.body });
}

const postValues = (token: string, values: unknown[], headers: Record<string, string> = {}) =>
  call(kpiValuesRoute.action, { request: api('/api/v1/kpi-values', { token, body: JSON.stringify({ values }), headers }) });

const valueCount = async (workspaceId: string) => (await db.select({ n: count() }).from(kpiValue).where(eq(kpiValue.workspaceId, workspaceId)))[0]!.n;

describe('API tokens', () => {
  it('owners create a token whose secret is shown once and stored hashed; revoking refuses it at once', async () => {
    const s = await setup();
    const form = { intent: 'create', name: 'CRM sync', scope: 'read', expiresOn: '' };
    const created = await call(settingsRoute.action, {
      request: request(`/w/${s.ws.slug}/settings/api`, { user: s.owner, form }),
      params: { slug: s.ws.slug },
    });
    expect(created.status).toBe(200);
    const secret = created.data.secret as string;
    expect(secret).toMatch(/^pk_[A-Za-z0-9_-]{40,}$/);
    const [row] = await db.select().from(apiToken).where(eq(apiToken.name, 'CRM sync'));
    expect(row!.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await call(settingsRoute.loader, { request: request(`/w/${s.ws.slug}/settings/api`, { user: s.owner }), params: { slug: s.ws.slug } });
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data.tokens.map((t: { name: string }) => t.name)).toContain('CRM sync');
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures', { token: secret }) })).status).toBe(200);
    const revoked = await call(settingsRoute.action, {
      request: request(`/w/${s.ws.slug}/settings/api`, { user: s.owner, form: { intent: 'revoke', tokenId: row!.id } }),
      params: { slug: s.ws.slug },
    });
    expect(revoked.status).toBe(200);
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures', { token: secret }) })).status).toBe(401);
  });

  it('only owners reach the token page; a past expiry is refused by the form and an expired token by the API', async () => {
    const s = await setup();
    const editor = await makeUser();
    await addMember(s.ws.id, editor, 'editor');
    const page = await call(settingsRoute.loader, { request: request(`/w/${s.ws.slug}/settings/api`, { user: editor }), params: { slug: s.ws.slug } });
    expect(page.status).toBe(403);
    const past = await call(settingsRoute.action, {
      request: request(`/w/${s.ws.slug}/settings/api`, { user: s.owner, form: { intent: 'create', name: 'Old', scope: 'read', expiresOn: '2020-01-01' } }),
      params: { slug: s.ws.slug },
    });
    expect(past.status).toBe(400);
    const expired = await createApiToken(s.ws.id, s.owner.id, { name: 'Expired', scope: 'read', expiresAt: new Date(Date.now() - 1000) });
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures', { token: expired.secret }) })).status).toBe(401);
  });

  it('a token valid until a day works to the end of that day in the workspace’s time zone', async () => {
    const s = await setup();
    await db.update(workspace).set({ timeZone: 'Europe/Paris' }).where(eq(workspace.id, s.ws.id));
    const created = await call(settingsRoute.action, {
      request: request(`/w/${s.ws.slug}/settings/api`, {
        user: s.owner,
        form: { intent: 'create', name: 'Until summer', scope: 'read', expiresOn: '2099-06-30' },
      }),
      params: { slug: s.ws.slug },
    });
    expect(created.status).toBe(200);
    const [row] = await db.select().from(apiToken).where(eq(apiToken.name, 'Until summer'));
    // Midnight in Paris in summer is 22:00 UTC.
    expect(row!.expiresAt!.toISOString()).toBe('2099-06-30T21:59:59.999Z');
  });
});

describe('GET endpoints', () => {
  it('401 without a token or with a wrong one, as problem+json', async () => {
    const s = await setup();
    for (const token of [null, 'pk_wrong', s.write.secret.slice(0, -1)]) {
      const res = await call(measuresRoute.loader, { request: api('/api/v1/measures', { token }) });
      expect(res.status).toBe(401);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      expect(res.data).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('measures page by cursor; one measure with where-used; ETag and If-None-Match', async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) await makeMeasure(s.ws.id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await call(measuresRoute.loader, { request: api(`/api/v1/measures?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: s.read.secret }) });
      expect(res.status).toBe(200);
      expect(res.data.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.data.data.map((m: { id: string }) => m.id));
      cursor = res.data.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures?limit=501', { token: s.read.secret }) })).data.errors[0]).toMatchObject({
      path: 'limit',
    });
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures?cursor=zzz', { token: s.read.secret }) })).status).toBe(400);

    const one = await call(measureRoute.loader, { request: api(`/api/v1/measures/${s.nps.id}`, { token: s.read.secret }), params: { id: s.nps.id } });
    expect(one.status).toBe(200);
    expect(one.data).toMatchObject({ id: s.nps.id, name: 'NPS', valueAmount: '50000.000000' });
    expect(one.data.whereUsed).toEqual([expect.objectContaining({ kpiId: s.npsKpi.id, current: '32.000000', status: 'on_track' })]);
    const etag = one.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await call(measureRoute.loader, {
      request: api(`/api/v1/measures/${s.nps.id}`, { token: s.read.secret, headers: { 'If-None-Match': etag } }),
      params: { id: s.nps.id },
    });
    expect(again.status).toBe(304);
  });

  it('KPIs filter by measure, map and stage; one KPI has its values, status and impact', async () => {
    const s = await setup();
    const all = await call(kpisRoute.loader, { request: api('/api/v1/kpis', { token: s.read.secret }) });
    expect(all.data.data).toHaveLength(2);
    const byMeasure = await call(kpisRoute.loader, { request: api(`/api/v1/kpis?measure=${s.churn.id}`, { token: s.read.secret }) });
    expect(byMeasure.data.data.map((k: { id: string }) => k.id)).toEqual([s.churnKpi.id]);
    const byStage = await call(kpisRoute.loader, { request: api(`/api/v1/kpis?map=${s.map.id}&stage=${s.stages[0]!.id}`, { token: s.read.secret }) });
    expect(byStage.data.data).toEqual([expect.objectContaining({ id: s.npsKpi.id, measureName: 'NPS', current: '32.000000', status: 'on_track' })]);
    const bad = await call(kpisRoute.loader, { request: api('/api/v1/kpis?map=nope', { token: s.read.secret }) });
    expect(bad.status).toBe(400);
    expect(bad.data.errors[0]).toMatchObject({ path: 'map', pointer: '/map' });

    const one = await call(kpiRoute.loader, { request: api(`/api/v1/kpis/${s.npsKpi.id}`, { token: s.read.secret }), params: { id: s.npsKpi.id } });
    expect(one.status).toBe(200);
    // Gap 8 pts x 5,000 EUR/pt.
    expect(one.data.impact).toMatchObject({ mode: 'auto', annualAmount: '40000', gap: '8' });
    expect(one.data.values.map((v: { date: string }) => v.date)).toEqual(['2025-01-31', '2025-02-28']);
    expect(one.data.status).toBe('on_track');
  });

  it('the business case has every figure as an exact decimal string, as the project page computes it', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const example = await makeWorkedExample(ws.id);
    const token = await createApiToken(ws.id, owner.id, { name: 'BI', scope: 'read', expiresAt: null });
    const projectId = example.project.id;
    const res = await call(businessCaseRoute.loader, {
      request: api(`/api/v1/projects/${projectId}/business-case`, { token: token.secret }),
      params: { id: projectId },
    });
    expect(res.status).toBe(200);
    for (const key of ['runRateBenefit', 'totalBenefit', 'totalCost', 'netBenefit', 'npv', 'pvBenefit', 'pvCost'])
      expect(res.data.figures[key]).toMatch(/^-?\d+(\.\d+)?$/);
    expect(res.data.years).toHaveLength(4);
    expect(res.data.kpis.length).toBeGreaterThan(0);
  });

  it("projects page by cursor with status, NPV and ROI as exact decimals; the summary is the summary page's roll-up", async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const example = await makeWorkedExample(ws.id);
    await makeProject(ws.id, { name: 'Idea only', status: 'idea' });
    await makeProject(ws.id, { name: 'Old', archivedAt: new Date() });
    const token = await createApiToken(ws.id, owner.id, { name: 'BI', scope: 'read', expiresAt: null });
    const first = await call(projectsRoute.loader, { request: api('/api/v1/projects?limit=1', { token: token.secret }) });
    expect(first.status).toBe(200);
    expect(first.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.data.data).toHaveLength(1);
    const second = await call(projectsRoute.loader, { request: api(`/api/v1/projects?limit=1&cursor=${first.data.nextCursor}`, { token: token.secret }) });
    expect(second.data.nextCursor).toBeNull();
    const projects = [...first.data.data, ...second.data.data];
    expect(projects.map((p: { name: string }) => p.name).sort()).toEqual(['Idea only', 'Self-service onboarding']);
    const bc = await call(businessCaseRoute.loader, {
      request: api(`/api/v1/projects/${example.project.id}/business-case`, { token: token.secret }),
      params: { id: example.project.id },
    });
    const mine = projects.find((p: { id: string }) => p.id === example.project.id);
    expect(mine).toMatchObject({ status: 'in_progress', npv: bc.data.figures.npv, roi: bc.data.figures.roi, kpiCount: 3 });
    expect(mine.npv).toMatch(/^-?\d+(\.\d+)?$/);
    expect(mine.roi).toMatch(/^-?\d+(\.\d+)?$/);
    const ideas = await call(projectsRoute.loader, { request: api('/api/v1/projects?status=idea', { token: token.secret }) });
    expect(ideas.data.data.map((p: { name: string }) => p.name)).toEqual(['Idea only']);
    const bad = await call(projectsRoute.loader, { request: api('/api/v1/projects?status=done&limit=0', { token: token.secret }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json');
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'status']);
    expect((await call(projectsRoute.loader, { request: api('/api/v1/projects?cursor=zzz', { token: token.secret }) })).status).toBe(400);
    expect((await call(projectsRoute.loader, { request: api('/api/v1/projects') })).status).toBe(401);

    const summary = await call(summaryRoute.loader, { request: api('/api/v1/summary', { token: token.secret }) });
    expect(summary.status).toBe(200);
    const page = await call(summaryPageRoute.loader, { request: request(`/w/${ws.slug}/summary`, { user: owner }), params: { slug: ws.slug } });
    expect(summary.data.totals).toEqual(page.data.totals);
    expect(summary.data.topMeasures).toEqual(page.data.topMeasures);
    expect(summary.data.counts).toEqual({ all: 2, shown: 2, positiveNpv: page.data.positiveNpv });
    expect(summary.data.totals.npv).toBe(bc.data.figures.npv);
    const etag = summary.headers.get('ETag')!;
    const again = await call(summaryRoute.loader, { request: api('/api/v1/summary', { token: token.secret, headers: { 'If-None-Match': etag } }) });
    expect(again.status).toBe(304);
    const ideaSummary = await call(summaryRoute.loader, { request: api('/api/v1/summary?status=idea', { token: token.secret }) });
    expect(ideaSummary.data.counts).toMatchObject({ all: 2, shown: 1 });
    expect((await call(summaryRoute.loader, { request: api('/api/v1/summary?status=nope', { token: token.secret }) })).data.errors[0].path).toBe('status');

    // Another workspace sees none of these.
    const other = await makeUser();
    const otherWs = await makeWorkspace(other);
    const theirs = await createApiToken(otherWs.id, other.id, { name: 'Theirs', scope: 'read', expiresAt: null });
    expect((await call(projectsRoute.loader, { request: api('/api/v1/projects', { token: theirs.secret }) })).data.data).toEqual([]);
    expect((await call(summaryRoute.loader, { request: api('/api/v1/summary', { token: theirs.secret }) })).data.counts.all).toBe(0);
  });

  it('maps page by cursor; one map is its export document (stages, lanes, KPIs with values), stable for its ETag', async () => {
    const s = await setup();
    const second = await makeMapWithStages(s.ws.id, ['Only'], { name: 'Second map' });
    const first = await call(mapsRoute.loader, { request: api('/api/v1/maps?limit=1', { token: s.read.secret }) });
    expect(first.status).toBe(200);
    expect(first.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    const rest = await call(mapsRoute.loader, { request: api(`/api/v1/maps?limit=1&cursor=${first.data.nextCursor}`, { token: s.read.secret }) });
    expect(rest.data.nextCursor).toBeNull();
    expect([...first.data.data, ...rest.data.data].map((m: { id: string }) => m.id).sort()).toEqual([s.map.id, second.map.id].sort());
    expect((await call(mapsRoute.loader, { request: api('/api/v1/maps?limit=x', { token: s.read.secret }) })).data.errors[0].path).toBe('limit');
    expect((await call(mapsRoute.loader, { request: api('/api/v1/maps?cursor=zzz', { token: s.read.secret }) })).status).toBe(400);
    expect((await call(mapsRoute.loader, { request: api('/api/v1/maps') })).status).toBe(401);

    const one = await call(mapRoute.loader, { request: api(`/api/v1/maps/${s.map.id}`, { token: s.read.secret }), params: { id: s.map.id } });
    expect(one.status).toBe(200);
    expect(one.data).toMatchObject({ id: s.map.id, format: 'parcours.journey-map', version: 1 });
    expect(one.data.exportedAt).toBeUndefined();
    expect(one.data.stages.map((st: { name: string }) => st.name)).toEqual(['Discovery', 'Support']);
    const npsKpi = one.data.kpis.find((k: { measure: { name: string } }) => k.measure.name === 'NPS');
    expect(npsKpi.values.map((v: { value: string }) => v.value)).toEqual(['30', '32']);
    // The document the map page exports and the import reads.
    expect(parseMapExport(JSON.stringify(one.data)).ok).toBe(true);
    const again = await call(mapRoute.loader, {
      request: api(`/api/v1/maps/${s.map.id}`, { token: s.read.secret, headers: { 'If-None-Match': one.headers.get('ETag')! } }),
      params: { id: s.map.id },
    });
    expect(again.status).toBe(304);
    await postValues(s.write.secret, [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '34' }]);
    const changed = await call(mapRoute.loader, {
      request: api(`/api/v1/maps/${s.map.id}`, { token: s.read.secret, headers: { 'If-None-Match': one.headers.get('ETag')! } }),
      params: { id: s.map.id },
    });
    expect(changed.status).toBe(200);
  });

  it("another workspace's ids answer 404, and a malformed id too", async () => {
    const s = await setup();
    const other = await makeUser();
    const otherWs = await makeWorkspace(other);
    const example = await makeWorkedExample(otherWs.id);
    const theirs = await createApiToken(otherWs.id, other.id, { name: 'Theirs', scope: 'read_write', expiresAt: null });
    const cases: [typeof measureRoute.loader, string, string][] = [
      [measureRoute.loader, `/api/v1/measures/${s.nps.id}`, s.nps.id],
      [kpiRoute.loader, `/api/v1/kpis/${s.npsKpi.id}`, s.npsKpi.id],
      [businessCaseRoute.loader, `/api/v1/projects/${example.project.id}/business-case`, example.project.id],
      [mapRoute.loader, `/api/v1/maps/${s.map.id}`, s.map.id],
      [mapRoute.loader, '/api/v1/maps/not-a-uuid', 'not-a-uuid'],
      [kpiRoute.loader, '/api/v1/kpis/not-a-uuid', 'not-a-uuid'],
    ];
    for (const [loader, path, id] of cases) {
      const token = path.includes('projects') ? s.read.secret : theirs.secret;
      const res = await call(loader, { request: api(path, { token }), params: { id } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    }
    const listed = await call(kpisRoute.loader, { request: api('/api/v1/kpis', { token: theirs.secret }) });
    expect(listed.data.data.map((k: { id: string }) => k.id)).not.toContain(s.npsKpi.id);
    const maps = await call(mapsRoute.loader, { request: api('/api/v1/maps', { token: theirs.secret }) });
    expect(maps.data.data.map((m: { id: string }) => m.id)).toEqual([example.map.id]);
    // Writing to another workspace's KPI changes nothing.
    const write = await postValues(theirs.secret, [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '99' }]);
    expect(write.status).toBe(400);
    expect(await valueCount(s.ws.id)).toBe(2);
  });

  it('429 with Retry-After past the per-token limit, counted in the database', async () => {
    const s = await setup();
    const [row] = await db
      .select({ id: apiToken.id })
      .from(apiToken)
      .where(eq(apiToken.tokenHash, hashApiToken(s.read.secret)));
    await db.insert(throttle).values({ key: `${API_PER_TOKEN.name}:${row!.id}`, count: API_PER_TOKEN.limit });
    const res = await call(measuresRoute.loader, { request: api('/api/v1/measures', { token: s.read.secret }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
    // Another token of the same workspace is not held back.
    expect((await call(measuresRoute.loader, { request: api('/api/v1/measures', { token: s.write.secret }) })).status).toBe(200);
  });
});

describe('POST /api/v1/kpi-values', () => {
  it('writes a batch with source api, counts new/changed/unchanged, replaces the same date, and logs the token as actor', async () => {
    const s = await setup();
    const res = await postValues(s.write.secret, [
      { kpi: s.npsKpi.id, date: '2025-02-28', value: '33' },
      { kpi: s.npsKpi.id, date: '2025-01-31', value: 30 },
      { kpi: s.churnKpi.id, date: '2025-02-28', value: '2.5' },
    ]);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ received: 3, new: 1, changed: 1, unchanged: 1 });
    const rows = await db.select().from(kpiValue).where(eq(kpiValue.kpiId, s.npsKpi.id));
    expect(rows.find((r) => r.date === '2025-02-28')).toMatchObject({ value: '33.000000', source: 'api' });
    expect(rows).toHaveLength(2);
    const [logged] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'kpi_value')));
    expect(logged).toMatchObject({ actorId: null, summary: expect.stringContaining('1 new') });
    const [token] = await db.select().from(apiToken).where(eq(apiToken.id, logged!.apiTokenId!));
    expect(token!.name).toBe('Warehouse');
    expect(token!.lastUsedAt).not.toBeNull();
  });

  it("a row may name its KPI by map, stage and measure instead of its id (the CSV import's resolution)", async () => {
    const s = await setup();
    const mapName = s.map.name;
    const res = await postValues(s.write.secret, [
      { map: mapName, stage: 'support', measure: 'Churn', date: '2025-03-31', value: '2.1' },
      { kpi: s.npsKpi.id, date: '2025-03-31', value: '35' },
    ]);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ received: 2, new: 2, changed: 0, unchanged: 0 });
    const [row] = await db.select().from(kpiValue).where(eq(kpiValue.kpiId, s.churnKpi.id));
    expect(row).toMatchObject({ date: '2025-03-31', value: '2.100000', source: 'api' });

    const unknown = await postValues(s.write.secret, [
      { kpi: s.npsKpi.id, date: '2025-04-30', value: '36' },
      { map: mapName, stage: 'Discovery', measure: 'Churn', date: '2025-04-30', value: '2' },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors).toEqual([{ path: 'values.1.measure', pointer: '/values/1/measure', message: 'unknown_place' }]);
    // Two KPIs of one measure on one stage: the names do not say which.
    await makeKpi(s.ws.id, {
      mapId: s.map.id,
      laneId: (await db.select().from(kpi).where(eq(kpi.id, s.churnKpi.id)))[0]!.laneId,
      stageId: s.stages[1]!.id,
      measureId: s.churn.id,
    });
    const ambiguous = await postValues(s.write.secret, [{ map: mapName, stage: 'Support', measure: 'Churn', date: '2025-04-30', value: '2' }]);
    expect(ambiguous.data.errors).toEqual([expect.objectContaining({ path: 'values.0.measure', message: 'ambiguous_place' })]);
    // Either the id or the three names.
    const both = await postValues(s.write.secret, [{ kpi: s.npsKpi.id, measure: 'NPS', date: '2025-04-30', value: '2' }]);
    expect(both.data.errors.map((e: { path: string }) => e.path)).toEqual(['values.0.measure']);
    const partial = await postValues(s.write.secret, [{ map: mapName, measure: 'NPS', date: '2025-04-30', value: '2' }]);
    expect(partial.data.errors.map((e: { path: string }) => e.path)).toEqual(['values.0.stage']);
    const neither = await postValues(s.write.secret, [{ date: '2025-04-30', value: '2' }]);
    expect(neither.data.errors.map((e: { path: string }) => e.path)).toEqual(['values.0.kpi']);
    // Another workspace's names resolve to nothing.
    const other = await makeUser();
    const otherWs = await makeWorkspace(other);
    const theirs = await createApiToken(otherWs.id, other.id, { name: 'Theirs', scope: 'read_write', expiresAt: null });
    const foreign = await postValues(theirs.secret, [{ map: mapName, stage: 'Support', measure: 'NPS', date: '2025-04-30', value: '2' }]);
    expect(foreign.data.errors[0]).toMatchObject({ message: 'unknown_place' });
    expect(await valueCount(s.ws.id)).toBe(4);
  });

  it('all or nothing: one bad row (the last) and nothing is written; each error names its field path', async () => {
    const s = await setup();
    const values = Array.from({ length: 50 }, (_, i) => ({
      kpi: s.churnKpi.id,
      date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String(Math.floor(i / 12) + 1).padStart(2, '0')}`,
      value: String(i),
    }));
    values.push({ kpi: '00000000-0000-4000-8000-000000000000', date: '2025-01-01', value: '1' });
    const res = await postValues(s.write.secret, values);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.data.errors).toEqual([{ path: 'values.50.kpi', pointer: '/values/50/kpi', message: 'unknown_kpi' }]);
    expect(await valueCount(s.ws.id)).toBe(2);
    const badShape = await postValues(s.write.secret, [{ kpi: s.npsKpi.id, date: '2025-02-30', value: 'abc' }]);
    expect(badShape.status).toBe(400);
    expect(badShape.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['values.0.date', 'values.0.value']);
    const duplicate = await postValues(s.write.secret, [
      { kpi: s.npsKpi.id, date: '2025-05-31', value: '1' },
      { kpi: s.npsKpi.id, date: '2025-05-31', value: '2' },
    ]);
    expect(duplicate.data.errors).toEqual([expect.objectContaining({ path: 'values.1.date', message: 'duplicate' })]);
    expect(await valueCount(s.ws.id)).toBe(2);
  });

  it('hostile values in each field answer 400, never a 5xx, and write nothing', async () => {
    const s = await setup();
    const hostile: unknown[] = [
      '',
      ' ',
      'abc',
      'NaN',
      'Infinity',
      '1e5',
      '1,5',
      '99999999999999999999.5',
      '2026-02-30',
      '0000-01-01',
      '9999-99-99',
      "' OR '1'='1' --",
      '<script>',
      'a\u0000b',
      '__proto__',
      null,
      true,
      [],
      {},
      Number.POSITIVE_INFINITY,
      'x'.repeat(10_000),
    ];
    const good = { kpi: s.npsKpi.id, date: '2025-04-30', value: '1' };
    for (const field of ['kpi', 'date', 'value'] as const) {
      for (const value of hostile) {
        const res = await postValues(s.write.secret, [{ ...good, [field]: value }]);
        expect(res.status, `${field}=${JSON.stringify(value)?.slice(0, 30)}`).toBe(400);
        expect(res.data.errors.length).toBeGreaterThan(0);
      }
    }
    const extra = await postValues(s.write.secret, [{ ...good, workspace: 'another' }]);
    expect(extra.status).toBe(400);
    const broken = await call(kpiValuesRoute.action, { request: api('/api/v1/kpi-values', { token: s.write.secret, body: '{"values": [' }) });
    expect(broken.status).toBe(400);
    expect(await valueCount(s.ws.id)).toBe(2);
  });

  it('403 for a read token, 415 for a body that is not JSON, 413 over the limit, 400 past 10,000 values', async () => {
    const s = await setup();
    const forbidden = await postValues(s.read.secret, [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '1' }]);
    expect(forbidden.status).toBe(403);
    const form = await call(kpiValuesRoute.action, {
      request: api('/api/v1/kpi-values', { token: s.write.secret, body: 'values=1', type: 'application/x-www-form-urlencoded' }),
    });
    expect(form.status).toBe(415);
    const huge = await call(kpiValuesRoute.action, {
      request: api('/api/v1/kpi-values', { token: s.write.secret, body: `{"values":[],"pad":"${'x'.repeat(6 * 1024 * 1024)}"}` }),
    });
    expect(huge.status).toBe(413);
    const many = Array.from({ length: MAX_BATCH_VALUES + 1 }, () => ({ kpi: s.npsKpi.id, date: '2025-03-31', value: '1' }));
    const tooMany = await postValues(s.write.secret, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.errors[0].path).toBe('values');
    expect(await valueCount(s.ws.id)).toBe(2);
  });

  it('Idempotency-Key: a repeat replays the first answer without writing; the same key with another body is 422', async () => {
    const s = await setup();
    const batch = [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '35' }];
    const first = await postValues(s.write.secret, batch, { 'Idempotency-Key': 'run-42' });
    expect(first.data).toMatchObject({ new: 1 });
    const activityBefore = (await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, s.ws.id)))[0]!.n;
    const replay = await postValues(s.write.secret, batch, { 'Idempotency-Key': 'run-42' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.data).toEqual(first.data);
    expect((await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, s.ws.id)))[0]!.n).toBe(activityBefore);
    const other = await postValues(s.write.secret, [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '36' }], { 'Idempotency-Key': 'run-42' });
    expect(other.status).toBe(422);
    // Without the key the same batch runs again (and finds nothing to change).
    expect((await postValues(s.write.secret, batch)).data).toMatchObject({ new: 0, unchanged: 1 });
  });
});

describe('POST and PATCH /api/v1/measures', () => {
  const send = (token: string | null, path: string, method: string, body: unknown) => api(path, { token, method, body: JSON.stringify(body) });

  it("creates a measure with the library's rules, the token as actor; refusals as problems with field paths", async () => {
    const s = await setup();
    const body = { name: 'CSAT', unit: 'pts', trend: 'up', valueAmount: 1000, valueStep: '1', tags: ['support', 'support', 'care'] };
    expect((await call(measuresRoute.action, { request: send(null, '/api/v1/measures', 'POST', body) })).status).toBe(401);
    expect((await call(measuresRoute.action, { request: send(s.read.secret, '/api/v1/measures', 'POST', body) })).status).toBe(403);
    const created = await call(measuresRoute.action, { request: send(s.write.secret, '/api/v1/measures', 'POST', body) });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      name: 'CSAT',
      valueAmount: '1000.000000',
      valueStep: '1.000000',
      tags: ['support', 'care'],
      version: 1,
      whereUsed: [],
    });
    const [logged] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'measure'), eq(activity.entityId, created.data.id)));
    expect(logged).toMatchObject({ actorId: null, action: 'created' });
    expect(logged!.apiTokenId).not.toBeNull();
    const taken = await call(measuresRoute.action, { request: send(s.write.secret, '/api/v1/measures', 'POST', { ...body, name: 'csat' }) });
    expect(taken.status).toBe(409);
    expect(taken.data.errors[0]).toMatchObject({ path: 'name' });
    const bad = await call(measuresRoute.action, {
      request: send(s.write.secret, '/api/v1/measures', 'POST', { unit: 'pts', trend: 'sideways', valueAmount: '5', workspace: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json');
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['', 'name', 'trend']);
    const half = await call(measuresRoute.action, {
      request: send(s.write.secret, '/api/v1/measures', 'POST', { name: 'Half', unit: 'x', trend: 'up', valueAmount: '5' }),
    });
    expect(half.data.errors).toEqual([expect.objectContaining({ path: 'valueStep', message: 'measures.valueBoth' })]);
    const other = await makeUser();
    const foreignOwner = await call(measuresRoute.action, {
      request: send(s.write.secret, '/api/v1/measures', 'POST', { name: 'Owned', unit: 'x', trend: 'up', ownerId: other.id }),
    });
    expect(foreignOwner.status).toBe(400);
    expect(foreignOwner.data.errors[0].path).toBe('ownerId');
  });

  it("PATCH changes the given fields at a version; a stale version is 409 with the current document; another workspace's id is 404", async () => {
    const s = await setup();
    const path = `/api/v1/measures/${s.nps.id}`;
    const patch = (token: string, body: unknown, id = s.nps.id) =>
      call(measureRoute.action, { request: send(token, `/api/v1/measures/${id}`, 'PATCH', body), params: { id } });
    expect((await patch(s.read.secret, { version: 1, description: 'x' })).status).toBe(403);
    const changed = await patch(s.write.secret, { version: 1, description: 'Net promoter score', group: 'Loyalty' });
    expect(changed.status).toBe(200);
    expect(changed.data).toMatchObject({ name: 'NPS', description: 'Net promoter score', group: 'Loyalty', valueAmount: '50000.000000', version: 2 });
    expect(changed.data.whereUsed).toHaveLength(1);
    const stale = await patch(s.write.secret, { version: 1, description: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('Content-Type')).toBe('application/problem+json');
    expect(stale.data.current).toMatchObject({ id: s.nps.id, description: 'Net promoter score', version: 2 });
    const cleared = await patch(s.write.secret, { version: 2, group: null });
    expect(cleared.data).toMatchObject({ group: null, version: 3 });
    const bad = await patch(s.write.secret, { version: 3, name: '', trend: 'sideways', valueStep: '-1' });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'trend', 'valueStep']);
    expect((await patch(s.write.secret, { description: 'no version' })).data.errors[0].path).toBe('version');
    const [logged] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.entityId, s.nps.id), eq(activity.action, 'updated')));
    expect(logged).toMatchObject({ actorId: null });
    const other = await makeUser();
    const otherWs = await makeWorkspace(other);
    const theirs = await createApiToken(otherWs.id, other.id, { name: 'Theirs', scope: 'read_write', expiresAt: null });
    const foreign = await patch(theirs.secret, { version: 3, description: 'hijack' });
    expect(foreign.status).toBe(404);
    expect((await patch(s.write.secret, { version: 1 }, 'not-a-uuid')).status).toBe(404);
    const one = await call(measureRoute.loader, { request: api(path, { token: s.read.secret }), params: { id: s.nps.id } });
    expect(one.data).toMatchObject({ description: 'Net promoter score', version: 3 });
  });
});
