// Business objectives: the objective rows (versioned, in a tree of at most three levels), their links
// to measures, KPIs and projects, and their progress. Planned and realised benefit come from the
// executive summary's roll-up (portfolio.server.ts, the one business-case pipeline); the tree rules
// and the comparisons are app/domain/objectives.ts. Every page loads in a fixed number of queries.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { journeyMap, kpi, kpiValue, measure, membership, objective, objectiveKpi, objectiveMeasure, objectiveProject, project, stage, user } from '#db/schema';
import { kpiStatus } from '~/domain/kpi';
import {
  benefitOf,
  checkParent,
  measureCurrent,
  measureProgress,
  moneyProgress,
  objectiveTree,
  rollUp,
  type ObjectiveNode,
  type ProjectBenefit,
} from '~/domain/objectives';
import type { ObjectiveLinkKind, ObjectiveInput } from '~/lib/schemas/objectives';
import { recordActivity } from './activity.server';
import { latestValues } from './kpi-history.server';
import { loadPortfolio } from './portfolio.server';
import { loadRealisedValue } from './realised-value.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';

// ---------------------------------------------------------------- reads

const objectiveColumns = {
  id: objective.id,
  parentId: objective.parentId,
  name: objective.name,
  description: objective.description,
  ownerId: objective.ownerId,
  ownerName: user.displayName,
  startDate: objective.startDate,
  endDate: objective.endDate,
  targetKind: objective.targetKind,
  targetAmount: objective.targetAmount,
  impactType: objective.impactType,
  measureId: objective.measureId,
  measureName: measure.name,
  measureUnit: measure.unit,
  measureTrend: measure.trend,
  targetValue: objective.targetValue,
  version: objective.version,
};

/** Every objective of the workspace with its owner and target measure, by name: one query. */
function listObjectiveRows(workspaceId: string) {
  return db
    .select({
      ...objectiveColumns,
      // Qualified by table: drizzle prints bare column names here, which a subquery would resolve against its own table.
      measureCount: sql<number>`(select count(*)::int from ${objectiveMeasure} where ${objectiveMeasure}.objective_id = ${objective}.id)`,
      kpiCount: sql<number>`(select count(*)::int from ${objectiveKpi} where ${objectiveKpi}.objective_id = ${objective}.id)`,
    })
    .from(objective)
    .leftJoin(user, eq(user.id, objective.ownerId))
    .leftJoin(measure, eq(measure.id, objective.measureId))
    .where(eq(objective.workspaceId, workspaceId))
    .orderBy(asc(objective.name), asc(objective.id));
}

export async function getObjective(workspaceId: string, objectiveId: string, executor: Executor = db) {
  const [row] = await executor
    .select(objectiveColumns)
    .from(objective)
    .leftJoin(user, eq(user.id, objective.ownerId))
    .leftJoin(measure, eq(measure.id, objective.measureId))
    .where(and(eq(objective.workspaceId, workspaceId), eq(objective.id, objectiveId)));
  return row ?? null;
}

export type ObjectiveRow = NonNullable<Awaited<ReturnType<typeof getObjective>>>;

/** The tree's shape (id, parent, name, target kind): for the depth and cycle rules and the parent picker. */
function listNodes(workspaceId: string, executor: Executor = db) {
  return executor
    .select({ id: objective.id, parentId: objective.parentId, name: objective.name, targetKind: objective.targetKind })
    .from(objective)
    .where(eq(objective.workspaceId, workspaceId))
    .orderBy(asc(objective.name), asc(objective.id));
}

/** Every objective -> project link of the workspace (the roll-up needs the whole tree's). */
function listProjectLinks(workspaceId: string) {
  return db
    .select({ objectiveId: objectiveProject.objectiveId, projectId: objectiveProject.projectId })
    .from(objectiveProject)
    .where(eq(objectiveProject.workspaceId, workspaceId));
}

/**
 * The newest value of every KPI of the given measures (one backward probe of kpi_value_kpi_date_idx
 * per KPI): a measure's current value is the mean of these.
 */
