// The JSON documents the public API answers with, built from the aggregate modules' own queries and
// the domain's rules (status, impact, business case): the API computes nothing the screens do not.
// Lists page by id (an opaque cursor), so a page never shifts when rows are added meanwhile.
import { and, asc, eq, gt } from 'drizzle-orm';
import { db } from '#db/client';
import { journeyMap, kpi, measure, persona, stage } from '#db/schema';
import { annualImpact, currentFromHistory, kpiStatus } from '~/domain/kpi';
import type { ProjectStatus } from '~/domain/vocabulary';
import { latestValues, listKpiValues } from './kpi-history.server';
import type { Actor } from './activity.server';
import { mapSummaryColumns } from './maps.server';
import { createMeasure, getMeasure, measureSummaryColumns, measureTouchpoints, measureWhereUsed, updateMeasure } from './measures.server';
import { exportMap } from './maps-transfer.server';
import { loadPortfolio } from './portfolio.server';
import { loadBusinessCase } from './projects.server';
import { invalid, NOT_FOUND, ok, type Result } from './result.server';
import { issuesOf, problemBody } from './api.server';
import { MeasureCreateSchema, type MeasureCreate } from './api-schemas.server';

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string | undefined): string | null | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

function page<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? encodeCursor(data[data.length - 1]!.id) : null };
}

const measureColumns = { ...measureSummaryColumns, version: measure.version };

type PageQuery = { cursor?: string; limit: number };

/** A bad cursor is an invalid request; the route answers 400. */
export async function apiMeasurePage(workspaceId: string, query: PageQuery) {
  const after = decodeCursor(query.cursor);
  if (after === null) return invalid('cursor', 'Unknown cursor.');
  const rows = await db
    .select(measureColumns)
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), after ? gt(measure.id, after) : undefined))
    .orderBy(asc(measure.id))
    .limit(query.limit + 1);
  return ok(page(rows, query.limit));
}

export async function apiMeasure(workspaceId: string, measureId: string) {
  const row = await getMeasure(workspaceId, measureId);
  if (!row) return NOT_FOUND;
  const whereUsed = await measureWhereUsed(workspaceId, measureId, row.trend);
  const doc = Object.fromEntries(Object.keys(measureColumns).map((k) => [k, row[k as keyof typeof row]]));
  return ok({ ...doc, whereUsed: whereUsed.map(({ stagePosition: _position, ...w }) => w) });
}

const kpiColumns = {
  id: kpi.id,
  mapId: kpi.mapId,
  mapName: journeyMap.name,
  stageId: kpi.stageId,
  stageName: stage.name,
  measureId: kpi.measureId,
  measureName: measure.name,
  unit: measure.unit,
  target: kpi.targetValue,
  trend: measure.trend,
};

function kpiQuery(workspaceId: string) {
  return db
    .select(kpiColumns)
    .from(kpi)
    .innerJoin(journeyMap, and(eq(journeyMap.id, kpi.mapId), eq(journeyMap.workspaceId, workspaceId)))
    .innerJoin(stage, and(eq(stage.id, kpi.stageId), eq(stage.workspaceId, workspaceId)))
    .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
    .$dynamic();
}

export async function apiKpiPage(workspaceId: string, query: PageQuery & { measure?: string; map?: string; stage?: string }) {
  const after = decodeCursor(query.cursor);
  if (after === null) return invalid('cursor', 'Unknown cursor.');
  const rows = await kpiQuery(workspaceId)
    .where(
      and(
        eq(kpi.workspaceId, workspaceId),
        query.measure ? eq(kpi.measureId, query.measure) : undefined,
        query.map ? eq(kpi.mapId, query.map) : undefined,
        query.stage ? eq(kpi.stageId, query.stage) : undefined,
        after ? gt(kpi.id, after) : undefined,
      ),
    )
    .orderBy(asc(kpi.id))
    .limit(query.limit + 1);
  const paged = page(rows, query.limit);
  const latest = await latestValues(
    workspaceId,
    paged.data.map((r) => r.id),
  );
  return ok({
    data: paged.data.map(({ trend, ...r }) => {
      const history = latest.get(r.id) ?? [];
      const current = currentFromHistory(history);
      return { ...r, current, status: kpiStatus({ current, target: r.target, trend, history }) };
    }),
    nextCursor: paged.nextCursor,
  });
}

