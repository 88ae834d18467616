// Saved dashboards (views per audience): a named pick of measures for an audience, private to its
// creator or shared with the workspace. Reads take the workspace and the reader: a private
// dashboard of someone else is not found. The page is four queries whatever its size (the
// dashboard, its measures, their KPIs, their newest values through the windowed history query).
// Every change locks the dashboard row, checks the version it was based on and bumps it.
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { dashboard, dashboardMeasure, journeyMap, kpi, measure, stage, user } from '#db/schema';
import { DASHBOARD_MAX_MEASURES, kpiTile, TILE_VALUES } from '~/domain/dashboards';
import { moveWithin } from '~/domain/ordering';
import type { DashboardInput } from '~/lib/schemas/dashboards';
import { recordActivity } from './activity.server';
import { latestValues } from './kpi-history.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';

/** The dashboards this user may see: shared ones and their own. */
const visibleTo = (workspaceId: string, userId: string) =>
  and(eq(dashboard.workspaceId, workspaceId), or(eq(dashboard.shared, true), eq(dashboard.ownerId, userId)));

const dashboardColumns = {
  id: dashboard.id,
  name: dashboard.name,
  audience: dashboard.audience,
  customAudience: dashboard.customAudience,
  ownerId: dashboard.ownerId,
  shared: dashboard.shared,
  version: dashboard.version,
  updatedAt: dashboard.updatedAt,
};

/** The dashboards a user can see, by name, with their creator and how many measures they show: one query. */
export async function listDashboards(workspaceId: string, userId: string, limit?: number) {
  const sizes = db
    .select({ dashboardId: dashboardMeasure.dashboardId, n: count().as('n') })
    .from(dashboardMeasure)
    .where(eq(dashboardMeasure.workspaceId, workspaceId))
    .groupBy(dashboardMeasure.dashboardId)
    .as('sizes');
  const query = db
    .select({
      ...dashboardColumns,
      ownerName: user.displayName,
      measureCount: sql<number>`coalesce(${sizes.n}, 0)`.mapWith(Number),
    })
    .from(dashboard)
    .leftJoin(user, eq(user.id, dashboard.ownerId))
    .leftJoin(sizes, eq(sizes.dashboardId, dashboard.id))
    .where(visibleTo(workspaceId, userId))
    .orderBy(asc(sql`lower(${dashboard.name})`), asc(dashboard.id))
    .$dynamic();
  return limit ? query.limit(limit) : query;
}

export type DashboardListRow = Awaited<ReturnType<typeof listDashboards>>[number];

export async function getDashboard(workspaceId: string, userId: string, dashboardId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ ...dashboardColumns, ownerName: user.displayName })
    .from(dashboard)
    .leftJoin(user, eq(user.id, dashboard.ownerId))
    .where(and(visibleTo(workspaceId, userId), eq(dashboard.id, dashboardId)));
  return row ?? null;
}

export type DashboardRow = NonNullable<Awaited<ReturnType<typeof getDashboard>>>;

/**
 * A dashboard with its measures in order, each with one tile per KPI (map and stage, newest value,
 * target, trend, status): four queries however many measures, KPIs and values it holds.
 */
export async function loadDashboard(workspaceId: string, userId: string, dashboardId: string) {
  const found = await getDashboard(workspaceId, userId, dashboardId);
  if (!found) return null;
  const [measures, kpis] = await Promise.all([
    db
      .select({
        id: measure.id,
        name: measure.name,
        unit: measure.unit,
        trend: measure.trend,
        archivedAt: measure.archivedAt,
        position: dashboardMeasure.position,
      })
      .from(dashboardMeasure)
      .innerJoin(measure, eq(measure.id, dashboardMeasure.measureId))
      .where(and(eq(dashboardMeasure.workspaceId, workspaceId), eq(dashboardMeasure.dashboardId, dashboardId)))
      .orderBy(asc(dashboardMeasure.position), asc(measure.id)),
    db
      .select({
        id: kpi.id,
        measureId: kpi.measureId,
        target: kpi.targetValue,
        mapId: kpi.mapId,
        mapName: journeyMap.name,
        stageName: stage.name,
      })
      .from(dashboardMeasure)
      .innerJoin(kpi, and(eq(kpi.measureId, dashboardMeasure.measureId), eq(kpi.workspaceId, workspaceId)))
      .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
      .innerJoin(stage, eq(stage.id, kpi.stageId))
      .where(and(eq(dashboardMeasure.workspaceId, workspaceId), eq(dashboardMeasure.dashboardId, dashboardId), isNull(journeyMap.archivedAt)))
      .orderBy(asc(journeyMap.name), asc(stage.position), asc(kpi.position)),
  ]);
  const history = await latestValues(
    workspaceId,
    kpis.map((k) => k.id),
    TILE_VALUES,
  );
  return {
    dashboard: found,
    measures: measures.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      trend: m.trend,
      archived: m.archivedAt !== null,
      tiles: kpis
        .filter((k) => k.measureId === m.id)
        .map((k) => ({
          kpiId: k.id,
          mapId: k.mapId,
          mapName: k.mapName,
          stageName: k.stageName,
          ...kpiTile({ trend: m.trend, target: k.target, history: history.get(k.id) ?? [] }),
        })),
    })),
  };
}

