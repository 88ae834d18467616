// The indicator plan: measures banded by HEART category with their flags and finance view, filters
// by family and tag, pages of 40, membership checks, and a fixed number of queries whatever the
// library size.
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { kpi, kpiValue, measure, project, projectKpi } from '../../db/schema';
import * as planRoute from '~/routes/w.$slug.indicators/route';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;
const load = (user: TestUser, ws: Ws, search = '') =>
  call(planRoute.loader, { request: request(`/w/${ws.slug}/indicators${search}`, { user }), params: { slug: ws.slug } });

async function library() {
  const owner = await makeUser({ displayName: 'Claire' });
  const ws = await makeWorkspace(owner);
  const rows = await db
    .insert(measure)
    .values([
      {
        workspaceId: ws.id,
        name: 'NPS',
        unit: 'pts',
        trend: 'up' as const,
        valueAmount: '50000',
        valueStep: '10',
        ownerId: owner.id,
        heartCategory: 'happiness' as const,
        family: 'customer_perception' as const,
        gsmGoal: 'Customers recommend us',
        gsmSignal: 'Answers 9-10',
        tags: ['survey'],
      },
      {
        workspaceId: ws.id,
        name: 'Churn rate',
        unit: '%',
        trend: 'down' as const,
        valueAmount: '120000',
        valueStep: '1',
        ownerId: owner.id,
        heartCategory: 'retention' as const,
        family: 'business_performance' as const,
        tags: ['finance'],
      },
      { workspaceId: ws.id, name: 'Deliverability', unit: '%', family: 'business_performance' as const, tags: ['email', 'finance'] },
      { workspaceId: ws.id, name: 'Archived one', archivedAt: new Date() },
    ])
    .returning();
  const [nps, churn] = rows;
  const f = await makeMapWithKpiLane(ws.id);
  const kpis = await db
    .insert(kpi)
    .values([
      // NPS 32 -> 42 at 5,000 a point: 50,000 a year at stake.
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[0]!.id, measureId: nps!.id, position: 0, targetValue: '42' },
      // Churn 8.5 -> 7.0 at 120,000 a point: 180,000 a year.
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[1]!.id, measureId: churn!.id, position: 0, targetValue: '7.0' },
      // A second churn KPI without a value yet: counted, not valued.
      { workspaceId: ws.id, mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[2]!.id, measureId: churn!.id, position: 0, targetValue: '6' },
    ])
    .returning();
  await db.insert(kpiValue).values([
    { workspaceId: ws.id, kpiId: kpis[0]!.id, date: '2025-01-01', value: '30' },
    { workspaceId: ws.id, kpiId: kpis[0]!.id, date: '2025-02-01', value: '32' },
    { workspaceId: ws.id, kpiId: kpis[1]!.id, date: '2025-02-01', value: '8.5' },
  ]);
  // A live project counts on half the churn KPI; an archived one does not count.
  const [live, archived] = await db
    .insert(project)
    .values([
      { workspaceId: ws.id, name: 'Live' },
      { workspaceId: ws.id, name: 'Old', archivedAt: new Date() },
    ])
    .returning();
  await db.insert(projectKpi).values([
    { workspaceId: ws.id, projectId: live!.id, kpiId: kpis[1]!.id, share: '0.5' },
    { workspaceId: ws.id, projectId: archived!.id, kpiId: kpis[1]!.id, share: '1' },
  ]);
  return { owner, ws };
}

