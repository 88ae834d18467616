// Scenarios of a business case through the route: the defaults until saved, an editor's save of the
// three kinds (one transaction, version-checked), viewers refused, other workspaces' projects 404,
// bad input 400 with nothing written, and the page's queries fixed whatever is saved.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, projectScenario } from '../../db/schema';
import * as caseRoute from '~/routes/w.$slug.projects.$projectId/route';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMeasure, makeProject, makeWorkedExample } from '../support/project-fixtures';
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

function loadCase(user: TestUser, slug: string, id: string) {
  return call(caseRoute.loader, { request: request(caseUrl(slug, id), { user }), params: { slug, projectId: id } });
}

function post(user: TestUser, slug: string, id: string, form: Record<string, string>) {
  return call(caseRoute.action, { request: request(caseUrl(slug, id), { user, form }), params: { slug, projectId: id } });
}

/** The scenarios form as a person sends it: percentages and points, one version per kind. */
function scenariosForm(
  overrides: Partial<Record<'low' | 'base' | 'high', Partial<Record<'version' | 'confidenceShift' | 'rampUp' | 'costChange' | 'targetReach', string>>>> = {},
) {
  const kinds = {
    low: { version: '0', confidenceShift: '-20', rampUp: '', costChange: '20', targetReach: '70', ...overrides.low },
    base: { version: '0', confidenceShift: '0', rampUp: '', costChange: '0', targetReach: '100', ...overrides.base },
    high: { version: '0', confidenceShift: '10', rampUp: '', costChange: '-10', targetReach: '110', ...overrides.high },
  };
  const form: Record<string, string> = { intent: 'scenarios' };
  for (const [kind, fields] of Object.entries(kinds)) for (const [name, value] of Object.entries(fields)) form[`${kind}.${name}`] = value;
  return form;
}

async function rowsOf(projectId: string) {
  const rows = await db
    .select({
      kind: projectScenario.kind,
      confidenceShift: projectScenario.confidenceShift,
      rampUp: projectScenario.rampUp,
      costChange: projectScenario.costChange,
      targetReach: projectScenario.targetReach,
      version: projectScenario.version,
    })
    .from(projectScenario)
    .where(eq(projectScenario.projectId, projectId));
  return Object.fromEntries(rows.map(({ kind, ...r }) => [kind, r]));
}

const cents = (x: string) => Number(x).toFixed(2);

