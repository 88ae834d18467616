import { describe, expect, it } from 'vitest';
import { queryCounter } from '../../db/client';
import * as businessCase from '~/routes/w.$slug.projects.$projectId/route';
import * as summary from '~/routes/w.$slug.summary/route';
import { loadRealisedValue } from '~/server/realised-value.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject } from '../support/project-fixtures';

// Dates far enough in the past that every month of these one-year horizons is over, whatever today
// is: the figures below do not depend on the day the test runs.
async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const { map, stage, lane } = await makeMapWithStages(ws.id, ['Onboarding', 'Support']);
  const nps = await makeMeasure(ws.id, { name: 'NPS', trend: 'up', valueAmount: '50000', valueStep: '10' }); // 5,000 a point
  const aht = await makeMeasure(ws.id, { name: 'AHT', trend: 'down', valueAmount: '2000', valueStep: '10' });
  const npsKpi = await makeKpi(
    ws.id,
    { mapId: map.id, laneId: lane.id, stageId: stage.Onboarding!.id, measureId: nps.id },
    {
      target: '42',
      values: [
        ['2024-11-30', '29'],
        ['2024-12-31', '30'], // baseline of a start on 15 January 2025, before its month: read by the baseline query
        ['2025-02-10', '31'],
        ['2025-05-20', '33'], // baseline of a start on 1 July 2025
        ['2026-03-01', '40'], // the current value: gap 2 to the target, 10,000 a year
      ],
    },
  );
  // No value on or before either start: it counts for nothing, and says so.
  const ahtKpi = await makeKpi(
    ws.id,
    { mapId: map.id, laneId: lane.id, stageId: stage.Support!.id, measureId: aht.id },
    { target: '300', values: [['2025-03-01', '400']] },
  );
  const first = await makeProject(ws.id, {
    name: 'First',
    status: 'in_progress',
    startDate: '2025-01-15',
    horizonYears: 1,
    discountRate: '0',
    links: [{ kpiId: npsKpi.id }, { kpiId: ahtKpi.id, share: '0.5' }],
  });
  const second = await makeProject(ws.id, {
    name: 'Second',
    status: 'delivered',
    startDate: '2025-07-01',
    horizonYears: 1,
    links: [{ kpiId: npsKpi.id, share: '0.5' }],
  });
  // Neither started nor archived projects add anything.
  await makeProject(ws.id, { name: 'No start', links: [{ kpiId: npsKpi.id }] });
  await makeProject(ws.id, { name: 'Later', startDate: '2099-01-01', links: [{ kpiId: npsKpi.id }] });
  await makeProject(ws.id, { name: 'Archived', startDate: '2025-01-01', archivedAt: new Date(), links: [{ kpiId: npsKpi.id }] });
  return { owner, viewer, ws, first, second, npsKpi, ahtKpi, at: { mapId: map.id, laneId: lane.id, stageId: stage.Support!.id, measureId: nps.id } };
}

const loadCase = (user: TestUser, slug: string, projectId: string) =>
  call(businessCase.loader, { request: request(`/w/${slug}/projects/${projectId}`, { user }), params: { slug, projectId } });
const loadSummary = (user: TestUser, slug: string, query = '') =>
  call(summary.loader, { request: request(`/w/${slug}/summary${query}`, { user }), params: { slug } });

