import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, card, kpi, kpiValue, lane, measure, measureTouchpoint } from '../../db/schema';
import { STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import * as kpiNew from '~/routes/w.$slug.kpis.new';
import * as library from '~/routes/w.$slug.measures._index/route';
import * as measurePage from '~/routes/w.$slug.measures.$measureId/route';
import * as search from '~/routes/w.$slug.measures.search';
import { listMapKpis } from '~/server/kpis.server';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';
import type { Locale } from '~/domain/vocabulary';

async function setup(locale: Locale = 'en') {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale });
  const editor = await makeUser();
  await addMember(ws.id, editor, 'editor');
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const fixture = await makeMapWithKpiLane(ws.id);
  return { owner, editor, viewer, ws, ...fixture };
}

type Setup = Awaited<ReturnType<typeof setup>>;

function place(s: Setup, user: Setup['owner'], fields: Record<string, string>, stageIndex = 0) {
  return call(kpiNew.action, {
    request: request(`/w/${s.ws.slug}/kpis/new`, {
      user,
      form: { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[stageIndex]!.id, js: '1', ...fields },
    }),
    params: { slug: s.ws.slug },
  });
}

const measureForm = (overrides: Record<string, string | string[]> = {}) => ({
  intent: 'create',
  name: 'NPS',
  unit: 'pts',
  trend: 'up',
  valueAmount: '50000',
  valueStep: '10',
  impactType: 'revenue',
  ...overrides,
});

async function measuresOf(workspaceId: string) {
  return db.select().from(measure).where(eq(measure.workspaceId, workspaceId));
}