export async function apiKpi(workspaceId: string, kpiId: string) {
  const [row] = await db
    .select({
      ...kpiColumns,
      note: kpi.note,
      baselineValue: kpi.baselineValue,
      baselineDate: kpi.baselineDate,
      targetDate: kpi.targetDate,
      impactMode: kpi.impactMode,
      manualAmount: kpi.manualAmount,
      valueAmount: measure.valueAmount,
      valueStep: measure.valueStep,
    })
    .from(kpi)
    .innerJoin(journeyMap, and(eq(journeyMap.id, kpi.mapId), eq(journeyMap.workspaceId, workspaceId)))
    .innerJoin(stage, and(eq(stage.id, kpi.stageId), eq(stage.workspaceId, workspaceId)))
    .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, kpiId)));
  if (!row) return NOT_FOUND;
  const values = await listKpiValues(workspaceId, kpiId);
  const current = currentFromHistory(values);
  const impact = annualImpact({
    mode: row.impactMode,
    manualAmount: row.manualAmount,
    current,
    target: row.target,
    trend: row.trend,
    valueAmount: row.valueAmount,
    valueStep: row.valueStep,
  });
  return ok({
    id: row.id,
    mapId: row.mapId,
    mapName: row.mapName,
    stageId: row.stageId,
    stageName: row.stageName,
    measureId: row.measureId,
    measureName: row.measureName,
    unit: row.unit,
    trend: row.trend,
    note: row.note,
    target: row.target,
    targetDate: row.targetDate,
    baseline: { value: row.baselineValue, date: row.baselineDate },
    current,
    status: kpiStatus({ current, target: row.target, trend: row.trend, history: values }),
    impact: {
      mode: row.impactMode,
      annualAmount: impact.amount,
      gap: impact.gap,
      valuePerUnit: impact.vpu,
      ...(impact.reason ? { reason: impact.reason } : {}),
    },
    values: values.map(({ date, value, source }) => ({ date, value, source })),
  });
}

/** Every figure of the business-case page, as loadBusinessCase computes it for the screen. */
export async function apiBusinessCase(workspaceId: string, projectId: string) {
  const result = await loadBusinessCase(workspaceId, projectId);
  if (result.status !== 'ok') return NOT_FOUND;
  const { project, costs, lines, businessCase: bc, warnings, realisedTotal } = result.value;
  return ok({
    project: { id: project.id, name: project.name, status: project.status, startDate: project.startDate, horizonYears: project.horizonYears },
    assumptions: { discountRate: project.discountRate, confidence: project.confidence, rampUp: project.rampUp },
    figures: {
      runRateBenefit: bc.runRateBenefit,
      totalBenefit: bc.totalBenefit,
      totalCost: bc.totalCost,
      netBenefit: bc.netBenefit,
      roi: bc.roi,
      pvBenefit: bc.pvBenefit,
      pvCost: bc.pvCost,
      npv: bc.npv,
      roiPv: bc.roiPv,
      paybackMonths: bc.paybackMonths,
      realisedBenefit: realisedTotal,
    },
    years: bc.years,
    costs: costs.map(({ label, kind, amount, year }) => ({ label, kind, amount, year })),
    kpis: lines.map((l) => ({
      kpiId: l.kpiId,
      measureName: l.measureName,
      share: l.share,
      current: l.current,
      target: l.target,
      impact: l.impact,
      contribution: l.contribution,
    })),
    warnings,
  });
}

/**
 * The live (non-archived) projects with their headline figures, as the summary's roll-up computes
 * them (loadPortfolio: a fixed number of queries for the whole portfolio), paged by id.
 */
export async function apiProjectPage(workspaceId: string, query: PageQuery & { status?: ProjectStatus }) {
  const after = decodeCursor(query.cursor);
  if (after === null) return invalid('cursor', 'Unknown cursor.');
  const { projects } = await loadPortfolio(workspaceId, { sort: 'npv', status: query.status });
  const rows = projects.filter((p) => !after || p.id > after).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ok(page(rows.slice(0, query.limit + 1), query.limit));
}

/** The executive summary's roll-up (the same loadPortfolio as the summary page), without the ranking. */
export async function apiSummary(workspaceId: string, query: { status?: ProjectStatus }) {
  const { totals, topMeasures, warnings, counts, positiveNpv } = await loadPortfolio(workspaceId, { sort: 'npv', status: query.status });
  return ok({ totals, counts: { ...counts, positiveNpv }, topMeasures, warnings });
}

