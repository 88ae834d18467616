// The measure library of a workspace: list with filters, search, create (race-safe on the
// case-insensitive unique name), edit with versions, archive, delete when unused, where-used, the
// starter catalogue and linked touchpoints. Every query takes the workspace id and filters by it.
import { and, arrayContains, asc, count, eq, ilike, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { card, journeyMap, kpi, lane, measure, measureTouchpoint, membership, objective, stage, user } from '#db/schema';
import { kpiStatus } from '~/domain/kpi';
import { STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import type { Locale, Trend } from '~/domain/vocabulary';
import type { MeasureFilters, MeasureInput } from '~/lib/schemas/measures';
import { announce } from './live.server';
import { actorColumns, recordActivity, type Actor } from './activity.server';
import { latestValues } from './kpi-history.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';

/** Postgres unique violation, whichever driver (postgres.js, PGlite) and wrapper raised it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a measure is in a list, on the library page and in the API alike. */
export const measureSummaryColumns = {
  id: measure.id,
  name: measure.name,
  description: measure.description,
  unit: measure.unit,
  trend: measure.trend,
  valueAmount: measure.valueAmount,
  valueStep: measure.valueStep,
  impactType: measure.impactType,
  group: measure.group,
  tags: measure.tags,
  archivedAt: measure.archivedAt,
};

/** The library page: one query, filters as in the URL, with how many KPIs use each measure. */
export async function listMeasures(workspaceId: string, filters: MeasureFilters) {
  const usage = db
    .select({ measureId: kpi.measureId, n: count().as('n') })
    .from(kpi)
    .where(eq(kpi.workspaceId, workspaceId))
    .groupBy(kpi.measureId)
    .as('usage');
  return db
    .select({
      ...measureSummaryColumns,
      heartCategory: measure.heartCategory,
      family: measure.family,
      ownerName: user.displayName,
      usedBy: sql<number>`coalesce(${usage.n}, 0)`.mapWith(Number),
    })
    .from(measure)
    .leftJoin(user, eq(user.id, measure.ownerId))
    .leftJoin(usage, eq(usage.measureId, measure.id))
    .where(
      and(
        eq(measure.workspaceId, workspaceId),
        filters.archived ? isNotNull(measure.archivedAt) : isNull(measure.archivedAt),
        filters.q ? or(ilike(measure.name, likePattern(filters.q)), ilike(measure.description, likePattern(filters.q))) : undefined,
        filters.group ? eq(measure.group, filters.group) : undefined,
        filters.tag ? arrayContains(measure.tags, [filters.tag]) : undefined,
        filters.heart ? eq(measure.heartCategory, filters.heart) : undefined,
        filters.family ? eq(measure.family, filters.family) : undefined,
        filters.owner ? eq(measure.ownerId, filters.owner) : undefined,
        filters.trend ? eq(measure.trend, filters.trend) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${measure.name})`));
}

/** Values offered by the group and tag filters. */
export async function measureFilterOptions(workspaceId: string) {
  const rows = await db.select({ group: measure.group, tags: measure.tags }).from(measure).where(eq(measure.workspaceId, workspaceId));
  const groups = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    if (r.group) groups.add(r.group);
    for (const t of r.tags) tags.add(t);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { groups: sorted(groups), tags: sorted(tags) };
}

/** What the "Search a measure or create one" box offers: names starting with the text first. */
export async function searchMeasures(workspaceId: string, q: string, limit = 8) {
  const text = q.trim();
  return db
    .select({ id: measure.id, name: measure.name, unit: measure.unit, group: measure.group })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), isNull(measure.archivedAt), text ? ilike(measure.name, likePattern(text)) : undefined))
    .orderBy(
      text ? sql`case when lower(${measure.name}) like ${likePattern(text.toLowerCase()).slice(1)} then 0 else 1 end` : sql`1`,
      asc(sql`lower(${measure.name})`),
    )
    .limit(limit);
}

export async function getMeasure(workspaceId: string, measureId: string, executor: Executor = db) {
  const [row] = await executor
    .select()
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId)));
  return row ?? null;
}

export type MeasureRow = NonNullable<Awaited<ReturnType<typeof getMeasure>>>;

export async function findMeasureByName(workspaceId: string, name: string, executor: Executor = db) {
  const [row] = await executor
    .select()
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), sql`lower(${measure.name}) = lower(${name.trim()})`));
  return row ?? null;
}

/**
 * The measure with this name (any case), created when missing. Two people typing the same new name
 * at once both end with the one row: the insert does nothing on the unique lower(name) index and
 * the select then reads whichever insert won.
 */
export async function findOrCreateMeasure(executor: Executor, workspaceId: string, actorId: string, name: string) {
  const inserted = await executor.insert(measure).values({ workspaceId, name: name.trim(), ownerId: actorId }).onConflictDoNothing().returning();
  if (inserted[0]) {
    await recordActivity(executor, {
      workspaceId,
      actorId,
      entityType: 'measure',
      entityId: inserted[0].id,
      action: 'created',
      summary: inserted[0].name,
    });
    return { measure: inserted[0], created: true };
  }
  const existing = await findMeasureByName(workspaceId, name, executor);
  if (!existing) throw new Error('measure insert conflicted but no row matches the name');
  return { measure: existing, created: false };
}

function measureValues(input: MeasureInput) {
  return {
    name: input.name,
    description: input.description,
    unit: input.unit,
    trend: input.trend,
    valueAmount: input.valueAmount ?? null,
    valueStep: input.valueStep ?? null,
    impactType: input.impactType,
    ownerId: input.ownerId || null,
    group: input.group || null,
    tags: input.tags,
    heartCategory: input.heartCategory ?? null,
    family: input.family ?? null,
    gsmGoal: input.gsmGoal || null,
    gsmSignal: input.gsmSignal || null,
    systems: input.systems,
  };
}

async function isMember(executor: Executor, workspaceId: string, userId: string) {
  const [row] = await executor
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
  return Boolean(row);
}

/** Touchpoint cards of this workspace among `cardIds`; anything else is refused by the caller. */
async function touchpointCardIds(executor: Executor, workspaceId: string, cardIds: string[]) {
  if (cardIds.length === 0) return [];
  const rows = await executor
    .select({ id: card.id })
    .from(card)
    .innerJoin(lane, eq(lane.id, card.laneId))
    .where(and(eq(card.workspaceId, workspaceId), eq(lane.kind, 'touchpoints'), inArray(card.id, cardIds)));
  return rows.map((r) => r.id);
}

async function replaceTouchpoints(executor: Executor, workspaceId: string, measureId: string, cardIds: string[]) {
  await executor.delete(measureTouchpoint).where(and(eq(measureTouchpoint.workspaceId, workspaceId), eq(measureTouchpoint.measureId, measureId)));
  if (cardIds.length) await executor.insert(measureTouchpoint).values(cardIds.map((cardId) => ({ workspaceId, measureId, cardId })));
}

/** The refusals of a measure write: an owner from elsewhere, a name already in the library. */
const BAD_OWNER = invalid('ownerId', 'field.choose');
const NAME_TAKEN = invalid('name', 'measures.nameTaken', { conflict: true });

/** Creates a measure; its id. A touchpoint from elsewhere is not found. */
export async function createMeasure(workspaceId: string, actor: Actor, input: MeasureInput): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    if (input.ownerId && !(await isMember(tx, workspaceId, input.ownerId))) return BAD_OWNER;
    const cards = await touchpointCardIds(tx, workspaceId, input.touchpoints);
    if (cards.length !== input.touchpoints.length) return NOT_FOUND;
    const [row] = await tx
      .insert(measure)
      .values({ workspaceId, ...measureValues(input) })
      .onConflictDoNothing()
      .returning({ id: measure.id });
    if (!row) return NAME_TAKEN;
    await replaceTouchpoints(tx, workspaceId, row.id, cards);
    await recordActivity(tx, { workspaceId, ...actorColumns(actor), entityType: 'measure', entityId: row.id, action: 'created', summary: input.name });
    return ok(row.id);
  });
}

export async function updateMeasure(
  workspaceId: string,
  actor: Actor,
  measureId: string,
  version: number,
  input: MeasureInput,
): Promise<Result<string, MeasureRow>> {
  try {
    return await db.transaction(async (tx): Promise<Result<string, MeasureRow>> => {
      if (input.ownerId && !(await isMember(tx, workspaceId, input.ownerId))) return BAD_OWNER;
      const cards = await touchpointCardIds(tx, workspaceId, input.touchpoints);
      if (cards.length !== input.touchpoints.length) return NOT_FOUND;
      const [clash] = await tx
        .select({ id: measure.id })
        .from(measure)
        .where(and(eq(measure.workspaceId, workspaceId), ne(measure.id, measureId), sql`lower(${measure.name}) = lower(${input.name})`));
      if (clash) return NAME_TAKEN;
      const [row] = await tx
        .update(measure)
        .set({ ...measureValues(input), version: sql`${measure.version} + 1` })
        .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId), eq(measure.version, version)))
        .returning({ id: measure.id });
      if (!row) {
        // Gone, or saved by someone else since: the current content comes back with the refusal.
        const current = await getMeasure(workspaceId, measureId, tx);
        return current ? stale(current) : NOT_FOUND;
      }
      await replaceTouchpoints(tx, workspaceId, measureId, cards);
      await recordActivity(tx, { workspaceId, ...actorColumns(actor), entityType: 'measure', entityId: measureId, action: 'updated', summary: input.name });
      // Its name, unit, trend and value show on every KPI placed from it, and in the figures.
      await announce(tx, workspaceId, ['kpi:*', 'figures']);
      return ok(measureId);
    });
  } catch (error) {
    // A rename racing another one to the same name.
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

export async function setMeasureArchived(workspaceId: string, actorId: string, measureId: string, archived: boolean): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(measure)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${measure.version} + 1` })
      .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId)))
      .returning({ id: measure.id, name: measure.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'measure',
      entityId: measureId,
      action: archived ? 'archived' : 'restored',
      summary: row.name,
    });
    return ok();
  });
}

