// Versions of a map: the history page's list (what each version changed, by whom), a version as it
// was (the current map with the later changes undone, or the snapshot of a named version), naming
// the current version, and restoring one as a new version. Recording is map-history.server.ts.
import { and, asc, desc, eq, gt, inArray, lt, max, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '#db/client';
import { card, emotionPoint, journeyMap, kpi, lane, mapChange, mapVersion, measure, persona, stage, user } from '#db/schema';
import {
  emptySnapshot,
  planChanges,
  planRestore,
  ROW_FIELDS,
  ROW_KINDS,
  summariseChanges,
  undoChanges,
  type Fields,
  type MapChange,
  type MapSnapshot,
  type RestorePlan,
  type RowKind,
} from '~/domain/map-history';
import type { Channel, LaneKind, MapState, Trend } from '~/domain/vocabulary';
import type { KpiChipData } from '~/lib/kpi-chip';
import { recordActivity } from './activity.server';
import { listMapKpis } from './kpis.server';
import { historyClock, insertChanges, isOpen, latestVersion, openVersion, VERSIONS_PAGE_SIZE } from './map-history.server';
import { lockMap } from './map-positions.server';
import { NOT_FOUND, ok, stale, type Result } from './result.server';

const TABLES = { stage, lane, card, emotion: emotionPoint, kpi } as const;
const CHUNK = 500;

// ---------------------------------------------------------------- the map as a snapshot

const columnsOf = (table: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(['id', ...fields].map((f) => [f, table[f]])) as unknown as { id: typeof stage.id };

/** The map's current content (its followed fields and rows): six queries whatever its size. */
export async function loadSnapshot(executor: Executor, workspaceId: string, mapId: string): Promise<MapSnapshot | null> {
  const [maps, ...rows] = await Promise.all([
    executor
      .select({ id: journeyMap.id, name: journeyMap.name, description: journeyMap.description, personaId: journeyMap.personaId, state: journeyMap.state })
      .from(journeyMap)
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId))),
    ...ROW_KINDS.map((kind) => {
      const table = TABLES[kind] as unknown as typeof card;
      return executor
        .select(columnsOf(table as unknown as Record<string, unknown>, ROW_FIELDS[kind]))
        .from(table)
        .where(and(eq(table.workspaceId, workspaceId), eq(table.mapId, mapId)));
    }),
  ]);
  const m = maps[0];
  if (!m) return null;
  const { id: _id, ...mapFields } = m;
  const snapshot = emptySnapshot(mapFields);
  ROW_KINDS.forEach((kind, i) => {
    for (const row of rows[i] as unknown as (Fields & { id: string })[]) {
      const { id, ...fields } = row;
      snapshot[kind][id] = fields;
    }
  });
  return snapshot;
}

/** The changes made after a version (in the versions that follow it), oldest first. */
async function changesAfter(executor: Executor, workspaceId: string, mapId: string, versionSeq: number): Promise<MapChange[]> {
  const rows = await executor
    .select({ kind: mapChange.kind, entityId: mapChange.entityId, op: mapChange.op, before: mapChange.before, after: mapChange.after })
    .from(mapChange)
    .innerJoin(mapVersion, and(eq(mapVersion.id, mapChange.versionId), eq(mapVersion.workspaceId, workspaceId)))
    .where(and(eq(mapChange.workspaceId, workspaceId), eq(mapVersion.mapId, mapId), gt(mapVersion.seq, versionSeq)))
    .orderBy(asc(mapChange.seq));
  return rows as MapChange[];
}

/** The newest change recorded on the map (0 for none): what a restore checks nobody saved since. */
async function mapHead(executor: Executor, workspaceId: string, mapId: string) {
  const [row] = await executor
    .select({ head: max(mapChange.seq) })
    .from(mapChange)
    .innerJoin(mapVersion, and(eq(mapVersion.id, mapChange.versionId), eq(mapVersion.workspaceId, workspaceId)))
    .where(and(eq(mapChange.workspaceId, workspaceId), eq(mapVersion.mapId, mapId)));
  return Number(row?.head ?? 0);
}

