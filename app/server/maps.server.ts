// Journey maps: the list, the editor's data, and every change to a map's stages, lanes, cards,
// emotion points and KPI placement. Every query takes the workspace id. Multi-row changes run in one
// transaction; a move locks the map row first so concurrent moves on one map queue up and each
// container's positions stay the clean sequence 0..n-1.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '#db/client';
import { card, emotionPoint, journeyMap, kpi, lane, persona, stage } from '#db/schema';
import { CARD_LANE_KINDS, type Channel, type LaneKind, type MapState } from '~/domain/vocabulary';
import { moveAcross, moveWithin } from '~/domain/ordering';
import { deleted, inserted, positionChanges, updated, type MapChange } from '~/domain/map-history';
import { lastChangeOf, recordActivity } from './activity.server';
import { announce } from './live.server';
import { recordMapChanges } from './map-history.server';
import { invalid, NOT_FOUND, ok, stale, type Result } from './result.server';
import { listMapKpis } from './kpis.server';
import { openCommentCounts } from './comments.server';
import { cellIds, lockMap, orderedIds, writePositions } from './map-positions.server';

// ---------------------------------------------------------------- reads

/** What a map is in a list (with a left join on its persona), on the maps page and in the API alike. */
export const mapSummaryColumns = {
  id: journeyMap.id,
  name: journeyMap.name,
  description: journeyMap.description,
  state: journeyMap.state,
  personaId: journeyMap.personaId,
  personaName: persona.name,
  archivedAt: journeyMap.archivedAt,
  updatedAt: journeyMap.updatedAt,
};

export async function listMaps(workspaceId: string, archived: boolean) {
  return db
    .select({
      ...mapSummaryColumns,
      version: journeyMap.version,
      stageCount: sql<number>`(select count(*) from "stage" s where s.map_id = "journey_map"."id" and s.workspace_id = ${workspaceId})::int`,
      cardCount: sql<number>`(select count(*) from "card" c where c.map_id = "journey_map"."id" and c.workspace_id = ${workspaceId})::int`,
    })
    .from(journeyMap)
    .leftJoin(persona, and(eq(persona.id, journeyMap.personaId), eq(persona.workspaceId, workspaceId)))
    .where(and(eq(journeyMap.workspaceId, workspaceId), archived ? isNotNull(journeyMap.archivedAt) : isNull(journeyMap.archivedAt)))
    .orderBy(desc(journeyMap.updatedAt), asc(journeyMap.name));
}

export async function listPersonaOptions(workspaceId: string, executor: Executor = db) {
  return executor.select({ id: persona.id, name: persona.name }).from(persona).where(eq(persona.workspaceId, workspaceId)).orderBy(asc(persona.name));
}

export async function personaInWorkspace(workspaceId: string, personaId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ id: persona.id })
    .from(persona)
    .where(and(eq(persona.id, personaId), eq(persona.workspaceId, workspaceId)));
  return Boolean(row);
}

/**
 * Everything the editor shows, in a fixed number of queries whatever the map size: the map with its
 * persona, stages, lanes, what each cell holds, emotion points and the persona options; then the
 * cards and the KPIs (with their newest values) of the stages sent.
 */
/** How many stages the editor sends at first: what a wide screen shows, plus a margin. */
export const STAGE_WINDOW = 5;
/** A map with no more cards and KPIs than this is sent whole: windowing it would only cost requests. */
export const WHOLE_MAP_ITEMS = 200;
/** The most stages one request may ask for (printing asks for them all, up to this). */
export const MAX_STAGE_WINDOW = 200;

const StageWindowSchema = z
  .object({ from: z.coerce.number().int().min(0).max(10_000), to: z.coerce.number().int().min(1).max(10_000) })
  .refine((w) => w.to > w.from && w.to - w.from <= MAX_STAGE_WINDOW);