describe('business case scenarios', () => {
  it('shows the default scenarios (version 0) until some are saved', async () => {
    const { ws, viewer, example } = await setup();
    const res = await loadCase(viewer, ws.slug, example.project.id);
    expect(res.status).toBe(200);
    expect(res.data.scenarios).toEqual({
      low: { confidenceShift: '-0.2', rampUp: [], costChange: '0.2', targetReach: '0.7', version: 0 },
      base: { confidenceShift: '0', rampUp: [], costChange: '0', targetReach: '1', version: 0 },
      high: { confidenceShift: '0.1', rampUp: [], costChange: '-0.1', targetReach: '1.1', version: 0 },
    });
  });

  it('an editor saves the three kinds (French numbers), then again at the versions read', async () => {
    const { ws, editor, example } = await setup('fr');
    const first = await post(
      editor,
      ws.slug,
      example.project.id,
      scenariosForm({ low: { confidenceShift: '-30', targetReach: '62,5', rampUp: '25 / 75' }, high: { costChange: '-5' } }),
    );
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ intent: 'scenarios', status: 'done' });
    expect(await rowsOf(example.project.id)).toEqual({
      low: { confidenceShift: '-0.300000', rampUp: ['0.250000', '0.750000'], costChange: '0.200000', targetReach: '0.625000', version: 1 },
      base: { confidenceShift: '0.000000', rampUp: [], costChange: '0.000000', targetReach: '1.000000', version: 1 },
      high: { confidenceShift: '0.100000', rampUp: [], costChange: '-0.050000', targetReach: '1.100000', version: 1 },
    });
    const [logged] = await db
      .select({ n: count() })
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.entityType, 'project_scenario')));
    expect(logged!.n).toBe(1);

    const loaded = await loadCase(editor, ws.slug, example.project.id);
    expect(loaded.data.scenarios.low).toEqual({ confidenceShift: '-0.3', rampUp: ['0.25', '0.75'], costChange: '0.2', targetReach: '0.625', version: 1 });

    const second = await post(
      editor,
      ws.slug,
      example.project.id,
      scenariosForm({ low: { version: '1' }, base: { version: '1', targetReach: '90' }, high: { version: '1' } }),
    );
    expect(second.status).toBe(200);
    const rows = await rowsOf(example.project.id);
    expect(rows.base).toMatchObject({ targetReach: '0.900000', version: 2 });
    expect(rows.low).toMatchObject({ confidenceShift: '-0.200000', rampUp: [], version: 2 });
  });

  it('a save based on an old version of any kind answers 409 with the current scenarios and writes nothing', async () => {
    const { ws, editor, owner, example } = await setup();
    expect((await post(owner, ws.slug, example.project.id, scenariosForm({ high: { targetReach: '150' } }))).status).toBe(200);
    // The editor read the page before that save: every kind still at version 0.
    const stale = await post(editor, ws.slug, example.project.id, scenariosForm({ base: { targetReach: '50' } }));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: 'scenarios', status: 'stale' });
    expect(stale.data.current.high).toMatchObject({ targetReach: '1.5', version: 1 });
    // Low and base fresh (written first), high stale (version 0 but saved since): nothing stays written,
    // low and base neither (one transaction).
    const mixed = await post(editor, ws.slug, example.project.id, scenariosForm({ base: { version: '1', targetReach: '50' }, low: { version: '1' } }));
    expect(mixed.status).toBe(409);
    const rows = await rowsOf(example.project.id);
    expect(Object.values(rows).map((r) => r.version)).toEqual([1, 1, 1]);
    expect(rows.base).toMatchObject({ targetReach: '1.000000' });
    expect(rows.high).toMatchObject({ targetReach: '1.500000' });
  });

  it('viewers read the scenarios, and their save answers 403 and writes nothing', async () => {
    const { ws, viewer, example } = await setup();
    expect((await loadCase(viewer, ws.slug, example.project.id)).data.scenarios.low.version).toBe(0);
    const res = await post(viewer, ws.slug, example.project.id, scenariosForm());
    expect(res.status).toBe(403);
    expect(await rowsOf(example.project.id)).toEqual({});
  });

  it("another workspace's project answers 404, and nothing is written to it", async () => {
    const { ws, owner } = await setup();
    const other = await makeUser();
    const ws2 = await makeWorkspace(other);
    const foreign = await makeWorkedExample(ws2.id);
    expect((await post(owner, ws.slug, foreign.project.id, scenariosForm())).status).toBe(404);
    expect(await rowsOf(foreign.project.id)).toEqual({});
    expect((await post(owner, ws.slug, 'not-a-uuid', scenariosForm())).status).toBe(404);
  });

  it.each<[string, Parameters<typeof scenariosForm>[0], string, string]>([
    ['a reach above 200 %', { low: { targetReach: '250' } }, 'low.targetReach', 'field.range'],
    ['a reach that is not a number', { base: { targetReach: 'most' } }, 'base.targetReach', 'field.number'],
    ['a confidence shift beyond 100 points', { high: { confidenceShift: '150' } }, 'high.confidenceShift', 'field.range'],
    ['costs below -100 %', { low: { costChange: '-120' } }, 'low.costChange', 'field.range'],
    ['a ramp-up above 100 %', { high: { rampUp: '50 / 120' } }, 'high.rampUp', 'field.range'],
    ['a ramp-up that is not numbers', { high: { rampUp: '50 / abc' } }, 'high.rampUp', 'field.rampUp'],
    ['a negative version', { base: { version: '-1' } }, 'base.version', 'field.range'],
  ])('refuses %s with 400 beside the field and writes nothing', async (_name, overrides, field, message) => {
    const { ws, editor, example } = await setup();
    const res = await post(editor, ws.slug, example.project.id, scenariosForm(overrides));
    expect(res.status).toBe(400);
    expect(res.data.status).toBe('invalid');
    expect(res.data.result.error[field]).toEqual([message]);
    expect(await rowsOf(example.project.id)).toEqual({});
  });

  it('refuses a form without its kinds with 400, not a 500', async () => {
    const { ws, editor, example } = await setup();
    const res = await post(editor, ws.slug, example.project.id, { intent: 'scenarios', 'low.version': '0' });
    expect(res.status).toBe(400);
    expect(await rowsOf(example.project.id)).toEqual({});
  });

  it('loads in a fixed number of queries whether scenarios are saved or not, whatever the number of KPIs', async () => {
    const { ws, viewer, owner, example } = await setup();
    const { queryCounter } = await import('../../db/client');
    queryCounter.count = 0;
    await loadCase(viewer, ws.slug, example.project.id);
    const few = queryCounter.count;

    const more = await makeMeasure(ws.id, { name: 'CSAT', valueAmount: '1000', valueStep: '1' });
    const links = [];
    for (let i = 0; i < 6; i++) {
      const k = await makeKpi(
        ws.id,
        { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: more.id },
        { target: '90', values: [['2026-01-01', '80']] },
      );
      links.push({ kpiId: k.id });
    }
    const big = await makeProject(ws.id, { links, costs: [{ kind: 'one_off', amount: '5000' }] });
    expect((await post(owner, ws.slug, big.id, scenariosForm())).status).toBe(200);
    queryCounter.count = 0;
    const res = await loadCase(viewer, ws.slug, big.id);
    expect(res.data.lines).toHaveLength(6);
    expect(res.data.scenarios.base.version).toBe(1);
    expect(queryCounter.count).toBe(few);
  });

  it('the saved scenarios give the hand-worked figures of the worked example', async () => {
    // Low as saved by default: NPV 32,041.15 (tests/unit/business-case/scenarios.test.ts works it out).
    const { ws, viewer, example } = await setup();
    const { scenarioCases, projectCaseInput } = await import('~/domain/business-case');
    const res = await loadCase(viewer, ws.slug, example.project.id);
    const p = res.data.project;
    const input = projectCaseInput(
      { horizonYears: p.horizonYears, discountRate: p.discountRate, confidence: p.confidence, rampUp: p.rampUp },
      res.data.costs,
      res.data.lines,
    );
    const cases = scenarioCases(input, res.data.scenarios);
    expect([cents(cases.low.npv), cents(cases.base.npv), cents(cases.high.npv)]).toEqual(['32041.15', '171307.73', '240941.02']);
  });
});
