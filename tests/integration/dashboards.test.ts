// Saved dashboards: create, add / move / remove measures, edit with a version check, delete; a
// private dashboard is its creator's alone; viewers read shared ones and change nothing; another
// workspace's dashboard or measure is not found and nothing is written; the page and the home list
// cost a fixed number of queries whatever the dashboard size.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { activity, dashboard, dashboardMeasure, kpi, kpiValue, measure } from '../../db/schema';
import * as home from '~/routes/w.$slug._index';
import * as pageRoute from '~/routes/w.$slug.dashboards.$dashboardId/route';
import * as listRoute from '~/routes/w.$slug.dashboards._index/route';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

const create = (user: TestUser, ws: Ws, form: Record<string, string>) =>
  call(listRoute.action, { request: request(`/w/${ws.slug}/dashboards`, { user, form: { intent: 'create', ...form } }), params: { slug: ws.slug } });
const change = (user: TestUser, ws: Ws, dashboardId: string, form: Record<string, string>) =>
  call(pageRoute.action, { request: request(`/w/${ws.slug}/dashboards/${dashboardId}`, { user, form }), params: { slug: ws.slug, dashboardId } });
const view = (user: TestUser, ws: Ws, dashboardId: string) =>
  call(pageRoute.loader, { request: request(`/w/${ws.slug}/dashboards/${dashboardId}`, { user }), params: { slug: ws.slug, dashboardId } });
const list = (user: TestUser, ws: Ws) => call(listRoute.loader, { request: request(`/w/${ws.slug}/dashboards`, { user }), params: { slug: ws.slug } });
const idFrom = (res: { status: number; headers: Headers }) => {
  expect(res.status).toBe(302);
  return res.headers.get('Location')!.split('/').pop()!;
};

async function writes(workspaceId: string) {
  const [a] = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, workspaceId));
  const [d] = await db.select({ n: count() }).from(dashboardMeasure).where(eq(dashboardMeasure.workspaceId, workspaceId));
  const [b] = await db.select({ n: count() }).from(dashboard).where(eq(dashboard.workspaceId, workspaceId));
  return { activity: a!.n, dashboards: b!.n, measures: d!.n };
}

/** A workspace with an owner, an editor, a viewer, and NPS (two KPIs with values) and CSAT (one KPI). */
async function team() {
  const owner = await makeUser({ displayName: 'Claire' });
  const ws = await makeWorkspace(owner);
  const editor = await makeUser();
  const viewer = await makeUser();
  await addMember(ws.id, editor, 'editor');
  await addMember(ws.id, viewer, 'viewer');
  const [nps, csat, ces] = await db
    .insert(measure)
    .values([
      { workspaceId: ws.id, name: 'NPS', unit: 'pts', trend: 'up' as const },
      { workspaceId: ws.id, name: 'CSAT', unit: '%', trend: 'up' as const },
      { workspaceId: ws.id, name: 'CES', unit: 'pts', trend: 'down' as const },
    ])
    .returning();
  const f = await makeMapWithKpiLane(ws.id);
  const kpis = await db
    .insert(kpi)
    .values([
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[0]!.id, measureId: nps!.id, position: 0, targetValue: '42' },
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[2]!.id, measureId: nps!.id, position: 0, targetValue: '30' },
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[1]!.id, measureId: csat!.id, position: 0 },
    ])
    .returning();
  await db.insert(kpiValue).values([
    ...Array.from({ length: 14 }, (_, m) => ({
      workspaceId: ws.id,
      kpiId: kpis[0]!.id,
      date: `20${24 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`,
      value: String(20 + m),
    })),
    { workspaceId: ws.id, kpiId: kpis[1]!.id, date: '2025-01-01', value: '25' },
    { workspaceId: ws.id, kpiId: kpis[1]!.id, date: '2025-02-01', value: '22' },
  ]);
  return { owner, editor, viewer, ws, nps: nps!, csat: csat!, ces: ces!, kpis, map: f.map };
}

