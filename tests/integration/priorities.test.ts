import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { activity, priorityCriterion, projectScore, workspace } from '../../db/schema';
import { seedDemo } from '~/server/demo/index.server';
import { loadPriorities } from '~/server/priorities.server';
import { prioritiesQuery } from '~/lib/schemas/priorities';
import { toFixedString } from '~/domain/decimal';
import * as priorities from '~/routes/w.$slug.priorities/route';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeProject, makeWorkedExample } from '../support/project-fixtures';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const editor = await makeUser();
  const viewer = await makeUser();
  await addMember(ws.id, editor, 'editor');
  await addMember(ws.id, viewer, 'viewer');
  const example = await makeWorkedExample(ws.id);
  // A second project, 10,000 up front, no KPI: NPV -10,000.
  const chatbot = await makeProject(ws.id, { name: 'Chatbot', status: 'idea', confidence: '0.6', costs: [{ kind: 'one_off', amount: '10000' }] });
  return { owner, ws, editor, viewer, example, chatbot };
}

type Form = Record<string, string | number | undefined | (string | number)[]>;

const load = (user: TestUser, slug: string, query = '') =>
  call(priorities.loader, { request: request(`/w/${slug}/priorities${query}`, { user }), params: { slug } });
const post = (user: TestUser, slug: string, form: Form) =>
  call(priorities.action, { request: request(`/w/${slug}/priorities`, { user, form }), params: { slug } });

/** A project's scores as the page's form sends them: criterion, score ('' clears) and the version it showed. */
function scoreForm(projectId: string, entries: { criterionId: string; score: string | number; version?: number | '' }[]): Form {
  const form: Form = { intent: 'score', projectId };
  entries.forEach((e, i) => {
    form[`scores[${i}].criterionId`] = e.criterionId;
    form[`scores[${i}].score`] = e.score;
    form[`scores[${i}].version`] = e.version ?? '';
  });
  return form;
}

async function addCriteria(owner: TestUser, slug: string) {
  const made: Record<string, string> = {};
  for (const [name, weight, direction] of [
    ['Strategic fit', '3', 'higher_is_better'],
    ['Risk', '2', 'lower_is_better'],
    ['Effort', '1', 'lower_is_better'],
  ] as const) {
    const res = await post(owner, slug, { intent: 'createCriterion', name, weight, direction });
    expect(res.status, name).toBe(200);
    made[name] = res.data.value;
  }
  return made as Record<'Strategic fit' | 'Risk' | 'Effort', string>;
}

const countRows = async (workspaceId: string) => ({
  criteria: (await db.select().from(priorityCriterion).where(eq(priorityCriterion.workspaceId, workspaceId))).length,
  scores: (await db.select().from(projectScore).where(eq(projectScore.workspaceId, workspaceId))).length,
});