const versionColumns = {
  id: mapVersion.id,
  seq: mapVersion.seq,
  name: mapVersion.name,
  authorIds: mapVersion.authorIds,
  openedAt: mapVersion.openedAt,
  lastEditAt: mapVersion.lastEditAt,
  closedAt: mapVersion.closedAt,
  restoredFromAt: mapVersion.restoredFromAt,
  restoredFromName: mapVersion.restoredFromName,
};

async function findVersion(executor: Executor, workspaceId: string, mapId: string, versionId: string) {
  const [row] = await executor
    .select({ ...versionColumns, snapshot: mapVersion.snapshot })
    .from(mapVersion)
    .where(and(eq(mapVersion.id, versionId), eq(mapVersion.workspaceId, workspaceId), eq(mapVersion.mapId, mapId)));
  return row ?? null;
}

/** The map at the end of a version: its snapshot when named, else the current map with later changes undone. */
async function rebuild(executor: Executor, workspaceId: string, mapId: string, version: { seq: number; snapshot: unknown }, current: MapSnapshot) {
  if (version.snapshot) return version.snapshot as MapSnapshot;
  return undoChanges(current, await changesAfter(executor, workspaceId, mapId, version.seq));
}

// ---------------------------------------------------------------- naming

/**
 * Names the map's current version and closes it (the next save opens a new one). When the newest
 * version already has a name (or there is none yet), a new one is made that changes nothing: a
 * named point in the map's life. The map as it is now is kept with the name.
 */
export async function nameCurrentVersion(workspaceId: string, actorId: string, mapId: string, name: string): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const now = historyClock.now();
    const snapshot = await loadSnapshot(tx, workspaceId, mapId);
    const latest = await latestVersion(tx, workspaceId, mapId);
    let versionId: string;
    if (latest && latest.name === null) {
      await tx
        .update(mapVersion)
        .set({ name, snapshot, closedAt: latest.closedAt ?? (isOpen(latest, now) ? now : latest.lastEditAt) })
        .where(and(eq(mapVersion.id, latest.id), eq(mapVersion.workspaceId, workspaceId)));
      versionId = latest.id;
    } else {
      versionId = await openVersion(tx, { workspaceId, mapId, actorId }, now, { name, snapshot, closedAt: now });
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map_version', entityId: versionId, action: 'named', summary: name });
    return ok(versionId);
  });
}

// ---------------------------------------------------------------- reading

/** A page of the map's versions, newest first, each with its authors and what it changed: 4 queries. */
export async function listVersions(workspaceId: string, mapId: string, before?: number) {
  const [maps, rows] = await Promise.all([
    db
      .select({ id: journeyMap.id, name: journeyMap.name })
      .from(journeyMap)
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId))),
    db
      .select(versionColumns)
      .from(mapVersion)
      .where(and(eq(mapVersion.workspaceId, workspaceId), eq(mapVersion.mapId, mapId), before ? lt(mapVersion.seq, before) : undefined))
      .orderBy(desc(mapVersion.seq))
      .limit(VERSIONS_PAGE_SIZE + 1),
  ]);
  const map = maps[0];
  if (!map) return null;
  const page = rows.slice(0, VERSIONS_PAGE_SIZE);
  const ids = page.map((v) => v.id);
  const authorIds = [...new Set(page.flatMap((v) => v.authorIds))];
  const [changes, authors] = await Promise.all([
    ids.length
      ? db
          .select({
            versionId: mapChange.versionId,
            kind: mapChange.kind,
            entityId: mapChange.entityId,
            op: mapChange.op,
            before: mapChange.before,
            after: mapChange.after,
          })
          .from(mapChange)
          .where(and(eq(mapChange.workspaceId, workspaceId), inArray(mapChange.versionId, ids)))
          .orderBy(asc(mapChange.seq))
      : [],
    authorIds.length ? db.select({ id: user.id, name: user.displayName }).from(user).where(inArray(user.id, authorIds)) : [],
  ]);
  const byVersion = new Map<string, MapChange[]>();
  for (const { versionId, ...c } of changes) {
    const list = byVersion.get(versionId) ?? [];
    list.push(c as MapChange);
    byVersion.set(versionId, list);
  }
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const now = historyClock.now();
  return {
    map,
    versions: page.map((v) => ({
      id: v.id,
      seq: v.seq,
      name: v.name,
      authors: v.authorIds.map((id) => names.get(id) ?? null),
      openedAt: v.openedAt,
      endedAt: v.lastEditAt,
      open: isOpen(v, now),
      restoredFrom: v.restoredFromAt ? { at: v.restoredFromAt, name: v.restoredFromName } : null,
      summary: summariseChanges(byVersion.get(v.id) ?? []),
    })),
    /** The cursor of the next (older) page, when there is one. */
    older: rows.length > VERSIONS_PAGE_SIZE ? page[page.length - 1]!.seq : null,
  };
}