/** Journey maps, archived ones too (archivedAt says so), paged by id. */
export async function apiMapPage(workspaceId: string, query: PageQuery) {
  const after = decodeCursor(query.cursor);
  if (after === null) return invalid('cursor', 'Unknown cursor.');
  const rows = await db
    .select(mapSummaryColumns)
    .from(journeyMap)
    .leftJoin(persona, and(eq(persona.id, journeyMap.personaId), eq(persona.workspaceId, workspaceId)))
    .where(and(eq(journeyMap.workspaceId, workspaceId), after ? gt(journeyMap.id, after) : undefined))
    .orderBy(asc(journeyMap.id))
    .limit(query.limit + 1);
  return ok(page(rows, query.limit));
}

/**
 * One map as its export document (stages, lanes, cards, emotions, KPIs with their values), the one
 * the map page downloads and the import reads, with the map's id; without `exportedAt`, so the
 * ETag only changes when the map does.
 */
export async function apiMap(workspaceId: string, mapId: string) {
  const doc = await exportMap(workspaceId, mapId);
  if (!doc) return NOT_FOUND;
  const { exportedAt: _at, ...rest } = doc;
  return ok({ id: mapId, ...rest });
}

// ---------------------------------------------------------------- measure writes

type WriteAnswer = { status: number; body: unknown };

async function measureDocument(workspaceId: string, measureId: string) {
  const doc = await apiMeasure(workspaceId, measureId);
  return doc.status === 'ok' ? doc.value : null;
}

/** A write's result as an answer: the measure's document, or a problem (409 with the current document when stale). */
async function measureAnswer(workspaceId: string, result: Result<string, unknown>, okStatus: number, notFound: WriteAnswer): Promise<WriteAnswer> {
  switch (result.status) {
    case 'ok':
      return { status: okStatus, body: await measureDocument(workspaceId, result.value) };
    case 'invalid': {
      const errors = [{ path: result.field, pointer: `/${result.field}`, message: result.message }];
      return result.conflict
        ? { status: 409, body: problemBody(409, result.message, errors) }
        : { status: 400, body: problemBody(400, result.message, errors) };
    }
    case 'stale': {
      const current = (result.current as { id: string }).id;
      const doc = await measureDocument(workspaceId, current);
      return { status: 409, body: { ...problemBody(409, 'The measure was changed since this version: here is the current one.'), current: doc } };
    }
    case 'notFound':
      return notFound;
    default:
      return { status: 403, body: problemBody(403) };
  }
}

// The store can only hold a touchpoint card of this workspace; another one is as unknown as a missing one.
const UNKNOWN_TOUCHPOINT = {
  status: 400,
  body: problemBody(400, 'Unknown touchpoint card.', [{ path: 'touchpoints', pointer: '/touchpoints', message: 'field.choose' }]),
};

/** Creates a measure with the library's own rules (createMeasure), the token as the actor. */
export async function apiCreateMeasure(workspaceId: string, actor: Actor, input: MeasureCreate) {
  return measureAnswer(workspaceId, await createMeasure(workspaceId, actor, input), 201, UNKNOWN_TOUCHPOINT);
}

/**
 * Changes the given fields of a measure at `version`: the stored measure with the changes over it is
 * checked by the create schema (so every rule holds for the whole), then saved by updateMeasure.
 */
export async function apiUpdateMeasure(workspaceId: string, actor: Actor, measureId: string, version: number, changes: Record<string, unknown>) {
  const row = await getMeasure(workspaceId, measureId);
  if (!row) return { status: 404, body: problemBody(404) };
  const stored = {
    name: row.name,
    description: row.description,
    unit: row.unit,
    trend: row.trend,
    valueAmount: row.valueAmount,
    valueStep: row.valueStep,
    impactType: row.impactType,
    ownerId: row.ownerId,
    group: row.group,
    tags: row.tags,
    heartCategory: row.heartCategory,
    family: row.family,
    gsmGoal: row.gsmGoal,
    gsmSignal: row.gsmSignal,
    systems: row.systems,
    touchpoints: await measureTouchpoints(workspaceId, measureId),
  };
  const { version: _version, ...fields } = changes;
  const merged = MeasureCreateSchema.safeParse({ ...stored, ...fields });
  if (!merged.success) return { status: 400, body: problemBody(400, 'The measure does not match the schema.', issuesOf(merged.error)) };
  return measureAnswer(workspaceId, await updateMeasure(workspaceId, actor, measureId, version, merged.data), 200, UNKNOWN_TOUCHPOINT);
}