/** Which stages' cells an address asks for (?from=&to=, see loadMapEditor); undefined (the first ones) for anything else. */
export function stageWindowFrom(params: URLSearchParams): { from: number; to: number } | undefined {
  const from = params.get('from') ?? '0';
  const window = StageWindowSchema.safeParse({ from, to: params.get('to') ?? Number(from) + STAGE_WINDOW });
  return window.success ? window.data : undefined;
}

/** What a stage or a lane holds, whether or not its cells are sent (deleting it says so). */
export interface Holdings {
  cards: number;
  kpis: number;
  emotions: number;
}

/**
 * The editor's data for a window of stages: every stage and lane (the grid's frame), and the cards,
 * KPIs of the stages from `from` (included) to `to` (excluded) only, so a large map sends what the
 * screen shows (a small one is sent whole); the counts of what every stage and lane holds come along.
 */
export async function loadMapEditor(workspaceId: string, mapId: string, window: { from: number; to: number } = { from: 0, to: STAGE_WINDOW }) {
  // Two rounds of queries: the frame (map, stages, lanes, emotions, personas) and what each cell
  // holds (counted in SQL), then the cards and KPIs of the window only.
  const [maps, stages, lanes, cells, emotions, personas, comments] = await Promise.all([
    db
      .select({
        id: journeyMap.id,
        name: journeyMap.name,
        description: journeyMap.description,
        state: journeyMap.state,
        personaId: journeyMap.personaId,
        archivedAt: journeyMap.archivedAt,
        version: journeyMap.version,
        persona: { name: persona.name, description: persona.description, goals: persona.goals, frustrations: persona.frustrations },
      })
      .from(journeyMap)
      .leftJoin(persona, and(eq(persona.id, journeyMap.personaId), eq(persona.workspaceId, workspaceId)))
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId))),
    db
      .select({ id: stage.id, name: stage.name, description: stage.description, phase: stage.phase, position: stage.position, version: stage.version })
      .from(stage)
      .where(and(eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)))
      .orderBy(asc(stage.position), asc(stage.id)),
    db
      .select({ id: lane.id, kind: lane.kind, name: lane.name, position: lane.position, version: lane.version })
      .from(lane)
      .where(and(eq(lane.workspaceId, workspaceId), eq(lane.mapId, mapId)))
      .orderBy(asc(lane.position), asc(lane.id)),
    cellCounts(workspaceId, mapId),
    db
      .select({
        id: emotionPoint.id,
        laneId: emotionPoint.laneId,
        stageId: emotionPoint.stageId,
        score: emotionPoint.score,
        note: emotionPoint.note,
        version: emotionPoint.version,
      })
      .from(emotionPoint)
      .where(and(eq(emotionPoint.workspaceId, workspaceId), eq(emotionPoint.mapId, mapId))),
    listPersonaOptions(workspaceId),
    // How many comments the open threads on each card, KPI and stage hold (one grouped query).
    openCommentCounts(workspaceId, mapId),
  ]);
  const map = maps[0];
  if (!map) return null;
  const holdings: { byStage: Record<string, Holdings>; byLane: Record<string, Holdings> } = { byStage: {}, byLane: {} };
  const add = (item: { stageId: string; laneId: string }, key: keyof Holdings, n: number) => {
    for (const [into, id] of [
      [holdings.byStage, item.stageId],
      [holdings.byLane, item.laneId],
    ] as const) {
      const h = (into[id] ??= { cards: 0, kpis: 0, emotions: 0 });
      h[key] += n;
    }
  };
  let items = 0;
  for (const cell of cells) {
    add(cell, cell.kind, cell.count);
    items += cell.count;
  }
  for (const emotion of emotions) add(emotion, 'emotions', 1);
  const whole = items <= WHOLE_MAP_ITEMS;
  const from = whole ? 0 : Math.min(window.from, Math.max(stages.length - 1, 0));
  const to = whole ? stages.length : Math.max(from + 1, Math.min(window.to, from + MAX_STAGE_WINDOW));
  const shown = whole ? null : stages.slice(from, to).map((s) => s.id);
  const [cards, kpis] = await Promise.all([
    shown?.length === 0
      ? []
      : db
          .select({
            id: card.id,
            laneId: card.laneId,
            stageId: card.stageId,
            title: card.title,
            description: card.description,
            channel: card.channel,
            system: card.system,
            position: card.position,
            version: card.version,
          })
          .from(card)
          .where(and(eq(card.workspaceId, workspaceId), eq(card.mapId, mapId), shown ? inArray(card.stageId, shown) : undefined))
          .orderBy(asc(card.position), asc(card.id)),
    listMapKpis(workspaceId, mapId, db, shown),
  ]);
  return {
    map: { ...map, persona: map.personaId ? map.persona : null },
    stages,
    lanes,
    /** The stages whose cells are sent: [from, to) in stage order. */
    window: { from, to: Math.min(to, stages.length) },
    holdings,
    cards,
    // One score per stage and emotion lane: few, and the curve is drawn across the whole map.
    emotions,
    kpis,
    personas,
    comments,
  };
}

