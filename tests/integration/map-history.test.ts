// A map's version history through its routes: every save recorded in a version (grouped by a
// 10-minute gap on an injected clock, closed by naming), a version opened read-only as the map was,
// a restore in one transaction that is itself a version, retention, permissions and 404s.
import { and, count, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { card, journeyMap, mapChange, mapVersion, stage } from '../../db/schema';
import { TRACKED_FIELDS, ROW_KINDS, type MapSnapshot } from '~/domain/map-history';
import * as editorRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as listRoute from '~/routes/w.$slug.maps._index/route';
import * as historyRoute from '~/routes/w.$slug.maps.$mapId_.history/route';
import * as versionRoute from '~/routes/w.$slug.maps.$mapId.history.$versionId/route';
import * as kpiNew from '~/routes/w.$slug.kpis.new';
import { historyClock, RETENTION_DAYS } from '~/server/map-history.server';
import { loadSnapshot, restoreVersion } from '~/server/map-versions.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

const T0 = new Date('2026-03-12T09:00:00Z').getTime();
const minutes = (n: number) => new Date(T0 + n * 60_000);
/** The history's clock, set by each test: saves happen "at" the minute it says. */
let clock = minutes(0);
historyClock.now = () => clock;
afterEach(() => {
  clock = minutes(0);
});

async function setup() {
  const owner = await makeUser({ displayName: 'Olivia Owner' });
  const ws = await makeWorkspace(owner, { name: 'Acme' });
  const editor = await makeUser({ displayName: 'Eddie Editor' });
  await addMember(ws.id, editor, 'editor');
  const viewer = await makeUser({ displayName: 'Vera Viewer' });
  await addMember(ws.id, viewer, 'viewer');
  const stranger = await makeUser();
  const otherWs = await makeWorkspace(stranger, { name: 'Other' });
  const created = await call(listRoute.action, {
    request: request(`/w/${ws.slug}/maps`, { user: owner, form: { intent: 'create', name: 'Abonnement', state: 'current', template: 'subscription' } }),
    params: { slug: ws.slug },
  });
  expect(created.status).toBe(302);
  const mapId = created.headers.get('Location')!.split('/').pop()!;
  return { owner, editor, viewer, stranger, ws, otherWs, mapId };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const edit = (s: Setup, user: TestUser, form: Record<string, string | number | undefined>) =>
  call(editorRoute.action, { request: request(`/w/${s.ws.slug}/maps/${s.mapId}`, { user, form }), params: { slug: s.ws.slug, mapId: s.mapId } });
const loadMap = (s: Setup) =>
  call(editorRoute.loader, { request: request(`/w/${s.ws.slug}/maps/${s.mapId}`, { user: s.owner }), params: { slug: s.ws.slug, mapId: s.mapId } });
const history = (s: Setup, user: TestUser, query = '', ws: Ws = s.ws, mapId = s.mapId) =>
  call(historyRoute.loader, { request: request(`/w/${ws.slug}/maps/${mapId}/history${query}`, { user }), params: { slug: ws.slug, mapId } });
const nameVersion = (s: Setup, user: TestUser, name: string, ws: Ws = s.ws, mapId = s.mapId) =>
  call(historyRoute.action, {
    request: request(`/w/${ws.slug}/maps/${mapId}/history`, { user, form: { intent: 'name', name } }),
    params: { slug: ws.slug, mapId },
  });
const openVersion = (s: Setup, user: TestUser, versionId: string, ws: Ws = s.ws, mapId = s.mapId) =>
  call(versionRoute.loader, {
    request: request(`/w/${ws.slug}/maps/${mapId}/history/${versionId}`, { user }),
    params: { slug: ws.slug, mapId, versionId },
  });
const restore = (s: Setup, user: TestUser, versionId: string, head: string | number, ws: Ws = s.ws, mapId = s.mapId) =>
  call(versionRoute.action, {
    request: request(`/w/${ws.slug}/maps/${mapId}/history/${versionId}`, { user, form: { intent: 'restore', head } }),
    params: { slug: ws.slug, mapId, versionId },
  });

type Listed = {
  id: string;
  name: string | null;
  authors: (string | null)[];
  open: boolean;
  summary: { counts: Record<string, Record<string, number>>; created: boolean };
};
async function versions(s: Setup): Promise<Listed[]> {
  const res = await history(s, s.owner);
  expect(res.status).toBe(200);
  return res.data.versions;
}

/** The map's followed content (what a version is), read from the database. */
async function content(s: Setup) {
  const snapshot = (await loadSnapshot(db, s.ws.id, s.mapId))!;
  return tracked(snapshot);
}
function tracked(snapshot: MapSnapshot) {
  const pick = (fields: readonly string[], row: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
  return {
    map: pick(TRACKED_FIELDS.map, snapshot.map),
    ...Object.fromEntries(ROW_KINDS.map((k) => [k, Object.fromEntries(Object.entries(snapshot[k]).map(([id, row]) => [id, pick(TRACKED_FIELDS[k], row)]))])),
  };
}

async function firstCard(s: Setup) {
  const map = (await loadMap(s)).data;
  const c = map.cards[0];
  return { map, card: c as { id: string; version: number; title: string; laneId: string; stageId: string } };
}

const rename = (s: Setup, user: TestUser, c: { id: string; version: number }, title: string) =>
  edit(s, user, { intent: 'updateCard', cardId: c.id, version: c.version, title, description: '' });

async function changeCount(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(mapChange).where(eq(mapChange.workspaceId, workspaceId));
  return row!.n;
}

describe('recording saves into versions', () => {
  it('groups saves less than 10 minutes apart, opens a new version after a 10-minute gap, and names the people who saved', async () => {
    const s = await setup();
    const { card: c } = await firstCard(s);
    clock = minutes(4);
    expect((await rename(s, s.editor, c, 'Site web')).status).toBe(200);
    clock = minutes(13); // 9 minutes after the last save: same version
    expect((await edit(s, s.owner, { intent: 'addStage', name: 'Fidélité', phase: '' })).status).toBe(200);
    let list = await versions(s);
    expect(list).toHaveLength(1);
    expect(list[0]!.authors).toEqual(['Olivia Owner', 'Eddie Editor']);
    expect(list[0]!.open).toBe(true);
    expect(list[0]!.summary.created).toBe(true);

    clock = minutes(23); // 10 minutes after the last save: a new version
    const fresh = (await firstCard(s)).card;
    expect((await rename(s, s.editor, fresh, 'Site internet')).status).toBe(200);
    list = await versions(s);
    expect(list).toHaveLength(2);
    expect(list[0]!.authors).toEqual(['Eddie Editor']);
    expect(list[0]!.summary.counts.card).toEqual({ added: 0, edited: 1, moved: 0, removed: 0 });
    expect(list[1]!.open).toBe(false);
  });

  it('records nothing for a refused save (stale version) or a save that changes nothing', async () => {
    const s = await setup();
    const { card: c } = await firstCard(s);
    const before = await changeCount(s.ws.id);
    expect((await rename(s, s.owner, { ...c, version: c.version + 5 }, 'Stale')).status).toBe(409);
    // A move to where the card already is.
    expect((await edit(s, s.owner, { intent: 'moveCard', id: c.id, toStageId: c.stageId, toIndex: 0 })).status).toBe(200);
    expect(await changeCount(s.ws.id)).toBe(before);
  });

  it('records every kind of save: moves, deletions with what they held, emotion scores, KPIs placed and removed, duplicates, map settings', async () => {
    const s = await setup();
    const { map } = await firstCard(s);
    const stages = map.stages as { id: string; version: number }[];
    const kpiLane = (map.lanes as { id: string; kind: string }[]).find((l) => l.kind === 'kpi')!;
    const emotionLane = (map.lanes as { id: string; kind: string }[]).find((l) => l.kind === 'emotions')!;
    const emotion = (map.emotions as { stageId: string; laneId: string; version: number }[]).find((e) => e.laneId === emotionLane.id)!;
    clock = minutes(30);
    expect((await edit(s, s.owner, { intent: 'moveStage', id: stages[0]!.id, toIndex: 2 })).status).toBe(200);
    expect(
      (await edit(s, s.owner, { intent: 'setEmotion', laneId: emotionLane.id, stageId: emotion.stageId, score: -2, version: emotion.version })).status,
    ).toBe(200);
    const placed = await call(kpiNew.action, {
      request: request(`/w/${s.ws.slug}/kpis/new`, {
        user: s.owner,
        form: { mapId: s.mapId, laneId: kpiLane.id, stageId: stages[1]!.id, name: 'NPS', js: '1' },
      }),
      params: { slug: s.ws.slug },
    });
    expect(placed.status).toBeLessThan(400);
    expect((await edit(s, s.owner, { intent: 'duplicateStage', id: stages[1]!.id })).status).toBe(200);
    expect((await edit(s, s.owner, { intent: 'deleteStage', id: stages[3]!.id })).status).toBe(200);
    expect(
      (await edit(s, s.owner, { intent: 'updateMap', mapId: s.mapId, version: 1, name: 'Abonnement mobile', description: '', state: 'future' })).status,
    ).toBe(200);
    const [latest] = await versions(s);
    const summary = latest!.summary as unknown as {
      counts: Record<string, Record<string, number>>;
      emotions: number;
      mapRenamed: unknown;
      mapEdited: boolean;
    };
    expect(summary.counts.stage).toMatchObject({ added: 1, moved: 1, removed: 1 });
    expect(summary.counts.kpi).toMatchObject({ added: 1 });
    expect(summary.counts.card!.added).toBeGreaterThan(0);
    expect(summary.counts.card!.removed).toBeGreaterThan(0);
    expect(summary.emotions).toBeGreaterThan(0);
    expect(summary.mapRenamed).toEqual({ from: 'Abonnement', to: 'Abonnement mobile' });
    expect(summary.mapEdited).toBe(true);
  });
});

describe('naming a version', () => {
  it('names the current version and closes it: the next save, a minute later, opens a new one', async () => {
    const s = await setup();
    const { card: c } = await firstCard(s);
    clock = minutes(1);
    await rename(s, s.editor, c, 'Avant atelier');
    clock = minutes(2);
    const named = await nameVersion(s, s.editor, '  Workshop 12 March  ');
    expect(named.status).toBe(200);
    clock = minutes(3);
    await rename(s, s.editor, (await firstCard(s)).card, 'Après atelier');
    const list = await versions(s);
    expect(list.map((v) => v.name)).toEqual([null, 'Workshop 12 March']);
    clock = minutes(4);
    await nameVersion(s, s.owner, 'After the workshop');
    // Naming again with no save since: a named point of its own, changing nothing.
    await nameVersion(s, s.owner, 'Checkpoint');
    const again = await versions(s);
    expect(again.map((v) => v.name)).toEqual(['Checkpoint', 'After the workshop', 'Workshop 12 March']);
    expect(again[0]!.summary).toMatchObject({ created: false, counts: { card: { added: 0, edited: 0, moved: 0, removed: 0 } } });
    expect(again[0]!.authors).toEqual(['Olivia Owner']);
  });

  it('refuses a blank or overlong name with 400 beside the field and writes nothing', async () => {
    const s = await setup();
    for (const name of ['', '   ', 'x'.repeat(121)]) {
      const res = await nameVersion(s, s.editor, name);
      expect(res.status).toBe(400);
      expect(res.data.result.error.name).toBeDefined();
    }
    expect((await versions(s)).map((v) => v.name)).toEqual([null]);
  });
});

describe('opening a version', () => {
  it('shows the map as it was at the end of the version, read-only data for the board, unnamed and named alike', async () => {
    const s = await setup();
    const { card: c } = await firstCard(s);
    clock = minutes(1);
    await rename(s, s.editor, c, 'Version A');
    await nameVersion(s, s.editor, 'A');
    clock = minutes(2);
    await rename(s, s.editor, (await firstCard(s)).card, 'Version B');
    const beforeC = await content(s);
    clock = minutes(20);
    await rename(s, s.editor, (await firstCard(s)).card, 'Version C');
    await edit(s, s.editor, { intent: 'deleteCard', id: c.id });
    const list = await versions(s);
    expect(list.map((v) => v.name)).toEqual([null, null, 'A']);

    const a = await openVersion(s, s.viewer, list[2]!.id);
    expect(a.status).toBe(200);
    expect(a.data.board.cards.find((x: { id: string }) => x.id === c.id).title).toBe('Version A');
    expect(a.data.board.window).toEqual({ from: 0, to: a.data.board.stages.length });

    const b = await openVersion(s, s.viewer, list[1]!.id);
    expect(b.data.board.cards.find((x: { id: string }) => x.id === c.id).title).toBe('Version B');
    // The rebuilt map is exactly what the database held then.
    expect(b.data.board.cards).toHaveLength(Object.keys((beforeC as Record<string, object>).card!).length);
    expect(b.data.restore.counts.card.added).toBe(1);
  });
});

describe('restoring a version', () => {
  async function history3(s: Setup) {
    const { card: c, map } = await firstCard(s);
    clock = minutes(1);
    await rename(s, s.editor, c, 'Avant');
    const then = await content(s);
    // Later: the card edited and moved, a stage and its cards deleted, a card added, the map renamed.
    clock = minutes(15);
    const fresh = (await firstCard(s)).card;
    await rename(s, s.editor, fresh, 'Après');
    await edit(s, s.editor, { intent: 'moveCard', id: c.id, toStageId: map.stages[1].id, toIndex: 0 });
    await edit(s, s.editor, { intent: 'deleteStage', id: map.stages[2].id });
    await edit(s, s.editor, { intent: 'addCard', laneId: c.laneId, stageId: map.stages[0].id, title: 'Nouvelle', description: '' });
    await edit(s, s.editor, { intent: 'updateMap', mapId: s.mapId, version: 1, name: 'Renommée', description: 'd', state: 'future' });
    const now = await content(s);
    const list = await versions(s);
    return { card: c, then, now, thenId: list[1]!.id, nowId: list[0]!.id };
  }

  it('brings the map back in one transaction, as a new version that can itself be undone', async () => {
    const s = await setup();
    const h = await history3(s);
    expect(h.now).not.toEqual(h.then);
    const view = await openVersion(s, s.editor, h.thenId);
    clock = minutes(16);
    const res = await restore(s, s.editor, h.thenId, view.data.head);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/w/${s.ws.slug}/maps/${s.mapId}`);
    expect(await content(s)).toEqual(h.then);

    const list = await versions(s);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ authors: ['Eddie Editor'], open: false });
    expect((list[0] as unknown as { restoredFrom: unknown }).restoredFrom).toMatchObject({ name: null });
    // The next save, a minute later, opens a version of its own: the restore stands alone.
    // Undo: restore the version before the restore.
    const undo = await openVersion(s, s.owner, h.nowId);
    expect((await restore(s, s.owner, h.nowId, undo.data.head)).status).toBe(302);
    expect(await content(s)).toEqual(h.now);
    expect(await versions(s)).toHaveLength(4);
  });

  it('bumps the version of every row it changes, so an editor who had the old one sees a conflict', async () => {
    const s = await setup();
    const h = await history3(s);
    const stale = (await firstCard(s)).map.cards.find((x: { id: string }) => x.id === h.card.id);
    const view = await openVersion(s, s.editor, h.thenId);
    expect((await restore(s, s.editor, h.thenId, view.data.head)).status).toBe(302);
    const [row] = await db.select().from(card).where(eq(card.id, h.card.id));
    expect(row!.version).toBeGreaterThan(stale.version);
    expect((await rename(s, s.owner, stale, 'Écrasée ?')).status).toBe(409);
    const [m] = await db.select({ version: journeyMap.version }).from(journeyMap).where(eq(journeyMap.id, s.mapId));
    expect(m!.version).toBe(3);
  });

  it('refuses when the map changed since the version was opened, and writes nothing', async () => {
    const s = await setup();
    const h = await history3(s);
    const view = await openVersion(s, s.editor, h.thenId);
    await edit(s, s.owner, { intent: 'addStage', name: 'Entre-temps', phase: '' });
    const during = await content(s);
    const versionsBefore = (await versions(s)).length;
    const res = await restore(s, s.editor, h.thenId, view.data.head);
    expect(res.status).toBe(409);
    expect(res.data.status).toBe('stale');
    expect(await content(s)).toEqual(during);
    expect(await versions(s)).toHaveLength(versionsBefore);
  });

  it('writes all or nothing: a failure midway leaves the map and its history as they were', async () => {
    const s = await setup();
    const h = await history3(s);
    const view = await openVersion(s, s.editor, h.thenId);
    const changesBefore = await changeCount(s.ws.id);
    // A trigger of this test's database refuses the last rows a restore writes: the cards it brings back.
    await db.execute(sql`create function refuse_restored_card() returns trigger language plpgsql as $$
      begin if new.version > 1 then raise exception 'refused'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_restored_card before insert on card for each row execute function refuse_restored_card()`);
    try {
      await expect(restoreVersion(s.ws.id, s.editor.id, s.mapId, h.thenId, view.data.head)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_restored_card on card`);
      await db.execute(sql`drop function refuse_restored_card()`);
    }
    expect(await content(s)).toEqual(h.now);
    expect(await changeCount(s.ws.id)).toBe(changesBefore);
    // And then it works.
    expect((await restore(s, s.editor, h.thenId, view.data.head)).status).toBe(302);
    expect(await content(s)).toEqual(h.then);
  });

  it('brings back a deleted stage with its cards under their own ids', async () => {
    const s = await setup();
    const { map } = await firstCard(s);
    const gone = map.stages[1];
    const held = (map.cards as { id: string; stageId: string }[]).filter((c) => c.stageId === gone.id).map((c) => c.id);
    expect(held.length).toBeGreaterThan(0);
    clock = minutes(1);
    await nameVersion(s, s.owner, 'Before');
    await edit(s, s.owner, { intent: 'deleteStage', id: gone.id });
    const named = (await versions(s)).find((v) => v.name === 'Before')!;
    const view = await openVersion(s, s.owner, named.id);
    expect((await restore(s, s.owner, named.id, view.data.head)).status).toBe(302);
    const back = await db.select({ id: card.id }).from(card).where(eq(card.stageId, gone.id));
    expect(back.map((c) => c.id).sort()).toEqual([...held].sort());
    const [st] = await db.select().from(stage).where(eq(stage.id, gone.id));
    expect(st).toMatchObject({ name: gone.name, position: 1 });
  });
});

describe('retention', () => {
  it('purges unnamed versions 90 days after their last save, with their changes, in one statement; named versions stay and still open', async () => {
    const s = await setup();
    const { card: c } = await firstCard(s);
    clock = minutes(11);
    await rename(s, s.owner, c, 'Nommée');
    await nameVersion(s, s.owner, 'Keep me');
    clock = minutes(30);
    await rename(s, s.owner, (await firstCard(s)).card, 'Oubliée');
    const unnamed = (await versions(s)).filter((v) => !v.name).map((v) => v.id);
    expect(unnamed).toHaveLength(2); // the creation and the last edit
    clock = minutes(30 + 60 * 24 * (RETENTION_DAYS - 1));
    await rename(s, s.owner, (await firstCard(s)).card, 'Day 89');
    expect(await versions(s)).toHaveLength(4);
    // 90 days and a minute after "Oubliée": the creation and that version go.
    clock = minutes(31 + 60 * 24 * RETENTION_DAYS);
    await rename(s, s.owner, (await firstCard(s)).card, 'Day 90');
    const left = await versions(s);
    expect(left.map((v) => v.name)).toEqual([null, null, 'Keep me']);
    const orphan = await db
      .select({ n: count() })
      .from(mapChange)
      .where(and(eq(mapChange.workspaceId, s.ws.id), sql`${mapChange.versionId} in ${unnamed}`));
    expect(orphan[0]!.n).toBe(0);
    const kept = await openVersion(s, s.owner, left[2]!.id);
    expect(kept.data.board.cards.find((x: { id: string }) => x.id === c.id).title).toBe('Nommée');
    const rows = await db.select({ id: mapVersion.id }).from(mapVersion).where(eq(mapVersion.workspaceId, s.ws.id));
    expect(rows).toHaveLength(3);
  });
});

describe('permissions and tenancy', () => {
  it('viewers read the history and its versions but cannot name or restore (403), and nothing is written', async () => {
    const s = await setup();
    const [v] = await versions(s);
    expect((await history(s, s.viewer)).status).toBe(200);
    const view = await openVersion(s, s.viewer, v!.id);
    expect(view.status).toBe(200);
    expect((await nameVersion(s, s.viewer, 'Nope')).status).toBe(403);
    expect((await restore(s, s.viewer, v!.id, view.data.head)).status).toBe(403);
    expect((await versions(s)).map((x) => x.name)).toEqual([null]);
  });

  it("another workspace's map and version ids answer 404, and so do malformed ids and a version of another map", async () => {
    const s = await setup();
    const [v] = await versions(s);
    const theirs = { ...s, ws: s.otherWs };
    // The stranger in their own workspace, with our ids.
    expect((await history(theirs, s.stranger)).status).toBe(404);
    expect((await openVersion(theirs, s.stranger, v!.id)).status).toBe(404);
    expect((await nameVersion(theirs, s.stranger, 'Mine')).status).toBe(404);
    expect((await restore(theirs, s.stranger, v!.id, 0)).status).toBe(404);
    // The stranger in our workspace: not a member.
    expect((await history(s, s.stranger)).status).toBe(404);
    expect((await openVersion(s, s.stranger, v!.id)).status).toBe(404);
    // Malformed ids.
    expect((await history(s, s.owner, '', s.ws, 'not-a-uuid')).status).toBe(404);
    expect((await openVersion(s, s.owner, 'not-a-uuid')).status).toBe(404);
    expect((await restore(s, s.owner, 'not-a-uuid', 0)).status).toBe(404);
    // A version of another map of the same workspace.
    const other = await call(listRoute.action, {
      request: request(`/w/${s.ws.slug}/maps`, { user: s.owner, form: { intent: 'create', name: 'Autre', state: 'current' } }),
      params: { slug: s.ws.slug },
    });
    const otherMap = other.headers.get('Location')!.split('/').pop()!;
    expect((await openVersion(s, s.owner, v!.id, s.ws, otherMap)).status).toBe(404);
    expect((await restore(s, s.owner, v!.id, 0, s.ws, otherMap)).status).toBe(404);
    expect((await versions(s)).map((x) => x.name)).toEqual([null]);
  });

  it('answers a malformed restore with 400 and writes nothing; a bad page cursor reads the first page', async () => {
    const s = await setup();
    const [v] = await versions(s);
    for (const head of ['', 'abc', '-1', '1.5']) expect((await restore(s, s.owner, v!.id, head)).status).toBe(400);
    expect((await history(s, s.owner, '?before=abc')).status).toBe(200);
    expect(await versions(s)).toHaveLength(1);
  });

  it('pages the versions, newest first', async () => {
    const s = await setup();
    for (let i = 1; i <= 22; i++) {
      clock = minutes(i * 11);
      await rename(s, s.owner, (await firstCard(s)).card, `Titre ${i}`);
    }
    const first = await history(s, s.owner);
    expect(first.data.versions).toHaveLength(20);
    expect(first.data.older).not.toBeNull();
    const second = await history(s, s.owner, `?before=${first.data.older}`);
    expect(second.data.versions).toHaveLength(3);
    expect(second.data.older).toBeNull();
    expect(second.data.versions[2].summary.created).toBe(true);
  });
});