describe('realised value over time', () => {
  it("a project's business case has its planned and realised benefit by month", async () => {
    const { viewer, ws, first, ahtKpi } = await setup();
    const res = await loadCase(viewer, ws.slug, first.id);
    expect(res.status).toBe(200);
    const series = res.data.realisedSeries;
    expect(series.status).toBe('ended');
    // Planned: run-rate 10,000 (gap 2 x 5,000; AHT has no baseline but a planned impact of
    // (400 - 300) / 10 x 2,000 x 50 % = 10,000 too), b_1 = 20,000: 1,666.67 a month.
    // Realised (NPS only, baseline 30): Jan 0; Feb-Apr 31 -> 5,000 a year; May-Dec 33 -> 15,000 a year.
    expect(series.months.map((m: { period: string; planned: string; realised: string }) => [m.period, m.planned, m.realised])).toEqual([
      ['2025-01', '1666.6666666667', '0'],
      ['2025-02', '1666.6666666667', '416.6666666667'],
      ['2025-03', '1666.6666666667', '416.6666666667'],
      ['2025-04', '1666.6666666667', '416.6666666667'],
      ['2025-05', '1666.6666666667', '1250'],
      ['2025-06', '1666.6666666667', '1250'],
      ['2025-07', '1666.6666666667', '1250'],
      ['2025-08', '1666.6666666667', '1250'],
      ['2025-09', '1666.6666666667', '1250'],
      ['2025-10', '1666.6666666667', '1250'],
      ['2025-11', '1666.6666666667', '1250'],
      ['2025-12', '1666.6666666667', '1250'],
    ]);
    // (3 x 5,000 + 8 x 15,000) / 12 = 11,250
    expect(series.plannedToDate).toBe('20000');
    expect(series.realisedToDate).toBe('11250');
    expect(series.months.at(-1)).toMatchObject({ cumulativePlanned: '20000', cumulativeRealised: '11250' });
    expect(series.excluded).toEqual([{ kpiId: ahtKpi.id, reason: 'no_baseline' }]);
    // The page gets amounts, not the rates or histories behind them.
    expect(Object.keys(series.months[0]).sort()).toEqual(['cumulativePlanned', 'cumulativeRealised', 'period', 'planned', 'realised']);
  });

  it('the summary gets the portfolio series summed by month on the server, and its realised benefit to date', async () => {
    const { viewer, ws } = await setup();
    const res = await loadSummary(viewer, ws.slug);
    expect(res.status).toBe(200);
    const realised = res.data.realised;
    // First: 2025-01..2025-12; Second: 2025-07..2026-06, baseline 33, 40 from March 2026:
    // (40 - 33) x 5,000 x 50 % = 17,500 a year for 4 months; planned 2 x 5,000 x 50 % = 5,000 a year.
    expect(realised.months.map((m: { period: string }) => m.period)).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((mm) => `2025-${mm}`),
      ...['01', '02', '03', '04', '05', '06'].map((mm) => `2026-${mm}`),
    ]);
    expect(realised.months[6]).toMatchObject({ period: '2025-07', planned: '2083.3333333333', realised: '1250' });
    expect(realised.months[14]).toMatchObject({ period: '2026-03', planned: '416.6666666667', realised: '1458.3333333333' });
    expect(realised.plannedToDate).toBe('25000');
    // (135,000 + 4 x 17,500) / 12 = 17,083.33
    expect(realised.realisedToDate).toBe('17083.3333333333');
    expect(realised.excludedCount).toBe(1);
    // The status filter applies, as to the rest of the summary.
    const delivered = (await loadSummary(viewer, ws.slug, '?status=delivered')).data.realised;
    expect(delivered.plannedToDate).toBe('5000');
    expect(delivered.realisedToDate).toBe('5833.3333333333');
  });

  it("another workspace's project answers 404, and its projects never count in this workspace", async () => {
    const { owner, ws, first } = await setup();
    const stranger = await makeUser();
    const other = await makeWorkspace(stranger);
    expect((await loadCase(stranger, other.slug, first.id)).status).toBe(404);
    expect((await loadCase(stranger, ws.slug, first.id)).status).toBe(404);
    const theirs = await loadSummary(stranger, other.slug);
    expect(theirs.data.realised).toEqual({ months: [], plannedToDate: '0', realisedToDate: '0', excludedCount: 0 });
    // Asked for another workspace's project ids, the module finds nothing.
    const foreign = await loadRealisedValue(other.id, { today: '2026-12-31', projectIds: [first.id] });
    expect(foreign.projects).toEqual([]);
    expect((await loadCase(owner, ws.slug, first.id)).status).toBe(200);
  });

  it('reads a fixed number of queries whatever the number of projects, KPIs and values', async () => {
    const { ws, npsKpi, at } = await setup();
    const count = async () => {
      queryCounter.count = 0;
      const value = await loadRealisedValue(ws.id, { today: '2026-12-03' });
      return { queries: queryCounter.count, projects: value.projects.length };
    };
    const before = await count();
    expect(before.projects).toBe(2);
    for (let i = 0; i < 12; i++) {
      const k = await makeKpi(ws.id, at, {
        target: '50',
        values: Array.from({ length: 24 }, (_, m): [string, string] => [
          `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`,
          String(30 + m),
        ]),
      });
      await makeProject(ws.id, { startDate: `2024-0${(i % 9) + 1}-01`, links: [{ kpiId: k.id }, { kpiId: npsKpi.id, share: '0.1' }] });
    }
    const after = await count();
    expect(after.projects).toBe(14);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(4);
  });
});
