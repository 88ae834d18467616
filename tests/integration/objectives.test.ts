import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { activity, objective, objectiveKpi, objectiveMeasure, objectiveProject, workspace } from '../../db/schema';
import * as objectiveRoute from '~/routes/w.$slug.objectives.$objectiveId/route';
import * as listRoute from '~/routes/w.$slug.objectives._index/route';
import * as measureRoute from '~/routes/w.$slug.measures.$measureId/route';
import { dec } from '~/domain/decimal';
import { seedDemo } from '~/server/demo/index.server';
import { loadObjective, loadObjectiveTree } from '~/server/objectives.server';
import { clearFiguresCache } from '~/server/figures-cache.server';
import { loadPortfolio } from '~/server/portfolio.server';
import { valueOr404 } from '~/server/result.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMeasure, makeProject, makeWorkedExample } from '../support/project-fixtures';

/**
 * Two projects whose horizons are over, so that their figures do not depend on today (hand-worked):
 * | project        | KPI (share)        | values                          | planned (total benefit)             | realised to date                                   |
 * | Self-care app  | NPS (100 %)        | 30 (2021-12-01), 40 (2022-01-20) | gap 50 - 40 = 10 pts x 5,000 = 50,000; 1 year: 50,000 | 10 pts x 5,000 = 50,000 a year, all 12 months: 50,000 |
 * | Retention desk | churn (50 %)       | 9 (2021-12-01), 8 (2022-06-15)   | 1 pt x 120,000 x 50 % = 60,000 x confidence 50 % x 2 years = 60,000 | 60,000 a year from June 2022: 19 months x 5,000 = 95,000 |
 */
async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale: 'en' });
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const editor = await makeUser();
  await addMember(ws.id, editor, 'editor');
  const example = await makeWorkedExample(ws.id);
  const at = (measureId: string) => ({ mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId });
  const npsKpi = await makeKpi(ws.id, at(example.measures.nps.id), {
    target: '50',
    values: [
      ['2021-12-01', '30'],
      ['2022-01-20', '40'],
    ],
  });
  const churnKpi = await makeKpi(ws.id, at(example.measures.churn.id), {
    target: '7',
    values: [
      ['2021-12-01', '9'],
      ['2022-06-15', '8'],
    ],
  });
  const selfCare = await makeProject(ws.id, {
    name: 'Self-care app',
    status: 'delivered',
    startDate: '2022-01-01',
    horizonYears: 1,
    links: [{ kpiId: npsKpi.id }],
  });
  const retention = await makeProject(ws.id, {
    name: 'Retention desk',
    status: 'delivered',
    startDate: '2022-01-01',
    horizonYears: 2,
    confidence: '0.5',
    links: [{ kpiId: churnKpi.id, share: '0.5' }],
  });
  return { owner, ws, viewer, editor, example, selfCare, retention };
}

type World = Awaited<ReturnType<typeof setup>>;

const listUrl = (slug: string) => `/w/${slug}/objectives`;
const pageUrl = (slug: string, id: string) => `/w/${slug}/objectives/${id}`;

const loadList = (user: TestUser, slug: string) => call(listRoute.loader, { request: request(listUrl(slug), { user }), params: { slug } });
const loadPage = (user: TestUser, slug: string, id: string) =>
  call(objectiveRoute.loader, { request: request(pageUrl(slug, id), { user }), params: { slug, objectiveId: id } });

type Form = Record<string, string | string[] | undefined>;
const create = (user: TestUser, slug: string, form: Form) => call(listRoute.action, { request: request(listUrl(slug), { user, form }), params: { slug } });
const post = (user: TestUser, slug: string, id: string, form: Form) =>
  call(objectiveRoute.action, { request: request(pageUrl(slug, id), { user, form }), params: { slug, objectiveId: id } });

const moneyForm = (overrides: Form = {}): Form => ({
  intent: 'create',
  name: 'Reduce cost to serve',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  targetKind: 'money',
  targetAmount: '400000',
  impactType: 'cost_saving',
  ...overrides,
});