/** Deletes an unused measure; a measure placed as a KPI anywhere ('measures.inUse') or an objective's target ('measures.objectiveTarget') is kept. */
export async function deleteMeasure(workspaceId: string, actorId: string, measureId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .select({ n: count() })
      .from(kpi)
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.measureId, measureId)));
    if ((used?.n ?? 0) > 0) return invalid('', 'measures.inUse', { conflict: true });
    // An objective's target in this measure keeps it too (objective_measure_same_workspace_fk).
    const [target] = await tx
      .select({ n: count() })
      .from(objective)
      .where(and(eq(objective.workspaceId, workspaceId), eq(objective.measureId, measureId)));
    if ((target?.n ?? 0) > 0) return invalid('', 'measures.objectiveTarget', { conflict: true });
    const [row] = await tx
      .delete(measure)
      .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId)))
      .returning({ name: measure.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'measure', entityId: measureId, action: 'deleted', summary: row.name });
    return ok();
  });
}

/** Every map and stage where the measure is placed, with current, target and status: 2 queries. */
export async function measureWhereUsed(workspaceId: string, measureId: string, trend: Trend) {
  const rows = await db
    .select({
      kpiId: kpi.id,
      mapId: journeyMap.id,
      mapName: journeyMap.name,
      stageName: stage.name,
      stagePosition: stage.position,
      target: kpi.targetValue,
    })
    .from(kpi)
    .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.measureId, measureId)))
    .orderBy(asc(journeyMap.name), asc(stage.position));
  const latest = await latestValues(
    workspaceId,
    rows.map((r) => r.kpiId),
  );
  return rows.map((r) => {
    const history = latest.get(r.kpiId) ?? [];
    const current = history.length ? history[history.length - 1]!.value : null;
    return { ...r, current, status: kpiStatus({ current, target: r.target, trend, history }) };
  });
}

