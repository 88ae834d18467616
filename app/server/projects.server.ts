// Projects: the project rows (versioned), their cost lines and their links to KPIs, the KPI picker,
// and the business case of one project loaded in a fixed number of queries. Arithmetic is done by
// app/domain/business-case/ (which the what-if panel runs in the browser too).
import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { journeyMap, kpi, kpiValue, measure, membership, project, projectCost, projectKpi, stage, user } from '#db/schema';
import { caseWarnings, kpiLines, projectCase, projectRealisedSeries, realisedTotal, type BusinessCaseCost, type LinkedKpi } from '~/domain/business-case';
import { toDecimalString } from '~/domain/decimal';
import { currentFromHistory } from '~/domain/kpi';
import { groupHistory } from '~/domain/value-history';
import type { CostKind, ProjectStatus } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { announce } from './live.server';
import { listLinkedKpis, workspaceToday } from './business-cases.server';
import { seriesForPage } from './realised-value.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';
import { enqueueProjectUpdated } from './webhook-events.server';
import { KPI_PICKER_MAX, KPI_PICKER_PAGE } from '~/lib/schemas/kpi-picker';

export interface ProjectDetailsInput {
  name: string;
  description: string;
  ownerId?: string;
  status: ProjectStatus;
  startDate?: string;
}

export interface AssumptionsInput {
  horizonYears: number;
  discountRate: string;
  confidence: string;
  rampUp: string[];
}

// ---------------------------------------------------------------- project rows

export async function listProjects(workspaceId: string, options: { archived: boolean }) {
  return db
    .select({
      id: project.id,
      name: project.name,
      status: project.status,
      startDate: project.startDate,
      horizonYears: project.horizonYears,
      ownerName: user.displayName,
      archivedAt: project.archivedAt,
      // Qualified by table: drizzle prints bare column names here, which a subquery would resolve
      // against its own table first.
      kpiCount: sql<number>`(select count(*)::int from ${projectKpi} where ${projectKpi}.project_id = ${project}.id)`,
    })
    .from(project)
    .leftJoin(user, eq(user.id, project.ownerId))
    .where(and(eq(project.workspaceId, workspaceId), options.archived ? isNotNull(project.archivedAt) : isNull(project.archivedAt)))
    .orderBy(asc(project.name));
}

export async function getProject(workspaceId: string, projectId: string, executor: Executor = db) {
  const [row] = await executor
    .select({
      id: project.id,
      name: project.name,
      description: project.description,
      ownerId: project.ownerId,
      ownerName: user.displayName,
      status: project.status,
      startDate: project.startDate,
      horizonYears: project.horizonYears,
      discountRate: project.discountRate,
      confidence: project.confidence,
      rampUp: project.rampUp,
      archivedAt: project.archivedAt,
      version: project.version,
    })
    .from(project)
    .leftJoin(user, eq(user.id, project.ownerId))
    .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)));
  return row ?? null;
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof getProject>>>;

/** Creates a project; an owner who is not a member of the workspace is refused on `ownerId`. */
export async function createProject(workspaceId: string, actorId: string, input: ProjectDetailsInput): Promise<Result<string>> {
  if (input.ownerId && !(await isWorkspaceMember(workspaceId, input.ownerId))) return invalid('ownerId', 'field.choose');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(project)
      .values({
        workspaceId,
        name: input.name,
        description: input.description,
        ownerId: input.ownerId || null,
        status: input.status,
        startDate: input.startDate ?? null,
      })
      .returning({ id: project.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project', entityId: row!.id, action: 'created', summary: input.name });
    await announce(tx, workspaceId, [`project:${row!.id}`, 'figures']);
    return ok(row!.id);
  });
}

async function saveProject(
  workspaceId: string,
  actorId: string,
  projectId: string,
  version: number,
  values: Partial<typeof project.$inferInsert>,
  action: string,
): Promise<Result<undefined, ProjectRow>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(project)
      .set({ ...values, version: sql`${project.version} + 1` })
      .where(and(eq(project.id, projectId), eq(project.workspaceId, workspaceId), eq(project.version, version)))
      .returning({ id: project.id, name: project.name });
    if (!row) {
      // Refused: a stale save carries the current content so the page can show it.
      const current = await getProject(workspaceId, projectId, tx);
      return current ? stale(current) : NOT_FOUND;
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project', entityId: projectId, action, summary: row.name });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(
      tx,
      workspaceId,
      projectId,
      action === 'archived' || action === 'restored' ? action : 'horizonYears' in values ? 'assumptions' : 'details',
    );
    return ok();
  });
}

