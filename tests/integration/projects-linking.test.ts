// Linking KPIs to projects from everywhere: the business case's picker lists the workspace's KPIs
// with no words (by map and stage, page by page) and the KPI page links its KPI to a project with
// the same share field and the same server function. Roles, tenancy, bad input and duplicates.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { activity, journeyMap, projectKpi } from '../../db/schema';
import * as caseRoute from '~/routes/w.$slug.projects.$projectId/route';
import * as kpiRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
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

type Setup = Awaited<ReturnType<typeof setup>>;

const loadCase = (user: TestUser, slug: string, projectId: string, query = '') =>
  call(caseRoute.loader, { request: request(`/w/${slug}/projects/${projectId}${query}`, { user }), params: { slug, projectId } });

const postCase = (user: TestUser, slug: string, projectId: string, form: Record<string, string>) =>
  call(caseRoute.action, { request: request(`/w/${slug}/projects/${projectId}`, { user, form }), params: { slug, projectId } });

const kpiUrl = (slug: string, mapId: string, kpiId: string) => `/w/${slug}/maps/${mapId}/kpis/${kpiId}`;

const loadKpi = (user: TestUser, slug: string, mapId: string, kpiId: string) =>
  call(kpiRoute.loader, { request: request(kpiUrl(slug, mapId, kpiId), { user }), params: { slug, mapId, kpiId } });

const postKpi = (user: TestUser, slug: string, mapId: string, kpiId: string, form: Record<string, string>) =>
  call(kpiRoute.action, { request: request(kpiUrl(slug, mapId, kpiId), { user, form }), params: { slug, mapId, kpiId } });

async function linksOf(projectId: string) {
  return db.select({ kpiId: projectKpi.kpiId, share: projectKpi.share }).from(projectKpi).where(eq(projectKpi.projectId, projectId));
}

async function activityCount(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, workspaceId));
  return row!.n;
}

/** A second map ("Autre parcours", listed first) with one KPI in each of `n` stages. */
async function makeBigMap(s: Setup, n: number) {
  const { map, stages, lane } = await makeMapWithStages(
    s.ws.id,
    Array.from({ length: n }, (_, i) => `Étape ${String(i + 1).padStart(2, '0')}`),
    { name: 'Autre parcours' },
  );
  const csat = await makeMeasure(s.ws.id, { name: 'CSAT' });
  const kpis = [];
  for (const st of stages) kpis.push(await makeKpi(s.ws.id, { mapId: map.id, laneId: lane.id, stageId: st.id, measureId: csat.id }));
  return { map, kpis };
}

describe('the KPI picker of a business case', () => {
  it('with no words lists the KPIs of the live maps by map and stage, 20 at first and more on demand; words narrow it', async () => {
    const s = await setup();
    const big = await makeBigMap(s, 25);
    const archived = await makeMapWithStages(s.ws.id, ['Vieille étape'], { name: 'Ancien parcours' });
    const old = await makeMeasure(s.ws.id, { name: 'Ancienne mesure' });
    await makeKpi(s.ws.id, { mapId: archived.map.id, laneId: archived.lane.id, stageId: archived.stages[0]!.id, measureId: old.id });
    await db.update(journeyMap).set({ archivedAt: new Date() }).where(eq(journeyMap.id, archived.map.id));

    const first = await loadCase(s.editor, s.ws.slug, s.example.project.id);
    expect(first.status).toBe(200);
    expect(first.data.picker).toMatchObject({ q: '', shown: 20, total: 28 });
    expect(first.data.pickerStep).toBe(20);
    const names = (res: typeof first) => res.data.picker.results.map((r: { mapName: string; stageName: string }) => `${r.mapName} / ${r.stageName}`);
    // By map name, then stage order: the other map's first 20 stages.
    expect(names(first)).toEqual(big.kpis.slice(0, 20).map((_, i) => `Autre parcours / Étape ${String(i + 1).padStart(2, '0')}`));

    const more = await loadCase(s.editor, s.ws.slug, s.example.project.id, '?shown=40');
    expect(more.data.picker).toMatchObject({ shown: 40, total: 28 });
    expect(names(more).slice(25)).toEqual(['Parcours client / Onboarding', 'Parcours client / Renouvellement', 'Parcours client / Support']);
    // Whatever the URL says, the page stays between one page and the maximum.
    for (const shown of ['abc', '-5', '0', '1e9', '3.5']) {
      const res = await loadCase(s.editor, s.ws.slug, s.example.project.id, `?shown=${shown}`);
      expect(res.status, shown).toBe(200);
      expect(res.data.picker.results.length, shown).toBeGreaterThanOrEqual(20);
      expect(res.data.picker.results.length, shown).toBeLessThanOrEqual(28);
    }

    const words = await loadCase(s.editor, s.ws.slug, s.example.project.id, '?q=churn');
    expect(words.data.picker).toMatchObject({ q: 'churn', total: 1 });
    expect(words.data.picker.results.map((r: { kpiId: string }) => r.kpiId)).toEqual([s.example.kpis.churn.id]);
    // "%" and "_" are letters here, not wildcards.
    expect((await loadCase(s.editor, s.ws.slug, s.example.project.id, '?q=%25')).data.picker.total).toBe(0);

    // Viewers see no picker, so the page reads none.
    const viewer = await loadCase(s.viewer, s.ws.slug, s.example.project.id);
    expect(viewer.data.picker).toMatchObject({ results: [], total: 0 });
  });

  it('reads the page in the same number of queries whatever the number of KPIs shown', async () => {
    const s = await setup();
    await makeBigMap(s, 30);
    const queries = async (query: string) => {
      const start = queryCounter.count;
      const res = await loadCase(s.editor, s.ws.slug, s.example.project.id, query);
      expect(res.status).toBe(200);
      return queryCounter.count - start;
    };
    await queries(''); // warm-up: the session may be touched once
    expect(await queries('?shown=100')).toBe(await queries(''));
  });

  it('linking a KPI the project already counts on is refused with a clear message, its share unchanged', async () => {
    const s = await setup();
    const before = await activityCount(s.ws.id);
    const res = await postCase(s.editor, s.ws.slug, s.example.project.id, { intent: 'link', kpiId: s.example.kpis.churn.id, share: '20' });
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ intent: 'link', rowId: s.example.kpis.churn.id, status: 'invalid', message: 'projects.alreadyLinked' });
    expect(res.data.result.error).toEqual({ '': ['projects.alreadyLinked'] });
    expect((await linksOf(s.example.project.id)).find((l) => l.kpiId === s.example.kpis.churn.id)!.share).toBe('0.500000');
    expect(await activityCount(s.ws.id)).toBe(before);
  });
});