function measureNewestValues(workspaceId: string, measureIds: readonly string[]) {
  const newest = db
    .select({ date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .where(eq(kpiValue.kpiId, kpi.id))
    .orderBy(desc(kpiValue.date))
    .limit(1)
    .as('newest');
  return db
    .select({ measureId: kpi.measureId, kpiId: kpi.id, date: newest.date, value: newest.value })
    .from(kpi)
    .crossJoinLateral(newest)
    .where(and(eq(kpi.workspaceId, workspaceId), inArray(kpi.measureId, [...measureIds])));
}

/**
 * What each project plans (its total benefit over its horizon, from the summary's roll-up of live
 * projects) and what the given ones realised to date (realised-value.server.ts: a started project's
 * KPIs against their values at its start, month by month). Archived projects are in neither.
 */
async function projectBenefits(workspaceId: string, today: string, projectIds: readonly string[]) {
  const [portfolio, realised] = await Promise.all([
    loadPortfolio(workspaceId, { sort: 'npv', today }),
    loadRealisedValue(workspaceId, { today, projectIds: [...new Set(projectIds)] }),
  ]);
  const realisedOf = new Map(realised.projects.map((r) => [r.projectId, r.realisedToDate]));
  return new Map<string, ProjectBenefit & { runRate: string }>(
    portfolio.projects.map((p) => [p.id, { planned: p.totalBenefit, realised: realisedOf.get(p.id) ?? null, runRate: p.runRateBenefit }]),
  );
}

function currentOfMeasures(rows: readonly { measureId: string; value: string }[]) {
  const byMeasure = new Map<string, string[]>();
  for (const r of rows) {
    let list = byMeasure.get(r.measureId);
    if (!list) byMeasure.set(r.measureId, (list = []));
    list.push(r.value);
  }
  return new Map([...byMeasure].map(([id, values]) => [id, { current: measureCurrent(values), kpiCount: values.length }]));
}

function progressOf(
  row: Pick<ObjectiveRow, 'targetKind' | 'targetAmount' | 'targetValue' | 'measureId' | 'measureTrend'>,
  planned: { planned: string; realised: string | null },
  measures: ReadonlyMap<string, { current: string | null; kpiCount: number }>,
) {
  if (row.targetKind === 'money') return { kind: 'money' as const, ...moneyProgress(row.targetAmount ?? '0', planned.planned, planned.realised) };
  const m = row.measureId ? measures.get(row.measureId) : undefined;
  return {
    kind: 'measure' as const,
    ...measureProgress(row.targetValue ?? '0', m?.current ?? null, row.measureTrend ?? 'up'),
    kpiCount: m?.kpiCount ?? 0,
  };
}

export type ObjectiveProgress = ReturnType<typeof progressOf>;

/**
 * The objectives page: every objective in tree order with its target, its own progress and, for
 * money targets, the planned and realised benefit of everything under it. Fixed queries: the
 * objectives and their project links; then at once the summary's roll-up, the realised value of the
 * linked projects and the target measures' newest values.
 */
export async function loadObjectiveTree(workspaceId: string, today: string) {
  const [rows, links] = await Promise.all([listObjectiveRows(workspaceId), listProjectLinks(workspaceId)]);
  const targetMeasures = [...new Set(rows.map((r) => r.measureId).filter((id): id is string => id !== null))];
  const [benefits, newest] = await Promise.all([
    projectBenefits(
      workspaceId,
      today,
      links.map((l) => l.projectId),
    ),
    measureNewestValues(workspaceId, targetMeasures),
  ]);
  const measures = currentOfMeasures(newest);
  const projectsOf = new Map<string, string[]>();
  for (const l of links) {
    let list = projectsOf.get(l.objectiveId);
    if (!list) projectsOf.set(l.objectiveId, (list = []));
    list.push(l.projectId);
  }
  const rolled = rollUp(
    rows.map((r) => ({ id: r.id, parentId: r.parentId, targetKind: r.targetKind, projectIds: projectsOf.get(r.id) ?? [] })),
    benefits,
  );
  return objectiveTree(rows).map(({ node: r, depth, childCount }) => {
    const own = benefitOf(projectsOf.get(r.id) ?? [], benefits);
    return {
      ...r,
      depth,
      childCount,
      projectCount: (projectsOf.get(r.id) ?? []).length,
      progress: progressOf(r, own, measures),
      // With its sub-objectives (each project once); only meaningful with children.
      rolledUp: childCount > 0 ? rolled.get(r.id)! : null,
    };
  });
}

export type ObjectiveTreeEntry = Awaited<ReturnType<typeof loadObjectiveTree>>[number];

/**
 * One objective's page: the objective, its linked projects (with their planned and realised
 * benefit), KPIs (with their status) and measures, its progress and its sub-objectives' roll-up.
 * Fixed queries whatever the number of links: the objective; at once the tree, the project links,
 * the linked KPIs and the linked measures; then at once the summary's roll-up, the realised value
 * of the linked projects, the KPIs' newest two values and the target measure's newest values.
 */
export async function loadObjective(workspaceId: string, objectiveId: string, today: string) {
  const row = await getObjective(workspaceId, objectiveId);
  if (!row) return NOT_FOUND;
  const [nodes, projectLinks, kpiRows, measureRows] = await Promise.all([
    listNodes(workspaceId),
    db
      .select({
        objectiveId: objectiveProject.objectiveId,
        projectId: objectiveProject.projectId,
        name: project.name,
        status: project.status,
        archivedAt: project.archivedAt,
      })
      .from(objectiveProject)
      .innerJoin(project, eq(project.id, objectiveProject.projectId))
      .where(eq(objectiveProject.workspaceId, workspaceId))
      .orderBy(asc(project.name)),
    db
      .select({
        kpiId: kpi.id,
        measureName: measure.name,
        unit: measure.unit,
        trend: measure.trend,
        stageName: stage.name,
        mapId: journeyMap.id,
        mapName: journeyMap.name,
        target: kpi.targetValue,
      })
      .from(objectiveKpi)
      .innerJoin(kpi, eq(kpi.id, objectiveKpi.kpiId))
      .innerJoin(measure, eq(measure.id, kpi.measureId))
      .innerJoin(stage, eq(stage.id, kpi.stageId))
      .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
      .where(and(eq(objectiveKpi.workspaceId, workspaceId), eq(objectiveKpi.objectiveId, objectiveId)))
      .orderBy(asc(journeyMap.name), asc(stage.position), asc(measure.name)),
    db
      .select({ measureId: measure.id, name: measure.name, unit: measure.unit, trend: measure.trend })
      .from(objectiveMeasure)
      .innerJoin(measure, eq(measure.id, objectiveMeasure.measureId))
      .where(and(eq(objectiveMeasure.workspaceId, workspaceId), eq(objectiveMeasure.objectiveId, objectiveId)))
      .orderBy(asc(measure.name)),
  ]);
  const [benefits, histories, targetValues] = await Promise.all([
    // Every linked project of the tree: the sub-objectives' roll-up needs theirs too.
    projectBenefits(
      workspaceId,
      today,
      projectLinks.map((l) => l.projectId),
    ),
    latestValues(
      workspaceId,
      kpiRows.map((k) => k.kpiId),
      2,
    ),
    measureNewestValues(workspaceId, row.measureId ? [row.measureId] : []),
  ]);
  const measures = currentOfMeasures(targetValues);

  const projectsOf = new Map<string, string[]>();
  for (const l of projectLinks) {
    let list = projectsOf.get(l.objectiveId);
    if (!list) projectsOf.set(l.objectiveId, (list = []));
    list.push(l.projectId);
  }
  const ownProjects = projectLinks.filter((l) => l.objectiveId === objectiveId);
  const own = benefitOf(
    ownProjects.map((p) => p.projectId),
    benefits,
  );
  const tree = objectiveTree(nodes);
  const children = tree.filter((e) => e.node.parentId === objectiveId).map((e) => ({ id: e.node.id, name: e.node.name }));
  const rolled = children.length
    ? rollUp(
        nodes.map((n) => ({ ...n, projectIds: projectsOf.get(n.id) ?? [] })),
        benefits,
      ).get(objectiveId)!
    : null;

  return ok({
    objective: row,
    depth: tree.find((e) => e.node.id === objectiveId)?.depth ?? 1,
    parent: row.parentId ? (nodes.find((n) => n.id === row.parentId) ?? null) : null,
    children,
    progress: progressOf(row, own, measures),
    rolledUp: rolled,
    projects: ownProjects.map((p) => {
      const b = benefits.get(p.projectId);
      return {
        id: p.projectId,
        name: p.name,
        status: p.status,
        archived: p.archivedAt !== null,
        planned: b?.planned ?? null,
        realised: b?.realised ?? null,
        runRate: b?.runRate ?? null,
      };
    }),
    kpis: kpiRows.map((k) => {
      const history = histories.get(k.kpiId) ?? [];
      const current = history.length ? history[history.length - 1]!.value : null;
      return { ...k, current, status: kpiStatus({ current, target: k.target, trend: k.trend, history }) };
    }),
    measures: measureRows,
    /** The tree's shape, for the parent picker (the objective, its subtree and the too-deep are marked there). */
    nodes: tree.map((e) => ({ id: e.node.id, name: e.node.name, depth: e.depth, parentId: e.node.parentId })),
  });
}

export type ObjectivePage = Extract<Awaited<ReturnType<typeof loadObjective>>, { status: 'ok' }>['value'];

/** The parent picker's options: every objective with its depth (for new objectives). */
export async function listParentOptions(workspaceId: string) {
  return objectiveTree(await listNodes(workspaceId)).map((e) => ({ id: e.node.id, name: e.node.name, depth: e.depth, parentId: e.node.parentId }));
}

// ---------------------------------------------------------------- pickers

/** The workspace's measures not archived, by name: the target picker and the measure link picker. */
export function listMeasureOptions(workspaceId: string) {
  return db
    .select({ id: measure.id, name: measure.name, unit: measure.unit })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), isNull(measure.archivedAt)))
    .orderBy(asc(measure.name));
}

