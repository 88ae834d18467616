import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, project, projectCost, projectKpi } from '../../db/schema';
import * as caseRoute from '~/routes/w.$slug.projects.$projectId/route';
import * as csvRoute from '~/routes/w.$slug.projects.$projectId.csv';
import * as listRoute from '~/routes/w.$slug.projects._index/route';
import { dec, toFixedString } from '~/domain/decimal';
import { listProjectsForKpi } from '~/server/projects.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject, makeWorkedExample } from '../support/project-fixtures';
import type { Locale } from '~/domain/vocabulary';

async function setup(locale: Locale = 'en') {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale });
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const editor = await makeUser();
  await addMember(ws.id, editor, 'editor');
  const example = await makeWorkedExample(ws.id);
  return { owner, ws, viewer, editor, example };
}

const caseUrl = (slug: string, id: string) => `/w/${slug}/projects/${id}`;

async function loadCase(user: TestUser, slug: string, id: string, query = '') {
  return call(caseRoute.loader, { request: request(`${caseUrl(slug, id)}${query}`, { user }), params: { slug, projectId: id } });
}

async function post(user: TestUser, slug: string, id: string, form: Record<string, string | undefined>) {
  return call(caseRoute.action, { request: request(caseUrl(slug, id), { user, form }), params: { slug, projectId: id } });
}