describe('search a measure or create one', () => {
  it('typing a new name creates the measure in the library and places the KPI; the same name (any case) reuses it', async () => {
    const s = await setup();
    const first = await place(s, s.editor, { name: 'Onboarding NPS' });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ status: 'done', measureName: 'Onboarding NPS', created: true });
    const again = await place(s, s.editor, { name: '  onboarding nps ' }, 1);
    expect(again.data).toMatchObject({ status: 'done', measureId: first.data.measureId, created: false });
    expect(await measuresOf(s.ws.id)).toHaveLength(1);
    const chips = await listMapKpis(s.ws.id, s.map.id);
    expect(chips.map((c) => [c.stageId, c.measureName])).toEqual(
      expect.arrayContaining([
        [s.stages[0]!.id, 'Onboarding NPS'],
        [s.stages[1]!.id, 'Onboarding NPS'],
      ]),
    );
    // Picking by id places an existing measure at the end of the cell.
    const byId = await place(s, s.editor, { measureId: first.data.measureId });
    const [placed] = await db.select().from(kpi).where(eq(kpi.id, byId.data.kpiId));
    expect(placed!.position).toBe(1);
    const log = await db.select().from(activity).where(eq(activity.workspaceId, s.ws.id));
    expect(log.filter((a) => a.entityType === 'kpi' && a.action === 'created')).toHaveLength(3);
    expect(log.filter((a) => a.entityType === 'measure' && a.action === 'created')).toHaveLength(1);
  });

  it('two people creating the same new name at once end with one measure', async () => {
    const s = await setup();
    const [a, b] = await Promise.all([place(s, s.owner, { name: 'Taux de churn' }, 0), place(s, s.editor, { name: 'TAUX DE CHURN' }, 1)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const rows = await measuresOf(s.ws.id);
    expect(rows).toHaveLength(1);
    expect(a.data.measureId).toBe(b.data.measureId);
    expect([a.data.created, b.data.created].sort()).toEqual([false, true]);
    const [n] = await db.select({ n: count() }).from(kpi).where(eq(kpi.workspaceId, s.ws.id));
    expect(n!.n).toBe(2);
  });

  it('without JavaScript the plain form lands back on the map', async () => {
    const s = await setup();
    const res = await call(kpiNew.action, {
      request: request(`/w/${s.ws.slug}/kpis/new`, { user: s.editor, form: { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[0]!.id, name: 'CSAT' } }),
      params: { slug: s.ws.slug },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/w/${s.ws.slug}/maps/${s.map.id}`);
    expect((await measuresOf(s.ws.id)).map((m) => m.name)).toEqual(['CSAT']);
  });

  it('refuses a lane that is not a KPI lane, a stage of another map, and an empty name; nothing is written', async () => {
    const s = await setup();
    const other = await makeMapWithKpiLane(s.ws.id, ['Elsewhere'], 'Other map');
    const notKpiLane = await call(kpiNew.action, {
      request: request(`/w/${s.ws.slug}/kpis/new`, {
        user: s.editor,
        form: { mapId: s.map.id, laneId: s.textLane.id, stageId: s.stages[0]!.id, name: 'X', js: '1' },
      }),
      params: { slug: s.ws.slug },
    });
    expect(notKpiLane.status).toBe(404);
    const wrongStage = await call(kpiNew.action, {
      request: request(`/w/${s.ws.slug}/kpis/new`, {
        user: s.editor,
        form: { mapId: s.map.id, laneId: s.lane.id, stageId: other.stages[0]!.id, name: 'X', js: '1' },
      }),
      params: { slug: s.ws.slug },
    });
    expect(wrongStage.status).toBe(404);
    const empty = await place(s, s.editor, { name: '   ' });
    expect(empty.status).toBe(400);
    const badId = await call(kpiNew.action, {
      request: request(`/w/${s.ws.slug}/kpis/new`, {
        user: s.editor,
        form: { mapId: 'nope', laneId: s.lane.id, stageId: s.stages[0]!.id, name: 'X', js: '1' },
      }),
      params: { slug: s.ws.slug },
    });
    expect(badId.status).toBe(404);
    expect(await measuresOf(s.ws.id)).toHaveLength(0);
  });

  it('the search lists library measures, names starting with the text first, archived ones left out', async () => {
    const s = await setup();
    for (const name of ['Taux de churn', 'Churn (mobile)', 'CSAT']) await place(s, s.editor, { name });
    const archived = await place(s, s.editor, { name: 'Churn old' });
    await db.update(measure).set({ archivedAt: new Date() }).where(eq(measure.id, archived.data.measureId));
    const res = await call(search.loader, { request: request(`/w/${s.ws.slug}/measures/search?q=churn`, { user: s.viewer }), params: { slug: s.ws.slug } });
    expect(res.data.matches.map((m: { name: string }) => m.name)).toEqual(['Churn (mobile)', 'Taux de churn']);
    expect(res.data.exact).toBe(false);
    const exact = await call(search.loader, { request: request(`/w/${s.ws.slug}/measures/search?q=csat`, { user: s.viewer }), params: { slug: s.ws.slug } });
    expect(exact.data.exact).toBe(true);
  });
});

describe('measure library', () => {
  it('creates a measure with its financial value; names are unique whatever the case (409); bad numbers answer 400 and write nothing', async () => {
    const s = await setup('fr');
    const created = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, {
        user: s.editor,
        form: measureForm({
          name: 'Taux de churn',
          unit: '%',
          trend: 'down',
          valueAmount: '120 000',
          valueStep: '1',
          tags: 'churn, résiliation',
          group: 'Fidélisation',
          ownerId: s.owner.id,
        }),
      }),
      params: { slug: s.ws.slug },
    });
    expect(created.status).toBe(302);
    const [row] = await measuresOf(s.ws.id);
    expect(row).toMatchObject({ name: 'Taux de churn', trend: 'down', group: 'Fidélisation', tags: ['churn', 'résiliation'], ownerId: s.owner.id });
    expect(row!.valueAmount).toMatch(/^120000(\.0+)?$/);
    expect(created.headers.get('Location')).toBe(`/w/${s.ws.slug}/measures/${row!.id}`);

    const duplicate = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: measureForm({ name: 'TAUX DE CHURN' }) }),
      params: { slug: s.ws.slug },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.data.result.error.name).toEqual(['measures.nameTaken']);

    const bad = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: measureForm({ name: 'CES', valueAmount: 'beaucoup', valueStep: '0' }) }),
      params: { slug: s.ws.slug },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.valueAmount).toEqual(['field.number']);
    const strangerOwner = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: measureForm({ name: 'CES', ownerId: 'someone-else' }) }),
      params: { slug: s.ws.slug },
    });
    expect(strangerOwner.status).toBe(400);
    expect(await measuresOf(s.ws.id)).toHaveLength(1);
  });

  it('filters by search, group, tag, HEART, family, owner and trend in the URL', async () => {
    const s = await setup();
    await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.owner, form: { intent: 'starter', keys: STARTER_CATALOGUE.map((m) => m.key) } }),
      params: { slug: s.ws.slug },
    });
    await db
      .update(measure)
      .set({ tags: ['north-star'], ownerId: s.editor.id })
      .where(and(eq(measure.workspaceId, s.ws.id), eq(measure.name, 'NPS')));
    const list = async (query: string) => {
      const res = await call(library.loader, { request: request(`/w/${s.ws.slug}/measures${query}`, { user: s.viewer }), params: { slug: s.ws.slug } });
      return res.data.measures.map((m: { name: string }) => m.name) as string[];
    };
    expect(await list('')).toHaveLength(STARTER_CATALOGUE.length);
    // The search reads names and descriptions ("the inverse of churn").
    expect(await list('?q=churn')).toEqual(['Churn rate', 'Retention rate']);
    expect(await list('?q=CHURN%20rate')).toEqual(['Churn rate']);
    expect(await list('?tag=north-star')).toEqual(['NPS']);
    expect(await list(`?owner=${s.editor.id}`)).toEqual(['NPS']);
    expect(await list('?heart=happiness&trend=down')).toEqual(['Complaint rate']);
    const retention = await list('?group=Retention');
    expect(retention).toContain('Churn rate');
    expect(retention.every((n) => STARTER_CATALOGUE.find((m) => m.name.en === n)!.group.en === 'Retention')).toBe(true);
    expect((await list('?family=customer_perception')).length).toBeGreaterThan(2);
    // Unknown filter values are ignored rather than failing; LIKE wildcards are taken literally.
    expect(await list('?heart=bogus')).toHaveLength(STARTER_CATALOGUE.length);
    expect(await list('?q=%25')).toEqual(['NPS']); // "% of promoters …", not every measure
    expect(await list('?q=c_at')).toEqual([]); // "_" would otherwise match the S of CSAT
    // Archived measures leave the list and appear under "archived only".
    await db
      .update(measure)
      .set({ archivedAt: new Date() })
      .where(and(eq(measure.workspaceId, s.ws.id), eq(measure.name, 'CSAT')));
    expect(await list('')).not.toContain('CSAT');
    expect(await list('?archived=1')).toEqual(['CSAT']);
  });

  it('adds the chosen standard measures in one step and skips names already there', async () => {
    const s = await setup('fr');
    await place(s, s.editor, { name: 'nps' });
    const res = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: { intent: 'starter', keys: ['nps', 'csat', 'churn_rate'] } }),
      params: { slug: s.ws.slug },
    });
    expect(res.data).toMatchObject({ intent: 'starter', status: 'done', value: { added: 2, skipped: 1 } });
    const names = (await measuresOf(s.ws.id)).map((m) => m.name).sort();
    expect(names).toEqual(['CSAT', 'Taux de churn', 'nps']);
    const bogus = await call(library.action, {
      request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: { intent: 'starter', keys: ['nope'] } }),
      params: { slug: s.ws.slug },
    });
    expect(bogus.status).toBe(400);
  });

  it('edits with a version (409 on a stale save), archives keeping KPIs readable, deletes only when unused', async () => {
    const s = await setup();
    const placed = await place(s, s.editor, { name: 'NPS' });
    const id = placed.data.measureId as string;
    const params = { slug: s.ws.slug, measureId: id };
    const form = (version: number, name: string) => ({ ...measureForm({ name, intent: 'update' }), version: String(version) });
    const saved = await call(measurePage.action, {
      request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.editor, form: form(1, 'Net Promoter Score') }),
      params,
    });
    expect(saved.status).toBe(200);
    const stale = await call(measurePage.action, {
      request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.owner, form: form(1, 'Stale name') }),
      params,
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: 'update', status: 'stale', current: { name: 'Net Promoter Score', version: 2 } });
    const page = await call(measurePage.loader, { request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.viewer }), params });
    expect(page.data.measure).toMatchObject({ name: 'Net Promoter Score', version: 2, valueStep: expect.stringMatching(/^10/) });
    expect(page.data.usedIn).toHaveLength(1);
    expect(page.data.usedIn[0]).toMatchObject({ mapName: 'Subscription', stageName: 'Discovery', status: 'no_trend' });

    const refused = await call(measurePage.action, {
      request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.editor, form: { intent: 'delete' } }),
      params,
    });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ intent: 'delete', status: 'invalid', message: 'measures.inUse' });

    await call(measurePage.action, { request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.editor, form: { intent: 'archive' } }), params });
    const chips = await listMapKpis(s.ws.id, s.map.id);
    expect(chips[0]).toMatchObject({ measureName: 'Net Promoter Score', archived: true });
    const restored = await call(measurePage.action, {
      request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.editor, form: { intent: 'restore' } }),
      params,
    });
    expect(restored.status).toBe(200);

    await db.delete(kpi).where(eq(kpi.measureId, id));
    const deleted = await call(measurePage.action, {
      request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.editor, form: { intent: 'delete' } }),
      params,
    });
    expect(deleted.status).toBe(302);
    expect(await measuresOf(s.ws.id)).toHaveLength(0);
  });

  it('where-used shows current, target and status of each KPI', async () => {
    const s = await setup();
    const placed = await place(s, s.editor, { name: 'NPS' });
    await db.update(kpi).set({ targetValue: '42' }).where(eq(kpi.id, placed.data.kpiId));
    await db.insert(kpiValue).values([
      { workspaceId: s.ws.id, kpiId: placed.data.kpiId, date: '2025-01-31', value: '30' },
      { workspaceId: s.ws.id, kpiId: placed.data.kpiId, date: '2025-02-28', value: '32' },
    ]);
    const page = await call(measurePage.loader, {
      request: request(`/w/${s.ws.slug}/measures/${placed.data.measureId}`, { user: s.viewer }),
      params: { slug: s.ws.slug, measureId: placed.data.measureId },
    });
    expect(page.data.usedIn[0]).toMatchObject({ current: expect.stringMatching(/^32/), target: expect.stringMatching(/^42/), status: 'on_track' });
  });
});

describe('linked touchpoints', () => {
  it('links touchpoint cards of this workspace; a card of another workspace or of another lane kind answers 404', async () => {
    const s = await setup();
    const [touchLane] = await db
      .insert(lane)
      .values({ workspaceId: s.ws.id, mapId: s.map.id, kind: 'touchpoints', name: 'Touchpoints', position: 2 })
      .returning();
    const [welcome, note] = await db
      .insert(card)
      .values([
        { workspaceId: s.ws.id, mapId: s.map.id, laneId: touchLane!.id, stageId: s.stages[1]!.id, title: 'Welcome e-mail', position: 0 },
        { workspaceId: s.ws.id, mapId: s.map.id, laneId: s.textLane.id, stageId: s.stages[1]!.id, title: 'A note', position: 0 },
      ])
      .returning();
    const intruder = await makeUser();
    const theirs = await makeWorkspace(intruder);
    const theirMap = await makeMapWithKpiLane(theirs.id);
    const [theirLane] = await db
      .insert(lane)
      .values({ workspaceId: theirs.id, mapId: theirMap.map.id, kind: 'touchpoints', name: 'T', position: 2 })
      .returning();
    const [theirCard] = await db
      .insert(card)
      .values({ workspaceId: theirs.id, mapId: theirMap.map.id, laneId: theirLane!.id, stageId: theirMap.stages[0]!.id, title: 'Theirs', position: 0 })
      .returning();
    const create = (name: string, touchpoints: string[]) =>
      call(library.action, {
        request: request(`/w/${s.ws.slug}/measures`, { user: s.editor, form: measureForm({ name, touchpoints }) }),
        params: { slug: s.ws.slug },
      });
    expect((await create('NPS', [welcome!.id])).status).toBe(302);
    expect((await create('CSAT', [theirCard!.id])).status).toBe(404);
    expect((await create('CES', [note!.id])).status).toBe(404);
    const links = await db.select().from(measureTouchpoint).where(eq(measureTouchpoint.workspaceId, s.ws.id));
    expect(links.map((l) => l.cardId)).toEqual([welcome!.id]);
    expect((await measuresOf(s.ws.id)).map((m) => m.name)).toEqual(['NPS']);
    const page = await call(measurePage.loader, {
      request: request(`/w/${s.ws.slug}/measures/${links[0]!.measureId}`, { user: s.viewer }),
      params: { slug: s.ws.slug, measureId: links[0]!.measureId },
    });
    expect(page.data.linked).toEqual([welcome!.id]);
    expect(page.data.touchpoints.map((c: { title: string }) => c.title)).toEqual(['Welcome e-mail']);
  });
});

describe('permissions and tenancy', () => {
  it('viewers read but every write answers 403 and changes nothing', async () => {
    const s = await setup();
    const placed = await place(s, s.editor, { name: 'NPS' });
    const id = placed.data.measureId as string;
    const before = await measuresOf(s.ws.id);
    const attempts = [
      () => place(s, s.viewer, { name: 'Viewer measure' }),
      () =>
        call(library.action, {
          request: request(`/w/${s.ws.slug}/measures`, { user: s.viewer, form: measureForm({ name: 'X' }) }),
          params: { slug: s.ws.slug },
        }),
      () =>
        call(library.action, {
          request: request(`/w/${s.ws.slug}/measures`, { user: s.viewer, form: { intent: 'starter', keys: ['csat'] } }),
          params: { slug: s.ws.slug },
        }),
      ...['archive', 'delete', 'update'].map(
        (intent) => () =>
          call(measurePage.action, {
            request: request(`/w/${s.ws.slug}/measures/${id}`, { user: s.viewer, form: { ...measureForm({ intent }), version: '1' } }),
            params: { slug: s.ws.slug, measureId: id },
          }),
      ),
    ];
    for (const attempt of attempts) expect((await attempt()).status).toBe(403);
    expect(await measuresOf(s.ws.id)).toEqual(before);
    const read = await call(library.loader, { request: request(`/w/${s.ws.slug}/measures`, { user: s.viewer }), params: { slug: s.ws.slug } });
    expect(read.status).toBe(200);
  });

  it("another workspace's measure, map, lane and stage ids answer 404 and change nothing", async () => {
    const s = await setup();
    const placed = await place(s, s.editor, { name: 'NPS' });
    const intruder = await makeUser();
    const theirs = await makeWorkspace(intruder);
    const theirMap = await makeMapWithKpiLane(theirs.id);
    const id = placed.data.measureId as string;
    const params = { slug: theirs.slug, measureId: id };
    expect((await call(measurePage.loader, { request: request(`/w/${theirs.slug}/measures/${id}`, { user: intruder }), params })).status).toBe(404);
    for (const intent of ['archive', 'delete']) {
      const res = await call(measurePage.action, { request: request(`/w/${theirs.slug}/measures/${id}`, { user: intruder, form: { intent } }), params });
      expect(res.status).toBe(404);
    }
    const update = await call(measurePage.action, {
      request: request(`/w/${theirs.slug}/measures/${id}`, { user: intruder, form: { ...measureForm({ intent: 'update', name: 'Stolen' }), version: '1' } }),
      params,
    });
    expect(update.status).toBe(404);
    // Placing their own lane with our measure id, or our lane from their workspace.
    const ourMeasureInTheirCell = await call(kpiNew.action, {
      request: request(`/w/${theirs.slug}/kpis/new`, {
        user: intruder,
        form: { mapId: theirMap.map.id, laneId: theirMap.lane.id, stageId: theirMap.stages[0]!.id, measureId: id, js: '1' },
      }),
      params: { slug: theirs.slug },
    });
    expect(ourMeasureInTheirCell.status).toBe(404);
    const theirMeasureInOurCell = await call(kpiNew.action, {
      request: request(`/w/${theirs.slug}/kpis/new`, {
        user: intruder,
        form: { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[0]!.id, name: 'Intrusion', js: '1' },
      }),
      params: { slug: theirs.slug },
    });
    expect(theirMeasureInOurCell.status).toBe(404);
    // Not a member of ours at all.
    expect(
      (await call(measurePage.loader, { request: request(`/w/${s.ws.slug}/measures/${id}`, { user: intruder }), params: { slug: s.ws.slug, measureId: id } }))
        .status,
    ).toBe(404);
    const [row] = await measuresOf(s.ws.id);
    expect(row).toMatchObject({ name: 'NPS', archivedAt: null, version: 1 });
    expect(await measuresOf(theirs.id)).toHaveLength(0);
    // A malformed id is a 404, not a database error.
    expect(
      (await call(measurePage.loader, { request: request(`/w/${s.ws.slug}/measures/nope`, { user: s.owner }), params: { slug: s.ws.slug, measureId: 'nope' } }))
        .status,
    ).toBe(404);
  });
});
