// Maps as documents: JSON export, import into a workspace, deep duplicate and creation from a
// template all go through one format (app/domain/map-export.ts) and one writer, in one transaction.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '#db/client';
import { card, emotionPoint, journeyMap, kpi, kpiValue, lane, measure, persona, stage } from '#db/schema';
import { trimDecimal } from '~/domain/decimal';
import { MAP_EXPORT_FORMAT, MAP_EXPORT_VERSION, type MapExport } from '~/domain/map-export';
import { findTemplate, templateToExport } from '~/domain/map-templates';
import { dedupeByDate } from '~/domain/value-history';
import type { Locale, MapState, ValueSource } from '~/domain/vocabulary';
import { inserted } from '~/domain/map-history';
import { recordActivity } from './activity.server';
import { recordMapChanges } from './map-history.server';
import { ANALYZE_AFTER_ROWS, analyzeTables } from './table-statistics.server';

/** The map as an export document, or null when it is not in this workspace. */
export async function exportMap(workspaceId: string, mapId: string, executor: Executor = db): Promise<MapExport | null> {
  const [m] = await executor
    .select({ name: journeyMap.name, description: journeyMap.description, state: journeyMap.state, persona: persona.name })
    .from(journeyMap)
    .leftJoin(persona, eq(persona.id, journeyMap.personaId))
    .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)));
  if (!m) return null;
  const [stages, lanes, cards, emotions, kpis, values] = await Promise.all([
    executor
      .select()
      .from(stage)
      .where(and(eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)))
      .orderBy(asc(stage.position), asc(stage.id)),
    executor
      .select()
      .from(lane)
      .where(and(eq(lane.workspaceId, workspaceId), eq(lane.mapId, mapId)))
      .orderBy(asc(lane.position), asc(lane.id)),
    executor
      .select()
      .from(card)
      .where(and(eq(card.workspaceId, workspaceId), eq(card.mapId, mapId)))
      .orderBy(asc(card.position), asc(card.id)),
    executor
      .select()
      .from(emotionPoint)
      .where(and(eq(emotionPoint.workspaceId, workspaceId), eq(emotionPoint.mapId, mapId))),
    executor
      .select({ kpi, measure })
      .from(kpi)
      .innerJoin(measure, eq(measure.id, kpi.measureId))
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
      .orderBy(asc(kpi.position), asc(kpi.id)),
    executor
      .select({ kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value, source: kpiValue.source })
      .from(kpiValue)
      .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
      .where(and(eq(kpiValue.workspaceId, workspaceId), eq(kpi.mapId, mapId)))
      .orderBy(asc(kpiValue.date)),
  ]);
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const byKpi = new Map<string, { date: string; value: string; source: ValueSource }[]>();
  for (const v of values) {
    const list = byKpi.get(v.kpiId) ?? [];
    list.push({ date: v.date, value: trimDecimal(v.value), source: v.source });
    byKpi.set(v.kpiId, list);
  }
  const at = (laneId: string, stageId: string) => ({ lane: laneIndex.get(laneId)!, stage: stageIndex.get(stageId)! });
  // A stable order: by lane, then stage, then position in the cell.
  const byCell = <T extends { laneId: string; stageId: string }>(rows: T[], position: (r: T) => number) =>
    [...rows].sort(
      (a, b) => laneIndex.get(a.laneId)! - laneIndex.get(b.laneId)! || stageIndex.get(a.stageId)! - stageIndex.get(b.stageId)! || position(a) - position(b),
    );
  return {
    format: MAP_EXPORT_FORMAT,
    version: MAP_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    map: { name: m.name, description: m.description, state: m.state, persona: m.persona },
    stages: stages.map((s) => ({ name: s.name, description: s.description, phase: s.phase })),
    lanes: lanes.map((l) => ({ kind: l.kind, name: l.name })),
    // Rows come sorted by position, so the order inside each cell is the order of the array.
    cards: byCell(cards, (c) => c.position).map((c) => ({
      ...at(c.laneId, c.stageId),
      title: c.title,
      description: c.description,
      channel: c.channel,
      system: c.system,
    })),
    emotions: byCell(emotions, () => 0).map((e) => ({ ...at(e.laneId, e.stageId), score: e.score, note: e.note })),
    kpis: byCell(
      kpis.map((r) => ({ ...r, laneId: r.kpi.laneId, stageId: r.kpi.stageId })),
      (r) => r.kpi.position,
    ).map(({ kpi: k, measure: me }) => ({
      ...at(k.laneId, k.stageId),
      measure: {
        name: me.name,
        description: me.description,
        unit: me.unit,
        trend: me.trend,
        valueAmount: trimDecimal(me.valueAmount),
        valueStep: trimDecimal(me.valueStep),
        impactType: me.impactType,
      },
      note: k.note,
      baselineValue: trimDecimal(k.baselineValue),
      baselineDate: k.baselineDate,
      targetValue: trimDecimal(k.targetValue),
      targetDate: k.targetDate,
      impactMode: k.impactMode,
      manualAmount: trimDecimal(k.manualAmount),
      values: byKpi.get(k.id) ?? [],
    })),
  };
}