describe('business case', () => {
  it('reproduces the worked example of DESIGN.md to the cent through the loader', async () => {
    const { ws, viewer, example } = await setup();
    const res = await loadCase(viewer, ws.slug, example.project.id);
    expect(res.status).toBe(200);
    const bc = res.data.businessCase;
    expect(bc.runRateBenefit).toBe('152000');
    expect(bc.years.map((y: { benefit: string }) => y.benefit)).toEqual(['0', '60800', '121600', '121600']);
    expect(bc.years.map((y: { cost: string }) => y.cost)).toEqual(['60000', '10000', '10000', '10000']);
    expect(bc.years.map((y: { cumulative: string }) => y.cumulative)).toEqual(['-60000', '-9200', '102400', '214000']);
    expect(bc.totalBenefit).toBe('304000');
    expect(bc.totalCost).toBe('90000');
    expect(bc.netBenefit).toBe('214000');
    expect(Number(bc.roi).toFixed(3)).toBe('2.378');
    expect(Number(bc.pvBenefit).toFixed(2)).toBe('257078.70');
    expect(Number(bc.pvCost).toFixed(2)).toBe('85770.97');
    expect(Number(bc.npv).toFixed(2)).toBe('171307.73');
    expect(Number(bc.roiPv).toFixed(3)).toBe('1.997');
    expect(Number(bc.paybackMonths).toFixed(1)).toBe('13.0');
    const byMeasure = Object.fromEntries(res.data.lines.map((l: { measureName: string; contribution: string }) => [l.measureName, l.contribution]));
    expect(byMeasure).toEqual({ NPS: '50000', 'Taux de churn': '90000', 'Durée moyenne de traitement': '12000' });
    // Realised since the start: NPS 30 -> 32 (+2 pts x 5,000), churn 9 -> 8.5 (0.5 pt x 120,000 x 50 %); AHT has no baseline.
    const realised = Object.fromEntries(
      res.data.lines.map((l: { measureName: string; realised: { amount: string | null } }) => [l.measureName, l.realised.amount]),
    );
    expect(realised).toEqual({ NPS: '10000', 'Taux de churn': '30000', 'Durée moyenne de traitement': null });
    expect(res.data.realisedTotal).toBe('40000');
    expect(res.data.warnings).toEqual([]);
  });

  it('loads in a fixed number of queries whatever the number of KPIs', async () => {
    const { ws, viewer, example } = await setup();
    const { queryCounter } = await import('../../db/client');
    queryCounter.count = 0;
    await loadCase(viewer, ws.slug, example.project.id);
    const few = queryCounter.count;
    const more = await makeMeasure(ws.id, { name: 'CSAT', valueAmount: '1000', valueStep: '1' });
    const links = [];
    for (let i = 0; i < 8; i++) {
      const k = await makeKpi(
        ws.id,
        { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: more.id },
        { target: '90', values: [['2026-01-01', '80']] },
      );
      links.push({ kpiId: k.id });
    }
    const big = await makeProject(ws.id, {
      links,
      costs: [
        { kind: 'one_off', amount: '5' },
        { kind: 'recurring', amount: '1' },
      ],
    });
    queryCounter.count = 0;
    const res = await loadCase(viewer, ws.slug, big.id);
    expect(res.data.lines).toHaveLength(8);
    expect(queryCounter.count).toBe(few);
  });

  it('shows warnings: shares above 100 %, no financial value, stale values, target not an improvement; ROI not applicable without cost', async () => {
    const { ws, viewer, example } = await setup();
    const noValue = await makeMeasure(ws.id, { name: 'Taux de recommandation' });
    const stale = await makeKpi(
      ws.id,
      { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: noValue.id },
      { target: '50', values: [['2020-01-01', '40']] },
    );
    const worse = await makeKpi(
      ws.id,
      { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Onboarding!.id, measureId: example.measures.nps.id },
      { target: '20', values: [[new Date().toISOString().slice(0, 10), '32']] },
    );
    const other = await makeProject(ws.id, {
      name: 'Other',
      links: [{ kpiId: example.kpis.churn.id, share: '0.7' }, { kpiId: stale.id }, { kpiId: worse.id }],
    });
    const res = await loadCase(viewer, ws.slug, other.id);
    const codes = res.data.warnings.map((w: { code: string; measureName: string }) => `${w.code}:${w.measureName}`).sort();
    expect(codes).toEqual([
      'double_counting:Taux de churn',
      'no_financial_value:Taux de recommandation',
      'stale_values:Taux de recommandation',
      'target_not_improvement:NPS',
    ]);
    expect(res.data.warnings.find((w: { code: string }) => w.code === 'double_counting').totalShare).toBe('1.2');
    expect(res.data.businessCase.roi).toBeNull();
    expect(res.data.businessCase.paybackMonths).toBe('0');
    // The worked example now shows the double counting too.
    const first = await loadCase(viewer, ws.slug, example.project.id);
    expect(first.data.warnings.map((w: { code: string }) => w.code)).toEqual(['double_counting']);
  });

  it('viewers read business cases but every write answers 403 and changes nothing', async () => {
    const { ws, viewer, example } = await setup();
    const forms: Record<string, string>[] = [
      { intent: 'details', version: '1', name: 'Hacked', status: 'idea' },
      { intent: 'assumptions', version: '1', horizonYears: '5', discountRate: '5', confidence: '50', rampUp: '' },
      { intent: 'archive', version: '1' },
      { intent: 'addCost', label: 'x', kind: 'one_off', amount: '1' },
      { intent: 'link', kpiId: example.kpis.nps.id, share: '10' },
      { intent: 'unlink', kpiId: example.kpis.nps.id },
    ];
    for (const form of forms) {
      const res = await post(viewer, ws.slug, example.project.id, form);
      expect(res.status, form.intent).toBe(403);
    }
    const create = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/projects`, { user: viewer, form: { intent: 'create', name: 'P', status: 'idea' } }),
      params: { slug: ws.slug },
    });
    expect(create.status).toBe(403);
    const [row] = await db.select().from(project).where(eq(project.id, example.project.id));
    expect(row).toMatchObject({ name: 'Self-service onboarding', version: 1, archivedAt: null, horizonYears: 3 });
    const [links] = await db.select({ n: count() }).from(projectKpi).where(eq(projectKpi.projectId, example.project.id));
    expect(links!.n).toBe(3);
    const csv = await call(csvRoute.loader, {
      request: request(`${caseUrl(ws.slug, example.project.id)}/csv`, { user: viewer }),
      params: { slug: ws.slug, projectId: example.project.id },
    });
    expect(csv.status).toBe(200);
    expect(String(csv.data)).toContain('171307.73');
  });

  it("another workspace's project and KPI ids answer 404 and change nothing; a malformed id is 404", async () => {
    const { ws, owner, example } = await setup();
    const other = await makeUser();
    const ws2 = await makeWorkspace(other);
    const foreign = await makeWorkedExample(ws2.id);
    expect((await loadCase(owner, ws.slug, foreign.project.id)).status).toBe(404);
    expect((await loadCase(owner, ws.slug, 'not-a-uuid')).status).toBe(404);
    expect((await post(owner, ws.slug, foreign.project.id, { intent: 'addCost', label: 'x', kind: 'one_off', amount: '1' })).status).toBe(404);
    expect((await post(owner, ws.slug, foreign.project.id, { intent: 'details', version: '1', name: 'Mine', status: 'idea' })).status).toBe(404);
    const foreignCsv = await call(csvRoute.loader, {
      request: request(`${caseUrl(ws.slug, foreign.project.id)}/csv`, { user: owner }),
      params: { slug: ws.slug, projectId: foreign.project.id },
    });
    expect(foreignCsv.status).toBe(404);
    // Linking a KPI of another workspace to my project.
    expect((await post(owner, ws.slug, example.project.id, { intent: 'link', kpiId: foreign.kpis.nps.id, share: '100' })).status).toBe(404);
    const [mine] = await db.select({ n: count() }).from(projectKpi).where(eq(projectKpi.projectId, example.project.id));
    expect(mine!.n).toBe(3);
    const [theirs] = await db.select().from(project).where(eq(project.id, foreign.project.id));
    expect(theirs!.name).toBe('Self-service onboarding');
    const [costs] = await db.select({ n: count() }).from(projectCost).where(eq(projectCost.projectId, foreign.project.id));
    expect(costs!.n).toBe(2);
    // The search never returns another workspace's KPIs.
    const search = await loadCase(owner, ws.slug, example.project.id, '?q=NPS');
    expect(search.data.picker.results.map((r: { kpiId: string }) => r.kpiId)).toEqual([example.kpis.nps.id]);
    const all = await loadCase(owner, ws.slug, example.project.id);
    expect(all.data.picker.results.map((r: { kpiId: string }) => r.kpiId).sort()).toEqual(
      Object.values(example.kpis)
        .map((k) => k.id)
        .sort(),
    );
  });

  it('refuses bad input with 400 beside the field and writes nothing', async () => {
    const { ws, editor, example } = await setup('fr');
    const bad = await post(editor, ws.slug, example.project.id, {
      intent: 'assumptions',
      version: '1',
      horizonYears: '11',
      discountRate: 'huit',
      confidence: '120',
      rampUp: '50 / abc',
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ horizonYears: ['field.range'], discountRate: ['field.number'], confidence: ['field.range'] });
    const badRamp = await post(editor, ws.slug, example.project.id, {
      intent: 'assumptions',
      version: '1',
      horizonYears: '3',
      discountRate: '8',
      confidence: '80',
      rampUp: '50 / abc',
    });
    expect(badRamp.status).toBe(400);
    expect(badRamp.data.result.error.rampUp).toEqual(['field.rampUp']);
    const badCost = await post(editor, ws.slug, example.project.id, { intent: 'addCost', label: '', kind: 'weekly', amount: '-5' });
    expect(badCost.status).toBe(400);
    expect(Object.keys(badCost.data.result.error).sort()).toEqual(['amount', 'kind', 'label']);
    // The answer names the form it belongs to (the add form), so the page shows the errors there only.
    expect(badCost.data).toMatchObject({ intent: 'addCost', rowId: 'new', status: 'invalid' });
    const [cost] = await db.select().from(projectCost).where(eq(projectCost.projectId, example.project.id));
    expect(cost).toBeDefined();
    const badRow = await post(editor, ws.slug, example.project.id, { intent: 'updateCost', costId: cost!.id, label: 'x', kind: 'one_off', amount: 'abc' });
    expect(badRow.status).toBe(400);
    expect(badRow.data).toMatchObject({ intent: 'updateCost', rowId: cost!.id, status: 'invalid', result: { error: { amount: ['field.number'] } } });
    const badShare = await post(editor, ws.slug, example.project.id, { intent: 'share', kpiId: example.kpis.nps.id, share: '150' });
    expect(badShare.status).toBe(400);
    expect(badShare.data).toMatchObject({ intent: 'share', rowId: example.kpis.nps.id, status: 'invalid' });
    const badId = await post(editor, ws.slug, example.project.id, { intent: 'unlink', kpiId: 'nope' });
    expect(badId.status).toBe(400);
    const badOwner = await post(editor, ws.slug, example.project.id, { intent: 'details', version: '1', name: 'X', status: 'idea', ownerId: 'someone-else' });
    expect(badOwner.status).toBe(400);
    const [row] = await db.select().from(project).where(eq(project.id, example.project.id));
    expect(row).toMatchObject({ version: 1, horizonYears: 3, discountRate: '0.080000', name: 'Self-service onboarding' });
    const [costs] = await db.select({ n: count() }).from(projectCost).where(eq(projectCost.projectId, example.project.id));
    expect(costs!.n).toBe(2);
    const [link] = await db
      .select()
      .from(projectKpi)
      .where(and(eq(projectKpi.projectId, example.project.id), eq(projectKpi.kpiId, example.kpis.nps.id)));
    expect(link!.share).toBe('1.000000');
  });

  it('saves assumptions typed as French percentages, versioned: a stale save is 409 with the current content', async () => {
    const { ws, editor, owner, example } = await setup('fr');
    const saved = await post(editor, ws.slug, example.project.id, {
      intent: 'assumptions',
      version: '1',
      horizonYears: '5',
      discountRate: '7,5',
      confidence: '90',
      rampUp: '25 / 75',
    });
    expect(saved.status).toBe(200);
    const [row] = await db.select().from(project).where(eq(project.id, example.project.id));
    expect(row).toMatchObject({ version: 2, horizonYears: 5, discountRate: '0.075000', confidence: '0.900000', rampUp: ['0.250000', '0.750000'] });
    const stale = await post(owner, ws.slug, example.project.id, { intent: 'details', version: '1', name: 'Old edit', status: 'planned' });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: 'details', status: 'stale' });
    expect(stale.data.current).toMatchObject({ version: 2, horizonYears: 5, name: 'Self-service onboarding' });
    const [after] = await db.select().from(project).where(eq(project.id, example.project.id));
    expect(after!.name).toBe('Self-service onboarding');
    const [log] = await db
      .select({ n: count() })
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.entityType, 'project')));
    expect(log!.n).toBe(1);
  });

  it('editors manage costs and links; the figures follow', async () => {
    const { ws, editor, example } = await setup();
    const id = example.project.id;
    expect((await post(editor, ws.slug, id, { intent: 'addCost', label: 'Training', kind: 'one_off', amount: '1,000.50', year: '1' })).status).toBe(200);
    let res = await loadCase(editor, ws.slug, id);
    expect(res.data.businessCase.totalCost).toBe('91000.5');
    const training = res.data.costs.find((c: { label: string }) => c.label === 'Training');
    expect((await post(editor, ws.slug, id, { intent: 'updateCost', costId: training.id, label: 'Training', kind: 'recurring', amount: '1000' })).status).toBe(
      200,
    );
    res = await loadCase(editor, ws.slug, id);
    expect(res.data.costs.find((c: { label: string }) => c.label === 'Training')).toMatchObject({ kind: 'recurring', year: 1 });
    expect(res.data.businessCase.totalCost).toBe('93000');
    expect((await post(editor, ws.slug, id, { intent: 'deleteCost', costId: training.id })).status).toBe(200);
    expect((await post(editor, ws.slug, id, { intent: 'share', kpiId: example.kpis.churn.id, share: '100' })).status).toBe(200);
    res = await loadCase(editor, ws.slug, id);
    expect(res.data.businessCase.runRateBenefit).toBe('242000');
    expect((await post(editor, ws.slug, id, { intent: 'unlink', kpiId: example.kpis.aht.id })).status).toBe(200);
    res = await loadCase(editor, ws.slug, id);
    expect(res.data.businessCase.runRateBenefit).toBe('230000');
    // The KPI's settings list the projects it is linked to.
    expect((await listProjectsForKpi(ws.id, example.kpis.churn.id)).map((p) => [p.name, p.share])).toEqual([['Self-service onboarding', '1.000000']]);
    expect(await listProjectsForKpi(ws.id, example.kpis.aht.id)).toEqual([]);
    // Searching by map name, stage name or measure name; linking from the results with a share.
    const byStage = await loadCase(editor, ws.slug, id, '?q=support');
    expect(byStage.data.picker.results.map((r: { kpiId: string }) => r.kpiId)).toEqual([example.kpis.aht.id]);
    const byMap = await loadCase(editor, ws.slug, id, '?q=parcours%20client');
    expect(byMap.data.picker.results).toHaveLength(3);
    expect((await post(editor, ws.slug, id, { intent: 'link', kpiId: example.kpis.aht.id, share: '50' })).status).toBe(200);
    res = await loadCase(editor, ws.slug, id);
    expect(res.data.businessCase.runRateBenefit).toBe('236000');
  });

  it('archives and restores a project; archived projects are listed apart', async () => {
    const { ws, editor, example } = await setup();
    expect((await post(editor, ws.slug, example.project.id, { intent: 'archive', version: '1' })).status).toBe(200);
    const list = await call(listRoute.loader, { request: request(`/w/${ws.slug}/projects`, { user: editor }), params: { slug: ws.slug } });
    expect(list.data.projects).toEqual([]);
    const archived = await call(listRoute.loader, { request: request(`/w/${ws.slug}/projects?archived=1`, { user: editor }), params: { slug: ws.slug } });
    expect(archived.data.projects.map((p: { name: string }) => p.name)).toEqual(['Self-service onboarding']);
    expect((await post(editor, ws.slug, example.project.id, { intent: 'restore', version: '2' })).status).toBe(200);
    const [row] = await db.select().from(project).where(eq(project.id, example.project.id));
    expect(row!.archivedAt).toBeNull();
  });
});

describe('KPI settings', () => {
  it('list the projects a KPI is linked to, with their shares', async () => {
    const { ws, viewer, example } = await setup();
    await makeProject(ws.id, { name: 'Renewal', links: [{ kpiId: example.kpis.churn.id, share: '0.6' }] });
    const kpiRoute = await import('~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route');
    const res = await call(kpiRoute.loader, {
      request: request(`/w/${ws.slug}/maps/${example.map.id}/kpis/${example.kpis.churn.id}`, { user: viewer }),
      params: { slug: ws.slug, mapId: example.map.id, kpiId: example.kpis.churn.id },
    });
    expect(res.status).toBe(200);
    expect(res.data.projects.map((p: { name: string; share: string }) => [p.name, p.share])).toEqual([
      ['Renewal', '0.600000'],
      ['Self-service onboarding', '0.500000'],
    ]);
  });
});

describe('project list', () => {
  it('editors create a project with defaults (horizon 3, 10 %, 100 %); bad input is 400 and writes nothing', async () => {
    const { ws, editor } = await setup();
    const bad = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/projects`, { user: editor, form: { intent: 'create', name: '', status: 'someday', startDate: '2026-13-45' } }),
      params: { slug: ws.slug },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.result.error).sort()).toEqual(['name', 'startDate', 'status']);
    const res = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/projects`, {
        user: editor,
        form: { intent: 'create', name: 'Chatbot', status: 'planned', startDate: '2026-01-15', ownerId: editor.id },
      }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(302);
    const [row] = await db
      .select()
      .from(project)
      .where(and(eq(project.workspaceId, ws.id), eq(project.name, 'Chatbot')));
    expect(res.headers.get('Location')).toBe(`/w/${ws.slug}/projects/${row!.id}`);
    expect(row).toMatchObject({ horizonYears: 3, discountRate: '0.100000', confidence: '1.000000', rampUp: [], status: 'planned', ownerId: editor.id });
  });

  it('lists the projects of the workspace only', async () => {
    const { ws, viewer } = await setup();
    const other = await makeUser();
    const ws2 = await makeWorkspace(other);
    await makeProject(ws2.id, { name: 'Secret' });
    const mapOnly = await makeMapWithStages(ws.id, ['A']);
    void mapOnly;
    await makeProject(ws.id, { name: 'Without KPIs' });
    const list = await call(listRoute.loader, { request: request(`/w/${ws.slug}/projects`, { user: viewer }), params: { slug: ws.slug } });
    expect(list.data.projects.map((p: { name: string; kpiCount: number }) => [p.name, p.kpiCount])).toEqual([
      ['Self-service onboarding', 3],
      ['Without KPIs', 0],
    ]);
    // The list shows each live project's NPV and ROI, computed as on its business case.
    const example = list.data.projects.find((p: { name: string }) => p.name === 'Self-service onboarding');
    expect(toFixedString(example.npv, 2)).toBe('171307.73');
    expect(toFixedString(dec(example.roi).times(100), 1)).toBe('237.8');
    const archivedList = await call(listRoute.loader, { request: request(`/w/${ws.slug}/projects?archived=1`, { user: viewer }), params: { slug: ws.slug } });
    expect(archivedList.data.projects).toEqual([]);
  });
});
