// The end of the conflict trap: a save based on an old version is refused with the current content
// (who saved it and when included, read in one query with the row) and what was sent, so the editor
// shows both without asking again; "apply mine on top" is the same save against the version it was
// shown, and it lands. Cards and stages of the map editor, and the KPI settings.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { card, kpi, lane, stage } from '../../db/schema';
import * as editorRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as settingsRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
import { placeKpi, updateKpiSettings } from '~/server/kpis.server';
import { updateCard } from '~/server/maps.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function setup() {
  const camille = await makeUser({ displayName: 'Camille Martin' });
  const ws = await makeWorkspace(camille, { locale: 'fr' });
  const lea = await makeUser({ displayName: 'Léa Durand' });
  await addMember(ws.id, lea, 'editor');
  const fixture = await makeMapWithKpiLane(ws.id);
  const mapId = fixture.map.id;
  const [tp] = await db.insert(lane).values({ workspaceId: ws.id, mapId, kind: 'touchpoints', name: 'Canaux', position: 2 }).returning();
  const [c] = await db
    .insert(card)
    .values({ workspaceId: ws.id, mapId, laneId: tp!.id, stageId: fixture.stages[0]!.id, title: 'Site web', description: 'Avant', channel: 'web', position: 0 })
    .returning();
  const act = (user: TestUser, form: Record<string, string | number>) =>
    call(editorRoute.action, { request: request(`/w/${ws.slug}/maps/${mapId}`, { user, form }), params: { slug: ws.slug, mapId } });
  return { camille, lea, ws, mapId, card: c!, stage: fixture.stages[0]!, act, ...fixture };
}

/** The answer's `current` dates survive the trip as Date (single fetch); here they are raw. */
const recent = (at: unknown) => at instanceof Date && Math.abs(Date.now() - at.getTime()) < 60_000;

describe('a stale save on the map', () => {
  it('of a card answers with the current card, its author and time, and what was sent; applying mine on top of that version lands', async () => {
    const s = await setup();
    const theirs = await s.act(s.camille, {
      intent: 'updateCard',
      cardId: s.card.id,
      version: 1,
      title: 'Site web v2',
      description: 'Leur texte',
      channel: 'web',
    });
    expect(theirs.status).toBe(200);

    const refused = await s.act(s.lea, { intent: 'updateCard', cardId: s.card.id, version: 1, title: 'Mon titre', description: 'Avant', channel: 'web' });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ intent: 'updateCard', rowId: s.card.id, status: 'stale' });
    expect(refused.data.current).toMatchObject({ id: s.card.id, title: 'Site web v2', description: 'Leur texte', version: 2, savedBy: 'Camille Martin' });
    expect(recent(refused.data.current.savedAt)).toBe(true);
    // What was sent comes back too (the form keeps it, with or without JavaScript).
    expect(refused.data.result.initialValue).toMatchObject({ title: 'Mon titre', description: 'Avant' });
    // Nothing written by the refused save.
    expect((await db.select().from(card).where(eq(card.id, s.card.id)))[0]).toMatchObject({ title: 'Site web v2', version: 2 });

    // "Apply mine on top": the same values against the version shown.
    const applied = await s.act(s.lea, {
      intent: 'updateCard',
      cardId: s.card.id,
      version: refused.data.current.version,
      title: 'Mon titre',
      description: 'Leur texte',
      channel: 'web',
    });
    expect(applied.status).toBe(200);
    expect((await db.select().from(card).where(eq(card.id, s.card.id)))[0]).toMatchObject({ title: 'Mon titre', description: 'Leur texte', version: 3 });
  });

  it('of a stage answers with the current stage and its author; applying mine on top lands', async () => {
    const s = await setup();
    expect((await s.act(s.camille, { intent: 'updateStage', stageId: s.stage.id, version: 1, name: 'Découvrir', phase: 'Avant' })).status).toBe(200);
    const refused = await s.act(s.lea, { intent: 'updateStage', stageId: s.stage.id, version: 1, name: 'Explorer', phase: '' });
    expect(refused.status).toBe(409);
    expect(refused.data.current).toMatchObject({ id: s.stage.id, name: 'Découvrir', phase: 'Avant', version: 2, savedBy: 'Camille Martin' });
    expect(refused.data.result.initialValue).toMatchObject({ name: 'Explorer' });
    expect((await s.act(s.lea, { intent: 'updateStage', stageId: s.stage.id, version: 2, name: 'Explorer', phase: '' })).status).toBe(200);
    expect((await db.select().from(stage).where(eq(stage.id, s.stage.id)))[0]).toMatchObject({ name: 'Explorer', phase: null, version: 3 });
  });

  it('of the map settings answers with the current settings and their author; applying mine on top lands', async () => {
    const s = await setup();
    const form = { intent: 'updateMap', mapId: s.mapId, description: '', state: 'current' };
    expect((await s.act(s.camille, { ...form, version: 1, name: 'Achat en ligne' })).status).toBe(200);
    const refused = await s.act(s.lea, { ...form, version: 1, name: 'Achat en boutique' });
    expect(refused.status).toBe(409);
    expect(refused.data.current).toMatchObject({ name: 'Achat en ligne', version: 2, savedBy: 'Camille Martin' });
    expect(refused.data.result.initialValue).toMatchObject({ name: 'Achat en boutique' });
    expect((await s.act(s.lea, { ...form, version: 2, name: 'Achat en boutique' })).status).toBe(200);
  });

  it('reads the current row and its author in one query under the map lock', async () => {
    const s = await setup();
    await updateCard(s.ws.id, s.camille.id, s.mapId, { cardId: s.card.id, version: 1, title: 'v2', description: '', channel: 'web', system: null });
    const start = queryCounter.count;
    const result = await updateCard(s.ws.id, s.lea.id, s.mapId, {
      cardId: s.card.id,
      version: 1,
      title: 'mine',
      description: '',
      channel: 'web',
      system: null,
    });
    expect(result).toMatchObject({ status: 'stale', current: { title: 'v2', version: 2, savedBy: 'Camille Martin' } });
    // The map's lock (with its live announcement), then one read of the row and its last author.
    expect(queryCounter.count - start).toBe(3);
    // A card never edited through the app has no author: the answer says so rather than guessing.
    const [fresh] = await db
      .insert(card)
      .values({ workspaceId: s.ws.id, mapId: s.mapId, laneId: s.card.laneId, stageId: s.card.stageId, title: 'Neuf', position: 1, version: 4 })
      .returning();
    const unknown = await updateCard(s.ws.id, s.lea.id, s.mapId, {
      cardId: fresh!.id,
      version: 1,
      title: 'mine',
      description: '',
      channel: 'web',
      system: null,
    });
    expect(unknown).toMatchObject({ status: 'stale', current: { title: 'Neuf', version: 4, savedBy: null, savedAt: null } });
  });
});