/** The live library's measures, for the "add a measure" choice. */
export async function measureChoices(workspaceId: string) {
  return db
    .select({ id: measure.id, name: measure.name })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), isNull(measure.archivedAt)))
    .orderBy(asc(sql`lower(${measure.name})`))
    .limit(2000);
}

function activityOf(workspaceId: string, actorId: string, dashboardId: string, action: string, summary: string) {
  return { workspaceId, actorId, entityType: 'dashboard', entityId: dashboardId, action, summary };
}

export async function createDashboard(workspaceId: string, actorId: string, input: DashboardInput): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dashboard)
      .values({ workspaceId, name: input.name, audience: input.audience, customAudience: input.customAudience, shared: input.shared, ownerId: actorId })
      .returning({ id: dashboard.id });
    await recordActivity(tx, activityOf(workspaceId, actorId, row!.id, 'created', input.name));
    return ok(row!.id);
  });
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * The dashboard row locked for a change based on `version`: not found when it is not visible to the
 * actor, stale (with its current content) when someone saved it since.
 */
async function lockForChange(tx: Tx, workspaceId: string, actorId: string, dashboardId: string, version: number): Promise<Result<DashboardRow, DashboardRow>> {
  const [locked] = await tx
    .select({ id: dashboard.id })
    .from(dashboard)
    .where(and(visibleTo(workspaceId, actorId), eq(dashboard.id, dashboardId)))
    .for('update');
  if (!locked) return NOT_FOUND;
  const current = (await getDashboard(workspaceId, actorId, dashboardId, tx))!;
  return current.version === version ? ok(current) : stale(current);
}

