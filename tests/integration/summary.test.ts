import { describe, expect, it } from 'vitest';
import { queryCounter } from '../../db/client';
import { dec, sum, toDecimalString, toFixedString } from '~/domain/decimal';
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

describe('executive ROI summary at scale: the server sends one page', () => {
  /** The worked example plus `extra` projects with their own KPI and costs (NPV rising with i). */
  async function portfolio(extra: number) {
    const base = await setup();
    const measure = await makeMeasure(base.ws.id, { name: 'CSAT', valueAmount: '1000', valueStep: '1' });
    for (let i = 0; i < extra; i++) {
      const k = await makeKpi(
        base.ws.id,
        { mapId: base.example.map.id, laneId: base.example.lane.id, stageId: base.example.stages.Support!.id, measureId: measure.id },
        { target: String(60 + i), values: [['2026-01-01', '50']] },
      );
      await makeProject(base.ws.id, {
        name: `P${String(i).padStart(2, '0')}`,
        links: [{ kpiId: k.id }],
        costs: [{ kind: 'one_off', amount: String(1000 + i) }],
      });
    }
    return base;
  }

  it('ranks on the server, 25 rows a page from GET parameters; the totals, top projects and chart cover every project', async () => {
    const { ws, viewer } = await portfolio(29);
    const all = (await import('~/server/portfolio.server')).loadPortfolio;
    const whole = await all(ws.id, { sort: 'roi' });
    expect(whole.projects).toHaveLength(30);
    const first = await load(viewer, ws.slug, '?sort=roi');
    const second = await load(viewer, ws.slug, '?sort=roi&page=2');
    expect(first.data.ranking).toMatchObject({ page: 1, pageCount: 2, offset: 0 });
    expect(first.data.ranking.rows).toHaveLength(25);
    expect(second.data.ranking).toMatchObject({ page: 2, pageCount: 2, offset: 25 });
    expect([...first.data.ranking.rows, ...second.data.ranking.rows].map((p: { id: string }) => p.id)).toEqual(whole.projects.map((p) => p.id));
    // A page past the end shows the last one; a bad page number the first.
    expect((await load(viewer, ws.slug, '?sort=roi&page=99')).data.ranking.page).toBe(2);
    expect((await load(viewer, ws.slug, '?sort=roi&page=-3')).data.ranking.page).toBe(1);
    // The headline sums every project, not the page.
    const npvs = whole.projects.map((p) => p.npv);
    expect(second.data.totals.npv).toBe(toDecimalString(sum(...npvs)));
    expect(second.data.totals.totalCost).toBe(toDecimalString(sum(...whole.projects.map((p) => p.totalCost))));
    expect(second.data.counts).toEqual({ all: 30, shown: 30 });
    expect(second.data.topByNpv.map((p: { id: string }) => p.id)).toEqual((await all(ws.id, { sort: 'npv' })).projects.slice(0, 3).map((p) => p.id));
    // The chart: the first 10 of the ranking, then one bar for the 20 others, their sums.
    const bars = first.data.chartBars;
    expect(bars).toHaveLength(11);
    expect(bars.slice(0, 10).map((b: { key: string }) => b.key)).toEqual(whole.projects.slice(0, 10).map((p) => p.id));
    expect(bars[10]).toMatchObject({
      key: 'others',
      name: null,
      projectCount: 20,
      totalBenefit: toDecimalString(sum(...whole.projects.slice(10).map((p) => p.totalBenefit))),
    });
  });

  it('caps the warnings at 3 a project, with the count of the rest, for the projects of the page', async () => {
    const { ws, viewer, example } = await setup();
    const noValue = await makeMeasure(ws.id, { name: 'Sans valeur' });
    const kpis = [];
    for (let i = 0; i < 5; i++) {
      kpis.push(
        await makeKpi(ws.id, { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: noValue.id }, { target: '10' }),
      );
    }
    await makeProject(ws.id, { name: 'Many warnings', links: kpis.map((k) => ({ kpiId: k.id })) });
    const res = await load(viewer, ws.slug);
    const many = res.data.warnings.onPage.find((w: { projectName: string }) => w.projectName === 'Many warnings');
    // 5 KPIs without a financial value and without values: 10 warnings.
    expect(many.warnings).toHaveLength(3);
    expect(many.more).toBe(7);
    expect(res.data.ranking.rows.find((p: { name: string }) => p.name === 'Many warnings').warningCount).toBe(10);
  });

  it('answers from the same number of queries for 1 or 40 projects, and its page does not grow', async () => {
    const { ws, viewer, example } = await setup();
    queryCounter.count = 0;
    await load(viewer, ws.slug);
    const one = queryCounter.count;
    const measure = await makeMeasure(ws.id, { name: 'CSAT', valueAmount: '1000', valueStep: '1' });
    for (let i = 0; i < 39; i++) {
      const k = await makeKpi(
        ws.id,
        { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: measure.id },
        { target: '90', values: [['2026-01-01', '80']] },
      );
      await makeProject(ws.id, { links: [{ kpiId: k.id }], costs: [{ kind: 'one_off', amount: '5' }] });
    }
    queryCounter.count = 0;
    const forty = await load(viewer, ws.slug, '?page=2');
    expect(queryCounter.count).toBe(one);
    expect(forty.data.ranking.rows).toHaveLength(15);
    expect(forty.data.counts.shown).toBe(40);
    expect(forty.data.chartBars).toHaveLength(11);
  });

  it('never serves a stale cached case: a new KPI value or a new cost changes the summary at once', async () => {
    const { ws, owner, viewer, example } = await setup();
    const { caseCacheStats } = await import('~/server/portfolio.server');
    const { figuresCacheStats } = await import('~/server/figures-cache.server');
    const before = await load(viewer, ws.slug);
    const { computed } = caseCacheStats;
    const { served } = figuresCacheStats;
    const again = await load(viewer, ws.slug);
    // Nothing changed: the roll-up and the series come from the figures cache, no case is computed.
    expect(figuresCacheStats.served).toBe(served + 2);
    expect(caseCacheStats.computed).toBe(computed);
    expect(again.data.totals).toEqual(before.data.totals);
    // NPS 32 -> 40 today: the gap to 42 shrinks from 10 to 2 points, the benefit with it.
    const { recordKpiValue } = await import('~/server/kpi-values.server');
    const { todayIn } = await import('~/lib/time-zone');
    expect((await recordKpiValue(ws.id, owner.id, example.kpis.nps.id, { date: todayIn(ws.timeZone), value: '40' })).status).toBe('ok');
    const after = await load(viewer, ws.slug);
    // Run-rate 152,000 - 8 points x 5,000 = 112,000.
    expect(after.data.totals.runRateBenefit).toBe('112000');
    expect(after.data.totals.npv).not.toBe(before.data.totals.npv);
    const { addCost } = await import('~/server/projects.server');
    expect((await addCost(ws.id, owner.id, example.project.id, { label: 'Extra', kind: 'one_off', amount: '1000', year: 0 })).status).toBe('ok');
    expect((await load(viewer, ws.slug)).data.totals.totalCost).toBe('91000');
  });

  it('streams the CSV in chunks, every project of the portfolio (not a page)', async () => {
    const { ws, viewer } = await portfolio(29);
    const res = (await summaryCsv.loader({
      request: request(`/w/${ws.slug}/summary/csv?sort=npv&page=2`, { user: viewer }),
      params: { slug: ws.slug },
      context: {},
    })) as Response;
    expect(res.body).toBeInstanceOf(ReadableStream);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(decoder.decode(r.value, { stream: true }));
    // The header, the projects, the totals: more than one chunk.
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const lines = chunks
      .join('')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.filter((l) => /^(?:P\d\d|Self-service onboarding)[,;]/.test(l))).toHaveLength(30);
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toMatch(/^Portfolio|^Portefeuille/);
  });
});