/** The workspace's live projects, by name: the project link picker. */
export function listProjectOptions(workspaceId: string) {
  return db
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt)))
    .orderBy(asc(project.name));
}

// ---------------------------------------------------------------- writes

async function isWorkspaceMember(executor: Executor, workspaceId: string, userId: string) {
  const [row] = await executor
    .select({ n: count() })
    .from(membership)
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
  return (row?.n ?? 0) > 0;
}

async function measureExists(executor: Executor, workspaceId: string, measureId: string) {
  const [row] = await executor
    .select({ n: count() })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId)));
  return (row?.n ?? 0) > 0;
}

/**
 * The checks an objective's input needs against stored data, inside the write's transaction (the
 * tree's rows locked, so two moves cannot make a cycle together): an owner who is not a member is
 * bad input; a parent or a measure of another workspace is not found; a cycle or a fourth level is
 * refused on `parentId`.
 */
async function checkInput(tx: Executor, workspaceId: string, objectiveId: string | null, input: ObjectiveInput): Promise<Result | null> {
  if (input.ownerId && !(await isWorkspaceMember(tx, workspaceId, input.ownerId))) return invalid('ownerId', 'field.choose');
  if (input.target.kind === 'measure' && !(await measureExists(tx, workspaceId, input.target.measureId))) return NOT_FOUND;
  const nodes: ObjectiveNode[] = await listNodes(workspaceId, tx).for('update');
  const check = checkParent(nodes, objectiveId, input.parentId ?? null);
  if (check.ok) return null;
  if (check.reason === 'parent_missing') return NOT_FOUND;
  return invalid('parentId', check.reason === 'cycle' ? 'objectives.cycle' : 'objectives.tooDeep');
}