describe('a stale save of the KPI settings', () => {
  it('answers with the current settings, current value and author, and what was sent; applying mine on top lands', async () => {
    const s = await setup();
    const placed = await placeKpi(s.ws.id, s.camille.id, { mapId: s.mapId, laneId: s.lane.id, stageId: s.stages[1]!.id }, { name: 'NPS' });
    if (placed.status !== 'ok') throw new Error('placing failed');
    const kpiId = placed.value.kpiId;
    const path = `/w/${s.ws.slug}/maps/${s.mapId}/kpis/${kpiId}`;
    const params = { slug: s.ws.slug, mapId: s.mapId, kpiId };
    const post = (user: TestUser, form: Record<string, string>) => call(settingsRoute.action, { request: request(path, { user, form }), params });
    const form = { intent: 'settings', impactMode: 'auto', currentDate: '2026-03-01' };

    expect((await post(s.camille, { ...form, version: '1', note: 'Leur note', targetValue: '42', currentValue: '35,5' })).status).toBe(200);
    const refused = await post(s.lea, { ...form, version: '1', note: 'Ma note', targetValue: '40' });
    expect(refused.status).toBe(409);
    expect(refused.data.current).toMatchObject({ version: 2, note: 'Leur note', impactMode: 'auto', savedBy: 'Camille Martin' });
    expect(refused.data.current.targetValue).toMatch(/^42(\.0*)?$/);
    expect(refused.data.current.currentValue).toMatch(/^35\.50*$/);
    expect(recent(refused.data.current.savedAt)).toBe(true);
    expect(refused.data.result.initialValue).toMatchObject({ note: 'Ma note', targetValue: '40' });

    const applied = await post(s.lea, { ...form, version: String(refused.data.current.version), note: 'Ma note', targetValue: '40' });
    expect(applied.status).toBe(200);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, kpiId));
    expect(row).toMatchObject({ note: 'Ma note', version: 3 });
    expect(row!.targetValue).toMatch(/^40(\.0*)?$/);
  });

  it('reads the current settings in one query after the refused update', async () => {
    const s = await setup();
    const placed = await placeKpi(s.ws.id, s.camille.id, { mapId: s.mapId, laneId: s.lane.id, stageId: s.stages[1]!.id }, { name: 'CSAT' });
    if (placed.status !== 'ok') throw new Error('placing failed');
    await updateKpiSettings(s.ws.id, s.camille.id, placed.value.kpiId, 1, { note: 'v2', impactMode: 'auto' });
    const start = queryCounter.count;
    const result = await updateKpiSettings(s.ws.id, s.lea.id, placed.value.kpiId, 1, { note: 'mine', impactMode: 'auto' });
    expect(result).toMatchObject({ status: 'stale', current: { note: 'v2', version: 2, savedBy: 'Camille Martin', currentValue: null } });
    expect(queryCounter.count - start).toBe(2);
  });
});
