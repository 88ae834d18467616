import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database, db, queryCounter } from '../../db/client';
import { activity, card, emotionPoint, journeyMap, kpi, kpiValue, lane, measure, stage } from '../../db/schema';
import * as editorRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as exportRoute from '~/routes/w.$slug.maps.$mapId.export';
import * as listRoute from '~/routes/w.$slug.maps._index/route';
import { listMapKpis } from '~/server/kpis.server';
import { lockMap } from '~/server/map-positions.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { name: 'Acme Telecom' });
  const editor = await makeUser();
  await addMember(ws.id, editor, 'editor');
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const stranger = await makeUser();
  const otherWs = await makeWorkspace(stranger, { name: 'Other' });
  return { owner, ws, editor, viewer, stranger, otherWs };
}

async function createMap(user: TestUser, ws: Ws, form: Record<string, string> = {}) {
  const res = await call(listRoute.action, {
    request: request(`/w/${ws.slug}/maps`, { user, form: { intent: 'create', name: 'Parcours test', state: 'current', ...form } }),
    params: { slug: ws.slug },
  });
  expect(res.status).toBe(302);
  return res.headers.get('Location')!.split('/').pop()!;
}

const act = (user: TestUser, ws: Ws, mapId: string, form: Record<string, string | number | undefined>) =>
  call(editorRoute.action, { request: request(`/w/${ws.slug}/maps/${mapId}`, { user, form }), params: { slug: ws.slug, mapId } });
const load = (user: TestUser, ws: Ws, mapId: string) =>
  call(editorRoute.loader, { request: request(`/w/${ws.slug}/maps/${mapId}`, { user }), params: { slug: ws.slug, mapId } });

async function cellOrder(laneId: string, stageId: string) {
  const rows = await db
    .select({ id: card.id, title: card.title, position: card.position })
    .from(card)
    .where(and(eq(card.laneId, laneId), eq(card.stageId, stageId)))
    .orderBy(asc(card.position));
  return rows;
}

function expectClean(positions: number[]) {
  expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, i) => i));
}