describe('prioritisation', () => {
  it('owners add, rename, weight and delete criteria; a stale save or a name taken is refused; editors may not', async () => {
    const { owner, editor, ws, example } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    let page = await load(owner, ws.slug);
    expect(page.data.criteria.map((c: { name: string; weight: string; direction: string }) => [c.name, toFixedString(c.weight, 2), c.direction])).toEqual([
      ['Strategic fit', '3.00', 'higher_is_better'],
      ['Risk', '2.00', 'lower_is_better'],
      ['Effort', '1.00', 'lower_is_better'],
    ]);

    const rename = await post(owner, ws.slug, {
      intent: 'updateCriterion',
      criterionId: ids.Risk,
      version: 1,
      name: 'Delivery risk',
      weight: '2.5',
      direction: 'lower_is_better',
    });
    expect(rename.status).toBe(200);
    // Saved on the version read before the rename: refused with the current content.
    const stale = await post(owner, ws.slug, {
      intent: 'updateCriterion',
      criterionId: ids.Risk,
      version: 1,
      name: 'Risk again',
      weight: '9',
      direction: 'lower_is_better',
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ status: 'stale', rowId: ids.Risk, current: { name: 'Delivery risk', version: 2 } });
    const taken = await post(owner, ws.slug, { intent: 'createCriterion', name: 'strategic FIT', weight: '1', direction: 'higher_is_better' });
    expect(taken.status).toBe(409);
    expect(taken.data.result.error).toEqual({ name: ['priorities.nameTaken'] });
    const takenByRename = await post(owner, ws.slug, {
      intent: 'updateCriterion',
      criterionId: ids.Effort,
      version: 1,
      name: 'Delivery RISK',
      weight: '1',
      direction: 'lower_is_better',
    });
    expect(takenByRename.status).toBe(409);

    // Deleting a criterion deletes the scores on it.
    await post(editor, ws.slug, scoreForm(example.project.id, [{ criterionId: ids.Effort, score: 5 }]));
    expect((await countRows(ws.id)).scores).toBe(1);
    const deleted = await post(owner, ws.slug, { intent: 'deleteCriterion', criterionId: ids.Effort });
    expect(deleted.status).toBe(200);
    page = await load(owner, ws.slug);
    expect(page.data.criteria.map((c: { name: string; weight: string }) => [c.name, toFixedString(c.weight, 1)])).toEqual([
      ['Strategic fit', '3.0'],
      ['Delivery risk', '2.5'],
    ]);
    expect(await countRows(ws.id)).toEqual({ criteria: 2, scores: 0 });

    // Editors score projects but do not set the rules.
    for (const form of [
      { intent: 'createCriterion', name: 'Sneaky', weight: '1', direction: 'higher_is_better' },
      { intent: 'updateCriterion', criterionId: ids['Strategic fit'], version: 1, name: 'Mine', weight: '1', direction: 'higher_is_better' },
      { intent: 'deleteCriterion', criterionId: ids['Strategic fit'] },
    ]) {
      expect((await post(editor, ws.slug, form)).status, form.intent).toBe(403);
    }
    expect((await countRows(ws.id)).criteria).toBe(2);
    const log = await db
      .select({ action: activity.action, summary: activity.summary })
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.entityType, 'priority_criterion')));
    expect(log.map((l) => `${l.action}:${l.summary}`).sort()).toEqual(
      ['created:Effort', 'created:Risk', 'created:Strategic fit', 'deleted:Effort', 'updated:Delivery risk'].sort(),
    );
  });

  it('editors score projects: the weighted score and its ranking follow, ties share a rank, a stale save is refused', async () => {
    const { owner, editor, ws, example, chatbot } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    const third = await makeProject(ws.id, { name: 'Unscored', status: 'planned' });
    // The hand-worked example: fit 4, risk 2, effort 5 with weights 3, 2, 1 -> 62.5.
    const first = await post(
      editor,
      ws.slug,
      scoreForm(example.project.id, [
        { criterionId: ids['Strategic fit'], score: 4 },
        { criterionId: ids.Risk, score: 2 },
        { criterionId: ids.Effort, score: 5 },
      ]),
    );
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ intent: 'score', rowId: example.project.id, status: 'done' });
    // The chatbot: fit 5, risk 3, effort 4 -> (3 x 1 + 2 x 0.5 + 1 x 0.25) / 6 = 70.8 %: ranked first.
    await post(
      editor,
      ws.slug,
      scoreForm(chatbot.id, [
        { criterionId: ids['Strategic fit'], score: 5 },
        { criterionId: ids.Risk, score: 3 },
        { criterionId: ids.Effort, score: 4 },
      ]),
    );
    const rowsOf = async (query = '') =>
      (await load(editor, ws.slug, query)).data.rows.map((r: { name: string; score: string | null; rank: number | null; tied: boolean; scored: number }) => [
        r.name,
        r.score,
        r.rank,
        r.tied,
        r.scored,
      ]);
    expect(await rowsOf('?sort=score')).toEqual([
      ['Chatbot', '70.8', 1, false, 3],
      ['Self-service onboarding', '62.5', 2, false, 3],
      ['Unscored', null, null, false, 0],
    ]);

    // Lowering the chatbot's fit to 4 and its risk to 2, effort 5: 62.5 too, so both share rank 1.
    const page = await load(editor, ws.slug);
    const saved = page.data.rows.find((r: { id: string }) => r.id === chatbot.id).scores as Record<string, { score: number; version: number }>;
    expect(saved[ids.Risk]).toEqual({ score: 3, version: 1 });
    const tie = await post(
      editor,
      ws.slug,
      scoreForm(chatbot.id, [
        { criterionId: ids['Strategic fit'], score: 4, version: 1 },
        { criterionId: ids.Risk, score: 2, version: 1 },
        { criterionId: ids.Effort, score: 5, version: 1 },
      ]),
    );
    expect(tie.status).toBe(200);
    expect(await rowsOf('?sort=score')).toEqual([
      ['Chatbot', '62.5', 1, true, 3],
      ['Self-service onboarding', '62.5', 1, true, 3],
      ['Unscored', null, null, false, 0],
    ]);

    // Someone saves on the versions they read before that: refused with the current scores, nothing written.
    const before = await db.select().from(projectScore).where(eq(projectScore.projectId, chatbot.id));
    const stale = await post(editor, ws.slug, scoreForm(chatbot.id, [{ criterionId: ids.Risk, score: 1, version: 1 }]));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ status: 'stale', rowId: chatbot.id, current: { [ids.Risk]: { score: 2, version: 2 } } });
    // A form that showed no score where one has appeared since is stale too.
    const appeared = await post(editor, ws.slug, scoreForm(chatbot.id, [{ criterionId: ids.Effort, score: 1 }]));
    expect(appeared.status).toBe(409);
    expect(await db.select().from(projectScore).where(eq(projectScore.projectId, chatbot.id))).toEqual(before);

    // Clearing a score leaves its weight out: fit 4 and effort 5 -> (2.25 + 0) / 4 = 56.3.
    const cleared = await post(editor, ws.slug, scoreForm(chatbot.id, [{ criterionId: ids.Risk, score: '', version: 2 }]));
    expect(cleared.status).toBe(200);
    const after = (await load(editor, ws.slug, '?sort=score')).data.rows;
    expect(
      after.map((r: { name: string; score: string | null; rank: number | null; scored: number; weighted: number }) => [
        r.name,
        r.score,
        r.rank,
        r.scored,
        r.weighted,
      ]),
    ).toEqual([
      ['Self-service onboarding', '62.5', 1, 3, 3],
      ['Chatbot', '56.3', 2, 2, 3],
      ['Unscored', null, null, 0, 3],
    ]);
    const log = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.entityType, 'project_score')));
    expect(log.map((l) => l.summary).sort()).toEqual(['Chatbot', 'Chatbot', 'Chatbot', 'Self-service onboarding']);
    expect(third.id).toBeDefined();
  });

  it('viewers read the page but every write answers 403 and writes nothing; outsiders get 404', async () => {
    const { owner, viewer, ws, example } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    const page = await load(viewer, ws.slug);
    expect(page.status).toBe(200);
    expect(page.data.rows.map((r: { name: string }) => r.name)).toEqual(['Self-service onboarding', 'Chatbot']);
    const before = await countRows(ws.id);
    for (const form of [
      scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 3 }]),
      { intent: 'createCriterion', name: 'Viewer idea', weight: '1', direction: 'higher_is_better' },
      { intent: 'deleteCriterion', criterionId: ids.Risk },
    ]) {
      expect((await post(viewer, ws.slug, form)).status, String(form.intent)).toBe(403);
    }
    expect(await countRows(ws.id)).toEqual(before);
    const outsider = await makeUser();
    expect((await load(outsider, ws.slug)).status).toBe(404);
    expect((await post(outsider, ws.slug, scoreForm(example.project.id, []))).status).toBe(404);
  });

  it("another workspace's project or criterion answers 404 and writes nothing, in either workspace", async () => {
    const { owner, editor, ws, example } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    const otherOwner = await makeUser();
    const other = await makeWorkspace(otherOwner);
    const theirProject = await makeProject(other.id, { name: 'Theirs' });
    const theirCriterion = (await post(otherOwner, other.slug, { intent: 'createCriterion', name: 'Their fit', weight: '1', direction: 'higher_is_better' }))
      .data.value;
    const archived = await makeProject(ws.id, { name: 'Archived', archivedAt: new Date() });
    const mine = await countRows(ws.id);
    const theirs = await countRows(other.id);

    const attempts: [TestUser, Form][] = [
      [editor, scoreForm(theirProject.id, [{ criterionId: ids.Risk, score: 3 }])],
      [editor, scoreForm(example.project.id, [{ criterionId: theirCriterion, score: 3 }])],
      // One good criterion and one from elsewhere: all or nothing.
      [
        editor,
        scoreForm(example.project.id, [
          { criterionId: ids.Risk, score: 3 },
          { criterionId: theirCriterion, score: 3 },
        ]),
      ],
      [editor, scoreForm(archived.id, [{ criterionId: ids.Risk, score: 3 }])],
      [editor, scoreForm('00000000-0000-4000-8000-000000000000', [])],
      [owner, { intent: 'updateCriterion', criterionId: theirCriterion, version: 1, name: 'Taken over', weight: '1', direction: 'higher_is_better' }],
      [owner, { intent: 'deleteCriterion', criterionId: theirCriterion }],
    ];
    for (const [user, form] of attempts) {
      const res = await post(user, ws.slug, form);
      expect(res.status, JSON.stringify(form)).toBe(404);
    }
    expect(await countRows(ws.id)).toEqual(mine);
    expect(await countRows(other.id)).toEqual(theirs);
    const [still] = await db.select().from(priorityCriterion).where(eq(priorityCriterion.id, theirCriterion));
    expect(still).toMatchObject({ name: 'Their fit', version: 1 });
  });

  it('refuses bad input with 400 and a message, and writes nothing', async () => {
    const { owner, editor, ws, example } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    const before = await countRows(ws.id);
    const criterion = (over: Form) => ({ intent: 'createCriterion', name: 'Reach', weight: '1', direction: 'higher_is_better', ...over });
    const cases: [TestUser, Form, Record<string, string[]> | null][] = [
      [owner, criterion({ weight: '-1' }), { weight: ['priorities.weight'] }],
      [owner, criterion({ weight: '100.5' }), { weight: ['priorities.weight'] }],
      [owner, criterion({ weight: '1.234' }), { weight: ['priorities.weight'] }],
      [owner, criterion({ weight: 'heavy' }), { weight: ['field.number'] }],
      [owner, criterion({ weight: '' }), { weight: ['field.required'] }],
      [owner, criterion({ name: '   ' }), { name: ['field.required'] }],
      [owner, criterion({ name: 'x'.repeat(81) }), { name: ['field.tooLong'] }],
      [owner, criterion({ direction: 'sideways' }), { direction: ['field.choose'] }],
      [
        owner,
        { intent: 'updateCriterion', criterionId: ids.Risk, version: 'latest', name: 'Risk', weight: '2', direction: 'lower_is_better' },
        { version: ['field.integer'] },
      ],
      [
        owner,
        { intent: 'updateCriterion', criterionId: 'not-an-id', version: 1, name: 'Risk', weight: '2', direction: 'lower_is_better' },
        { criterionId: ['field.choose'] },
      ],
      [owner, { intent: 'deleteCriterion', criterionId: 'not-an-id' }, { criterionId: ['field.choose'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 6 }]), { 'scores[0].score': ['priorities.score'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 0 }]), { 'scores[0].score': ['priorities.score'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 2.5 }]), { 'scores[0].score': ['priorities.score'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 'high' }]), { 'scores[0].score': ['priorities.score'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: 'nope', score: 3 }]), { 'scores[0].criterionId': ['field.choose'] }],
      [editor, scoreForm(example.project.id, [{ criterionId: ids.Risk, score: 3, version: -2 }]), { 'scores[0].version': ['field.range'] }],
      [
        editor,
        scoreForm(example.project.id, [
          { criterionId: ids.Risk, score: 3 },
          { criterionId: ids.Risk, score: 4 },
        ]),
        { scores: ['priorities.duplicateCriterion'] },
      ],
      [editor, scoreForm('not-a-project', [{ criterionId: ids.Risk, score: 3 }]), { projectId: ['field.choose'] }],
      // An unknown intent is not a form of this page.
      [editor, { intent: 'dropTables' }, null],
      [editor, {}, null],
    ];
    for (const [user, form, errors] of cases) {
      const res = await post(user, ws.slug, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      if (errors) expect(res.data.result.error, JSON.stringify(form)).toEqual(errors);
      else expect(res.data.message).toBe('badRequest');
    }
    expect(await countRows(ws.id)).toEqual(before);
  });

  it('sorts and pages on the server from search parameters; the matrix gets the 30 largest and an "others" line', async () => {
    const { owner, ws } = await setup();
    // 40 more projects, each with a cost, so NPV = -(i x 1,000) and the total cost grows with i.
    for (let i = 1; i <= 40; i++) await makeProject(ws.id, { name: `P${String(i).padStart(2, '0')}`, costs: [{ kind: 'one_off', amount: String(i * 1000) }] });
    const first = await load(owner, ws.slug);
    expect(first.data.rows).toHaveLength(25);
    expect(first.data.page).toEqual({ page: 1, pageCount: 2, total: 42 });
    expect(first.data.rows[0].name).toBe('Self-service onboarding');
    const second = await load(owner, ws.slug, '?page=2');
    expect(second.data.rows).toHaveLength(17);
    expect(second.data.rows.at(-1).name).toBe('P40');
    const byName = await load(owner, ws.slug, '?sort=name&dir=desc');
    expect(byName.data.rows.slice(0, 2).map((r: { name: string }) => r.name)).toEqual(['Self-service onboarding', 'P40']);
    const byCost = await load(owner, ws.slug, '?sort=cost&dir=asc&page=1');
    expect(byCost.data.rows.slice(0, 3).map((r: { name: string }) => r.name)).toEqual(['P01', 'P02', 'P03']);

    // The 30 largest NPVs either way: SSO (171,307.73), then P40 (-40,000) down to P12; the other 12 summed.
    expect(first.data.bubbles).toHaveLength(30);
    expect(first.data.bubbles[0]).toMatchObject({ name: 'Self-service onboarding', status: 'in_progress', cost: '90000', confidence: '0.8' });
    expect(toFixedString(first.data.bubbles[0].value, 2)).toBe('171307.73');
    // P11, the chatbot and P10 .. P01: -(11,000 + 10,000 + 55,000).
    expect(first.data.bubbles.at(-1).name).toBe('P12');
    expect(first.data.others).toEqual({ count: 12, value: '-76000', cost: '76000' });
    // The run-rate benefit as the value axis: the case's run-rate, 152,000 for SSO.
    const benefit = await load(owner, ws.slug, '?value=benefit');
    expect(benefit.data.bubbles[0]).toMatchObject({ name: 'Self-service onboarding', value: '152000' });

    // A status filter narrows table and matrix alike; unknown parameters fall back to defaults.
    const ideas = await load(owner, ws.slug, '?status=in_progress');
    expect(ideas.data.rows.map((r: { name: string }) => r.name)).toEqual(['Self-service onboarding']);
    const odd = await load(owner, ws.slug, '?sort=drop&dir=up&page=-3&value=x&size=huge&status=nope');
    expect(odd.status).toBe(200);
    expect(odd.data.query).toEqual({ value: 'npv', size: 'confidence', sort: 'npv', dir: 'desc', page: 1 });
    const far = await load(owner, ws.slug, '?page=99');
    expect(far.data.page.page).toBe(2);
  });

  it('loads with a fixed number of queries, with 2 or 40 projects and their scores', async () => {
    const { owner, editor, ws } = await setup();
    const ids = await addCriteria(owner, ws.slug);
    queryCounter.count = 0;
    await load(owner, ws.slug);
    const small = queryCounter.count;
    for (let i = 0; i < 38; i++) {
      const p = await makeProject(ws.id, { costs: [{ kind: 'one_off', amount: '5' }] });
      await post(
        editor,
        ws.slug,
        scoreForm(p.id, [
          { criterionId: ids.Risk, score: (i % 5) + 1 },
          { criterionId: ids.Effort, score: 3 },
        ]),
      );
    }
    queryCounter.count = 0;
    const big = await load(owner, ws.slug);
    expect(big.data.page.total).toBe(40);
    expect(queryCounter.count).toBe(small);
  });

  it('the demo workspace has three weighted criteria and its projects ranked by score', async () => {
    await seedDemo(db);
    const [demo] = await db.select().from(workspace).where(eq(workspace.slug, 'demo-telecom'));
    const page = await loadPriorities(demo!.id, prioritiesQuery(new URLSearchParams('sort=score')), '2026-12-03');
    expect(page.criteria.map((c) => [c.name, c.weight, c.direction])).toEqual([
      ['Alignement stratégique', '3', 'higher_is_better'],
      ['Risque', '2', 'lower_is_better'],
      ['Effort', '1', 'lower_is_better'],
    ]);
    expect(page.rows.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['Self-service onboarding', '70.8', 1],
      ['Refonte du parcours de renouvellement', '66.7', 2],
      ['Chatbot support niveau 1', '62.5', 3],
    ]);
  });
});