async function createObjective(w: World, overrides: Form = {}) {
  const res = await create(w.owner, w.ws.slug, moneyForm(overrides));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return res.headers.get('Location')!.split('/').pop()!;
}

async function objectiveRow(id: string) {
  const [row] = await db.select().from(objective).where(eq(objective.id, id));
  return row;
}

async function linkCounts(id: string) {
  const [p] = await db.select({ n: count() }).from(objectiveProject).where(eq(objectiveProject.objectiveId, id));
  const [k] = await db.select({ n: count() }).from(objectiveKpi).where(eq(objectiveKpi.objectiveId, id));
  const [m] = await db.select({ n: count() }).from(objectiveMeasure).where(eq(objectiveMeasure.objectiveId, id));
  return { projects: p!.n, kpis: k!.n, measures: m!.n };
}

async function objectiveCount(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(objective).where(eq(objective.workspaceId, workspaceId));
  return row!.n;
}

describe('objectives', () => {
  it('an objective with two projects shows their planned and realised benefit against the target, and the gap', async () => {
    const w = await setup();
    const id = await createObjective(w, { ownerId: w.editor.id, targetAmount: '200000' });
    const linked = await post(w.editor, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: [w.selfCare.id, w.retention.id] });
    expect(linked.status).toBe(200);
    await post(w.editor, w.ws.slug, id, { intent: 'link', version: '2', kind: 'kpi', ids: [w.example.kpis.nps.id, w.example.kpis.churn.id] });
    await post(w.editor, w.ws.slug, id, { intent: 'link', version: '3', kind: 'measure', ids: w.example.measures.aht.id });

    const page = await loadPage(w.viewer, w.ws.slug, id);
    expect(page.status).toBe(200);
    // Hand-worked (see setup): planned 50,000 + 60,000 = 110,000; realised 50,000 + 95,000 = 145,000;
    // target 200,000: gap 90,000 uncovered by any project, 55,000 still to realise.
    expect(page.data.progress).toEqual({
      kind: 'money',
      target: '200000',
      planned: '110000',
      realised: '145000',
      gap: '90000',
      covered: false,
      remaining: '55000',
      reached: false,
      plannedShare: '0.55',
      realisedShare: '0.725',
    });
    expect(page.data.projects.map((p: { name: string; planned: string; realised: string }) => [p.name, p.planned, p.realised])).toEqual([
      ['Retention desk', '60000', '95000'],
      ['Self-care app', '50000', '50000'],
    ]);
    // KPI status: NPS 30 -> 32 towards 42 is on track; churn 9 -> 8.5 towards 7 is on track (lower is better).
    expect(page.data.kpis.map((k: { measureName: string; current: string; status: string }) => [k.measureName, k.current, k.status])).toEqual([
      ['NPS', '32.000000', 'on_track'],
      ['Taux de churn', '8.500000', 'on_track'],
    ]);
    expect(page.data.measures.map((m: { name: string }) => m.name)).toEqual(['Durée moyenne de traitement']);
    expect(page.data.objective.ownerId).toBe(w.editor.id);
    expect((await objectiveRow(id))!.version).toBe(4);

    // Plans above the target: covered, the gap shows 0.
    await post(w.owner, w.ws.slug, id, { ...moneyForm({ intent: 'update', version: '4', targetAmount: '100000' }) });
    const covered = await loadPage(w.viewer, w.ws.slug, id);
    expect(covered.data.progress).toMatchObject({ gap: '0', covered: true, remaining: '0', reached: true });
  });

  it('a measure target compares the mean of its KPIs’ newest values with the target value', async () => {
    const w = await setup();
    // NPS has two KPIs: 32 at Onboarding (worked example) and 40 at Support (setup): mean 36, 45 - 36 = 9 to gain.
    const id = await createObjective(w, { name: 'NPS 45 by 2027', targetKind: 'measure', measureId: w.example.measures.nps.id, targetValue: '45' });
    const page = await loadPage(w.viewer, w.ws.slug, id);
    expect(page.data.progress).toEqual({ kind: 'measure', target: '45', current: '36', remaining: '9', met: false, kpiCount: 2 });
    // Churn 7 % (lower is better): 8.5 and 8 today, mean 8.25, 1.25 pt to go.
    const churn = await createObjective(w, { name: 'Churn 7 %', targetKind: 'measure', measureId: w.example.measures.churn.id, targetValue: '7' });
    expect((await loadPage(w.viewer, w.ws.slug, churn)).data.progress).toMatchObject({ current: '8.25', remaining: '1.25', met: false, kpiCount: 2 });
    // The tree shows both, and a measure that is a target is not deleted from the library.
    const list = await loadList(w.viewer, w.ws.slug);
    expect(list.data.objectives.map((o: { name: string }) => o.name)).toEqual(['Churn 7 %', 'NPS 45 by 2027']);
    const del = await call(measureRoute.action, {
      request: request(`/w/${w.ws.slug}/measures/${w.example.measures.churn.id}`, { user: w.owner, form: { intent: 'delete' } }),
      params: { slug: w.ws.slug, measureId: w.example.measures.churn.id },
    });
    expect(del.status).toBeGreaterThanOrEqual(400);
    expect(del.status).toBeLessThan(500);
  });

  it('rolls money progress up the tree, each project once, and lists parents before their children', async () => {
    const w = await setup();
    const company = await createObjective(w, { name: 'Company: cost to serve', targetAmount: '1000000' });
    const programme = await createObjective(w, { name: 'CX programme', parentId: company, targetAmount: '500000' });
    const team = await createObjective(w, { name: 'Care team', parentId: programme, targetAmount: '100000' });
    await post(w.owner, w.ws.slug, programme, { intent: 'link', version: '1', kind: 'project', ids: w.selfCare.id });
    await post(w.owner, w.ws.slug, team, { intent: 'link', version: '1', kind: 'project', ids: [w.retention.id, w.selfCare.id] });

    const list = await loadList(w.viewer, w.ws.slug);
    const rows = list.data.objectives.map(
      (o: { name: string; depth: number; progress: { planned: string }; rolledUp: { planned: string; realised: string } | null }) => [
        o.name,
        o.depth,
        o.progress.planned,
        o.rolledUp && [o.rolledUp.planned, o.rolledUp.realised],
      ],
    );
    expect(rows).toEqual([
      ['Company: cost to serve', 1, '0', ['110000', '145000']],
      ['CX programme', 2, '50000', ['110000', '145000']],
      ['Care team', 3, '110000', null],
    ]);
    const page = await loadPage(w.viewer, w.ws.slug, company);
    expect(page.data.rolledUp).toEqual({ planned: '110000', realised: '145000', projectCount: 2 });
    expect(page.data.children.map((c: { name: string }) => c.name)).toEqual(['CX programme']);
  });

  it('refuses a cycle and a fourth level on the parent field, in the server, and writes nothing', async () => {
    const w = await setup();
    const company = await createObjective(w, { name: 'Company' });
    const programme = await createObjective(w, { name: 'Programme', parentId: company });
    const team = await createObjective(w, { name: 'Team', parentId: programme });
    const before = await objectiveCount(w.ws.id);

    const fourth = await create(w.owner, w.ws.slug, moneyForm({ name: 'Squad', parentId: team }));
    expect(fourth.status).toBe(400);
    expect(fourth.data.message).toBe('objectives.tooDeep');
    expect(fourth.data.result.error.parentId).toEqual(['objectives.tooDeep']);
    expect(await objectiveCount(w.ws.id)).toBe(before);

    const cycle = await post(w.owner, w.ws.slug, company, moneyForm({ intent: 'update', version: '1', name: 'Company', parentId: team }));
    expect(cycle.status).toBe(400);
    expect(cycle.data.message).toBe('objectives.cycle');
    const self = await post(w.owner, w.ws.slug, programme, moneyForm({ intent: 'update', version: '1', name: 'Programme', parentId: programme }));
    expect(self.data.message).toBe('objectives.cycle');
    // A two-level subtree moved under a level-2 objective would make four levels.
    const lone = await createObjective(w, { name: 'Lone', parentId: company });
    const deep = await post(w.owner, w.ws.slug, programme, moneyForm({ intent: 'update', version: '1', name: 'Programme', parentId: lone }));
    expect(deep.data.message).toBe('objectives.tooDeep');
    expect((await objectiveRow(company))!).toMatchObject({ parentId: null, version: 1 });
    expect((await objectiveRow(programme))!).toMatchObject({ parentId: company, version: 1 });
    // Allowed: the team moved to the top level.
    const moved = await post(w.owner, w.ws.slug, team, moneyForm({ intent: 'update', version: '1', name: 'Team' }));
    expect(moved.status).toBe(200);
    expect((await objectiveRow(team))!).toMatchObject({ parentId: null, version: 2 });
  });

  it('answers 400 with a message to bad input and writes nothing', async () => {
    const w = await setup();
    const cases: [Form, string, string][] = [
      [moneyForm({ name: '' }), 'name', 'field.required'],
      [moneyForm({ name: 'x'.repeat(161) }), 'name', 'field.tooLong'],
      [moneyForm({ startDate: '2026-02-30' }), 'startDate', 'field.date'],
      [moneyForm({ endDate: undefined }), 'endDate', 'field.required'],
      [moneyForm({ startDate: '2027-01-01', endDate: '2026-12-31' }), 'endDate', 'objectives.periodOrder'],
      [moneyForm({ targetKind: 'vibes' }), 'targetKind', 'field.choose'],
      [moneyForm({ targetAmount: undefined }), 'targetAmount', 'field.required'],
      [moneyForm({ targetAmount: 'lots' }), 'targetAmount', 'field.number'],
      [moneyForm({ targetAmount: '-5' }), 'targetAmount', 'field.range'],
      [moneyForm({ targetAmount: '1e30' }), 'targetAmount', 'field.number'],
      [moneyForm({ impactType: 'happiness' }), 'impactType', 'field.choose'],
      [moneyForm({ impactType: undefined }), 'impactType', 'field.required'],
      [moneyForm({ targetKind: 'measure' }), 'measureId', 'field.required'],
      [moneyForm({ targetKind: 'measure', measureId: w.example.measures.nps.id }), 'targetValue', 'field.required'],
      [moneyForm({ targetKind: 'measure', measureId: 'nps', targetValue: '45' }), 'measureId', 'field.choose'],
      [moneyForm({ parentId: 'not-a-uuid' }), 'parentId', 'field.choose'],
      [moneyForm({ ownerId: 'someone-else' }), 'ownerId', 'field.choose'],
    ];
    for (const [form, field, message] of cases) {
      const res = await create(w.owner, w.ws.slug, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.data.result.error[field], JSON.stringify(form)).toEqual([message]);
    }
    expect(await objectiveCount(w.ws.id)).toBe(0);

    const id = await createObjective(w);
    const badLinks: Form[] = [
      { intent: 'link', version: '1', kind: 'project' },
      { intent: 'link', version: '1', kind: 'project', ids: 'nope' },
      { intent: 'link', version: '1', kind: 'team', ids: w.retention.id },
      { intent: 'link', version: 'one', kind: 'project', ids: w.retention.id },
    ];
    for (const form of badLinks) {
      const res = await post(w.owner, w.ws.slug, id, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
    }
    const none = await post(w.owner, w.ws.slug, id, badLinks[0]!);
    expect(none.data.result.error.ids).toEqual(['objectives.pickOne']);
    expect(await post(w.owner, w.ws.slug, id, { intent: 'explode' })).toMatchObject({ status: 400 });
    expect(await linkCounts(id)).toEqual({ projects: 0, kpis: 0, measures: 0 });
    expect((await objectiveRow(id))!.version).toBe(1);
  });

  it('viewers read the pages but every write answers 403 and changes nothing', async () => {
    const w = await setup();
    const id = await createObjective(w);
    expect((await loadList(w.viewer, w.ws.slug)).status).toBe(200);
    const page = await loadPage(w.viewer, w.ws.slug, id);
    expect(page.status).toBe(200);
    // Viewers get no pickers' data.
    expect(page.data.projectOptions).toEqual([]);
    expect(page.data.members).toEqual([]);
    expect((await create(w.viewer, w.ws.slug, moneyForm())).status).toBe(403);
    const forms: Form[] = [
      moneyForm({ intent: 'update', version: '1', name: 'Hacked' }),
      { intent: 'delete', version: '1' },
      { intent: 'link', version: '1', kind: 'project', ids: w.retention.id },
      { intent: 'unlink', version: '1', kind: 'project', id: w.retention.id },
    ];
    for (const form of forms) expect((await post(w.viewer, w.ws.slug, id, form)).status, String(form.intent)).toBe(403);
    expect(await objectiveCount(w.ws.id)).toBe(1);
    expect((await objectiveRow(id))!).toMatchObject({ name: 'Reduce cost to serve', version: 1 });
    expect(await linkCounts(id)).toEqual({ projects: 0, kpis: 0, measures: 0 });
    // Editors may write.
    expect((await post(w.editor, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: w.retention.id })).status).toBe(200);
  });

  it('answers 404 to another workspace’s objective, measure, KPI, project or parent, and writes nothing', async () => {
    const w = await setup();
    const other = await setup();
    const foreign = await createObjective(other);
    const id = await createObjective(w);
    const before = await objectiveCount(w.ws.id);

    expect((await loadPage(w.owner, w.ws.slug, foreign)).status).toBe(404);
    expect((await loadPage(w.owner, w.ws.slug, 'not-a-uuid')).status).toBe(404);
    expect((await post(w.owner, w.ws.slug, foreign, moneyForm({ intent: 'update', version: '1', name: 'Mine' }))).status).toBe(404);
    expect((await post(w.owner, w.ws.slug, foreign, { intent: 'delete', version: '1' })).status).toBe(404);
    expect((await post(w.owner, w.ws.slug, foreign, { intent: 'link', version: '1', kind: 'project', ids: w.retention.id })).status).toBe(404);
    expect((await objectiveRow(foreign))!).toMatchObject({ name: 'Reduce cost to serve', version: 1 });

    for (const [kind, foreignId] of [
      ['project', other.retention.id],
      ['kpi', other.example.kpis.nps.id],
      ['measure', other.example.measures.nps.id],
    ] as const) {
      const res = await post(w.owner, w.ws.slug, id, { intent: 'link', version: '1', kind, ids: foreignId });
      expect(res.status, kind).toBe(404);
    }
    expect((await post(w.owner, w.ws.slug, id, { intent: 'unlink', version: '1', kind: 'project', id: other.retention.id })).status).toBe(404);
    expect(await linkCounts(id)).toEqual({ projects: 0, kpis: 0, measures: 0 });
    expect((await objectiveRow(id))!.version).toBe(1);

    expect((await create(w.owner, w.ws.slug, moneyForm({ parentId: foreign }))).status).toBe(404);
    expect((await create(w.owner, w.ws.slug, moneyForm({ targetKind: 'measure', measureId: other.example.measures.nps.id, targetValue: '45' }))).status).toBe(
      404,
    );
    expect(await objectiveCount(w.ws.id)).toBe(before);
    // A member of another workspace only: the workspace itself is not found.
    expect((await loadList(other.owner, w.ws.slug)).status).toBe(404);
  });

  it('links several items in one transaction: one foreign id rolls back the version and every row', async () => {
    const w = await setup();
    const other = await setup();
    const id = await createObjective(w);
    const activityBefore = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, w.ws.id));
    const res = await post(w.owner, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: [w.selfCare.id, w.retention.id, other.retention.id] });
    expect(res.status).toBe(404);
    expect(await linkCounts(id)).toEqual({ projects: 0, kpis: 0, measures: 0 });
    expect((await objectiveRow(id))!.version).toBe(1);
    const activityAfter = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, w.ws.id));
    expect(activityAfter).toEqual(activityBefore);
    // The same without the foreign id: both land at once, one version step.
    const ok = await post(w.owner, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: [w.selfCare.id, w.retention.id] });
    expect(ok.status).toBe(200);
    expect(await linkCounts(id)).toMatchObject({ projects: 2 });
    expect((await objectiveRow(id))!.version).toBe(2);
    // Unlinking one takes a version step too.
    expect((await post(w.owner, w.ws.slug, id, { intent: 'unlink', version: '2', kind: 'project', id: w.retention.id })).status).toBe(200);
    expect(await linkCounts(id)).toMatchObject({ projects: 1 });
  });

  it('refuses a save based on an old version with the current content; deletes only leaves', async () => {
    const w = await setup();
    const id = await createObjective(w);
    expect((await post(w.owner, w.ws.slug, id, moneyForm({ intent: 'update', version: '1', name: 'First edit' }))).status).toBe(200);
    const late = await post(w.editor, w.ws.slug, id, moneyForm({ intent: 'update', version: '1', name: 'Second edit' }));
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ status: 'stale', current: { name: 'First edit', version: 2 } });
    expect((await post(w.editor, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: w.retention.id })).status).toBe(409);
    expect((await post(w.editor, w.ws.slug, id, { intent: 'delete', version: '1' })).status).toBe(409);
    expect((await objectiveRow(id))!).toMatchObject({ name: 'First edit', version: 2 });
    expect(await linkCounts(id)).toMatchObject({ projects: 0 });

    const child = await createObjective(w, { name: 'Child', parentId: id });
    const refused = await post(w.owner, w.ws.slug, id, { intent: 'delete', version: '2' });
    expect(refused.status).toBe(409);
    expect(refused.data.message).toBe('objectives.hasChildren');
    await post(w.owner, w.ws.slug, child, { intent: 'link', version: '1', kind: 'project', ids: w.retention.id });
    const deleted = await post(w.owner, w.ws.slug, child, { intent: 'delete', version: '2' });
    expect(deleted.status).toBe(302);
    expect(await objectiveRow(child)).toBeUndefined();
    expect(
      await db
        .select()
        .from(objectiveProject)
        .where(and(eq(objectiveProject.workspaceId, w.ws.id), eq(objectiveProject.objectiveId, child))),
    ).toEqual([]);
    expect((await post(w.owner, w.ws.slug, id, { intent: 'delete', version: '2' })).status).toBe(302);
  });

  it('loads both pages in a fixed number of queries whatever the number of objectives and links', async () => {
    const w = await setup();
    const id = await createObjective(w);
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '1', kind: 'project', ids: w.selfCare.id });
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '2', kind: 'kpi', ids: w.example.kpis.nps.id });
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '3', kind: 'measure', ids: w.example.measures.nps.id });
    const measureTarget = await createObjective(w, { name: 'NPS 45', targetKind: 'measure', measureId: w.example.measures.nps.id, targetValue: '45' });

    const measure = async (fn: () => Promise<{ status: number }>) => {
      // Counted with the portfolio roll-up computed, not served from the figures cache.
      clearFiguresCache();
      queryCounter.count = 0;
      expect((await fn()).status).toBe(200);
      return queryCounter.count;
    };
    const fewPage = await measure(() => loadPage(w.owner, w.ws.slug, id));
    const fewMeasurePage = await measure(() => loadPage(w.owner, w.ws.slug, measureTarget));
    const fewList = await measure(() => loadList(w.owner, w.ws.slug));

    // Many more: projects, KPIs, measures linked; sub-objectives; more KPIs of the target measure.
    const projects = [];
    const kpis = [];
    const measures = [];
    for (let i = 0; i < 6; i++) {
      const m = await makeMeasure(w.ws.id, { name: `Extra ${i}`, valueAmount: '1000', valueStep: '1' });
      measures.push(m.id);
      const k = await makeKpi(
        w.ws.id,
        { mapId: w.example.map.id, laneId: w.example.lane.id, stageId: w.example.stages.Support!.id, measureId: w.example.measures.nps.id },
        {
          target: '50',
          values: [
            ['2025-06-01', '30'],
            ['2026-06-01', String(31 + i)],
          ],
        },
      );
      kpis.push(k.id);
      projects.push((await makeProject(w.ws.id, { name: `P${i}`, startDate: '2025-01-01', links: [{ kpiId: k.id }] })).id);
      await createObjective(w, { name: `Child ${i}`, parentId: id });
    }
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '4', kind: 'project', ids: projects });
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '5', kind: 'kpi', ids: kpis });
    await post(w.owner, w.ws.slug, id, { intent: 'link', version: '6', kind: 'measure', ids: measures });

    const page = await loadPage(w.owner, w.ws.slug, id);
    expect(page.data.projects).toHaveLength(7);
    expect(page.data.kpis).toHaveLength(7);
    expect(page.data.children).toHaveLength(6);
    expect(await measure(() => loadPage(w.owner, w.ws.slug, id))).toBe(fewPage);
    expect(await measure(() => loadPage(w.owner, w.ws.slug, measureTarget))).toBe(fewMeasurePage);
    expect((await loadList(w.owner, w.ws.slug)).data.objectives).toHaveLength(8);
    expect(await measure(() => loadList(w.owner, w.ws.slug))).toBe(fewList);
  });

  it('the demo has a company objective, a CX programme served by two demo projects, and a team objective in NPS', async () => {
    await seedDemo(db);
    const [demo] = await db.select().from(workspace).where(eq(workspace.slug, 'demo-telecom'));
    const today = new Date().toISOString().slice(0, 10);
    const tree = await loadObjectiveTree(demo!.id, today);
    expect(tree.map((o) => [o.depth, o.name, o.targetKind])).toEqual([
      [1, 'Augmenter le revenu des abonnés existants', 'money'],
      [2, 'Programme CX : fidéliser dès l’activation', 'money'],
      [3, 'Équipe onboarding : NPS 45', 'measure'],
    ]);
    const programme = valueOr404(await loadObjective(demo!.id, tree[1]!.id, today));
    expect(programme.projects.map((p) => p.name).sort()).toEqual(['Refonte du parcours de renouvellement', 'Self-service onboarding']);
    expect(programme.kpis).toHaveLength(2);
    // Planned: the two business cases' total benefit, as the summary computes them; the gap what is left of 600,000.
    const { projects } = await loadPortfolio(demo!.id, { sort: 'npv', today });
    const planned = dec(projects.find((p) => p.name === 'Self-service onboarding')!.totalBenefit).plus(
      projects.find((p) => p.name === 'Refonte du parcours de renouvellement')!.totalBenefit,
    );
    expect(programme.progress).toMatchObject({ kind: 'money', target: '600000', planned: planned.toFixed() });
    const gap = dec(600000).minus(planned);
    expect(programme.progress.kind === 'money' && programme.progress.gap).toBe(gap.gt(0) ? gap.toFixed() : '0');
    // The company objective holds no project itself: its roll-up is the programme's.
    expect(tree[0]!.rolledUp).toMatchObject({ planned: planned.toFixed(), projectCount: 2 });
    // NPS 45: the demo's NPS KPIs' newest values, averaged.
    expect(tree[2]!.progress).toMatchObject({ kind: 'measure', target: '45', met: false });
  });
});