function targetColumns(input: ObjectiveInput) {
  return input.target.kind === 'money'
    ? { targetKind: 'money' as const, targetAmount: input.target.amount, impactType: input.target.impactType, measureId: null, targetValue: null }
    : { targetKind: 'measure' as const, targetAmount: null, impactType: null, measureId: input.target.measureId, targetValue: input.target.value };
}

function rowValues(input: ObjectiveInput) {
  return {
    name: input.name,
    description: input.description,
    ownerId: input.ownerId || null,
    parentId: input.parentId ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    ...targetColumns(input),
  };
}

/** Creates an objective; answers its id. */
export async function createObjective(workspaceId: string, actorId: string, input: ObjectiveInput): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    const refused = await checkInput(tx, workspaceId, null, input);
    if (refused) return refused as Result<never>;
    const [row] = await tx
      .insert(objective)
      .values({ workspaceId, ...rowValues(input) })
      .returning({ id: objective.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'objective', entityId: row!.id, action: 'created', summary: input.name });
    return ok(row!.id);
  });
}

/** Saves an objective at the version it was read; a stale save answers the current content. */
export async function updateObjective(
  workspaceId: string,
  actorId: string,
  objectiveId: string,
  version: number,
  input: ObjectiveInput,
): Promise<Result<undefined, ObjectiveRow>> {
  return db.transaction(async (tx) => {
    const current = await getObjective(workspaceId, objectiveId, tx);
    if (!current) return NOT_FOUND;
    const refused = await checkInput(tx, workspaceId, objectiveId, input);
    if (refused) return refused as Result<never>;
    const [row] = await tx
      .update(objective)
      .set({ ...rowValues(input), version: sql`${objective.version} + 1`, updatedAt: new Date() })
      .where(and(eq(objective.workspaceId, workspaceId), eq(objective.id, objectiveId), eq(objective.version, version)))
      .returning({ id: objective.id });
    if (!row) return stale(current);
    await recordActivity(tx, { workspaceId, actorId, entityType: 'objective', entityId: objectiveId, action: 'updated', summary: input.name });
    return ok();
  });
}