/** Saves name, description, owner, status and start date; an owner from elsewhere is refused on `ownerId`. */
export async function updateProjectDetails(workspaceId: string, actorId: string, projectId: string, version: number, input: ProjectDetailsInput) {
  if (input.ownerId && !(await isWorkspaceMember(workspaceId, input.ownerId))) return invalid('ownerId', 'field.choose');
  return saveProject(
    workspaceId,
    actorId,
    projectId,
    version,
    { name: input.name, description: input.description, ownerId: input.ownerId || null, status: input.status, startDate: input.startDate ?? null },
    'updated',
  );
}

export function updateAssumptions(workspaceId: string, actorId: string, projectId: string, version: number, input: AssumptionsInput) {
  return saveProject(
    workspaceId,
    actorId,
    projectId,
    version,
    { horizonYears: input.horizonYears, discountRate: input.discountRate, confidence: input.confidence, rampUp: input.rampUp },
    'updated',
  );
}

export function setProjectArchived(workspaceId: string, actorId: string, projectId: string, version: number, archived: boolean) {
  return saveProject(workspaceId, actorId, projectId, version, { archivedAt: archived ? new Date() : null }, archived ? 'archived' : 'restored');
}

/** Is the owner a member of the workspace? (an owner from elsewhere is bad input) */
async function isWorkspaceMember(workspaceId: string, userId: string) {
  const rows = await db
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
  return rows.length > 0;
}

// ---------------------------------------------------------------- cost lines

export interface CostInput {
  label: string;
  kind: CostKind;
  amount: string;
  year?: number;
}

const defaultYear = (input: CostInput) => input.year ?? (input.kind === 'one_off' ? 0 : 1);

async function projectName(tx: Executor, workspaceId: string, projectId: string) {
  const [row] = await tx
    .select({ name: project.name })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)));
  return row?.name ?? null;
}

/** Not found when the project is not in the workspace. */
export async function addCost(workspaceId: string, actorId: string, projectId: string, input: CostInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const name = await projectName(tx, workspaceId, projectId);
    if (name === null) return NOT_FOUND;
    const [row] = await tx
      .insert(projectCost)
      .values({ workspaceId, projectId, label: input.label, kind: input.kind, amount: input.amount, year: defaultYear(input) })
      .returning({ id: projectCost.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project_cost', entityId: row!.id, action: 'created', summary: `${name}: ${input.label}` });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(tx, workspaceId, projectId, 'costs');
    return ok();
  });
}

export async function updateCost(workspaceId: string, actorId: string, projectId: string, costId: string, input: CostInput): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(projectCost)
      .set({ label: input.label, kind: input.kind, amount: input.amount, year: defaultYear(input) })
      .where(and(eq(projectCost.workspaceId, workspaceId), eq(projectCost.projectId, projectId), eq(projectCost.id, costId)))
      .returning({ id: projectCost.id });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project_cost', entityId: costId, action: 'updated', summary: input.label });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(tx, workspaceId, projectId, 'costs');
    return ok();
  });
}

export async function deleteCost(workspaceId: string, actorId: string, projectId: string, costId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectCost)
      .where(and(eq(projectCost.workspaceId, workspaceId), eq(projectCost.projectId, projectId), eq(projectCost.id, costId)))
      .returning({ id: projectCost.id, label: projectCost.label });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project_cost', entityId: costId, action: 'deleted', summary: row.label });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(tx, workspaceId, projectId, 'costs');
    return ok();
  });
}

// ---------------------------------------------------------------- KPI links

const ALREADY_LINKED = invalid('', 'projects.alreadyLinked', { conflict: true });

/**
 * Links a KPI to a project with a share, or (`onlyExisting`) changes the share of an existing link.
 * Not found when the project or the KPI is not in the workspace; a KPI the project already counts on
 * is refused (409), its share left as it was: the share is changed on the business case.
 */