const CHUNK = 1000;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes an export document as a new map of `workspaceId` inside `tx`. The persona is matched by
 * name; measures referenced by KPIs are matched by name (case-insensitively) or created.
 */
export async function writeMapDocument(tx: Transaction, workspaceId: string, doc: MapExport, overrides: { personaId?: string | null } = {}): Promise<string> {
  const mapId = crypto.randomUUID();
  let personaId = overrides.personaId;
  if (personaId === undefined) {
    personaId = null;
    if (doc.map.persona) {
      const [p] = await tx
        .select({ id: persona.id })
        .from(persona)
        .where(and(eq(persona.workspaceId, workspaceId), sql`lower(${persona.name}) = lower(${doc.map.persona})`))
        .limit(1);
      personaId = p?.id ?? null;
    }
  }
  await tx.insert(journeyMap).values({ id: mapId, workspaceId, name: doc.map.name, description: doc.map.description, state: doc.map.state, personaId });
  const stageIds = doc.stages.map(() => crypto.randomUUID());
  const laneIds = doc.lanes.map(() => crypto.randomUUID());
  if (doc.stages.length) {
    await tx
      .insert(stage)
      .values(doc.stages.map((s, i) => ({ id: stageIds[i], workspaceId, mapId, name: s.name, description: s.description, phase: s.phase, position: i })));
  }
  if (doc.lanes.length) {
    await tx.insert(lane).values(doc.lanes.map((l, i) => ({ id: laneIds[i], workspaceId, mapId, kind: l.kind, name: l.name, position: i })));
  }
  const nextPosition = cellCounter();
  await insertChunked(
    doc.cards.map((c) => ({
      workspaceId,
      mapId,
      laneId: laneIds[c.lane]!,
      stageId: stageIds[c.stage]!,
      title: c.title,
      description: c.description,
      channel: c.channel,
      system: c.system,
      position: nextPosition(`${c.lane}:${c.stage}`),
    })),
    (rows) => tx.insert(card).values(rows),
  );
  await insertChunked(
    doc.emotions.map((e) => ({ workspaceId, mapId, laneId: laneIds[e.lane]!, stageId: stageIds[e.stage]!, score: e.score, note: e.note })),
    (rows) => tx.insert(emotionPoint).values(rows),
  );
  if (doc.kpis.length) {
    const measureIds = await resolveMeasures(
      tx,
      workspaceId,
      doc.kpis.map((k) => k.measure),
    );
    const nextKpiPosition = cellCounter();
    const kpiIds = doc.kpis.map(() => crypto.randomUUID());
    await insertChunked(
      doc.kpis.map((k, i) => ({
        id: kpiIds[i],
        workspaceId,
        mapId,
        laneId: laneIds[k.lane]!,
        stageId: stageIds[k.stage]!,
        measureId: measureIds.get(k.measure.name.toLowerCase())!,
        position: nextKpiPosition(`${k.lane}:${k.stage}`),
        note: k.note,
        baselineValue: k.baselineValue,
        baselineDate: k.baselineDate,
        targetValue: k.targetValue,
        targetDate: k.targetDate,
        impactMode: k.impactMode,
        manualAmount: k.manualAmount,
      })),
      (rows) => tx.insert(kpi).values(rows),
    );
    await insertChunked(
      doc.kpis.flatMap((k, i) => dedupeByDate(k.values).map((v) => ({ workspaceId, kpiId: kpiIds[i]!, date: v.date, value: v.value, source: v.source }))),
      (rows) => tx.insert(kpiValue).values(rows),
    );
  }
  return mapId;
}