describe('dashboards', () => {
  it('an editor creates one for top management, adds, orders and removes measures; the page shows one tile per KPI', async () => {
    const t = await team();
    const id = idFrom(await create(t.editor, t.ws, { name: 'Board view', audience: 'top_management', shared: 'on' }));
    expect((await change(t.editor, t.ws, id, { intent: 'addMeasure', version: '1', measureId: t.nps.id })).status).toBe(200);
    expect((await change(t.editor, t.ws, id, { intent: 'addMeasure', version: '2', measureId: t.csat.id })).status).toBe(200);
    expect((await change(t.editor, t.ws, id, { intent: 'moveMeasure', version: '3', measureId: t.csat.id, direction: 'up' })).status).toBe(200);

    const page = await view(t.viewer, t.ws, id);
    expect(page.status).toBe(200);
    expect(page.data.dashboard).toMatchObject({ name: 'Board view', audience: 'top_management', customAudience: null, shared: true, version: 4 });
    expect(page.data.measures.map((m: { name: string }) => m.name)).toEqual(['CSAT', 'NPS']);
    const [csat, nps] = page.data.measures;
    expect(csat.tiles).toEqual([
      expect.objectContaining({
        kpiId: t.kpis[2]!.id,
        stageName: 'Onboarding',
        current: null,
        currentDate: null,
        target: null,
        status: 'no_trend',
        points: [],
      }),
    ]);
    // NPS at Discovery: 14 values 20..33, target 42; the tile draws the newest 12 and reads "on track".
    const discovery = nps.tiles.find((x: { kpiId: string }) => x.kpiId === t.kpis[0]!.id);
    expect(discovery).toMatchObject({ stageName: 'Discovery', currentDate: '2025-02-01', status: 'on_track' });
    expect(Number(discovery.current)).toBe(33);
    expect(Number(discovery.target)).toBe(42);
    expect(discovery.points).toHaveLength(12);
    expect(Number(discovery.points[0].value)).toBe(22);
    // NPS at Support: 25 then 22 against a target of 30: not met, and it moved the bad way.
    const support = nps.tiles.find((x: { kpiId: string }) => x.kpiId === t.kpis[1]!.id);
    expect(support).toMatchObject({ stageName: 'Support', status: 'off_track' });
    // A viewer gets no measures to add; the editor gets the ones not shown yet.
    expect(page.data.choices).toEqual([]);
    expect((await view(t.editor, t.ws, id)).data.choices.map((c: { name: string }) => c.name)).toEqual(['CES']);

    expect((await change(t.editor, t.ws, id, { intent: 'removeMeasure', version: '4', measureId: t.csat.id })).status).toBe(200);
    const after = await view(t.owner, t.ws, id);
    expect(after.data.measures.map((m: { name: string }) => m.name)).toEqual(['NPS']);
    const positions = await db.select({ position: dashboardMeasure.position }).from(dashboardMeasure).where(eq(dashboardMeasure.dashboardId, id));
    expect(positions).toEqual([{ position: 0 }]);

    const log = await db
      .select({ action: activity.action })
      .from(activity)
      .where(and(eq(activity.workspaceId, t.ws.id), eq(activity.entityType, 'dashboard')));
    expect(log.map((l) => l.action).sort()).toEqual(['created', 'moved', 'updated', 'updated', 'updated']);
  });

  it('a custom audience needs its name; bad input is a 400 with its message and writes nothing', async () => {
    const t = await team();
    const before = await writes(t.ws.id);
    const noLabel = await create(t.editor, t.ws, { name: 'Franchise', audience: 'custom' });
    expect(noLabel.status).toBe(400);
    expect(noLabel.data.result.error.customAudience).toEqual(['dashboards.customAudience']);
    const noName = await create(t.editor, t.ws, { name: '  ', audience: 'sales' });
    expect(noName.status).toBe(400);
    expect(noName.data.result.error.name).toEqual(['field.required']);
    const badAudience = await create(t.editor, t.ws, { name: 'X', audience: 'board' });
    expect(badAudience.status).toBe(400);
    expect(badAudience.data.result.error.audience).toEqual(['field.choose']);
    expect(await writes(t.ws.id)).toEqual(before);

    const id = idFrom(await create(t.editor, t.ws, { name: 'Franchise', audience: 'custom', customAudience: 'Franchisees' }));
    const saved = before.dashboards + 1;
    const afterCreate = await writes(t.ws.id);
    expect(afterCreate.dashboards).toBe(saved);
    expect((await view(t.editor, t.ws, id)).data.dashboard).toMatchObject({ audience: 'custom', customAudience: 'Franchisees', shared: false });
    for (const form of <Record<string, string>[]>[
      { intent: 'addMeasure', version: '1', measureId: 'not-a-uuid' },
      { intent: 'addMeasure', version: 'x', measureId: t.nps.id },
      { intent: 'moveMeasure', version: '1', measureId: t.nps.id, direction: 'sideways' },
      { intent: 'update', version: '1', name: '', audience: 'sales' },
    ]) {
      const res = await change(t.editor, t.ws, id, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.data.result.error, JSON.stringify(form)).toBeTruthy();
    }
    expect((await change(t.editor, t.ws, id, { intent: 'nonsense' })).status).toBe(400);
    expect(await writes(t.ws.id)).toEqual(afterCreate);
    // A measure shown already is refused (409) and nothing more is written.
    expect((await change(t.editor, t.ws, id, { intent: 'addMeasure', version: '1', measureId: t.nps.id })).status).toBe(200);
    const once = await writes(t.ws.id);
    const twice = await change(t.editor, t.ws, id, { intent: 'addMeasure', version: '2', measureId: t.nps.id });
    expect(twice.status).toBe(409);
    expect(twice.data.message).toBe('dashboards.alreadyShown');
    expect(await writes(t.ws.id)).toEqual(once);
  });

  it('refuses a change based on an old version with the current content, and writes nothing', async () => {
    const t = await team();
    const id = idFrom(await create(t.owner, t.ws, { name: 'Service', audience: 'service', shared: 'on' }));
    expect((await change(t.editor, t.ws, id, { intent: 'update', version: '1', name: 'Service desk', audience: 'service', shared: 'on' })).status).toBe(200);
    const before = await writes(t.ws.id);
    const stale = await change(t.owner, t.ws, id, { intent: 'update', version: '1', name: 'Overwritten', audience: 'sales', shared: 'on' });
    expect(stale.status).toBe(409);
    expect(stale.data.current).toMatchObject({ name: 'Service desk', version: 2 });
    for (const form of <Record<string, string>[]>[
      { intent: 'addMeasure', version: '1', measureId: t.nps.id },
      { intent: 'delete', version: '1' },
    ]) {
      expect((await change(t.owner, t.ws, id, form)).status).toBe(409);
    }
    expect(await writes(t.ws.id)).toEqual(before);
    const [row] = await db.select().from(dashboard).where(eq(dashboard.id, id));
    expect(row).toMatchObject({ name: 'Service desk', audience: 'service', version: 2 });
    // Deleting with the current version works and takes its measures with it.
    expect((await change(t.owner, t.ws, id, { intent: 'addMeasure', version: '2', measureId: t.nps.id })).status).toBe(200);
    const deleted = await change(t.owner, t.ws, id, { intent: 'delete', version: '3' });
    expect(deleted.status).toBe(302);
    expect((await writes(t.ws.id)).measures).toBe(0);
    expect((await view(t.owner, t.ws, id)).status).toBe(404);
  });

  it('a private dashboard is its creator’s alone: 404 to the others, even owners, for reading and changing', async () => {
    const t = await team();
    const id = idFrom(await create(t.editor, t.ws, { name: 'My drafts', audience: 'marketing' }));
    expect((await view(t.editor, t.ws, id)).status).toBe(200);
    expect((await view(t.owner, t.ws, id)).status).toBe(404);
    expect((await view(t.viewer, t.ws, id)).status).toBe(404);
    const before = await writes(t.ws.id);
    for (const form of <Record<string, string>[]>[
      { intent: 'update', version: '1', name: 'Taken', audience: 'sales', shared: 'on' },
      { intent: 'addMeasure', version: '1', measureId: t.nps.id },
      { intent: 'delete', version: '1' },
    ]) {
      expect((await change(t.owner, t.ws, id, form)).status).toBe(404);
    }
    expect(await writes(t.ws.id)).toEqual(before);
    expect((await list(t.owner, t.ws)).data.dashboards).toEqual([]);
    expect((await list(t.editor, t.ws)).data.dashboards.map((d: { name: string }) => d.name)).toEqual(['My drafts']);
    // Shared, everyone sees it; only its creator may make it private again.
    expect((await change(t.editor, t.ws, id, { intent: 'update', version: '1', name: 'Campaigns', audience: 'marketing', shared: 'on' })).status).toBe(200);
    expect((await view(t.viewer, t.ws, id)).status).toBe(200);
    const unshare = await change(t.owner, t.ws, id, { intent: 'update', version: '2', name: 'Campaigns', audience: 'marketing' });
    expect(unshare.status).toBe(400);
    expect(unshare.data.message).toBe('dashboards.onlyCreatorUnshares');
    expect((await view(t.viewer, t.ws, id)).status).toBe(200);
  });

  it('viewers cannot create or change one (403), and nothing is written', async () => {
    const t = await team();
    const id = idFrom(await create(t.owner, t.ws, { name: 'Shared', audience: 'sales', shared: 'on' }));
    const before = await writes(t.ws.id);
    expect((await create(t.viewer, t.ws, { name: 'Mine', audience: 'sales' })).status).toBe(403);
    expect((await change(t.viewer, t.ws, id, { intent: 'addMeasure', version: '1', measureId: t.nps.id })).status).toBe(403);
    expect((await change(t.viewer, t.ws, id, { intent: 'delete', version: '1' })).status).toBe(403);
    expect(await writes(t.ws.id)).toEqual(before);
    expect((await list(t.viewer, t.ws)).data.dashboards.map((d: { name: string }) => d.name)).toEqual(['Shared']);
  });

  it('another workspace’s dashboard and measure ids answer 404 and nothing is written', async () => {
    const t = await team();
    const mine = idFrom(await create(t.owner, t.ws, { name: 'Mine', audience: 'operations', shared: 'on' }));
    const stranger = await makeUser();
    const other = await makeWorkspace(stranger);
    const [foreignMeasure] = await db.insert(measure).values({ workspaceId: other.id, name: 'Foreign' }).returning();
    const theirs = idFrom(await create(stranger, other, { name: 'Theirs', audience: 'sales', shared: 'on' }));
    const before = { mine: await writes(t.ws.id), theirs: await writes(other.id) };
    // Their dashboard through my workspace, my dashboard through theirs, their measure onto mine.
    expect((await view(t.owner, t.ws, theirs)).status).toBe(404);
    expect((await change(t.owner, t.ws, theirs, { intent: 'addMeasure', version: '1', measureId: t.nps.id })).status).toBe(404);
    expect((await change(t.owner, t.ws, theirs, { intent: 'delete', version: '1' })).status).toBe(404);
    expect((await view(stranger, t.ws, mine)).status).toBe(404);
    expect((await change(stranger, t.ws, mine, { intent: 'delete', version: '1' })).status).toBe(404);
    expect((await change(stranger, other, mine, { intent: 'delete', version: '1' })).status).toBe(404);
    expect((await change(t.owner, t.ws, mine, { intent: 'addMeasure', version: '1', measureId: foreignMeasure!.id })).status).toBe(404);
    expect((await change(t.owner, t.ws, mine, { intent: 'removeMeasure', version: '1', measureId: foreignMeasure!.id })).status).toBe(404);
    expect((await view(t.owner, t.ws, 'not-a-uuid')).status).toBe(404);
    expect({ mine: await writes(t.ws.id), theirs: await writes(other.id) }).toEqual(before);
  });

  it('the database refuses a dashboard row pointing at another workspace’s measure', async () => {
    const t = await team();
    const id = idFrom(await create(t.owner, t.ws, { name: 'Mine', audience: 'sales' }));
    const stranger = await makeUser();
    const other = await makeWorkspace(stranger);
    const [foreign] = await db.insert(measure).values({ workspaceId: other.id, name: 'Foreign' }).returning();
    // Foreign key violations (23503): the measure is not of the row's workspace, the dashboard is not of the measure's.
    const code = async (values: typeof dashboardMeasure.$inferInsert) => {
      try {
        await db.insert(dashboardMeasure).values(values);
        return 'written';
      } catch (error) {
        const e = error as { code?: string; cause?: { code?: string } };
        return e.cause?.code ?? e.code;
      }
    };
    expect(await code({ workspaceId: t.ws.id, dashboardId: id, measureId: foreign!.id, position: 0 })).toBe('23503');
    expect(await code({ workspaceId: other.id, dashboardId: id, measureId: foreign!.id, position: 0 })).toBe('23503');
    expect(await code({ workspaceId: t.ws.id, dashboardId: id, measureId: t.nps.id, position: 0 })).toBe('written');
  });

  it('the home page lists the dashboards the member can see', async () => {
    const t = await team();
    await create(t.owner, t.ws, { name: 'Executive view', audience: 'top_management', shared: 'on' });
    await create(t.owner, t.ws, { name: 'Owner notes', audience: 'sales' });
    const names = async (user: TestUser) =>
      (await call(home.loader, { request: request(`/w/${t.ws.slug}`, { user }), params: { slug: t.ws.slug } })).data.dashboards.map(
        (d: { name: string }) => d.name,
      );
    expect(await names(t.owner)).toEqual(['Executive view', 'Owner notes']);
    expect(await names(t.viewer)).toEqual(['Executive view']);
  });
});

