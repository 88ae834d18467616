// The version history of a map, as pure functions: which fields of which rows a change records, the
// map as it was (the current state with the later changes undone), the changes that bring a map back
// to an earlier state (a restore), and what a version changed in words a person reads.
import type { MapChangeKind, MapChangeOp } from './vocabulary';

export type FieldValue = string | number | null;
export type Fields = Record<string, FieldValue>;

/** One recorded change: `before`/`after` hold the changed fields (whole rows when added or removed). */
export interface MapChange {
  kind: MapChangeKind;
  entityId: string;
  op: MapChangeOp;
  before: Fields | null;
  after: Fields | null;
}

export type RowKind = Exclude<MapChangeKind, 'map'>;
export const ROW_KINDS = ['stage', 'lane', 'card', 'emotion', 'kpi'] as const satisfies readonly RowKind[];

/** The fields a version follows and a restore writes back, per kind. */
export const TRACKED_FIELDS: Record<MapChangeKind, readonly string[]> = {
  map: ['name', 'description', 'personaId', 'state'],
  stage: ['name', 'description', 'phase', 'position'],
  lane: ['kind', 'name', 'position'],
  card: ['laneId', 'stageId', 'title', 'description', 'channel', 'system', 'position'],
  emotion: ['laneId', 'stageId', 'score', 'note'],
  // A KPI's settings (note, target...) and values belong to the KPI, not to the map's layout: only
  // its place is followed; the settings travel with a removed KPI so that a restore brings it back whole.
  kpi: ['laneId', 'stageId', 'measureId', 'position'],
};

/** What a removed row keeps so that it can be recreated: its followed fields, its version, a KPI's settings. */
export const ROW_FIELDS: Record<MapChangeKind, readonly string[]> = {
  map: TRACKED_FIELDS.map,
  stage: [...TRACKED_FIELDS.stage, 'version'],
  lane: [...TRACKED_FIELDS.lane, 'version'],
  card: [...TRACKED_FIELDS.card, 'version'],
  emotion: [...TRACKED_FIELDS.emotion, 'version'],
  kpi: [...TRACKED_FIELDS.kpi, 'note', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'impactMode', 'manualAmount', 'version'],
};

const POSITION_FIELDS = new Set(['position', 'stageId', 'laneId']);

/** A map's content: the map's own fields and its rows by kind and id. */
export type MapSnapshot = { map: Fields } & Record<RowKind, Record<string, Fields>>;

export function emptySnapshot(map: Fields = {}): MapSnapshot {
  return { map, stage: {}, lane: {}, card: {}, emotion: {}, kpi: {} };
}

/** The fields of `row` a change of `kind` keeps (missing ones as null). */
export function pickRow(kind: MapChangeKind, row: Record<string, unknown>): Fields {
  const out: Fields = {};
  for (const field of ROW_FIELDS[kind]) out[field] = (row[field] ?? null) as FieldValue;
  return out;
}

export function inserted(kind: MapChangeKind, id: string, row: Record<string, unknown>): MapChange {
  return { kind, entityId: id, op: 'insert', before: null, after: pickRow(kind, row) };
}

export function deleted(kind: MapChangeKind, id: string, row: Record<string, unknown>): MapChange {
  return { kind, entityId: id, op: 'delete', before: pickRow(kind, row), after: null };
}

/** The followed fields that differ between two states of a row, or null when none does. */
export function updated(
  kind: MapChangeKind,
  id: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  op: 'update' | 'shift' = 'update',
): MapChange | null {
  const b: Fields = {};
  const a: Fields = {};
  let any = false;
  for (const field of TRACKED_FIELDS[kind]) {
    if (!(field in after)) continue;
    const was = (before[field] ?? null) as FieldValue;
    const is = (after[field] ?? null) as FieldValue;
    if (was === is) continue;
    b[field] = was;
    a[field] = is;
    any = true;
  }
  return any ? { kind, entityId: id, op, before: b, after: a } : null;
}

/** Positions renumbered in a container: `moved` is the row the person moved, the others only shift. */
export function positionChanges(kind: RowKind, changes: readonly { id: string; before: number; after: number }[], moved?: string): MapChange[] {
  return changes.map((c) => ({
    kind,
    entityId: c.id,
    op: c.id === moved ? 'update' : 'shift',
    before: { position: c.before },
    after: { position: c.after },
  }));
}

function cloneSnapshot(s: MapSnapshot): MapSnapshot {
  const out = emptySnapshot({ ...s.map });
  for (const kind of ROW_KINDS) for (const [id, row] of Object.entries(s[kind])) out[kind][id] = { ...row };
  return out;
}

/**
 * The map before `changes` (oldest first), from the map after them: each change undone, newest
 * first. A row added is taken away, a row removed comes back, an edit gets its former fields.
 */
export function undoChanges(after: MapSnapshot, changes: readonly MapChange[]): MapSnapshot {
  const state = cloneSnapshot(after);
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]!;
    if (c.kind === 'map') {
      // The map's creation is where its history starts: there is nothing before it to rebuild.
      if (c.op !== 'insert' && c.before) state.map = { ...state.map, ...c.before };
      continue;
    }
    const rows = state[c.kind];
    if (c.op === 'insert') delete rows[c.entityId];
    else if (c.op === 'delete') rows[c.entityId] = { ...c.before };
    else if (rows[c.entityId]) rows[c.entityId] = { ...rows[c.entityId], ...c.before };
  }
  return state;
}

/** Rows in the order a restore writes them: parents (stages, lanes) before what they hold. */
const INSERT_ORDER: readonly RowKind[] = ['stage', 'lane', 'card', 'emotion', 'kpi'];