function cellCounter() {
  const counts = new Map<string, number>();
  return (key: string) => {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return n;
  };
}

async function resolveMeasures(tx: Transaction, workspaceId: string, wanted: MapExport['kpis'][number]['measure'][]) {
  const byName = new Map<string, (typeof wanted)[number]>();
  for (const m of wanted) if (!byName.has(m.name.toLowerCase())) byName.set(m.name.toLowerCase(), m);
  const names = [...byName.keys()];
  const existing = await tx
    .select({ id: measure.id, name: measure.name })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), inArray(sql`lower(${measure.name})`, names)));
  const ids = new Map(existing.map((m) => [m.name.toLowerCase(), m.id]));
  const missing = names.filter((n) => !ids.has(n)).map((n) => byName.get(n)!);
  if (missing.length) {
    const created = await tx
      .insert(measure)
      .values(missing.map((m) => ({ workspaceId, ...m })))
      .returning({ id: measure.id, name: measure.name });
    for (const c of created) ids.set(c.name.toLowerCase(), c.id);
  }
  return ids;
}

/** A new map's first version: its creation (its rows are the map as it starts; nothing is before it). */
async function recordCreation(tx: Transaction, workspaceId: string, actorId: string, mapId: string, doc: MapExport, personaId: string | null = null) {
  await recordMapChanges(tx, { workspaceId, mapId, actorId }, [inserted('map', mapId, { ...doc.map, personaId })]);
}

/** Imports an export document as a new map of the workspace, in one transaction. */
export async function importMap(workspaceId: string, actorId: string, doc: MapExport) {
  const mapId = await db.transaction(async (tx) => {
    const mapId = await writeMapDocument(tx, workspaceId, doc);
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: mapId, action: 'imported', summary: doc.map.name });
    await recordCreation(tx, workspaceId, actorId, mapId, doc);
    return mapId;
  });
  // A bulk write: fresh statistics for the planner (PGlite never analyses by itself).
  const values = (doc.kpis ?? []).reduce((n, k) => n + (k.values?.length ?? 0), 0);
  if (doc.cards.length + (doc.kpis?.length ?? 0) + values >= ANALYZE_AFTER_ROWS) await analyzeTables(db, ['card', 'kpi', 'kpi_value']);
  return mapId;
}

/** A full deep copy (stages, lanes, cards, emotion points, KPIs with their values), in one transaction. */
export async function duplicateMap(workspaceId: string, actorId: string, mapId: string, copyName: (name: string) => string) {
  return db.transaction(async (tx) => {
    const [source] = await tx
      .select({ personaId: journeyMap.personaId })
      .from(journeyMap)
      .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)))
      .for('share');
    if (!source) return null;
    const doc = await exportMap(workspaceId, mapId, tx);
    if (!doc) return null;
    doc.map.name = copyName(doc.map.name).slice(0, 120);
    const copyId = await writeMapDocument(tx, workspaceId, doc, { personaId: source.personaId });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: copyId, action: 'duplicated', summary: doc.map.name });
    await recordCreation(tx, workspaceId, actorId, copyId, doc, source.personaId);
    return copyId;
  });
}

/** A new map from a starter template in the workspace's language. */
export async function createMapFromTemplate(
  workspaceId: string,
  actorId: string,
  templateId: string,
  lang: Locale,
  input: { name: string; description: string; personaId: string | null; state: MapState },
) {
  const template = findTemplate(templateId);
  if (!template) return null;
  const doc = templateToExport(template, lang, input.name);
  doc.map.state = input.state;
  if (input.description) doc.map.description = input.description;
  return db.transaction(async (tx) => {
    const mapId = await writeMapDocument(tx, workspaceId, doc, { personaId: input.personaId });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'map', entityId: mapId, action: 'created', summary: input.name });
    await recordCreation(tx, workspaceId, actorId, mapId, doc, input.personaId);
    return mapId;
  });
}