/** How many cards and KPIs each cell of a map holds (cells holding none are left out): one query. */
async function cellCounts(workspaceId: string, mapId: string) {
  const cards = db
    .select({ kind: sql<keyof Holdings>`'cards'`.as('kind'), stageId: card.stageId, laneId: card.laneId, count: sql<number>`count(*)::int`.as('count') })
    .from(card)
    .where(and(eq(card.workspaceId, workspaceId), eq(card.mapId, mapId)))
    .groupBy(card.stageId, card.laneId);
  const kpis = db
    .select({ kind: sql<keyof Holdings>`'kpis'`.as('kind'), stageId: kpi.stageId, laneId: kpi.laneId, count: sql<number>`count(*)::int`.as('count') })
    .from(kpi)
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
    .groupBy(kpi.stageId, kpi.laneId);
  return cards.unionAll(kpis);
}

export type MapEditorData = NonNullable<Awaited<ReturnType<typeof loadMapEditor>>>;

// ---------------------------------------------------------------- map rows

async function currentMap(workspaceId: string, mapId: string, executor: Executor = db, lock = false) {
  const last = lastChangeOf(workspaceId, 'map', journeyMap.id);
  const query = executor
    .select({
      id: journeyMap.id,
      name: journeyMap.name,
      description: journeyMap.description,
      personaId: journeyMap.personaId,
      state: journeyMap.state,
      version: journeyMap.version,
      savedBy: last.savedBy,
      savedAt: last.savedAt,
    })
    .from(journeyMap)
    .leftJoinLateral(last, sql`true`)
    .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)));
  // The map row only: the lateral read of its last author is not locked.
  const [row] = lock ? await query.for('update', { of: journeyMap }) : await query;
  return row ?? null;
}

export async function createBlankMap(
  workspaceId: string,
  actorId: string,
  input: { name: string; description: string; personaId: string | null; state: MapState },
) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(journeyMap)
      .values({ workspaceId, ...input })
      .returning({ id: journeyMap.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: created!.id, action: 'created', summary: input.name });
    await recordMapChanges(tx, { workspaceId, mapId: created!.id, actorId }, [inserted('map', created!.id, input)]);
    return created!.id;
  });
}

export async function updateMap(
  workspaceId: string,
  actorId: string,
  input: { mapId: string; version: number; name: string; description: string; personaId: string | null; state: MapState },
): Promise<Result<undefined, Awaited<ReturnType<typeof currentMap>>>> {
  return db.transaction(async (tx) => {
    // The row is locked first: it is the map lock every change of the map's history takes.
    const before = await currentMap(workspaceId, input.mapId, tx, true);
    if (!before) return NOT_FOUND;
    if (before.version !== input.version) return stale(before);
    const values = { name: input.name, description: input.description, personaId: input.personaId, state: input.state };
    const [row] = await tx
      .update(journeyMap)
      .set({ ...values, version: sql`${journeyMap.version} + 1`, updatedAt: new Date() })
      .where(and(eq(journeyMap.id, input.mapId), eq(journeyMap.workspaceId, workspaceId)))
      .returning({ id: journeyMap.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: row!.id, action: 'updated', summary: input.name });
    await recordMapChanges(tx, { workspaceId, mapId: row!.id, actorId }, [updated('map', row!.id, before, values)]);
    await announce(tx, workspaceId, [`map:${row!.id}`]);
    return ok();
  });
}