export async function measureTouchpoints(workspaceId: string, measureId: string) {
  const rows = await db
    .select({ cardId: measureTouchpoint.cardId })
    .from(measureTouchpoint)
    .where(and(eq(measureTouchpoint.workspaceId, workspaceId), eq(measureTouchpoint.measureId, measureId)));
  return rows.map((r) => r.cardId);
}

/** Touchpoint cards of every map, to link measures to: one query. */
export async function touchpointOptions(workspaceId: string) {
  return db
    .select({ id: card.id, title: card.title, mapName: journeyMap.name, stageName: stage.name })
    .from(card)
    .innerJoin(lane, eq(lane.id, card.laneId))
    .innerJoin(journeyMap, eq(journeyMap.id, card.mapId))
    .innerJoin(stage, eq(stage.id, card.stageId))
    .where(and(eq(card.workspaceId, workspaceId), eq(lane.kind, 'touchpoints'), isNull(journeyMap.archivedAt)))
    .orderBy(asc(journeyMap.name), asc(stage.position), asc(card.position))
    .limit(500);
}

export async function countMeasures(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(measure).where(eq(measure.workspaceId, workspaceId));
  return row?.n ?? 0;
}

/** Names of the catalogue already in the library (any case), so the form can say so. */
export async function existingStarterKeys(workspaceId: string, locale: Locale) {
  const names = STARTER_CATALOGUE.map((m) => m.name[locale].toLowerCase());
  const rows = await db
    .select({ name: sql<string>`lower(${measure.name})` })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), inArray(sql`lower(${measure.name})`, names)));
  const taken = new Set(rows.map((r) => r.name));
  return STARTER_CATALOGUE.filter((m) => taken.has(m.name[locale].toLowerCase())).map((m) => m.key);
}

/** Adds the chosen catalogue measures in one transaction, skipping names already in the library. */
export async function addStarterMeasures(workspaceId: string, actorId: string, keys: string[], locale: Locale) {
  const chosen = STARTER_CATALOGUE.filter((m) => keys.includes(m.key));
  if (chosen.length === 0) return { added: 0, skipped: 0 };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(measure)
      .values(
        chosen.map((m) => ({
          workspaceId,
          name: m.name[locale],
          description: m.description[locale],
          unit: m.unit,
          trend: m.trend,
          heartCategory: m.heart,
          family: m.family,
          group: m.group[locale],
          ownerId: actorId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: measure.id });
    if (inserted.length) {
      await recordActivity(tx, {
        workspaceId,
        actorId,
        entityType: 'measure',
        entityId: inserted[0]!.id,
        action: 'imported',
        summary: `${inserted.length} standard measures`,
      });
    }
    return { added: inserted.length, skipped: chosen.length - inserted.length };
  });
}