describe('query counts', () => {
  async function dashboardWith(measures: number) {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const f = await makeMapWithKpiLane(ws.id);
    const rows = await db
      .insert(measure)
      .values(Array.from({ length: measures }, (_, i) => ({ workspaceId: ws.id, name: `Measure ${i}` })))
      .returning();
    const kpis = await db
      .insert(kpi)
      .values(
        rows.flatMap((m, i) =>
          f.stages.map((s, j) => ({
            workspaceId: ws.id,
            mapId: f.map.id,
            laneId: f.lane.id,
            stageId: s.id,
            measureId: m.id,
            position: i,
            targetValue: String(50 + j),
          })),
        ),
      )
      .returning();
    await db
      .insert(kpiValue)
      .values(
        kpis.flatMap((k) =>
          Array.from({ length: 15 }, (_, m) => ({ workspaceId: ws.id, kpiId: k.id, date: `2025-01-${String(m + 1).padStart(2, '0')}`, value: String(m) })),
        ),
      );
    const id = idFrom(await create(owner, ws, { name: 'Big', audience: 'operations', shared: 'on' }));
    await db.insert(dashboardMeasure).values(rows.map((m, position) => ({ workspaceId: ws.id, dashboardId: id, measureId: m.id, position })));
    return { owner, ws, id };
  }
  const queries = async (fn: () => Promise<{ status: number }>) => {
    const before = queryCounter.count;
    expect((await fn()).status).toBe(200);
    return queryCounter.count - before;
  };
  const pageQueries = async (s: Awaited<ReturnType<typeof dashboardWith>>) => ({
    page: await queries(() => view(s.owner, s.ws, s.id)),
    list: await queries(() => list(s.owner, s.ws)),
    home: await queries(() => call(home.loader, { request: request(`/w/${s.ws.slug}`, { user: s.owner }), params: { slug: s.ws.slug } })),
  });

  it('the dashboard page, the list and the home do not grow with the number of measures, KPIs and values', async () => {
    const small = await pageQueries(await dashboardWith(1));
    const large = await pageQueries(await dashboardWith(20));
    expect(large).toEqual(small);
    expect(small.page).toBeLessThanOrEqual(9);
  });
});