export async function setMapArchived(workspaceId: string, actorId: string, mapId: string, archived: boolean): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(journeyMap)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${journeyMap.version} + 1`, updatedAt: new Date() })
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)))
      .returning({ id: journeyMap.id, name: journeyMap.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: row.id, action: archived ? 'archived' : 'restored', summary: row.name });
    return ok();
  });
}

export async function deleteMap(workspaceId: string, actorId: string, mapId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(journeyMap)
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)))
      .returning({ id: journeyMap.id, name: journeyMap.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: row.id, action: 'deleted', summary: row.name });
    return ok();
  });
}

// ---------------------------------------------------------------- positions

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Moves a stage (column) or a lane (row) to `toIndex` among its map's siblings. */
export async function moveAxis(workspaceId: string, actorId: string, mapId: string, kind: 'stage' | 'lane', id: string, toIndex: number): Promise<Result> {
  const table = kind === 'stage' ? stage : lane;
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const ids = await orderedIds(tx, table, workspaceId, mapId);
    if (!ids.includes(id)) return NOT_FOUND;
    const order = moveWithin(ids, id, toIndex);
    // Already there (a move sent again after a reload): nothing to write, nothing to log.
    if (sameOrder(order, ids)) return ok();
    const moves = await writePositions(tx, table, workspaceId, order);
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, positionChanges(kind, moves, id));
    const [row] = await tx
      .select({ name: table.name })
      .from(table)
      .where(and(eq(table.id, id), eq(table.workspaceId, workspaceId)));
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: kind,
      entityId: id,
      action: 'moved',
      summary: `${row!.name} → ${Math.min(toIndex, ids.length - 1) + 1}`,
    });
    return ok();
  });
}

/**
 * Moves a card or a KPI inside its cell or to another stage of the same lane. The target is absolute
 * (stage and index), so the same move sent twice lands in the same place; the second is a success
 * that changes nothing.
 */
export async function moveCellItem(
  workspaceId: string,
  actorId: string,
  mapId: string,
  kind: 'card' | 'kpi',
  input: { id: string; toStageId: string; toIndex: number },
): Promise<Result> {
  const table = kind === 'card' ? card : kpi;
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const [item] = await tx
      .select({ id: table.id, laneId: table.laneId, stageId: table.stageId })
      .from(table)
      .where(and(eq(table.id, input.id), eq(table.workspaceId, workspaceId), eq(table.mapId, mapId)));
    const [target] = await tx
      .select({ id: stage.id, name: stage.name })
      .from(stage)
      .where(and(eq(stage.id, input.toStageId), eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)));
    if (!item || !target) return NOT_FOUND;
    const from = await cellIds(tx, table, workspaceId, item.laneId, item.stageId);
    if (item.stageId === target.id) {
      const order = moveWithin(from, item.id, input.toIndex);
      // Already there (a move sent again after a reload): nothing to write, nothing to log.
      if (sameOrder(order, from)) return ok();
      const moves = await writePositions(tx, table, workspaceId, order);
      await recordMapChanges(tx, { workspaceId, mapId, actorId }, positionChanges(kind, moves, item.id));
    } else {
      const to = await cellIds(tx, table, workspaceId, item.laneId, target.id);
      const moved = moveAcross(from, to, item.id, input.toIndex);
      await tx
        .update(table)
        .set({ stageId: target.id })
        .where(and(eq(table.id, item.id), eq(table.workspaceId, workspaceId)));
      const left = await writePositions(tx, table, workspaceId, moved.from);
      const arrived = await writePositions(tx, table, workspaceId, moved.to);
      await recordMapChanges(tx, { workspaceId, mapId, actorId }, [
        updated(kind, item.id, { stageId: item.stageId }, { stageId: target.id }),
        ...positionChanges(kind, [...left, ...arrived], item.id),
      ]);
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: kind, entityId: item.id, action: 'moved', summary: `→ ${target.name}` });
    return ok();
  });
}

// ---------------------------------------------------------------- stages

const stageColumns = { id: stage.id, name: stage.name, description: stage.description, phase: stage.phase, position: stage.position, version: stage.version };

export async function addStage(
  workspaceId: string,
  actorId: string,
  mapId: string,
  input: { name: string; description: string; phase: string | null },
): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const ids = await orderedIds(tx, stage, workspaceId, mapId);
    const [row] = await tx
      .insert(stage)
      .values({ workspaceId, mapId, ...input, position: ids.length })
      .returning();
    await recordActivity(tx, { workspaceId, actorId, entityType: 'stage', entityId: row!.id, action: 'created', summary: input.name });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [inserted('stage', row!.id, row!)]);
    return ok(row!.id);
  });
}

export async function updateStage(
  workspaceId: string,
  actorId: string,
  mapId: string,
  input: { stageId: string; version: number; name: string; description: string; phase: string | null },
) {
  return versionedUpdate(
    stage,
    workspaceId,
    mapId,
    input.stageId,
    input.version,
    { name: input.name, description: input.description, phase: input.phase },
    stageColumns,
    { actorId, entityType: 'stage', summary: input.name },
  );
}

// ---------------------------------------------------------------- lanes

const laneColumns = { id: lane.id, kind: lane.kind, name: lane.name, position: lane.position, version: lane.version };

export async function addLane(workspaceId: string, actorId: string, mapId: string, input: { kind: LaneKind; name: string }): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const ids = await orderedIds(tx, lane, workspaceId, mapId);
    const [row] = await tx
      .insert(lane)
      .values({ workspaceId, mapId, ...input, position: ids.length })
      .returning();
    await recordActivity(tx, { workspaceId, actorId, entityType: 'lane', entityId: row!.id, action: 'created', summary: input.name });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [inserted('lane', row!.id, row!)]);
    return ok(row!.id);
  });
}

export async function updateLane(workspaceId: string, actorId: string, mapId: string, input: { laneId: string; version: number; name: string }) {
  return versionedUpdate(lane, workspaceId, mapId, input.laneId, input.version, { name: input.name }, laneColumns, {
    actorId,
    entityType: 'lane',
    summary: input.name,
  });
}

/**
 * A copy of a stage or a lane placed right after it, with its cards and emotion scores (not its
 * KPIs: a KPI is a measure's one place on the map, and a copy would count its benefit twice), in
 * one transaction.
 */
export async function duplicateAxis(workspaceId: string, actorId: string, mapId: string, kind: 'stage' | 'lane', id: string): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const table = kind === 'stage' ? stage : lane;
    const ids = await orderedIds(tx, table, workspaceId, mapId);
    if (!ids.includes(id)) return NOT_FOUND;
    const changes: MapChange[] = [];
    let copyId: string;
    let name: string;
    if (kind === 'stage') {
      const [source] = await tx
        .select({ name: stage.name, description: stage.description, phase: stage.phase })
        .from(stage)
        .where(and(eq(stage.id, id), eq(stage.workspaceId, workspaceId)));
      const [row] = await tx
        .insert(stage)
        .values({ workspaceId, mapId, ...source!, position: ids.length })
        .returning();
      copyId = row!.id;
      name = source!.name;
      changes.push(inserted('stage', copyId, row!));
    } else {
      const [source] = await tx
        .select({ name: lane.name, kind: lane.kind })
        .from(lane)
        .where(and(eq(lane.id, id), eq(lane.workspaceId, workspaceId)));
      const [row] = await tx
        .insert(lane)
        .values({ workspaceId, mapId, ...source!, position: ids.length })
        .returning();
      copyId = row!.id;
      name = source!.name;
      changes.push(inserted('lane', copyId, row!));
    }
    const order = [...ids];
    order.splice(order.indexOf(id) + 1, 0, copyId);
    changes.push(...positionChanges(kind, await writePositions(tx, table, workspaceId, order)));
    // The copy's cells: the same cards and scores, in the same order, in the new stage or lane.
    const place = kind === 'stage' ? { stageId: copyId } : { laneId: copyId };
    const inAxis = <T extends typeof card | typeof emotionPoint>(t: T) =>
      and(eq(t.workspaceId, workspaceId), eq(t.mapId, mapId), kind === 'stage' ? eq(t.stageId, id) : eq(t.laneId, id));
    const cards = await tx.select().from(card).where(inAxis(card));
    if (cards.length) {
      const copies = await tx
        .insert(card)
        .values(cards.map(({ id: _id, version: _version, ...c }) => ({ ...c, ...place })))
        .returning();
      changes.push(...copies.map((c) => inserted('card', c.id, c)));
    }
    const scores = await tx.select().from(emotionPoint).where(inAxis(emotionPoint));
    if (scores.length) {
      const copies = await tx
        .insert(emotionPoint)
        .values(scores.map(({ id: _id, version: _version, ...e }) => ({ ...e, ...place })))
        .returning();
      changes.push(...copies.map((e) => inserted('emotion', e.id, e)));
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: kind, entityId: copyId, action: 'created', summary: name });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, changes);
    return ok(copyId);
  });
}

/** Deletes a stage or a lane with everything in it (cards, emotion points, KPIs), then closes the gap. */
export async function deleteAxis(workspaceId: string, actorId: string, mapId: string, kind: 'stage' | 'lane', id: string): Promise<Result> {
  const table = kind === 'stage' ? stage : lane;
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    // What the stage or lane holds goes with it (the foreign keys cascade): the history keeps it
    // all, so that a restore brings it back.
    const inAxis = <T extends typeof card | typeof emotionPoint | typeof kpi>(t: T) =>
      and(eq(t.workspaceId, workspaceId), eq(t.mapId, mapId), kind === 'stage' ? eq(t.stageId, id) : eq(t.laneId, id));
    const [cards, scores, kpis] = await Promise.all([
      tx.select().from(card).where(inAxis(card)),
      tx.select().from(emotionPoint).where(inAxis(emotionPoint)),
      tx.select().from(kpi).where(inAxis(kpi)),
    ]);
    const [row] = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.workspaceId, workspaceId), eq(table.mapId, mapId)))
      .returning();
    if (!row) return NOT_FOUND;
    const shifts = await writePositions(tx, table, workspaceId, await orderedIds(tx, table, workspaceId, mapId));
    await recordActivity(tx, { workspaceId, actorId, entityType: kind, entityId: row.id, action: 'deleted', summary: row.name });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [
      ...cards.map((c) => deleted('card', c.id, c)),
      ...scores.map((e) => deleted('emotion', e.id, e)),
      ...kpis.map((k) => deleted('kpi', k.id, k)),
      deleted(kind, row.id, row),
      ...positionChanges(kind, shifts),
    ]);
    return ok();
  });
}

// ---------------------------------------------------------------- cards

const cardColumns = {
  id: card.id,
  laneId: card.laneId,
  stageId: card.stageId,
  title: card.title,
  description: card.description,
  channel: card.channel,
  system: card.system,
  position: card.position,
  version: card.version,
};

export async function addCard(
  workspaceId: string,
  actorId: string,
  mapId: string,
  input: { laneId: string; stageId: string; title: string; description: string; channel: Channel | null; system: string | null },
): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const [l] = await tx
      .select({ kind: lane.kind })
      .from(lane)
      .where(and(eq(lane.id, input.laneId), eq(lane.workspaceId, workspaceId), eq(lane.mapId, mapId)));
    const [s] = await tx
      .select({ id: stage.id })
      .from(stage)
      .where(and(eq(stage.id, input.stageId), eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)));
    if (!l || !s) return NOT_FOUND;
    if (!(CARD_LANE_KINDS as readonly string[]).includes(l.kind)) return invalid('laneId', 'maps.laneHoldsNoCards');
    const ids = await cellIds(tx, card, workspaceId, input.laneId, input.stageId);
    const [row] = await tx
      .insert(card)
      .values({ workspaceId, mapId, ...input, position: ids.length })
      .returning();
    await recordActivity(tx, { workspaceId, actorId, entityType: 'card', entityId: row!.id, action: 'created', summary: input.title });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [inserted('card', row!.id, row!)]);
    return ok(row!.id);
  });
}

export async function updateCard(
  workspaceId: string,
  actorId: string,
  mapId: string,
  input: { cardId: string; version: number; title: string; description: string; channel: Channel | null; system: string | null },
) {
  return versionedUpdate(
    card,
    workspaceId,
    mapId,
    input.cardId,
    input.version,
    { title: input.title, description: input.description, channel: input.channel, system: input.system },
    cardColumns,
    { actorId, entityType: 'card', summary: input.title },
  );
}

/** A copy of a card placed right after it in its cell ("Copy of" is not added: the user renames). */
export async function duplicateCard(workspaceId: string, actorId: string, mapId: string, cardId: string): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const [source] = await tx
      .select({ laneId: card.laneId, stageId: card.stageId, title: card.title, description: card.description, channel: card.channel, system: card.system })
      .from(card)
      .where(and(eq(card.id, cardId), eq(card.workspaceId, workspaceId), eq(card.mapId, mapId)));
    if (!source) return NOT_FOUND;
    const ids = await cellIds(tx, card, workspaceId, source.laneId, source.stageId);
    const [row] = await tx
      .insert(card)
      .values({ workspaceId, mapId, ...source, position: ids.length })
      .returning();
    const order = [...ids];
    order.splice(order.indexOf(cardId) + 1, 0, row!.id);
    const shifts = await writePositions(tx, card, workspaceId, order);
    await recordActivity(tx, { workspaceId, actorId, entityType: 'card', entityId: row!.id, action: 'created', summary: source.title });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [inserted('card', row!.id, row!), ...positionChanges('card', shifts)]);
    return ok(row!.id);
  });
}

export async function deleteCard(workspaceId: string, actorId: string, mapId: string, cardId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const [row] = await tx
      .delete(card)
      .where(and(eq(card.id, cardId), eq(card.workspaceId, workspaceId), eq(card.mapId, mapId)))
      .returning();
    if (!row) return NOT_FOUND;
    const shifts = await writePositions(tx, card, workspaceId, await cellIds(tx, card, workspaceId, row.laneId, row.stageId));
    await recordActivity(tx, { workspaceId, actorId, entityType: 'card', entityId: row.id, action: 'deleted', summary: row.title });
    await recordMapChanges(tx, { workspaceId, mapId, actorId }, [deleted('card', row.id, row), ...positionChanges('card', shifts)]);
    return ok();
  });
}

// ---------------------------------------------------------------- emotions

const emotionColumns = {
  id: emotionPoint.id,
  laneId: emotionPoint.laneId,
  stageId: emotionPoint.stageId,
  score: emotionPoint.score,
  note: emotionPoint.note,
  version: emotionPoint.version,
};

/**
 * Sets the score of one stage on an emotion lane. The first score of a cell is created; later ones
 * must name the version they were based on.
 */
export async function setEmotion(
  workspaceId: string,
  actorId: string,
  mapId: string,
  input: { laneId: string; stageId: string; score?: number; version?: number },
): Promise<Result<undefined, unknown>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const [l] = await tx
      .select({ kind: lane.kind })
      .from(lane)
      .where(and(eq(lane.id, input.laneId), eq(lane.workspaceId, workspaceId), eq(lane.mapId, mapId)));
    const [s] = await tx
      .select({ name: stage.name })
      .from(stage)
      .where(and(eq(stage.id, input.stageId), eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)));
    if (!l || !s) return NOT_FOUND;
    if (l.kind !== 'emotions') return invalid('laneId', 'maps.notAnEmotionLane');
    const cell = and(eq(emotionPoint.workspaceId, workspaceId), eq(emotionPoint.laneId, input.laneId), eq(emotionPoint.stageId, input.stageId));
    const history = { workspaceId, mapId, actorId };
    const [before] = await tx.select().from(emotionPoint).where(cell);
    if (input.score === undefined) {
      // Clearing: the point goes if it is still the version the person saw; no point, nothing to do.
      if (input.version === undefined) return ok();
      const [removed] = await tx
        .delete(emotionPoint)
        .where(and(cell, eq(emotionPoint.version, input.version)))
        .returning();
      if (!removed) {
        const [current] = await tx.select(emotionColumns).from(emotionPoint).where(cell);
        return current ? stale(current) : ok();
      }
      await recordActivity(tx, { workspaceId, actorId, entityType: 'emotion', entityId: removed.id, action: 'deleted', summary: s.name });
      await recordMapChanges(tx, history, [deleted('emotion', removed.id, removed)]);
      await announce(tx, workspaceId, [`map:${mapId}`]);
      return ok();
    }
    const score = input.score;
    let change: MapChange | null = null;
    let id: string | undefined;
    if (input.version === undefined) {
      const [row] = await tx
        .insert(emotionPoint)
        .values({ workspaceId, mapId, laneId: input.laneId, stageId: input.stageId, score })
        .onConflictDoNothing()
        .returning();
      id = row?.id;
      if (row) change = inserted('emotion', row.id, row);
    } else {
      const [row] = await tx
        .update(emotionPoint)
        .set({ score, version: sql`${emotionPoint.version} + 1` })
        .where(and(cell, eq(emotionPoint.version, input.version)))
        .returning();
      id = row?.id;
      if (row && before) change = updated('emotion', row.id, before, row);
    }
    if (!id) {
      const [current] = await tx.select(emotionColumns).from(emotionPoint).where(cell);
      return current ? stale(current) : NOT_FOUND;
    }
    await recordMapChanges(tx, history, [change]);
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'emotion',
      entityId: id,
      action: 'updated',
      summary: `${s.name}: ${score > 0 ? '+' : ''}${score}`,
    });
    await announce(tx, workspaceId, [`map:${mapId}`]);
    return ok();
  });
}

// ---------------------------------------------------------------- shared

/**
 * Under the map lock: the row as it is, 404 when it is not there, 409 with it and its last author
 * when its version is not the one the person edited; otherwise the update with version + 1,
 * recorded in the history.
 */
async function versionedUpdate<T extends typeof stage | typeof lane | typeof card>(
  table: T,
  workspaceId: string,
  mapId: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
  columns: Record<string, unknown>,
  log: { actorId: string; entityType: 'stage' | 'lane' | 'card'; summary: string },
): Promise<Result<undefined, Record<string, unknown>>> {
  const t = table as typeof card;
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const where: SQL = and(eq(t.id, id), eq(t.workspaceId, workspaceId), eq(t.mapId, mapId))!;
    // The row with who saved it last, in one read: a refusal carries both (the editor shows the two
    // versions side by side without asking again), a save records the row's changes in the history.
    const last = lastChangeOf(workspaceId, log.entityType, t.id);
    const [found] = await tx
      .select({ row: t, savedBy: last.savedBy, savedAt: last.savedAt })
      .from(t)
      .leftJoinLateral(last, sql`true`)
      .where(where);
    if (!found) return NOT_FOUND;
    const before = found.row as unknown as Record<string, unknown>;
    if (before.version !== version) {
      return stale({ ...Object.fromEntries(Object.keys(columns).map((k) => [k, before[k]])), savedBy: found.savedBy, savedAt: found.savedAt });
    }
    await tx
      .update(t)
      .set({ ...values, version: sql`${t.version} + 1` })
      .where(where);
    await recordActivity(tx, { workspaceId, actorId: log.actorId, entityType: log.entityType, entityId: id, action: 'updated', summary: log.summary });
    await recordMapChanges(tx, { workspaceId, mapId, actorId: log.actorId }, [updated(log.entityType, id, before, values)]);
    await announce(tx, workspaceId, [`map:${mapId}`]);
    return ok();
  });
}