describe('maps list', () => {
  it('creates a map from a template in the workspace language, with stages, lanes of several kinds and cards', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription', name: 'Abonnement' });
    const res = await load(owner, ws, mapId);
    expect(res.status).toBe(200);
    expect(res.data.map.name).toBe('Abonnement');
    expect(res.data.stages.map((s: { name: string }) => s.name)).toEqual(['Discover', 'Compare offers', 'Subscribe', 'Activate', 'First month']);
    expect(new Set(res.data.lanes.map((l: { kind: string }) => l.kind))).toEqual(new Set(['touchpoints', 'actions', 'emotions', 'pain_points', 'kpi']));
    expect(res.data.cards.length).toBeGreaterThan(3);
    expect(res.data.emotions).toHaveLength(5);
    const log = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.entityId, mapId)));
    expect(log.map((l) => l.action)).toContain('created');
  });

  it('refuses a blank name with 400 and writes nothing; a viewer cannot create (403)', async () => {
    const { owner, viewer, ws } = await setup();
    const bad = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/maps`, { user: owner, form: { intent: 'create', name: '  ', state: 'current' } }),
      params: { slug: ws.slug },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.name).toEqual(['field.required']);
    const badTemplate = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/maps`, { user: owner, form: { intent: 'create', name: 'x', template: 'nope' } }),
      params: { slug: ws.slug },
    });
    expect(badTemplate.status).toBe(400);
    const denied = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/maps`, { user: viewer, form: { intent: 'create', name: 'x' } }),
      params: { slug: ws.slug },
    });
    expect(denied.status).toBe(403);
    expect(await db.select().from(journeyMap).where(eq(journeyMap.workspaceId, ws.id))).toHaveLength(0);
  });

  it('edits settings with a version check, archives, restores, deletes; another workspace’s map answers 404', async () => {
    const { owner, editor, ws, stranger, otherWs } = await setup();
    const mapId = await createMap(owner, ws);
    const post = (user: TestUser, w: Ws, form: Record<string, string>) =>
      call(listRoute.action, { request: request(`/w/${w.slug}/maps`, { user, form }), params: { slug: w.slug } });
    const ok = await post(editor, ws, { intent: 'updateMap', mapId, version: '1', name: 'Renommée', description: 'd', state: 'future' });
    expect(ok.status).toBe(200);
    const stale = await post(owner, ws, { intent: 'updateMap', mapId, version: '1', name: 'Autre', state: 'current' });
    expect(stale.status).toBe(409);
    expect(stale.data.current).toMatchObject({ name: 'Renommée', state: 'future', version: 2 });
    expect((await post(owner, ws, { intent: 'archive', mapId })).status).toBe(200);
    const archived = await call(listRoute.loader, { request: request(`/w/${ws.slug}/maps?archived=1`, { user: owner }), params: { slug: ws.slug } });
    expect(archived.data.maps.map((m: { id: string }) => m.id)).toEqual([mapId]);
    expect((await post(owner, ws, { intent: 'restore', mapId })).status).toBe(200);
    // The stranger is owner of their own workspace: our map id there is 404 and nothing changes.
    for (const intent of ['archive', 'delete', 'duplicate']) {
      expect((await post(stranger, otherWs, { intent, mapId })).status).toBe(404);
    }
    expect((await post(stranger, ws, { intent: 'delete', mapId })).status).toBe(404);
    expect(await db.select().from(journeyMap).where(eq(journeyMap.id, mapId))).toHaveLength(1);
    expect((await post(owner, ws, { intent: 'delete', mapId })).status).toBe(200);
    expect(await db.select().from(journeyMap).where(eq(journeyMap.id, mapId))).toHaveLength(0);
  });
});

describe('map editor', () => {
  it('lets viewers read but not write, answers 404 across workspaces and for a malformed id', async () => {
    const { owner, viewer, ws, stranger, otherWs } = await setup();
    const mapId = await createMap(owner, ws, { template: 'ecommerce' });
    expect((await load(viewer, ws, mapId)).status).toBe(200);
    const denied = await act(viewer, ws, mapId, { intent: 'addStage', name: 'Nope' });
    expect(denied.status).toBe(403);
    expect((await load(stranger, otherWs, mapId)).status).toBe(404);
    expect((await load(stranger, ws, mapId)).status).toBe(404);
    expect((await act(stranger, otherWs, mapId, { intent: 'addStage', name: 'Nope' })).status).toBe(404);
    expect((await load(owner, ws, 'not-a-uuid')).status).toBe(404);
    expect((await act(owner, ws, 'not-a-uuid', { intent: 'addStage', name: 'x' })).status).toBe(404);
    const stages = await db.select().from(stage).where(eq(stage.mapId, mapId));
    expect(stages.map((s) => s.name)).not.toContain('Nope');
    // Ids of another workspace's items inside our map's URL are 404 too.
    const otherMap = await createMap(stranger, otherWs, { template: 'ecommerce' });
    const [foreignCard] = await db.select().from(card).where(eq(card.mapId, otherMap));
    const [ourStage] = await db.select().from(stage).where(eq(stage.mapId, mapId));
    const res = await act(owner, ws, mapId, { intent: 'moveCard', id: foreignCard!.id, toStageId: ourStage!.id, toIndex: 0 });
    expect(res.status).toBe(404);
    expect(res.data).toMatchObject({ status: 'gone', message: 'maps.gone' });
    const del = await act(owner, ws, mapId, { intent: 'deleteCard', id: foreignCard!.id });
    expect(del.status).toBe(404);
    expect(await db.select().from(card).where(eq(card.id, foreignCard!.id))).toHaveLength(1);
  });

  it('adds, edits and deletes stages, lanes and cards; a stale edit is refused with the current row; different rows both land', async () => {
    const { owner, editor, ws } = await setup();
    const mapId = await createMap(owner, ws);
    expect((await act(editor, ws, mapId, { intent: 'addStage', name: 'Découverte', phase: 'Avant' })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'addStage', name: 'Achat' })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'addLane', kind: 'touchpoints', name: 'Points de contact' })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'addLane', kind: 'kpi', name: 'KPI' })).status).toBe(200);
    let data = (await load(owner, ws, mapId)).data;
    const [s1, s2] = data.stages;
    const [tp, kpiLane] = data.lanes;
    expect(s1).toMatchObject({ name: 'Découverte', phase: 'Avant', position: 0 });
    expect(s2).toMatchObject({ name: 'Achat', phase: null, position: 1 });
    const add = await act(editor, ws, mapId, { intent: 'addCard', laneId: tp.id, stageId: s1.id, title: 'Site web', channel: 'web', system: 'CMS' });
    expect(add.status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'addCard', laneId: tp.id, stageId: s1.id, title: 'Boutique', channel: 'store' })).status).toBe(200);
    // A KPI row holds no cards.
    const wrongLane = await act(editor, ws, mapId, { intent: 'addCard', laneId: kpiLane.id, stageId: s1.id, title: 'x' });
    expect(wrongLane.status).toBe(400);
    data = (await load(owner, ws, mapId)).data;
    const [c1, c2] = data.cards;
    expect(c1).toMatchObject({ title: 'Site web', channel: 'web', system: 'CMS', position: 0 });
    expect(c2).toMatchObject({ title: 'Boutique', position: 1 });

    // Two people edit two different cards from the same version: both land.
    expect((await act(owner, ws, mapId, { intent: 'updateCard', cardId: c1.id, version: 1, title: 'Site web v2', channel: 'web' })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'updateCard', cardId: c2.id, version: 1, title: 'Boutique v2', channel: 'store' })).status).toBe(200);
    // The second edit of the same card from version 1 is refused with the current card.
    const stale = await act(editor, ws, mapId, { intent: 'updateCard', cardId: c1.id, version: 1, title: 'Écrasé ?' });
    expect(stale.status).toBe(409);
    expect(stale.data.current).toMatchObject({ id: c1.id, title: 'Site web v2', version: 2 });
    const staleStage = await act(editor, ws, mapId, { intent: 'updateStage', stageId: s1.id, version: 7, name: 'X' });
    expect(staleStage.status).toBe(409);
    expect(staleStage.data.current).toMatchObject({ name: 'Découverte' });
    expect((await act(editor, ws, mapId, { intent: 'updateStage', stageId: s1.id, version: 1, name: 'Découvrir', phase: '' })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'updateLane', laneId: tp.id, version: 1, name: 'Canaux' })).status).toBe(200);
    const staleLane = await act(owner, ws, mapId, { intent: 'updateLane', laneId: tp.id, version: 1, name: 'Autre' });
    expect(staleLane.status).toBe(409);
    data = (await load(owner, ws, mapId)).data;
    expect(data.stages[0]).toMatchObject({ name: 'Découvrir', phase: null, version: 2 });
    expect(data.lanes[0]).toMatchObject({ name: 'Canaux' });
    expect(data.cards.map((c: { title: string }) => c.title)).toEqual(['Site web v2', 'Boutique v2']);

    // Deleting a card closes the gap in its cell; deleting a stage removes what it holds.
    expect((await act(editor, ws, mapId, { intent: 'deleteCard', id: c1.id })).status).toBe(200);
    expect((await cellOrder(tp.id, s1.id)).map((c) => c.position)).toEqual([0]);
    expect((await act(editor, ws, mapId, { intent: 'deleteStage', id: s1.id })).status).toBe(200);
    data = (await load(owner, ws, mapId)).data;
    expect(data.stages).toHaveLength(1);
    expect(data.stages[0]).toMatchObject({ name: 'Achat', position: 0 });
    expect(data.cards).toHaveLength(0);
    expect((await act(editor, ws, mapId, { intent: 'deleteLane', id: kpiLane.id })).status).toBe(200);
    expect((await act(editor, ws, mapId, { intent: 'deleteLane', id: kpiLane.id })).status).toBe(404);
  });

  it('duplicates a card right after it in its cell, for editors only and only in this workspace', async () => {
    const { owner, editor, viewer, ws, stranger, otherWs } = await setup();
    const mapId = await createMap(owner, ws);
    await act(editor, ws, mapId, { intent: 'addStage', name: 'Découverte' });
    await act(editor, ws, mapId, { intent: 'addLane', kind: 'touchpoints', name: 'Points de contact' });
    let data = (await load(owner, ws, mapId)).data;
    const [s1] = data.stages;
    const [tp] = data.lanes;
    for (const title of ['Site web', 'Boutique', 'Appel']) {
      await act(editor, ws, mapId, { intent: 'addCard', laneId: tp.id, stageId: s1.id, title, channel: 'web', system: 'CMS', description: 'Texte' });
    }
    data = (await load(owner, ws, mapId)).data;
    const boutique = data.cards.find((c: { title: string }) => c.title === 'Boutique');
    expect((await act(viewer, ws, mapId, { intent: 'duplicateCard', id: boutique.id })).status).toBe(403);
    expect((await act(stranger, otherWs, mapId, { intent: 'duplicateCard', id: boutique.id })).status).toBe(404);
    expect((await act(editor, ws, mapId, { intent: 'duplicateCard', id: 'nope' })).status).toBe(400);
    expect((await cellOrder(tp.id, s1.id)).map((c) => c.title)).toEqual(['Site web', 'Boutique', 'Appel']);

    expect((await act(editor, ws, mapId, { intent: 'duplicateCard', id: boutique.id })).status).toBe(200);
    const cell = await cellOrder(tp.id, s1.id);
    expect(cell.map((c) => c.title)).toEqual(['Site web', 'Boutique', 'Boutique', 'Appel']);
    expectClean(cell.map((c) => c.position));
    const [copy] = await db.select().from(card).where(eq(card.id, cell[2]!.id));
    expect(copy).toMatchObject({ description: 'Texte', channel: 'web', system: 'CMS', version: 1 });
    expect(copy!.id).not.toBe(boutique.id);
  });

  it('duplicates a stage or a lane right after it with its cards and emotion scores, not its KPIs, in one transaction', async () => {
    const { owner, editor, viewer, ws, stranger, otherWs } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription' });
    const before = (await load(owner, ws, mapId)).data;
    const [s1, s2] = before.stages;
    const tp = before.lanes.find((l: { kind: string }) => l.kind === 'touchpoints');
    const cardsIn = (rows: { stageId: string; laneId: string; title: string; position: number }[], pick: (c: { stageId: string; laneId: string }) => boolean) =>
      rows
        .filter(pick)
        .sort((a, b) => a.laneId.localeCompare(b.laneId) || a.position - b.position)
        .map((c) => `${c.laneId}:${c.title}`);
    const allCards = () => db.select().from(card).where(eq(card.mapId, mapId));
    const allEmotions = () => db.select().from(emotionPoint).where(eq(emotionPoint.mapId, mapId));
    const kpisBefore = (await db.select().from(kpi).where(eq(kpi.mapId, mapId))).length;

    expect((await act(viewer, ws, mapId, { intent: 'duplicateStage', id: s1.id })).status).toBe(403);
    expect((await act(stranger, otherWs, mapId, { intent: 'duplicateStage', id: s1.id })).status).toBe(404);
    expect((await act(editor, ws, mapId, { intent: 'duplicateLane', id: s1.id })).status).toBe(404);
    expect((await db.select().from(stage).where(eq(stage.mapId, mapId))).length).toBe(before.stages.length);

    expect((await act(editor, ws, mapId, { intent: 'duplicateStage', id: s1.id })).status).toBe(200);
    const stages = await db.select().from(stage).where(eq(stage.mapId, mapId)).orderBy(asc(stage.position));
    expect(stages.map((s) => s.id).indexOf(s1.id)).toBe(0);
    const copy = stages[1]!;
    expect(copy).toMatchObject({ name: s1.name, phase: s1.phase, description: s1.description });
    expect(stages[2]!.id).toBe(s2.id);
    expectClean(stages.map((s) => s.position));
    const cards = await allCards();
    const inCopy = cardsIn(cards, (c) => c.stageId === copy.id);
    expect(inCopy.length).toBeGreaterThan(0);
    expect(inCopy).toEqual(cardsIn(cards, (c) => c.stageId === s1.id));
    const emotions = await allEmotions();
    expect(emotions.filter((e) => e.stageId === copy.id).map((e) => e.score)).toEqual(emotions.filter((e) => e.stageId === s1.id).map((e) => e.score));
    expect((await db.select().from(kpi).where(eq(kpi.mapId, mapId))).length).toBe(kpisBefore);

    expect((await act(editor, ws, mapId, { intent: 'duplicateLane', id: tp.id })).status).toBe(200);
    const lanes = await db.select().from(lane).where(eq(lane.mapId, mapId)).orderBy(asc(lane.position));
    const at = lanes.findIndex((l) => l.id === tp.id);
    const laneCopy = lanes[at + 1]!;
    expect(laneCopy).toMatchObject({ kind: 'touchpoints', name: tp.name });
    expectClean(lanes.map((l) => l.position));
    const after = await allCards();
    const titles = (laneId: string) =>
      after
        .filter((c) => c.laneId === laneId)
        .sort((a, b) => a.stageId.localeCompare(b.stageId) || a.position - b.position)
        .map((c) => `${c.stageId}:${c.title}:${c.channel}`);
    expect(titles(laneCopy.id)).toEqual(titles(tp.id));
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription' });
    const before = (await load(owner, ws, mapId)).data;
    const tp = before.lanes.find((l: { kind: string }) => l.kind === 'touchpoints');
    const emo = before.lanes.find((l: { kind: string }) => l.kind === 'emotions');
    const s = before.stages[0];
    const c = before.cards[0];
    const cases: Record<string, string | number>[] = [
      { intent: 'addStage', name: '' },
      { intent: 'addStage', name: 'x'.repeat(200) },
      { intent: 'addLane', kind: 'nope', name: 'x' },
      { intent: 'addCard', laneId: tp.id, stageId: s.id, title: '' },
      { intent: 'addCard', laneId: tp.id, stageId: s.id, title: 'ok', channel: 'pigeon' },
      { intent: 'addCard', laneId: 'bad', stageId: s.id, title: 'ok' },
      { intent: 'updateCard', cardId: c.id, version: 'abc', title: 'ok' },
      { intent: 'moveCard', id: c.id, toStageId: s.id, toIndex: -1 },
      { intent: 'moveCard', id: c.id, toStageId: 'zzz', toIndex: 0 },
      { intent: 'moveStage', id: s.id, toIndex: 'first' },
      { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 5 },
      { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 1.5 },
    ];
    for (const form of cases) {
      const res = await act(owner, ws, mapId, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
    }
    expect((await act(owner, ws, mapId, { intent: 'explode' })).status).toBe(400);
    const after = (await load(owner, ws, mapId)).data;
    expect(after.stages).toEqual(before.stages);
    expect(after.cards).toEqual(before.cards);
    expect(after.emotions).toEqual(before.emotions);
  });

  it('answers a refused edit with its intent, its row and the error on its field, so the page shows it beside that row', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription' });
    const before = (await load(owner, ws, mapId)).data;
    const tp = before.lanes.find((l: { kind: string }) => l.kind === 'touchpoints');
    const [c1, c2] = before.cards;
    const s = before.stages[0];
    const blank = await act(owner, ws, mapId, { intent: 'updateCard', cardId: c2.id, version: c2.version, title: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.data).toMatchObject({ intent: 'updateCard', rowId: c2.id, status: 'invalid', result: { error: { title: ['field.required'] } } });
    expect(blank.data.rowId).not.toBe(c1.id);
    const long = await act(owner, ws, mapId, { intent: 'addCard', laneId: tp.id, stageId: s.id, title: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.data).toMatchObject({ intent: 'addCard', rowId: `${tp.id}:${s.id}`, status: 'invalid', result: { error: { title: ['field.tooLong'] } } });
    const stage = await act(owner, ws, mapId, { intent: 'updateStage', stageId: s.id, version: s.version, name: 'x'.repeat(121) });
    expect(stage.data).toMatchObject({ intent: 'updateStage', rowId: s.id, result: { error: { name: ['field.tooLong'] } } });
    expect((await load(owner, ws, mapId)).data.cards).toEqual(before.cards);
  });

  it('moves cards within a cell and to another stage, reorders stages and lanes, keeping clean positions', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws);
    for (const name of ['A', 'B', 'C']) await act(owner, ws, mapId, { intent: 'addStage', name });
    for (const name of ['L1', 'L2']) await act(owner, ws, mapId, { intent: 'addLane', kind: 'actions', name });
    let data = (await load(owner, ws, mapId)).data;
    const [a, b, c] = data.stages;
    const [l1, l2] = data.lanes;
    for (const title of ['1', '2', '3']) await act(owner, ws, mapId, { intent: 'addCard', laneId: l1.id, stageId: a.id, title });
    await act(owner, ws, mapId, { intent: 'addCard', laneId: l1.id, stageId: b.id, title: 'b1' });
    data = (await load(owner, ws, mapId)).data;
    const id = (title: string) => data.cards.find((x: { title: string }) => x.title === title).id;

    // Within the cell: 3 goes first.
    expect((await act(owner, ws, mapId, { intent: 'moveCard', id: id('3'), toStageId: a.id, toIndex: 0 })).status).toBe(200);
    expect((await cellOrder(l1.id, a.id)).map((x) => x.title)).toEqual(['3', '1', '2']);
    // Across stages: 1 goes before b1.
    expect((await act(owner, ws, mapId, { intent: 'moveCard', id: id('1'), toStageId: b.id, toIndex: 0 })).status).toBe(200);
    expect((await cellOrder(l1.id, a.id)).map((x) => [x.title, x.position])).toEqual([
      ['3', 0],
      ['2', 1],
    ]);
    expect((await cellOrder(l1.id, b.id)).map((x) => [x.title, x.position])).toEqual([
      ['1', 0],
      ['b1', 1],
    ]);
    // An index past the end appends.
    expect((await act(owner, ws, mapId, { intent: 'moveCard', id: id('2'), toStageId: c.id, toIndex: 9999 })).status).toBe(200);
    expect((await cellOrder(l1.id, c.id)).map((x) => [x.title, x.position])).toEqual([['2', 0]]);

    expect((await act(owner, ws, mapId, { intent: 'moveStage', id: c.id, toIndex: 0 })).status).toBe(200);
    expect((await act(owner, ws, mapId, { intent: 'moveLane', id: l2.id, toIndex: 0 })).status).toBe(200);
    data = (await load(owner, ws, mapId)).data;
    expect(data.stages.map((s: { name: string; position: number }) => [s.name, s.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    expect(data.lanes.map((l: { name: string }) => l.name)).toEqual(['L2', 'L1']);

    // A card deleted meanwhile: the move answers 404 with a message.
    const gone = id('b1');
    await act(owner, ws, mapId, { intent: 'deleteCard', id: gone });
    const res = await act(owner, ws, mapId, { intent: 'moveCard', id: gone, toStageId: a.id, toIndex: 0 });
    expect(res.status).toBe(404);
    expect(res.data).toMatchObject({ status: 'gone', message: 'maps.gone' });
    const moves = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, ws.id), eq(activity.action, 'moved')));
    expect(moves.length).toBe(5);
  });

  it('a move sent again (after a reload cut its answer short) is a success that changes and logs nothing', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws);
    for (const name of ['A', 'B']) await act(owner, ws, mapId, { intent: 'addStage', name });
    await act(owner, ws, mapId, { intent: 'addLane', kind: 'actions', name: 'L' });
    let data = (await load(owner, ws, mapId)).data;
    const [a, b] = data.stages as { id: string }[];
    const laneId = data.lanes[0].id;
    for (const title of ['1', '2']) await act(owner, ws, mapId, { intent: 'addCard', laneId, stageId: a!.id, title });
    await act(owner, ws, mapId, { intent: 'addCard', laneId, stageId: b!.id, title: 'b1' });
    data = (await load(owner, ws, mapId)).data;
    const id = (title: string) => data.cards.find((x: { title: string }) => x.title === title).id;
    const moved = async () =>
      (
        await db
          .select()
          .from(activity)
          .where(and(eq(activity.workspaceId, ws.id), eq(activity.action, 'moved')))
      ).length;

    // The move menu's "to the next stage" (index 9999), then the same move again.
    const move = { intent: 'moveCard', id: id('1'), toStageId: b!.id, toIndex: 9999 };
    expect((await act(owner, ws, mapId, move)).status).toBe(200);
    const after = { a: await cellOrder(laneId, a!.id), b: await cellOrder(laneId, b!.id) };
    expect(after.b.map((x) => x.title)).toEqual(['b1', '1']);
    const again = await act(owner, ws, mapId, move);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ intent: 'moveCard', status: 'done' });
    expect({ a: await cellOrder(laneId, a!.id), b: await cellOrder(laneId, b!.id) }).toEqual(after);
    expect(await moved()).toBe(1);
    // Same for a reorder inside a cell and for a stage.
    expect((await act(owner, ws, mapId, { intent: 'moveCard', id: id('b1'), toStageId: b!.id, toIndex: 1 })).status).toBe(200);
    expect((await act(owner, ws, mapId, { intent: 'moveCard', id: id('b1'), toStageId: b!.id, toIndex: 1 })).status).toBe(200);
    expect((await cellOrder(laneId, b!.id)).map((x) => [x.title, x.position])).toEqual([
      ['1', 0],
      ['b1', 1],
    ]);
    expect((await act(owner, ws, mapId, { intent: 'moveStage', id: b!.id, toIndex: 0 })).status).toBe(200);
    expect((await act(owner, ws, mapId, { intent: 'moveStage', id: b!.id, toIndex: 0 })).status).toBe(200);
    expect((await load(owner, ws, mapId)).data.stages.map((s: { id: string }) => s.id)).toEqual([b!.id, a!.id]);
    expect(await moved()).toBe(3);
  });

  it('keeps every cell a clean 0..n-1 sequence under 20 concurrent moves', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws);
    for (const name of ['A', 'B', 'C']) await act(owner, ws, mapId, { intent: 'addStage', name });
    await act(owner, ws, mapId, { intent: 'addLane', kind: 'actions', name: 'L' });
    let data = (await load(owner, ws, mapId)).data;
    const stages = data.stages as { id: string }[];
    const laneId = data.lanes[0].id;
    for (let i = 0; i < 12; i++) await act(owner, ws, mapId, { intent: 'addCard', laneId, stageId: stages[i % 3]!.id, title: `c${i}` });
    data = (await load(owner, ws, mapId)).data;
    const cards = data.cards as { id: string }[];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        act(owner, ws, mapId, { intent: 'moveCard', id: cards[(i * 5) % cards.length]!.id, toStageId: stages[(i * 7) % 3]!.id, toIndex: (i * 3) % 5 }),
      ).concat(Array.from({ length: 4 }, (_, i) => act(owner, ws, mapId, { intent: 'moveStage', id: stages[i % 3]!.id, toIndex: (i + 1) % 3 }))),
    );
    let total = 0;
    for (const s of stages) {
      const cell = await cellOrder(laneId, s.id);
      total += cell.length;
      expectClean(cell.map((c) => c.position));
    }
    expect(total).toBe(12);
    const stagePositions = (await db.select().from(stage).where(eq(stage.mapId, mapId))).map((s) => s.position);
    expectClean(stagePositions);
  });

  // The test above passes on PGlite whether or not the map lock exists: PGlite is one connection
  // and runs one transaction at a time. This one says what each database guarantees, and runs on both.
  it('a move waits while another transaction holds the map lock, then leaves 0..n-1 (PostgreSQL: per map; PGlite: every transaction waits)', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws);
    const otherMapId = await createMap(owner, ws, { name: 'Autre parcours' });
    for (const id of [mapId, otherMapId]) {
      for (const name of ['A', 'B']) await act(owner, ws, id, { intent: 'addStage', name });
      await act(owner, ws, id, { intent: 'addLane', kind: 'actions', name: 'L' });
    }
    const data = (await load(owner, ws, mapId)).data;
    const [a, b] = data.stages as { id: string }[];
    const laneId = data.lanes[0].id as string;
    for (let i = 0; i < 4; i++) await act(owner, ws, mapId, { intent: 'addCard', laneId, stageId: a!.id, title: `c${i}` });
    const other = (await load(owner, ws, otherMapId)).data;
    const cards = await cellOrder(laneId, a!.id);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.transaction(async (tx) => {
      expect(await lockMap(tx, ws.id, mapId)).not.toBeNull();
      holding();
      await released;
    });
    await held;
    const settled: string[] = [];
    const move = act(owner, ws, mapId, { intent: 'moveCard', id: cards[3]!.id, toStageId: b!.id, toIndex: 0 }).finally(() => settled.push('move'));
    const elsewhere = act(owner, ws, otherMapId, { intent: 'addCard', laneId: other.lanes[0].id, stageId: other.stages[0].id, title: 'ailleurs' }).finally(() =>
      settled.push('elsewhere'),
    );
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    if (database().kind === 'postgres') {
      // A row lock on this map: another map's change goes through meanwhile.
      expect((await Promise.race([elsewhere, sleep(5_000).then(() => ({ status: 'still waiting' }))])).status).toBe(200);
      await sleep(300);
      expect(settled).toEqual(['elsewhere']);
      expect((await cellOrder(laneId, a!.id)).map((c) => c.title)).toEqual(['c0', 'c1', 'c2', 'c3']);
    } else {
      // PGlite: the open transaction holds its one connection, so nothing else runs until it ends
      // (not even a read from this test).
      await sleep(300);
      expect(settled).toEqual([]);
    }
    release();
    await holder;
    expect((await move).status).toBe(200);
    expect((await elsewhere).status).toBe(200);
    expect(settled).toContain('move');
    const left = await cellOrder(laneId, a!.id);
    expect(left.map((c) => [c.title, c.position])).toEqual([
      ['c0', 0],
      ['c1', 1],
      ['c2', 2],
    ]);
    expect((await cellOrder(laneId, b!.id)).map((c) => [c.title, c.position])).toEqual([['c3', 0]]);
  });

  it('sets emotion scores with a version check', async () => {
    const { owner, editor, ws } = await setup();
    const mapId = await createMap(owner, ws);
    await act(owner, ws, mapId, { intent: 'addStage', name: 'A' });
    await act(owner, ws, mapId, { intent: 'addLane', kind: 'emotions', name: 'Émotions' });
    await act(owner, ws, mapId, { intent: 'addLane', kind: 'actions', name: 'Actions' });
    const data = (await load(owner, ws, mapId)).data;
    const [emo, actions] = data.lanes;
    const s = data.stages[0];
    expect((await act(owner, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: -2 })).status).toBe(200);
    // A second "first" score for the same cell is a conflict, not a duplicate.
    const dup = await act(editor, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 1 });
    expect(dup.status).toBe(409);
    expect(dup.data.current).toMatchObject({ score: -2, version: 1 });
    expect((await act(editor, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 2, version: 1 })).status).toBe(200);
    expect((await act(owner, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 0, version: 1 })).status).toBe(409);
    expect((await act(owner, ws, mapId, { intent: 'setEmotion', laneId: actions.id, stageId: s.id, score: 0 })).status).toBe(400);
    const points = await db.select().from(emotionPoint).where(eq(emotionPoint.mapId, mapId));
    expect(points.map((p) => [p.score, p.version])).toEqual([[2, 2]]);
  });

  it('clears an emotion score ("No score") at the version seen; an older version is refused', async () => {
    const { owner, editor, ws } = await setup();
    const mapId = await createMap(owner, ws);
    await act(owner, ws, mapId, { intent: 'addStage', name: 'A' });
    await act(owner, ws, mapId, { intent: 'addLane', kind: 'emotions', name: 'Émotions' });
    const data = (await load(owner, ws, mapId)).data;
    const [emo] = data.lanes;
    const s = data.stages[0];
    await act(owner, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: -1 });
    await act(editor, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: 1, version: 1 });
    // Cleared by someone who saw version 1: refused with the current score.
    const stale = await act(owner, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: '', version: 1 });
    expect(stale.status).toBe(409);
    expect(await db.select().from(emotionPoint).where(eq(emotionPoint.mapId, mapId))).toHaveLength(1);
    const cleared = await act(owner, ws, mapId, { intent: 'setEmotion', laneId: emo.id, stageId: s.id, score: '', version: 2 });
    expect(cleared.status).toBe(200);
    expect(await db.select().from(emotionPoint).where(eq(emotionPoint.mapId, mapId))).toEqual([]);
    expect((await load(owner, ws, mapId)).data.emotions).toEqual([]);
  });

  it('reads a map in the same number of queries whatever its size', async () => {
    const { owner, ws } = await setup();
    const small = await createMap(owner, ws, { template: 'subscription' });
    const large = await createMap(owner, ws);
    for (let s = 0; s < 12; s++) await act(owner, ws, large, { intent: 'addStage', name: `S${s}` });
    for (const kind of ['touchpoints', 'actions', 'emotions', 'kpi']) await act(owner, ws, large, { intent: 'addLane', kind, name: kind });
    const data = (await load(owner, ws, large)).data;
    const cardRows = [];
    for (const l of data.lanes.filter((x: { kind: string }) => x.kind === 'touchpoints' || x.kind === 'actions')) {
      for (const s of data.stages)
        for (let i = 0; i < 5; i++) cardRows.push({ workspaceId: ws.id, mapId: large, laneId: l.id, stageId: s.id, title: `c${i}`, position: i });
    }
    await db.insert(card).values(cardRows);
    const emo = data.lanes.find((x: { kind: string }) => x.kind === 'emotions');
    await db
      .insert(emotionPoint)
      .values(data.stages.map((s: { id: string }) => ({ workspaceId: ws.id, mapId: large, laneId: emo.id, stageId: s.id, score: 1 })));
    // Both maps carry KPIs with values so every query runs for both.
    const [m] = await db.insert(measure).values({ workspaceId: ws.id, name: 'NPS', unit: 'pts' }).returning();
    for (const mapId of [small, large]) {
      const d = (await load(owner, ws, mapId)).data;
      const kl = d.lanes.find((x: { kind: string }) => x.kind === 'kpi');
      const rows = d.stages.map((s: { id: string }) => ({ workspaceId: ws.id, mapId, laneId: kl.id, stageId: s.id, measureId: m!.id, position: 0 }));
      const kpis = await db.insert(kpi).values(rows).returning();
      await db.insert(kpiValue).values(kpis.map((k) => ({ workspaceId: ws.id, kpiId: k.id, date: '2026-01-01', value: '30' })));
    }
    const count = async (mapId: string) => {
      const start = queryCounter.count;
      const res = await load(owner, ws, mapId);
      expect(res.status).toBe(200);
      return { queries: queryCounter.count - start, cards: res.data.cards.length };
    };
    await count(small); // warm-up: the session may be touched once
    const a = await count(small);
    const b = await count(large);
    expect(b.cards).toBeGreaterThanOrEqual(120);
    expect(a.cards).toBeLessThan(20);
    expect(b.queries).toBe(a.queries);
  });
});

describe('the stages a large map sends', () => {
  const loadAt = (user: TestUser, ws: Ws, mapId: string, search: string) =>
    call(editorRoute.loader, { request: request(`/w/${ws.slug}/maps/${mapId}${search}`, { user }), params: { slug: ws.slug, mapId } });

  /** 8 stages; 26 cards, 2 KPIs (10 values each) and an emotion score per stage: 224 items, over the whole-map limit. */
  async function bigMap(owner: TestUser, ws: Ws, cardsPerStage = 26) {
    const mapId = await createMap(owner, ws);
    for (let s = 0; s < 8; s++) await act(owner, ws, mapId, { intent: 'addStage', name: `S${s}` });
    for (const kind of ['touchpoints', 'actions', 'emotions', 'kpi']) await act(owner, ws, mapId, { intent: 'addLane', kind, name: kind });
    const d = (await load(owner, ws, mapId)).data;
    const lanes = d.lanes as { id: string; kind: string }[];
    const cardLanes = lanes.filter((l) => l.kind === 'touchpoints' || l.kind === 'actions');
    const rows = [];
    for (const [si, s] of (d.stages as { id: string }[]).entries()) {
      // Positions interleave stages and lanes, so the order of the cards sent is the map's order (position, id).
      for (let i = 0; i < cardsPerStage; i++)
        rows.push({ workspaceId: ws.id, mapId, laneId: cardLanes[i % 2]!.id, stageId: s.id, title: `s${si}c${i}`, position: (i * 7 + si) % 13 });
    }
    if (rows.length) await db.insert(card).values(rows);
    const emo = lanes.find((l) => l.kind === 'emotions')!;
    await db
      .insert(emotionPoint)
      .values(d.stages.map((s: { id: string }, i: number) => ({ workspaceId: ws.id, mapId, laneId: emo.id, stageId: s.id, score: (i % 5) - 2 })));
    const [m] = await db
      .insert(measure)
      .values({ workspaceId: ws.id, name: `NPS ${mapId}`, unit: 'pts', trend: 'up' })
      .returning();
    const kl = lanes.find((l) => l.kind === 'kpi')!;
    const kpis = await db
      .insert(kpi)
      .values(
        d.stages.flatMap((s: { id: string }, i: number) =>
          [0, 1].map((p) => ({ workspaceId: ws.id, mapId, laneId: kl.id, stageId: s.id, measureId: m!.id, position: p, targetValue: String(40 + i) })),
        ),
      )
      .returning();
    await db.insert(kpiValue).values(
      kpis.flatMap((k, i) =>
        Array.from({ length: 10 }, (_, j) => ({
          workspaceId: ws.id,
          kpiId: k.id,
          date: `2026-0${1 + (j % 9)}-${10 + Math.floor(j / 9)}`,
          value: String((i * 3 + j * 7) % 50),
        })),
      ),
    );
    return mapId;
  }

  /** What a window must hold, read straight from the tables: every card and KPI of its stages, in map order. */
  async function expected(ws: Ws, mapId: string, from: number, to: number) {
    const stages = await db.select().from(stage).where(eq(stage.mapId, mapId)).orderBy(asc(stage.position), asc(stage.id));
    const shown = new Set(stages.slice(from, to).map((s) => s.id));
    const cards = await db.select().from(card).where(eq(card.mapId, mapId)).orderBy(asc(card.position), asc(card.id));
    const kpis = await db.select().from(kpi).where(eq(kpi.mapId, mapId));
    const emotions = await db.select().from(emotionPoint).where(eq(emotionPoint.mapId, mapId));
    const holdings: { byStage: Record<string, Record<string, number>>; byLane: Record<string, Record<string, number>> } = { byStage: {}, byLane: {} };
    for (const [items, key] of [
      [cards, 'cards'],
      [kpis, 'kpis'],
      [emotions, 'emotions'],
    ] as const) {
      for (const item of items) {
        for (const [into, id] of [
          [holdings.byStage, item.stageId],
          [holdings.byLane, item.laneId],
        ] as const) {
          const h = (into[id] ??= { cards: 0, kpis: 0, emotions: 0 });
          h[key] = (h[key] ?? 0) + 1;
        }
      }
    }
    return {
      window: { from, to },
      cardIds: cards.filter((c) => shown.has(c.stageId)).map((c) => c.id),
      kpiIds: kpis.filter((k) => shown.has(k.stageId)).map((k) => k.id),
      holdings,
      emotions: emotions.length,
      stages: stages.length,
    };
  }

  it('sends the cards and KPIs of the asked stages only, counts of every stage and lane, and falls back to a window that exists', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner, { name: 'Windows' });
    const mapId = await bigMap(owner, ws);
    const allChips = new Map((await listMapKpis(ws.id, mapId)).map((k) => [k.id, k]));
    for (const [search, from, to] of [
      ['', 0, 5],
      ['?from=3&to=8', 3, 8],
      ['?from=7&to=9', 7, 8],
      ['?from=20&to=22', 7, 8],
      ['?from=5&to=2', 0, 5],
      ['?from=x', 0, 5],
      ['?from=2', 2, 7],
    ] as const) {
      const res = await loadAt(owner, ws, mapId, search);
      expect(res.status).toBe(200);
      const want = await expected(ws, mapId, from, to);
      expect(res.data.window, search).toEqual(want.window);
      expect(res.data.stages, search).toHaveLength(want.stages);
      expect(
        res.data.cards.map((c: { id: string }) => c.id),
        search,
      ).toEqual(want.cardIds);
      expect(res.data.kpis.map((k: { id: string }) => k.id).sort(), search).toEqual([...want.kpiIds].sort());
      // Each KPI sent carries the same chip (current value, status, sparkline of its newest values) as the map's full list.
      for (const k of res.data.kpis) expect(k, search).toEqual(allChips.get(k.id));
      expect(res.data.holdings, search).toEqual(want.holdings);
      expect(res.data.emotions, search).toHaveLength(want.emotions);
    }
  });

  it('sends a small map whole, whatever stages are asked', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner, { name: 'Small windows' });
    const mapId = await bigMap(owner, ws, 3);
    for (const search of ['', '?from=3&to=5', '?from=20&to=22']) {
      const res = await loadAt(owner, ws, mapId, search);
      const want = await expected(ws, mapId, 0, 8);
      expect(res.data.window, search).toEqual(want.window);
      expect(
        res.data.cards.map((c: { id: string }) => c.id),
        search,
      ).toEqual(want.cardIds);
      expect(res.data.kpis, search).toHaveLength(16);
      expect(res.data.holdings, search).toEqual(want.holdings);
    }
  });

  it('a viewer and an editor get the same window; another workspace gets 404', async () => {
    const { owner, ws, viewer, editor, stranger, otherWs } = await setup();
    const mapId = await bigMap(owner, ws);
    const asOwner = (await loadAt(owner, ws, mapId, '?from=2&to=6')).data;
    expect((await loadAt(viewer, ws, mapId, '?from=2&to=6')).data).toEqual(asOwner);
    expect((await loadAt(editor, ws, mapId, '?from=2&to=6')).data).toEqual(asOwner);
    expect((await loadAt(stranger, otherWs, mapId, '?from=2&to=6')).status).toBe(404);
  });
});

describe('export, import, duplicate', () => {
  async function richMap(owner: TestUser, ws: Ws) {
    const mapId = await createMap(owner, ws, { template: 'b2b_onboarding', name: 'Onboarding' });
    const d = (await load(owner, ws, mapId)).data;
    const kl = d.lanes.find((x: { kind: string }) => x.kind === 'kpi');
    const [nps] = await db
      .insert(measure)
      .values({ workspaceId: ws.id, name: 'NPS', unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10' })
      .returning();
    const [aht] = await db.insert(measure).values({ workspaceId: ws.id, name: 'Durée moyenne de traitement', unit: 'seconds', trend: 'down' }).returning();
    const kpis = await db
      .insert(kpi)
      .values([
        {
          workspaceId: ws.id,
          mapId,
          laneId: kl.id,
          stageId: d.stages[1].id,
          measureId: nps!.id,
          position: 0,
          targetValue: '42',
          baselineValue: '30',
          baselineDate: '2025-01-01',
          note: 'après lancement',
        },
        { workspaceId: ws.id, mapId, laneId: kl.id, stageId: d.stages[1].id, measureId: aht!.id, position: 1, targetValue: '360.5' },
      ])
      .returning();
    await db.insert(kpiValue).values([
      { workspaceId: ws.id, kpiId: kpis[0]!.id, date: '2025-06-01', value: '31' },
      { workspaceId: ws.id, kpiId: kpis[0]!.id, date: '2025-12-01', value: '32.25' },
    ]);
    return mapId;
  }

  function comparable(doc: Record<string, unknown>) {
    const { exportedAt: _ignored, ...rest } = doc;
    return rest;
  }

  it('an export imported into another workspace gives an identical map, measures matched by name or created', async () => {
    const { owner, ws, stranger, otherWs, viewer } = await setup();
    const mapId = await richMap(owner, ws);
    const exported = await call(exportRoute.loader, {
      request: request(`/w/${ws.slug}/maps/${mapId}/export`, { user: viewer }),
      params: { slug: ws.slug, mapId },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('Content-Type')).toContain('application/json');
    const doc = exported.data;
    expect(doc.format).toBe('parcours.journey-map');
    expect(doc.kpis).toHaveLength(2);
    // The other workspace already has "nps" (other case): it is reused; the other measure is created.
    const [existing] = await db.insert(measure).values({ workspaceId: otherWs.id, name: 'nps', unit: 'pts' }).returning();
    const body = new FormData();
    body.set('intent', 'import');
    body.set('file', new File([JSON.stringify(doc)], 'map.json', { type: 'application/json' }));
    const imported = await call(listRoute.action, { request: request(`/w/${otherWs.slug}/maps`, { user: stranger, body }), params: { slug: otherWs.slug } });
    expect(imported.status).toBe(302);
    const newId = imported.headers.get('Location')!.split('/').pop()!;
    const again = await call(exportRoute.loader, {
      request: request(`/w/${otherWs.slug}/maps/${newId}/export`, { user: stranger }),
      params: { slug: otherWs.slug, mapId: newId },
    });
    const { measure: _m0, ...k0 } = again.data.kpis[0];
    expect(comparable({ ...again.data, kpis: again.data.kpis.map((k: { measure: { name: string } }) => k.measure.name.toLowerCase()) })).toEqual(
      comparable({ ...doc, kpis: doc.kpis.map((k: { measure: { name: string } }) => k.measure.name.toLowerCase()) }),
    );
    const { measure: _m1, ...k1 } = doc.kpis[0];
    expect(k0).toEqual(k1);
    expect(k0.values).toEqual([
      { date: '2025-06-01', value: '31', source: 'manual' },
      { date: '2025-12-01', value: '32.25', source: 'manual' },
    ]);
    const kpiRows = await db.select().from(kpi).where(eq(kpi.mapId, newId)).orderBy(asc(kpi.position));
    expect(kpiRows[0]!.measureId).toBe(existing!.id);
    const created = await db
      .select()
      .from(measure)
      .where(and(eq(measure.workspaceId, otherWs.id), eq(measure.name, 'Durée moyenne de traitement')));
    expect(created[0]).toMatchObject({ unit: 'seconds', trend: 'down' });
    // Cross-workspace export is 404.
    const foreign = await call(exportRoute.loader, {
      request: request(`/w/${otherWs.slug}/maps/${mapId}/export`, { user: stranger }),
      params: { slug: otherWs.slug, mapId },
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses a bad import with 400 and writes nothing', async () => {
    const { owner, ws } = await setup();
    const post = (text: string) => {
      const body = new FormData();
      body.set('intent', 'import');
      body.set('file', new File([text], 'map.json'));
      return call(listRoute.action, { request: request(`/w/${ws.slug}/maps`, { user: owner, body }), params: { slug: ws.slug } });
    };
    expect((await post('not json')).data.message).toBe('maps.import.notJson');
    expect((await post('{"format":"x"}')).data.message).toBe('maps.import.wrongFormat');
    expect((await post('{"format":"parcours.journey-map","version":9}')).data.message).toBe('maps.import.wrongVersion');
    const broken = {
      format: 'parcours.journey-map',
      version: 1,
      map: { name: 'x' },
      stages: [{ name: 'A' }],
      lanes: [{ kind: 'actions', name: 'L' }],
      cards: [{ lane: 0, stage: 4, title: 'c' }],
      emotions: [],
    };
    const res = await post(JSON.stringify(broken));
    expect(res.status).toBe(400);
    expect(res.data.message).toBe('maps.import.invalid');
    expect(await db.select().from(journeyMap).where(eq(journeyMap.workspaceId, ws.id))).toHaveLength(0);
  });

  it('duplicates a map as a full deep copy', async () => {
    const { owner, ws } = await setup();
    const mapId = await richMap(owner, ws);
    const res = await call(listRoute.action, {
      request: request(`/w/${ws.slug}/maps`, { user: owner, form: { intent: 'duplicate', mapId } }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(302);
    const copyId = res.headers.get('Location')!.split('/').pop()!;
    expect(copyId).not.toBe(mapId);
    const ex = (id: string) =>
      call(exportRoute.loader, { request: request(`/w/${ws.slug}/maps/${id}/export`, { user: owner }), params: { slug: ws.slug, mapId: id } });
    const original = (await ex(mapId)).data;
    const copy = (await ex(copyId)).data;
    expect(copy.map.name).toBe('Onboarding (copy)');
    expect(comparable({ ...copy, map: { ...copy.map, name: '' } })).toEqual(comparable({ ...original, map: { ...original.map, name: '' } }));
    expect(await db.select().from(kpi).where(eq(kpi.mapId, copyId))).toHaveLength(2);
    expect(await db.select().from(lane).where(eq(lane.mapId, copyId))).toHaveLength(6);
  });
});

describe('maps list counts', () => {
  it('shows each map’s number of stages and cards', async () => {
    const { owner, ws } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription' });
    await createMap(owner, ws);
    const list = await call(listRoute.loader, { request: request(`/w/${ws.slug}/maps`, { user: owner }), params: { slug: ws.slug } });
    const row = list.data.maps.find((m: { id: string }) => m.id === mapId);
    const cards = await db.select().from(card).where(eq(card.mapId, mapId));
    expect(row).toMatchObject({ stageCount: 5, cardCount: cards.length });
    expect(list.data.templates).toHaveLength(3);
  });
});

describe('KPI placement in the KPI row', () => {
  it('moves KPIs inside a cell and to another stage of the row, with clean positions; viewers and other workspaces cannot', async () => {
    const { owner, viewer, ws, stranger, otherWs } = await setup();
    const mapId = await createMap(owner, ws, { template: 'subscription' });
    const d = (await load(owner, ws, mapId)).data;
    const kl = d.lanes.find((x: { kind: string }) => x.kind === 'kpi');
    const [s0, s1] = d.stages;
    const measures = await db
      .insert(measure)
      .values(['NPS', 'CSAT', 'CES'].map((name) => ({ workspaceId: ws.id, name })))
      .returning();
    const kpis = await db
      .insert(kpi)
      .values(measures.map((m, i) => ({ workspaceId: ws.id, mapId, laneId: kl.id, stageId: s0.id, measureId: m.id, position: i })))
      .returning();
    const order = async (stageId: string) =>
      (
        await db
          .select()
          .from(kpi)
          .where(and(eq(kpi.laneId, kl.id), eq(kpi.stageId, stageId)))
          .orderBy(asc(kpi.position))
      ).map((k) => [k.id, k.position]);
    expect((await act(owner, ws, mapId, { intent: 'moveKpi', id: kpis[2]!.id, toStageId: s0.id, toIndex: 0 })).status).toBe(200);
    expect(await order(s0.id)).toEqual([
      [kpis[2]!.id, 0],
      [kpis[0]!.id, 1],
      [kpis[1]!.id, 2],
    ]);
    expect((await act(owner, ws, mapId, { intent: 'moveKpi', id: kpis[0]!.id, toStageId: s1.id, toIndex: 0 })).status).toBe(200);
    expect(await order(s0.id)).toEqual([
      [kpis[2]!.id, 0],
      [kpis[1]!.id, 1],
    ]);
    expect(await order(s1.id)).toEqual([[kpis[0]!.id, 0]]);
    // The editor sees them where they were put.
    const after = (await load(viewer, ws, mapId)).data;
    expect(after.kpis.find((k: { id: string }) => k.id === kpis[0]!.id)).toMatchObject({ stageId: s1.id, position: 0, measureName: 'NPS' });
    expect((await act(viewer, ws, mapId, { intent: 'moveKpi', id: kpis[1]!.id, toStageId: s1.id, toIndex: 0 })).status).toBe(403);
    expect((await act(stranger, otherWs, mapId, { intent: 'moveKpi', id: kpis[1]!.id, toStageId: s1.id, toIndex: 0 })).status).toBe(404);
    expect(await order(s0.id)).toEqual([
      [kpis[2]!.id, 0],
      [kpis[1]!.id, 1],
    ]);
    // Deleting the stage removes the KPIs it held (after the confirmation the editor shows).
    expect((await act(owner, ws, mapId, { intent: 'deleteStage', id: s1.id })).status).toBe(200);
    expect(await db.select().from(kpi).where(eq(kpi.id, kpis[0]!.id))).toHaveLength(0);
  });
});

describe('the map under its KPI panel', () => {
  const map = 'http://localhost/w/acme/maps/11111111-1111-4111-8111-111111111111';
  const kpiA = `${map}/kpis/22222222-2222-4222-8222-222222222222`;
  const kpiB = `${map}/kpis/33333333-3333-4333-8333-333333333333`;
  const params = (url: string) => {
    const [, slug, mapId, kpiId] = new URL(url).pathname.match(/^\/w\/([^/]+)\/maps\/([^/]+)(?:\/kpis\/([^/]+))?/)!;
    return { slug: slug!, mapId: mapId!, ...(kpiId ? { kpiId } : {}) };
  };
  const revalidates = (from: string, to: string, formMethod?: 'GET' | 'POST') =>
    editorRoute.shouldRevalidate({
      currentUrl: new URL(from),
      nextUrl: new URL(to),
      currentParams: params(from),
      nextParams: params(to),
      formMethod,
      defaultShouldRevalidate: true,
    } as Parameters<typeof editorRoute.shouldRevalidate>[0]);

  it('does not reload the map when the panel opens, closes or shows another KPI', () => {
    expect(revalidates(map, kpiA)).toBe(false);
    expect(revalidates(kpiA, map)).toBe(false);
    expect(revalidates(kpiA, kpiB)).toBe(false);
  });

  it('reloads it after a save, for another map, a changed search or the same URL again', () => {
    expect(revalidates(kpiA, kpiA, 'POST')).toBe(true);
    expect(revalidates(map, map, 'POST')).toBe(true);
    expect(revalidates(kpiA, map.replace('1111-4111-8111-111111111111', '1111-4111-8111-999999999999'))).toBe(true);
    expect(revalidates(map, `${map}?view=compact`)).toBe(true);
    expect(revalidates(map, map)).toBe(true);
  });
});