describe('the indicator plan', () => {
  it('bands the live library by HEART category, flags what is missing and values the KPIs exactly', async () => {
    const { owner, ws } = await library();
    const res = await load(owner, ws);
    expect(res.status).toBe(200);
    const names = res.data.measures.map((m: { name: string }) => m.name);
    // HEART order (happiness, ..., retention), then the measures without a category; archived ones are left out.
    expect(names).toEqual(['NPS', 'Churn rate', 'Deliverability']);
    const byName = Object.fromEntries(res.data.measures.map((m: { name: string }) => [m.name, m]));
    expect(byName.NPS.flags).toEqual([]);
    expect(byName.NPS.ownerName).toBe('Claire');
    expect(byName.NPS.gsmGoal).toBe('Customers recommend us');
    expect(byName.NPS.finance).toEqual({ kpiCount: 1, atStake: '50000', planned: '0', unvalued: 0 });
    expect(byName['Churn rate'].finance).toEqual({ kpiCount: 2, atStake: '180000', planned: '90000', unvalued: 1 });
    expect(byName.Deliverability.flags).toEqual(['no_category', 'no_owner', 'no_value']);
    expect(byName.Deliverability.finance).toEqual({ kpiCount: 0, atStake: null, planned: null, unvalued: 0 });
    expect(res.data.counts).toEqual({
      bands: { happiness: 1, retention: 1, none: 1 },
      flags: { no_category: 1, no_owner: 1, no_value: 1 },
      total: 3,
    });
    expect(res.data.tags).toEqual(['email', 'finance', 'survey']);
  });

  it('filters by family and by tag, from the search params; an unknown value is ignored', async () => {
    const { owner, ws } = await library();
    const names = async (search: string) => (await load(owner, ws, search)).data.measures.map((m: { name: string }) => m.name);
    expect(await names('?family=business_performance')).toEqual(['Churn rate', 'Deliverability']);
    expect(await names('?tag=finance')).toEqual(['Churn rate', 'Deliverability']);
    expect(await names('?family=business_performance&tag=email')).toEqual(['Deliverability']);
    expect(await names('?family=customer_perception&tag=finance')).toEqual([]);
    expect(await names('?family=nonsense&page=abc')).toEqual(['NPS', 'Churn rate', 'Deliverability']);
  });

  it('answers 404 to a non-member and to a signed-out visitor a sign-in redirect; viewers read it', async () => {
    const { ws } = await library();
    const viewer = await makeUser();
    await addMember(ws.id, viewer, 'viewer');
    expect((await load(viewer, ws)).status).toBe(200);
    const stranger = await makeUser();
    await makeWorkspace(stranger);
    expect((await load(stranger, ws)).status).toBe(404);
    const anonymous = await call(planRoute.loader, { request: request(`/w/${ws.slug}/indicators`), params: { slug: ws.slug } });
    expect(anonymous.status).toBe(302);
  });

  it('shows 40 measures a page in band order, and a page past the end shows the last one', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const categories = ['happiness', 'engagement', null] as const;
    await db.insert(measure).values(
      Array.from({ length: 85 }, (_, i) => ({
        workspaceId: ws.id,
        name: `M${String(i).padStart(3, '0')}`,
        heartCategory: categories[i % 3],
      })),
    );
    const first = await load(owner, ws);
    expect(first.data.measures).toHaveLength(40);
    expect(first.data.pageCount).toBe(3);
    expect(first.data.measures[0].heartCategory).toBe('happiness');
    const third = await load(owner, ws, '?page=3');
    expect(third.data.measures).toHaveLength(5);
    expect(third.data.measures.every((m: { heartCategory: string | null }) => m.heartCategory === null)).toBe(true);
    const beyond = await load(owner, ws, '?page=99');
    expect(beyond.data.page).toBe(3);
    expect(beyond.data.measures).toHaveLength(5);
    // Every measure shows once over the three pages.
    const second = await load(owner, ws, '?page=2');
    const all = [...first.data.measures, ...second.data.measures, ...third.data.measures].map((m: { name: string }) => m.name);
    expect(new Set(all).size).toBe(85);
  });
});

describe('query count', () => {
  async function withLibrary(size: number) {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const f = await makeMapWithKpiLane(ws.id);
    const rows = await db
      .insert(measure)
      .values(
        Array.from({ length: size }, (_, i) => ({
          workspaceId: ws.id,
          name: `Measure ${i}`,
          valueAmount: '1000',
          valueStep: '1',
          ownerId: owner.id,
          heartCategory: 'adoption' as const,
          tags: [`tag${i % 4}`],
        })),
      )
      .returning();
    const kpis = await db
      .insert(kpi)
      .values(
        rows.map((m, i) => ({
          workspaceId: ws.id,
          mapId: f.map.id,
          laneId: f.lane.id,
          stageId: f.stages[i % 3]!.id,
          measureId: m.id,
          position: i,
          targetValue: '50',
        })),
      )
      .returning();
    await db
      .insert(kpiValue)
      .values(
        kpis.flatMap((k) => Array.from({ length: 6 }, (_, m) => ({ workspaceId: ws.id, kpiId: k.id, date: `2025-0${m + 1}-01`, value: String(40 + m) }))),
      );
    return { owner, ws };
  }

  it('is the same for a library of 3 and of 60 measures', async () => {
    const count = async ({ owner, ws }: Awaited<ReturnType<typeof withLibrary>>) => {
      const before = queryCounter.count;
      const res = await load(owner, ws, '?tag=tag1');
      expect(res.status).toBe(200);
      return queryCounter.count - before;
    };
    const small = await count(await withLibrary(3));
    const large = await count(await withLibrary(60));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(9);
  });
});
