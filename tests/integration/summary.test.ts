import { describe, expect, it } from 'vitest';
import { queryCounter } from '../../db/client';
import { dec, toDecimalString, toFixedString } from '~/domain/decimal';
import * as summary from '~/routes/w.$slug.summary/route';
import * as summaryCsv from '~/routes/w.$slug.summary.csv';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMeasure, makeProject, makeWorkedExample } from '../support/project-fixtures';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const example = await makeWorkedExample(ws.id);
  return { owner, ws, viewer, example };
}

const load = (user: TestUser, slug: string, query = '') => call(summary.loader, { request: request(`/w/${slug}/summary${query}`, { user }), params: { slug } });

describe('executive ROI summary', () => {
  it('viewers read the portfolio: totals, ranking, top measures, warnings; archived projects are left out', async () => {
    const { ws, viewer, example } = await setup();
    // A second project that makes the churn KPI's shares exceed 100 %, and an archived one that would dominate.
    const chatbot = await makeProject(ws.id, {
      name: 'Chatbot',
      status: 'planned',
      horizonYears: 2,
      discountRate: '0.1',
      links: [{ kpiId: example.kpis.churn.id, share: '0.6' }],
      costs: [{ kind: 'one_off', amount: '20000' }],
    });
    await makeProject(ws.id, {
      name: 'Archived giant',
      archivedAt: new Date(),
      links: [{ kpiId: example.kpis.nps.id, share: '1' }],
      costs: [{ kind: 'one_off', amount: '1' }],
    });
    const res = await load(viewer, ws.slug);
    expect(res.status).toBe(200);
    expect(res.data.ranking.rows.map((p: { name: string }) => p.name)).toEqual(['Self-service onboarding', 'Chatbot']);
    // Chatbot: run-rate 1.5 x 120,000 x 60 % = 108,000 a year for 2 years, 20,000 up front.
    const chat = res.data.ranking.rows.find((p: { id: string }) => p.id === chatbot.id);
    expect(chat).toMatchObject({ totalBenefit: '216000', totalCost: '20000', netBenefit: '196000', roi: '9.8' });
    expect(res.data.totals).toMatchObject({
      totalBenefit: '520000',
      totalCost: '110000',
      netBenefit: '410000',
      runRateBenefit: '260000',
    });
    // Portfolio year 0: -80,000; year 1: 60,800 + 108,000 - 10,000 = 158,800 -> payback inside year 1.
    expect(res.data.totals.years.map((y: { cumulative: string }) => y.cumulative)).toEqual(['-80000', '78800', '298400', '410000']);
    expect(Number(res.data.totals.paybackMonths).toFixed(2)).toBe('6.05');
    const sso = res.data.ranking.rows.find((p: { name: string }) => p.name === 'Self-service onboarding');
    expect(toFixedString(sso.npv, 2)).toBe('171307.73');
    expect(res.data.totals.npv).toBe(toDecimalString(dec(sso.npv).plus(chat.npv)));
    // Realised so far, as the business case counts it: NPS 30 -> 32 (10,000) and churn 9 -> 8.5 at 50 %
    // (30,000); the chatbot has no start date, so nothing realised there.
    expect(res.data.realisedBenefit).toBe('40000');
    expect(res.data.topByNpv.map((p: { name: string }) => p.name)).toEqual(['Self-service onboarding', 'Chatbot']);
    expect(res.data.topMeasures.map((m: { measureName: string; value: string }) => [m.measureName, m.value])).toEqual([
      ['Taux de churn', '198000'],
      ['NPS', '50000'],
      ['Durée moyenne de traitement', '12000'],
    ]);
    expect(res.data.warnings.flaggedProjects).toBe(2);
    const codes = res.data.warnings.onPage.flatMap((w: { projectName: string; warnings: { code: string }[] }) =>
      w.warnings.map((x) => `${w.projectName}:${x.code}`),
    );
    expect(codes.sort()).toEqual(['Chatbot:double_counting', 'Self-service onboarding:double_counting']);
  });

  it('ranks by NPV, ROI, payback or benefit and filters by status, from GET parameters', async () => {
    const { ws, viewer, example } = await setup();
    await makeProject(ws.id, {
      name: 'Cheap quick win',
      status: 'idea',
      links: [{ kpiId: example.kpis.aht.id, share: '0.5' }],
      costs: [{ kind: 'one_off', amount: '1000' }],
    });
    await makeProject(ws.id, { name: 'No costs', status: 'idea', links: [{ kpiId: example.kpis.nps.id, share: '0.1' }] });
    const names = async (query: string) => (await load(viewer, ws.slug, query)).data.ranking.rows.map((p: { name: string }) => p.name);
    // NPV: 171,307.73; AHT 6,000 a year for 3 years at 10 % less 1,000 = 13,921.11; NPS 5,000 a year = 12,434.26.
    expect(await names('?sort=npv')).toEqual(['Self-service onboarding', 'Cheap quick win', 'No costs']);
    // No cost: ROI not applicable, ranked last.
    expect(await names('?sort=roi')).toEqual(['Cheap quick win', 'Self-service onboarding', 'No costs']);
    expect(await names('?sort=payback')).toEqual(['No costs', 'Cheap quick win', 'Self-service onboarding']);
    expect(await names('?sort=benefit')).toEqual(['Self-service onboarding', 'Cheap quick win', 'No costs']);
    expect(await names('?status=idea&sort=npv')).toEqual(['Cheap quick win', 'No costs']);
    const filtered = await load(viewer, ws.slug, '?status=in_progress');
    expect(filtered.data.totals.totalCost).toBe('90000');
    // Unknown parameters fall back to the defaults rather than failing.
    const odd = await load(viewer, ws.slug, '?sort=drop%20table&status=nope');
    expect(odd.status).toBe(200);
    expect(odd.data.query).toEqual({ sort: 'npv', page: 1 });
  });

  it('is computed from a fixed number of queries, with 2 or 20 projects', async () => {
    const { ws, viewer, example } = await setup();
    queryCounter.count = 0;
    await load(viewer, ws.slug);
    const one = queryCounter.count;
    const measure = await makeMeasure(ws.id, { name: 'CSAT', valueAmount: '1000', valueStep: '1' });
    await makeProject(ws.id, { links: [{ kpiId: example.kpis.nps.id, share: '0.2' }], costs: [{ kind: 'one_off', amount: '10' }] });
    queryCounter.count = 0;
    const two = await load(viewer, ws.slug);
    expect(two.data.ranking.rows).toHaveLength(2);
    const withTwo = queryCounter.count;
    for (let i = 0; i < 18; i++) {
      const k = await makeKpi(
        ws.id,
        { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: measure.id },
        {
          target: '90',
          values: [
            ['2026-01-01', '80'],
            ['2026-02-01', '82'],
          ],
        },
      );
      await makeProject(ws.id, {
        links: [{ kpiId: k.id }, { kpiId: example.kpis.aht.id, share: '0.01' }],
        costs: [
          { kind: 'recurring', amount: '100' },
          { kind: 'one_off', amount: '5' },
        ],
      });
    }
    queryCounter.count = 0;
    const twenty = await load(viewer, ws.slug);
    expect(twenty.data.ranking.rows).toHaveLength(20);
    expect(queryCounter.count).toBe(withTwo);
    expect(withTwo).toBe(one);
  });

  it('the workspace home shows the top projects by NPV, archived ones left out', async () => {
    const { ws, viewer } = await setup();
    await makeProject(ws.id, { name: 'Archived', archivedAt: new Date() });
    await makeProject(ws.id, { name: 'Costly', costs: [{ kind: 'one_off', amount: '5000' }] });
    const home = await import('~/routes/w.$slug._index');
    const res = await call(home.loader, { request: request(`/w/${ws.slug}`, { user: viewer }), params: { slug: ws.slug } });
    expect(res.data.topProjects.map((p: { name: string; npv: string }) => [p.name, toFixedString(p.npv, 2)])).toEqual([
      ['Self-service onboarding', '171307.73'],
      ['Costly', '-5000.00'],
    ]);
  });

  it('exports the summary as CSV for viewers; another workspace answers 404', async () => {
    const { ws, viewer } = await setup();
    const csv = await call(summaryCsv.loader, { request: request(`/w/${ws.slug}/summary/csv?sort=roi`, { user: viewer }), params: { slug: ws.slug } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const text = String(csv.data);
    expect(text).toContain('Self-service onboarding');
    expect(text).toContain('171307.73');
    expect(text).toContain('2.3778');
    const outsider = await makeUser();
    expect((await load(outsider, ws.slug)).status).toBe(404);
  });
});