/** Deletes an objective (its links go with it); one with sub-objectives is refused (409). */
export async function deleteObjective(workspaceId: string, actorId: string, objectiveId: string, version: number): Promise<Result<undefined, ObjectiveRow>> {
  return db.transaction(async (tx) => {
    const current = await getObjective(workspaceId, objectiveId, tx);
    if (!current) return NOT_FOUND;
    const [children] = await tx
      .select({ n: count() })
      .from(objective)
      .where(and(eq(objective.workspaceId, workspaceId), eq(objective.parentId, objectiveId)));
    if ((children?.n ?? 0) > 0) return invalid('', 'objectives.hasChildren', { conflict: true });
    const [row] = await tx
      .delete(objective)
      .where(and(eq(objective.workspaceId, workspaceId), eq(objective.id, objectiveId), eq(objective.version, version)))
      .returning({ name: objective.name });
    if (!row) return stale(current);
    await recordActivity(tx, { workspaceId, actorId, entityType: 'objective', entityId: objectiveId, action: 'deleted', summary: row.name });
    return ok();
  });
}

const linkTables = {
  measure: { table: objectiveMeasure, column: objectiveMeasure.measureId },
  kpi: { table: objectiveKpi, column: objectiveKpi.kpiId },
  project: { table: objectiveProject, column: objectiveProject.projectId },
} as const;

/** One statement for all the rows; a row already there is left as it is. */
async function insertLinks(tx: Executor, kind: ObjectiveLinkKind, workspaceId: string, objectiveId: string, ids: readonly string[]) {
  switch (kind) {
    case 'measure':
      return tx
        .insert(objectiveMeasure)
        .values(ids.map((measureId) => ({ workspaceId, objectiveId, measureId })))
        .onConflictDoNothing();
    case 'kpi':
      return tx
        .insert(objectiveKpi)
        .values(ids.map((kpiId) => ({ workspaceId, objectiveId, kpiId })))
        .onConflictDoNothing();
    case 'project':
      return tx
        .insert(objectiveProject)
        .values(ids.map((projectId) => ({ workspaceId, objectiveId, projectId })))
        .onConflictDoNothing();
  }
}

/** Postgres foreign-key violation (an id of another workspace, or none), whichever driver raised it. */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23503') return true;
  }
  return false;
}

/** Thrown inside a transaction to roll it back with a result. */
class Refusal extends Error {
  constructor(readonly result: Result<never, ObjectiveRow>) {
    super(result.status);
  }
}

/**
 * Changes an objective's links at the version it was read, all or nothing: the version is moved on,
 * then every row is written; an id that is not the workspace's (the same-workspace foreign keys
 * refuse it) rolls everything back and answers not found. Already linked ids are left as they are.
 */
async function changeLinks(
  workspaceId: string,
  actorId: string,
  objectiveId: string,
  version: number,
  kind: ObjectiveLinkKind,
  change: { link: readonly string[] } | { unlink: string },
): Promise<Result<undefined, ObjectiveRow>> {
  const { table, column } = linkTables[kind];
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(objective)
        .set({ version: sql`${objective.version} + 1`, updatedAt: new Date() })
        .where(and(eq(objective.workspaceId, workspaceId), eq(objective.id, objectiveId), eq(objective.version, version)))
        .returning({ name: objective.name });
      if (!row) {
        const current = await getObjective(workspaceId, objectiveId, tx);
        return current ? stale(current) : NOT_FOUND;
      }
      if ('link' in change) {
        await insertLinks(tx, kind, workspaceId, objectiveId, change.link);
      } else {
        const removed = await tx
          .delete(table)
          .where(and(eq(table.workspaceId, workspaceId), eq(table.objectiveId, objectiveId), eq(column, change.unlink)))
          .returning({ objectiveId: table.objectiveId });
        if (removed.length === 0) throw new Refusal(NOT_FOUND);
      }
      await recordActivity(tx, {
        workspaceId,
        actorId,
        entityType: 'objective_link',
        entityId: objectiveId,
        action: 'link' in change ? 'created' : 'deleted',
        summary: 'link' in change ? `${row.name} (${change.link.length})` : row.name,
      });
      return ok();
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (isForeignKeyViolation(error)) return NOT_FOUND;
    throw error;
  }
}

export function linkToObjective(workspaceId: string, actorId: string, objectiveId: string, version: number, kind: ObjectiveLinkKind, ids: readonly string[]) {
  return changeLinks(workspaceId, actorId, objectiveId, version, kind, { link: ids });
}

export function unlinkFromObjective(workspaceId: string, actorId: string, objectiveId: string, version: number, kind: ObjectiveLinkKind, id: string) {
  return changeLinks(workspaceId, actorId, objectiveId, version, kind, { unlink: id });
}