export type VersionList = NonNullable<Awaited<ReturnType<typeof listVersions>>>;

/**
 * A version as the board draws it (the shape of the editor's data, every stage sent), what restoring
 * it would change, and the map's newest change (the restore form sends it back): read in one
 * snapshot of the database, in a fixed number of queries.
 */
export async function loadVersionView(workspaceId: string, mapId: string, versionId: string) {
  return db.transaction(
    async (tx) => {
      const version = await findVersion(tx, workspaceId, mapId, versionId);
      if (!version) return null;
      const [current, head, chips, authors] = await Promise.all([
        loadSnapshot(tx, workspaceId, mapId),
        mapHead(tx, workspaceId, mapId),
        listMapKpis(workspaceId, mapId, tx),
        version.authorIds.length ? tx.select({ id: user.id, name: user.displayName }).from(user).where(inArray(user.id, version.authorIds)) : [],
      ]);
      if (!current) return null;
      const target = await rebuild(tx, workspaceId, mapId, version, current);
      const measures = await measuresOf(tx, workspaceId, target);
      const restorable = withoutMissing(target, measures, null);
      const plan = planRestore(mapId, current, restorable);
      const names = new Map(authors.map((a) => [a.id, a.name]));
      const { snapshot: _snapshot, authorIds, ...rest } = version;
      return {
        version: { ...rest, authors: authorIds.map((id) => names.get(id) ?? null) },
        board: boardOf(mapId, target, measures, new Map(chips.map((c) => [c.id, c]))),
        restore: summariseChanges(planChanges(plan)),
        head,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

type MeasureInfo = { id: string; name: string; unit: string; trend: Trend; archivedAt: Date | null };

async function measuresOf(executor: Executor, workspaceId: string, snapshot: MapSnapshot): Promise<Map<string, MeasureInfo>> {
  const ids = [...new Set(Object.values(snapshot.kpi).map((k) => String(k.measureId)))];
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: measure.id, name: measure.name, unit: measure.unit, trend: measure.trend, archivedAt: measure.archivedAt })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), inArray(measure.id, ids)));
  return new Map(rows.map((m) => [m.id, m]));
}

/**
 * What a restore can bring back: a KPI whose measure was deleted since cannot be placed again, and a
 * persona deleted since is no longer the map's (`personaOk` null: not checked, for display).
 */
function withoutMissing(snapshot: MapSnapshot, measures: ReadonlyMap<string, unknown>, personaOk: boolean | null): MapSnapshot {
  const kpis = Object.fromEntries(Object.entries(snapshot.kpi).filter(([, k]) => measures.has(String(k.measureId))));
  const map = personaOk === false ? { ...snapshot.map, personaId: null } : snapshot.map;
  return { ...snapshot, map, kpi: kpis };
}