/** The changes that turn `current` into `target`, in the order to apply them. */
export interface RestorePlan {
  map: MapChange | null;
  /** Removed first: cards, emotion scores and KPIs that the target does not hold. */
  removeItems: MapChange[];
  addAxes: MapChange[];
  updates: MapChange[];
  /** Stages and lanes the target does not hold, once what they held has moved or gone. */
  removeAxes: MapChange[];
  addItems: MapChange[];
}

export function planRestore(mapId: string, current: MapSnapshot, target: MapSnapshot): RestorePlan {
  const plan: RestorePlan = { map: updated('map', mapId, current.map, target.map), removeItems: [], addAxes: [], updates: [], removeAxes: [], addItems: [] };
  for (const kind of INSERT_ORDER) {
    const axis = kind === 'stage' || kind === 'lane';
    for (const [id, row] of Object.entries(current[kind])) {
      if (!target[kind][id]) (axis ? plan.removeAxes : plan.removeItems).push(deleted(kind, id, row));
    }
    for (const [id, row] of Object.entries(target[kind])) {
      const now = current[kind][id];
      if (!now) (axis ? plan.addAxes : plan.addItems).push(inserted(kind, id, row));
      else {
        const change = updated(kind, id, now, row);
        if (change) plan.updates.push(change);
      }
    }
  }
  return plan;
}

/** Every change of a plan, in the order it is applied. */
export function planChanges(plan: RestorePlan): MapChange[] {
  return [...(plan.map ? [plan.map] : []), ...plan.removeItems, ...plan.addAxes, ...plan.updates, ...plan.removeAxes, ...plan.addItems];
}

// ---------------------------------------------------------------- what a version changed

export type CountedKind = 'stage' | 'lane' | 'card' | 'kpi';
export const COUNTED_KINDS = ['card', 'stage', 'lane', 'kpi'] as const satisfies readonly CountedKind[];
export interface Counts {
  added: number;
  edited: number;
  moved: number;
  removed: number;
}

export interface VersionSummary {
  /** The map was created (blank, from a template, imported or duplicated) in this version. */
  created: boolean;
  mapRenamed: { from: string; to: string } | null;
  /** The map's description, persona or state changed. */
  mapEdited: boolean;
  counts: Record<CountedKind, Counts>;
  /** Stages and lanes renamed (their other edits count as edited). */
  renamed: { kind: 'stage' | 'lane'; from: string; to: string }[];
  /** Emotion scores set, changed or cleared. */
  emotions: number;
}

const noCounts = (): Counts => ({ added: 0, edited: 0, moved: 0, removed: 0 });

/**
 * What a list of changes (oldest first) did, counted once per row by its net effect: a card added
 * then edited is added; added then removed is nothing; renumbering caused by another move is not a move.
 */
export function summariseChanges(changes: readonly MapChange[]): VersionSummary {
  const summary: VersionSummary = {
    created: false,
    mapRenamed: null,
    mapEdited: false,
    counts: { card: noCounts(), stage: noCounts(), lane: noCounts(), kpi: noCounts() },
    renamed: [],
    emotions: 0,
  };
  const byRow = new Map<string, MapChange[]>();
  for (const c of changes) {
    const key = `${c.kind}:${c.entityId}`;
    const list = byRow.get(key);
    if (list) list.push(c);
    else byRow.set(key, [c]);
  }
  for (const list of byRow.values()) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const kind = first.kind;
    if (kind === 'map') {
      if (list.some((c) => c.op === 'insert')) {
        summary.created = true;
        continue;
      }
      const net = netEdit(list);
      if ('name' in net.after && net.before.name !== net.after.name)
        summary.mapRenamed = { from: String(net.before.name ?? ''), to: String(net.after.name ?? '') };
      if (Object.keys(net.after).some((f) => f !== 'name' && net.before[f] !== net.after[f])) summary.mapEdited = true;
      continue;
    }
    const addedHere = first.op === 'insert';
    const removedHere = last.op === 'delete';
    if (addedHere && removedHere) continue;
    if (kind === 'emotion') {
      const net = netEdit(list);
      if (addedHere || removedHere || Object.keys(net.after).some((f) => net.before[f] !== net.after[f])) summary.emotions += 1;
      continue;
    }
    const counts = summary.counts[kind];
    if (addedHere) counts.added += 1;
    else if (removedHere) counts.removed += 1;
    else {
      const net = netEdit(list.filter((c) => c.op === 'update'));
      const changed = Object.keys(net.after).filter((f) => net.before[f] !== net.after[f]);
      if (changed.some((f) => POSITION_FIELDS.has(f))) counts.moved += 1;
      const renamed = (kind === 'stage' || kind === 'lane') && changed.includes('name');
      if (renamed) summary.renamed.push({ kind, from: String(net.before.name ?? ''), to: String(net.after.name ?? '') });
      if (changed.some((f) => !POSITION_FIELDS.has(f) && !(renamed && f === 'name'))) counts.edited += 1;
    }
  }
  return summary;
}

/** The fields a run of edits changed, from their first former value to their last new one. */
function netEdit(list: readonly MapChange[]) {
  const before: Fields = {};
  const after: Fields = {};
  for (const c of list) {
    for (const [field, value] of Object.entries(c.before ?? {})) if (!(field in before)) before[field] = value;
    Object.assign(after, c.after ?? {});
  }
  return { before, after };
}

export function isEmptySummary(s: VersionSummary) {
  return (
    !s.created &&
    !s.mapRenamed &&
    !s.mapEdited &&
    s.renamed.length === 0 &&
    s.emotions === 0 &&
    COUNTED_KINDS.every((k) => Object.values(s.counts[k]).every((n) => n === 0))
  );
}