export async function linkKpi(workspaceId: string, actorId: string, projectId: string, kpiId: string, share: string, onlyExisting = false): Promise<Result> {
  return db.transaction(async (tx) => {
    const name = await projectName(tx, workspaceId, projectId);
    if (name === null) return NOT_FOUND;
    const [target] = await tx
      .select({ measureName: measure.name, stageName: stage.name })
      .from(kpi)
      .innerJoin(measure, eq(measure.id, kpi.measureId))
      .innerJoin(stage, eq(stage.id, kpi.stageId))
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
    if (!target) return NOT_FOUND;
    const label = `${name}: ${target.measureName} @ ${target.stageName}`;
    if (onlyExisting) {
      const [row] = await tx
        .update(projectKpi)
        .set({ share })
        .where(and(eq(projectKpi.workspaceId, workspaceId), eq(projectKpi.projectId, projectId), eq(projectKpi.kpiId, kpiId)))
        .returning({ kpiId: projectKpi.kpiId });
      if (!row) return NOT_FOUND;
      await recordActivity(tx, { workspaceId, actorId, entityType: 'project_kpi', entityId: projectId, action: 'updated', summary: label });
      await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
      await enqueueProjectUpdated(tx, workspaceId, projectId, 'kpis');
      return ok();
    }
    const [created] = await tx
      .insert(projectKpi)
      .values({ workspaceId, projectId, kpiId, share })
      .onConflictDoNothing({ target: [projectKpi.projectId, projectKpi.kpiId] })
      .returning({ kpiId: projectKpi.kpiId });
    if (!created) return ALREADY_LINKED;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project_kpi', entityId: projectId, action: 'created', summary: label });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(tx, workspaceId, projectId, 'kpis');
    return ok();
  });
}

export async function unlinkKpi(workspaceId: string, actorId: string, projectId: string, kpiId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectKpi)
      .where(and(eq(projectKpi.workspaceId, workspaceId), eq(projectKpi.projectId, projectId), eq(projectKpi.kpiId, kpiId)))
      .returning({ kpiId: projectKpi.kpiId });
    if (!row) return NOT_FOUND;
    const [target] = await tx
      .select({ measureName: measure.name, stageName: stage.name })
      .from(kpi)
      .innerJoin(measure, eq(measure.id, kpi.measureId))
      .innerJoin(stage, eq(stage.id, kpi.stageId))
      .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
    const name = await projectName(tx, workspaceId, projectId);
    const summary = `${name ?? ''}: ${target ? `${target.measureName} @ ${target.stageName}` : kpiId}`;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'project_kpi', entityId: projectId, action: 'deleted', summary });
    await announce(tx, workspaceId, [`project:${projectId}`, 'figures']);
    await enqueueProjectUpdated(tx, workspaceId, projectId, 'kpis');
    return ok();
  });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The KPI picker shows this many KPIs at first, and this many more each time it is asked. */

/**
 * The KPI picker in one query: the KPIs of the workspace's live maps by map, stage and measure, the
 * first `limit` of them, and how many there are. With words, only those whose measure, map or stage
 * name contains them.
 */