const byPosition = <T extends { position: number; id: string }>(rows: T[]) => rows.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

/** A snapshot in the editor's data shape, for the board in its read-only mode. */
function boardOf(mapId: string, s: MapSnapshot, measures: ReadonlyMap<string, MeasureInfo>, chips: ReadonlyMap<string, KpiChipData>) {
  const rows = <T>(kind: RowKind, shape: (id: string, f: Fields) => T) => Object.entries(s[kind]).map(([id, f]) => shape(id, f));
  const num = (v: unknown) => Number(v ?? 0);
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const stages = byPosition(
    rows('stage', (id, f) => ({
      id,
      name: str(f.name),
      description: str(f.description),
      phase: opt(f.phase),
      position: num(f.position),
      version: num(f.version),
    })),
  );
  const lanes = byPosition(rows('lane', (id, f) => ({ id, kind: f.kind as LaneKind, name: str(f.name), position: num(f.position), version: num(f.version) })));
  const cards = byPosition(
    rows('card', (id, f) => ({
      id,
      laneId: str(f.laneId),
      stageId: str(f.stageId),
      title: str(f.title),
      description: str(f.description),
      channel: opt(f.channel) as Channel | null,
      system: opt(f.system),
      position: num(f.position),
      version: num(f.version),
    })),
  );
  const emotions = rows('emotion', (id, f) => ({
    id,
    laneId: str(f.laneId),
    stageId: str(f.stageId),
    score: num(f.score),
    note: str(f.note),
    version: num(f.version),
  }));
  const kpis: KpiChipData[] = [];
  for (const [id, f] of Object.entries(s.kpi)) {
    const m = measures.get(String(f.measureId));
    if (!m) continue;
    const place = { laneId: str(f.laneId), stageId: str(f.stageId), position: num(f.position) };
    const now = chips.get(id);
    kpis.push(
      now
        ? { ...now, ...place }
        : {
            id,
            ...place,
            version: num(f.version),
            measureId: m.id,
            measureName: m.name,
            unit: m.unit,
            trend: m.trend,
            current: null,
            target: opt(f.targetValue),
            status: 'no_trend',
            spark: null,
            archived: m.archivedAt !== null,
          },
    );
  }
  byPosition(kpis);
  const holdings: { byStage: Record<string, Holding>; byLane: Record<string, Holding> } = { byStage: {}, byLane: {} };
  const count = (item: { stageId: string; laneId: string }, key: keyof Holding) => {
    for (const [into, id] of [
      [holdings.byStage, item.stageId],
      [holdings.byLane, item.laneId],
    ] as const) {
      const h = (into[id] ??= { cards: 0, kpis: 0, emotions: 0 });
      h[key] += 1;
    }
  };
  cards.forEach((c) => count(c, 'cards'));
  kpis.forEach((k) => count(k, 'kpis'));
  emotions.forEach((e) => count(e, 'emotions'));
  return {
    map: {
      id: mapId,
      name: str(s.map.name),
      description: str(s.map.description),
      state: (s.map.state ?? 'current') as MapState,
      personaId: opt(s.map.personaId),
      archivedAt: null as Date | null,
      version: 0,
      persona: null as { name: string; description: string; goals: string; frustrations: string } | null,
    },
    stages,
    lanes,
    window: { from: 0, to: stages.length },
    holdings,
    cards,
    emotions,
    kpis,
    personas: [] as { id: string; name: string }[],
  };
}

type Holding = { cards: number; kpis: number; emotions: number };

// ---------------------------------------------------------------- restoring

/**
 * Brings the map back to a version in one transaction: the difference between now and then is
 * written (rows removed since come back with their ids, rows added since go, edits and moves are
 * undone, each changed row's version bumped so open editors see a conflict) and recorded as a new
 * version of its own, which can be restored over in turn. `head` is the map's newest change when
 * the person opened the version: if anyone saved since, nothing is written (stale).
 */