async function bump(tx: Tx, workspaceId: string, dashboardId: string, values: Partial<typeof dashboard.$inferInsert> = {}) {
  await tx
    .update(dashboard)
    .set({ ...values, version: sql`${dashboard.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dashboard.workspaceId, workspaceId), eq(dashboard.id, dashboardId)));
}

async function measureIdsOf(tx: Tx, workspaceId: string, dashboardId: string) {
  const rows = await tx
    .select({ measureId: dashboardMeasure.measureId })
    .from(dashboardMeasure)
    .where(and(eq(dashboardMeasure.workspaceId, workspaceId), eq(dashboardMeasure.dashboardId, dashboardId)))
    .orderBy(asc(dashboardMeasure.position), asc(dashboardMeasure.measureId));
  return rows.map((r) => r.measureId);
}

/** Rewrites the positions as 0..n-1 in the given order (the rows were locked through their dashboard). */
async function writeOrder(tx: Tx, workspaceId: string, dashboardId: string, ids: readonly string[]) {
  await tx.delete(dashboardMeasure).where(and(eq(dashboardMeasure.workspaceId, workspaceId), eq(dashboardMeasure.dashboardId, dashboardId)));
  if (ids.length) await tx.insert(dashboardMeasure).values(ids.map((measureId, position) => ({ workspaceId, dashboardId, measureId, position })));
}

export async function updateDashboard(
  workspaceId: string,
  actorId: string,
  dashboardId: string,
  version: number,
  input: DashboardInput,
): Promise<Result<string, DashboardRow>> {
  return db.transaction(async (tx): Promise<Result<string, DashboardRow>> => {
    const locked = await lockForChange(tx, workspaceId, actorId, dashboardId, version);
    if (locked.status !== 'ok') return locked;
    // Only its creator may make a shared dashboard private again (it would vanish for the others).
    if (locked.value.shared && !input.shared && locked.value.ownerId !== actorId) return invalid('shared', 'dashboards.onlyCreatorUnshares');
    await bump(tx, workspaceId, dashboardId, { name: input.name, audience: input.audience, customAudience: input.customAudience, shared: input.shared });
    await recordActivity(tx, activityOf(workspaceId, actorId, dashboardId, 'updated', input.name));
    return ok(dashboardId);
  });
}

export async function addDashboardMeasure(
  workspaceId: string,
  actorId: string,
  dashboardId: string,
  version: number,
  measureId: string,
): Promise<Result<string, DashboardRow>> {
  return db.transaction(async (tx): Promise<Result<string, DashboardRow>> => {
    const locked = await lockForChange(tx, workspaceId, actorId, dashboardId, version);
    if (locked.status !== 'ok') return locked;
    const [found] = await tx
      .select({ name: measure.name })
      .from(measure)
      .where(and(eq(measure.workspaceId, workspaceId), eq(measure.id, measureId), isNull(measure.archivedAt)));
    if (!found) return NOT_FOUND;
    const ids = await measureIdsOf(tx, workspaceId, dashboardId);
    if (ids.includes(measureId)) return invalid('measureId', 'dashboards.alreadyShown', { conflict: true });
    if (ids.length >= DASHBOARD_MAX_MEASURES) return invalid('measureId', 'dashboards.full', { conflict: true });
    await tx.insert(dashboardMeasure).values({ workspaceId, dashboardId, measureId, position: ids.length });
    await bump(tx, workspaceId, dashboardId);
    await recordActivity(tx, activityOf(workspaceId, actorId, dashboardId, 'updated', `${locked.value.name}: + ${found.name}`));
    return ok(measureId);
  });
}

export async function removeDashboardMeasure(
  workspaceId: string,
  actorId: string,
  dashboardId: string,
  version: number,
  measureId: string,
): Promise<Result<string, DashboardRow>> {
  return db.transaction(async (tx): Promise<Result<string, DashboardRow>> => {
    const locked = await lockForChange(tx, workspaceId, actorId, dashboardId, version);
    if (locked.status !== 'ok') return locked;
    const ids = await measureIdsOf(tx, workspaceId, dashboardId);
    if (!ids.includes(measureId)) return NOT_FOUND;
    await writeOrder(
      tx,
      workspaceId,
      dashboardId,
      ids.filter((id) => id !== measureId),
    );
    await bump(tx, workspaceId, dashboardId);
    await recordActivity(tx, activityOf(workspaceId, actorId, dashboardId, 'updated', `${locked.value.name}: − 1`));
    return ok(measureId);
  });
}

export async function moveDashboardMeasure(
  workspaceId: string,
  actorId: string,
  dashboardId: string,
  version: number,
  measureId: string,
  direction: 'up' | 'down',
): Promise<Result<string, DashboardRow>> {
  return db.transaction(async (tx): Promise<Result<string, DashboardRow>> => {
    const locked = await lockForChange(tx, workspaceId, actorId, dashboardId, version);
    if (locked.status !== 'ok') return locked;
    const ids = await measureIdsOf(tx, workspaceId, dashboardId);
    const at = ids.indexOf(measureId);
    if (at < 0) return NOT_FOUND;
    await writeOrder(tx, workspaceId, dashboardId, moveWithin(ids, measureId, direction === 'up' ? at - 1 : at + 1));
    await bump(tx, workspaceId, dashboardId);
    await recordActivity(tx, activityOf(workspaceId, actorId, dashboardId, 'moved', locked.value.name));
    return ok(measureId);
  });
}

export async function deleteDashboard(workspaceId: string, actorId: string, dashboardId: string, version: number): Promise<Result<undefined, DashboardRow>> {
  return db.transaction(async (tx): Promise<Result<undefined, DashboardRow>> => {
    const locked = await lockForChange(tx, workspaceId, actorId, dashboardId, version);
    if (locked.status !== 'ok') return locked;
    await tx.delete(dashboard).where(and(eq(dashboard.workspaceId, workspaceId), eq(dashboard.id, dashboardId)));
    await recordActivity(tx, activityOf(workspaceId, actorId, dashboardId, 'deleted', locked.value.name));
    return ok();
  });
}