export async function browseKpis(workspaceId: string, q: string, limit: number = KPI_PICKER_PAGE) {
  const words = q.trim();
  const pattern = `%${escapeLike(words)}%`;
  const rows = await db
    .select({
      kpiId: kpi.id,
      measureName: measure.name,
      unit: measure.unit,
      stageName: stage.name,
      mapId: journeyMap.id,
      mapName: journeyMap.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(kpi)
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
    .where(
      and(
        eq(kpi.workspaceId, workspaceId),
        isNull(journeyMap.archivedAt),
        words ? or(ilike(measure.name, pattern), ilike(journeyMap.name, pattern), ilike(stage.name, pattern)) : undefined,
      ),
    )
    .orderBy(asc(journeyMap.name), asc(journeyMap.id), asc(stage.position), asc(measure.name), asc(kpi.id))
    .limit(Math.min(Math.max(limit, 1), KPI_PICKER_MAX));
  return { results: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** The projects a KPI is linked to, for the KPI's settings page. */
export async function listProjectsForKpi(workspaceId: string, kpiId: string) {
  return db
    .select({ id: project.id, name: project.name, status: project.status, share: projectKpi.share, archived: sql<boolean>`${project.archivedAt} is not null` })
    .from(projectKpi)
    .innerJoin(project, eq(project.id, projectKpi.projectId))
    .where(and(eq(projectKpi.workspaceId, workspaceId), eq(projectKpi.kpiId, kpiId)))
    .orderBy(asc(project.name));
}

export type KpiProject = Awaited<ReturnType<typeof listProjectsForKpi>>[number];

/** The live projects a KPI could be linked to (those not counting on it yet), for its settings page. */
export async function listProjectsToLink(workspaceId: string, kpiId: string) {
  return db
    .select({ id: project.id, name: project.name, status: project.status })
    .from(project)
    .leftJoin(projectKpi, and(eq(projectKpi.projectId, project.id), eq(projectKpi.kpiId, kpiId), eq(projectKpi.workspaceId, workspaceId)))
    .where(and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt), isNull(projectKpi.kpiId)))
    .orderBy(asc(project.name), asc(project.id));
}

// ---------------------------------------------------------------- business case

/**
 * Everything the business case page shows, in five queries whatever the number of KPIs: the project,
 * its costs, its linked KPIs (with measure, stage and map), their values, and their shares across
 * all non-archived projects. Not found when the project is not in the workspace.
 */
export async function loadBusinessCase(workspaceId: string, projectId: string, todayInZone?: string) {
  const row = await getProject(workspaceId, projectId);
  if (!row) return NOT_FOUND;
  const today = todayInZone ?? (await workspaceToday(workspaceId));
  // The project's KPIs, checked to be the workspace's own. Values are read through their KPI, filtered
  // by workspace on kpi: with kpi_value.workspace_id in the filter instead, stale statistics (PGlite
  // never analyses) let the planner AND in the whole workspace index per KPI.
  const linkedIds = db
    .select({ kpiId: projectKpi.kpiId })
    .from(projectKpi)
    .innerJoin(kpi, eq(kpi.id, projectKpi.kpiId))
    .where(and(eq(projectKpi.workspaceId, workspaceId), eq(kpi.workspaceId, workspaceId), eq(projectKpi.projectId, projectId)));
  const [costs, links, values, shares] = await Promise.all([
    db
      .select({ id: projectCost.id, label: projectCost.label, kind: projectCost.kind, amount: projectCost.amount, year: projectCost.year })
      .from(projectCost)
      .where(and(eq(projectCost.workspaceId, workspaceId), eq(projectCost.projectId, projectId)))
      .orderBy(asc(projectCost.year), asc(projectCost.label)),
    listLinkedKpis(workspaceId, [projectId]),
    db
      .select({ kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value })
      .from(kpiValue)
      .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
      .where(and(eq(kpi.workspaceId, workspaceId), inArray(kpiValue.kpiId, linkedIds)))
      .orderBy(asc(kpiValue.date)),
    db
      .select({ kpiId: projectKpi.kpiId, total: sql<string>`sum(${projectKpi.share})::text` })
      .from(projectKpi)
      .innerJoin(project, eq(project.id, projectKpi.projectId))
      .where(and(eq(projectKpi.workspaceId, workspaceId), isNull(project.archivedAt), inArray(projectKpi.kpiId, linkedIds)))
      .groupBy(projectKpi.kpiId),
  ]);

  const history = groupHistory(values);
  const totals = new Map(shares.map((s) => [s.kpiId, s.total]));
  const linked: LinkedKpi[] = links.map((l) => {
    const points = history.get(l.kpiId) ?? [];
    return {
      ...l,
      current: currentFromHistory(points),
      lastValueDate: points.length ? points[points.length - 1]!.date : null,
      // An archived project's own links still count for its own page.
      totalShare: toDecimalString(totals.get(l.kpiId) ?? l.share),
      history: points,
    };
  });
  const lines = kpiLines(linked, { projectStart: row.startDate, today });
  const costInputs: BusinessCaseCost[] = costs.map((c) => ({ kind: c.kind, amount: c.amount, year: c.year }));
  const assumptions = { horizonYears: row.horizonYears, discountRate: row.discountRate, confidence: row.confidence, rampUp: row.rampUp };
  const businessCase = projectCase(assumptions, costInputs, lines);
  // Planned vs realised by month, from the histories already read (no query of its own).
  const realisedSeries = projectRealisedSeries({
    startDate: row.startDate,
    horizonYears: row.horizonYears,
    yearlyBenefits: businessCase.years.map((y) => y.benefit),
    kpis: lines.map((l) => ({ kpiId: l.kpiId, trend: l.trend, vpu: l.vpu, share: l.share, history: l.history ?? [] })),
    today,
  });
  return ok({
    project: row,
    costs,
    // Histories stay on the server: the page only needs the lines' figures.
    lines: lines.map(({ history: _history, ...line }) => line),
    businessCase,
    warnings: caseWarnings(lines, businessCase),
    realisedTotal: realisedTotal(lines),
    realisedSeries: { status: realisedSeries.status, excluded: realisedSeries.excluded, ...seriesForPage(realisedSeries) },
    today,
  });
}