export async function restoreVersion(
  workspaceId: string,
  actorId: string,
  mapId: string,
  versionId: string,
  head: number,
): Promise<Result<{ changes: number }, { head: number }>> {
  return db.transaction(async (tx) => {
    if (!(await lockMap(tx, workspaceId, mapId))) return NOT_FOUND;
    const version = await findVersion(tx, workspaceId, mapId, versionId);
    if (!version) return NOT_FOUND;
    const now = await mapHead(tx, workspaceId, mapId);
    if (now !== head) return stale({ head: now });
    const current = (await loadSnapshot(tx, workspaceId, mapId))!;
    const wanted = await rebuild(tx, workspaceId, mapId, version, current);
    const personaId = wanted.map.personaId ? String(wanted.map.personaId) : null;
    const [personaOk, measures] = await Promise.all([
      personaId
        ? tx
            .select({ id: persona.id })
            .from(persona)
            .where(and(eq(persona.id, personaId), eq(persona.workspaceId, workspaceId)))
            .then((r) => r.length > 0)
        : true,
      measuresOf(tx, workspaceId, wanted),
    ]);
    const plan = planRestore(mapId, current, withoutMissing(wanted, measures, personaOk));
    const changes = planChanges(plan);
    if (changes.length === 0) return ok({ changes: 0 });
    await applyPlan(tx, workspaceId, mapId, plan);
    const newVersion = await openVersion(tx, { workspaceId, mapId, actorId }, historyClock.now(), {
      closedAt: historyClock.now(),
      restoredFromAt: version.lastEditAt,
      restoredFromName: version.name,
    });
    await insertChanges(tx, workspaceId, newVersion, changes);
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'map_version',
      entityId: newVersion,
      action: 'restored',
      summary: version.name ?? version.lastEditAt.toISOString(),
    });
    return ok({ changes: changes.length });
  });
}

/** Writes a restore plan: removals of what the stages and lanes hold, new stages and lanes, edits, the rest. */
async function applyPlan(tx: Transaction, workspaceId: string, mapId: string, plan: RestorePlan) {
  if (plan.map) {
    await tx
      .update(journeyMap)
      .set({ ...(plan.map.after as Partial<typeof journeyMap.$inferInsert>), version: sql`${journeyMap.version} + 1`, updatedAt: new Date() })
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)));
  }
  const remove = async (changes: MapChange[]) => {
    for (const kind of ROW_KINDS) {
      const ids = changes.filter((c) => c.kind === kind).map((c) => c.entityId);
      if (ids.length === 0) continue;
      const table = TABLES[kind] as unknown as typeof card;
      await tx.delete(table).where(and(eq(table.workspaceId, workspaceId), eq(table.mapId, mapId), inArray(table.id, ids)));
    }
  };
  const add = async (changes: MapChange[]) => {
    for (const kind of ROW_KINDS) {
      const rows = changes
        .filter((c) => c.kind === kind)
        .map((c) => ({ ...c.after, id: c.entityId, workspaceId, mapId, version: Number(c.after?.version ?? 0) + 1 }));
      if (rows.length === 0) continue;
      const table = TABLES[kind] as unknown as typeof card;
      for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK) as (typeof card.$inferInsert)[]);
    }
  };
  await remove(plan.removeItems);
  await add(plan.addAxes);
  for (const c of plan.updates) {
    const table = TABLES[c.kind as RowKind] as unknown as typeof card;
    await tx
      .update(table)
      .set({ ...(c.after as Partial<typeof card.$inferInsert>), version: sql`${table.version} + 1` })
      .where(and(eq(table.id, c.entityId), eq(table.workspaceId, workspaceId), eq(table.mapId, mapId)));
  }
  await remove(plan.removeAxes);
  await add(plan.addItems);
}