describe('linking a KPI to a project from the KPI page', () => {
  it('lists the live projects not counting on the KPI yet (editors only)', async () => {
    const s = await setup();
    const other = await makeProject(s.ws.id, { name: 'Chatbot', status: 'planned' });
    await makeProject(s.ws.id, { name: 'Archived', archivedAt: new Date() });
    const stranger = await makeUser();
    const ws2 = await makeWorkspace(stranger);
    await makeProject(ws2.id, { name: 'Secret' });
    const res = await loadKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.nps.id);
    expect(res.status).toBe(200);
    expect(res.data.projectsToLink).toEqual([{ id: other.id, name: 'Chatbot', status: 'planned' }]);
    expect(res.data.projects.map((p: { name: string }) => p.name)).toEqual(['Self-service onboarding']);
    const viewer = await loadKpi(s.viewer, s.ws.slug, s.example.map.id, s.example.kpis.nps.id);
    expect(viewer.data.projectsToLink).toEqual([]);
  });

  it('an editor links the KPI with a share typed in the workspace language; the business case counts it', async () => {
    const s = await setup('fr');
    const chatbot = await makeProject(s.ws.id, { name: 'Chatbot', status: 'planned' });
    const before = await activityCount(s.ws.id);
    const res = await postKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.nps.id, { intent: 'linkProject', projectId: chatbot.id, share: '37,5' });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ intent: 'linkProject', status: 'done' });
    expect(await linksOf(chatbot.id)).toEqual([{ kpiId: s.example.kpis.nps.id, share: '0.375000' }]);
    expect(await activityCount(s.ws.id)).toBe(before + 1);
    // NPS at Onboarding: gap 10 pts x 5,000 EUR = 50,000 a year, 37.5 % of it for this project.
    const bc = await loadCase(s.viewer, s.ws.slug, chatbot.id);
    expect(bc.data.lines.map((l: { kpiId: string; contribution: string }) => [l.kpiId, l.contribution])).toEqual([[s.example.kpis.nps.id, '18750']]);
    // The KPI page now lists the project, and no longer offers it.
    const page = await loadKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.nps.id);
    expect(page.data.projects.map((p: { name: string; share: string }) => [p.name, p.share])).toEqual([
      ['Chatbot', '0.375000'],
      ['Self-service onboarding', '1.000000'],
    ]);
    expect(page.data.projectsToLink).toEqual([]);
    // The share may be left out: 100 %.
    const other = await makeProject(s.ws.id, { name: 'Other' });
    expect((await postKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.nps.id, { intent: 'linkProject', projectId: other.id })).status).toBe(200);
    expect(await linksOf(other.id)).toEqual([{ kpiId: s.example.kpis.nps.id, share: '1.000000' }]);
  });

  it('a project that already counts on the KPI is refused clearly (409) and its share stays', async () => {
    const s = await setup();
    const before = await activityCount(s.ws.id);
    const res = await postKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.churn.id, {
      intent: 'linkProject',
      projectId: s.example.project.id,
      share: '100',
    });
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ intent: 'linkProject', status: 'invalid', message: 'projects.alreadyLinked' });
    expect(res.data.result.error).toEqual({ '': ['projects.alreadyLinked'] });
    expect((await linksOf(s.example.project.id)).find((l) => l.kpiId === s.example.kpis.churn.id)!.share).toBe('0.500000');
    expect(await activityCount(s.ws.id)).toBe(before);
  });

  it('a viewer is refused (403) and nothing is written', async () => {
    const s = await setup();
    const chatbot = await makeProject(s.ws.id, { name: 'Chatbot' });
    const res = await postKpi(s.viewer, s.ws.slug, s.example.map.id, s.example.kpis.nps.id, { intent: 'linkProject', projectId: chatbot.id, share: '50' });
    expect(res.status).toBe(403);
    expect(await linksOf(chatbot.id)).toEqual([]);
  });

  it("another workspace's project, KPI or map answers 404 and nothing is written", async () => {
    const s = await setup();
    const stranger = await makeUser();
    const ws2 = await makeWorkspace(stranger);
    const foreign = await makeWorkedExample(ws2.id);
    const foreignProject = await makeProject(ws2.id, { name: 'Theirs' });
    const mine = await makeProject(s.ws.id, { name: 'Mine' });
    const before = await activityCount(s.ws.id);
    // Their project, my KPI.
    const theirProject = await postKpi(s.owner, s.ws.slug, s.example.map.id, s.example.kpis.nps.id, {
      intent: 'linkProject',
      projectId: foreignProject.id,
      share: '50',
    });
    expect(theirProject.status).toBe(404);
    // Their KPI (and map) in my workspace's URL, my project.
    const theirKpi = await postKpi(s.owner, s.ws.slug, foreign.map.id, foreign.kpis.nps.id, { intent: 'linkProject', projectId: mine.id, share: '50' });
    expect(theirKpi.status).toBe(404);
    // Their KPI under my map.
    const mixed = await postKpi(s.owner, s.ws.slug, s.example.map.id, foreign.kpis.nps.id, { intent: 'linkProject', projectId: mine.id, share: '50' });
    expect(mixed.status).toBe(404);
    expect((await loadKpi(s.owner, s.ws.slug, foreign.map.id, foreign.kpis.nps.id)).status).toBe(404);
    // A workspace I am not a member of.
    const notMember = await postKpi(s.owner, ws2.slug, foreign.map.id, foreign.kpis.nps.id, {
      intent: 'linkProject',
      projectId: foreignProject.id,
      share: '50',
    });
    expect(notMember.status).toBe(404);
    expect(await linksOf(foreignProject.id)).toEqual([]);
    expect(await linksOf(mine.id)).toEqual([]);
    expect(await activityCount(s.ws.id)).toBe(before);
    const [theirs] = await db.select({ n: count() }).from(projectKpi).where(eq(projectKpi.workspaceId, ws2.id));
    expect(theirs!.n).toBe(3);
  });

  it('bad input answers 400 with the errors beside the fields and writes nothing', async () => {
    const s = await setup('fr');
    const chatbot = await makeProject(s.ws.id, { name: 'Chatbot' });
    const before = await activityCount(s.ws.id);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ intent: 'linkProject', projectId: chatbot.id, share: '150' }, { share: ['field.range'] }],
      [{ intent: 'linkProject', projectId: chatbot.id, share: '-1' }, { share: ['field.range'] }],
      [{ intent: 'linkProject', projectId: chatbot.id, share: 'cinquante' }, { share: ['field.number'] }],
      [{ intent: 'linkProject', projectId: '', share: '50' }, { projectId: ['field.choose'] }],
      [{ intent: 'linkProject', projectId: 'not-a-uuid', share: '50' }, { projectId: ['field.choose'] }],
      [{ intent: 'linkProject', share: '50' }, { projectId: ['field.choose'] }],
    ];
    for (const [form, errors] of cases) {
      const res = await postKpi(s.editor, s.ws.slug, s.example.map.id, s.example.kpis.nps.id, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.data).toMatchObject({ intent: 'linkProject', status: 'invalid' });
      expect(res.data.result.error, JSON.stringify(form)).toMatchObject(errors);
    }
    expect(await linksOf(chatbot.id)).toEqual([]);
    expect(await activityCount(s.ws.id)).toBe(before);
    const [links] = await db
      .select({ n: count() })
      .from(projectKpi)
      .where(and(eq(projectKpi.workspaceId, s.ws.id), eq(projectKpi.kpiId, s.example.kpis.nps.id)));
    expect(links!.n).toBe(1);
  });
});
