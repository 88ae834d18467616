// Realised value over time, read: planned vs realised benefit by month for the live projects of a
// workspace (the executive summary's portfolio series, or any set of projects: an objective's).
// Four queries whatever the number of projects, KPIs and values: the started projects; their linked
// KPIs with what the planned benefit needs; each link's baseline (the KPI's newest value on or before
// its project's start, one backward index probe); and each linked KPI's last value of every month
// since its earliest project start (DISTINCT ON per KPI and month, so a long history costs one row a
// month). The series are computed and summed here with the domain code; the browser gets the sum.
import { and, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { db } from '#db/client';
import { kpi, kpiValue, project, projectKpi } from '#db/schema';
import {
  kpiLines,
  portfolioRealisedSeries,
  projectCase,
  projectRealisedSeries,
  type LinkedKpi,
  type PortfolioRealisedSeries,
  type ProjectRealisedSeries,
  type RealisedKpi,
} from '~/domain/business-case';
import type { ValuePoint } from '~/domain/kpi';
import { UuidSchema } from '~/domain/fields';
import { groupHistory } from '~/domain/value-history';
import type { ProjectStatus } from '~/domain/vocabulary';
import { listLinkedKpis } from './business-cases.server';
import { cachedFigures, figuresState } from './figures-cache.server';

export interface RealisedOptions {
  /** Today in the workspace's time zone, 'YYYY-MM-DD'. */
  today: string;
  /** Only projects of this status (the summary's filter). */
  status?: ProjectStatus;
  /** Only these projects (e.g. an objective's); ids of other workspaces, or that are no uuid, match nothing. */
  projectIds?: readonly string[];
}

export interface ProjectRealised {
  projectId: string;
  plannedToDate: string;
  realisedToDate: string;
  series: ProjectRealisedSeries;
}

export interface RealisedValue {
  /** The projects' series summed by calendar month. */
  portfolio: PortfolioRealisedSeries;
  /** Each started project's own series (for callers that need a subset, such as objectives). */
  projects: ProjectRealised[];
  /** Linked KPIs that realise nothing (no value on or before their project's start, or no value per unit). */
  excludedCount: number;
}

/** Planned vs realised by month for the workspace's live, started projects (see the module's header). */
export async function loadRealisedValue(workspaceId: string, options: RealisedOptions): Promise<RealisedValue> {
  const projectIds = options.projectIds?.filter((id) => UuidSchema.safeParse(id).success);
  if (projectIds && projectIds.length === 0) return { portfolio: portfolioRealisedSeries([]), projects: [], excludedCount: 0 };
  const started: SQL[] = [
    eq(project.workspaceId, workspaceId),
    isNull(project.archivedAt),
    isNotNull(project.startDate),
    lte(project.startDate, options.today),
  ];
  if (options.status) started.push(eq(project.status, options.status));
  if (projectIds) started.push(inArray(project.id, projectIds));
  const startedProjects = and(...started);

  const projects = await db
    .select({
      id: project.id,
      startDate: project.startDate,
      horizonYears: project.horizonYears,
      discountRate: project.discountRate,
      confidence: project.confidence,
      rampUp: project.rampUp,
    })
    .from(project)
    .where(startedProjects);
  if (projects.length === 0) return { portfolio: portfolioRealisedSeries([]), projects: [], excludedCount: 0 };

  // Each link's baseline: the KPI's newest value on or before its project's start (one backward probe
  // of kpi_value_kpi_date_idx), values read through their KPI of this workspace.
  const valueAtStart = db
    .select({ date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
    .where(and(eq(kpiValue.kpiId, projectKpi.kpiId), eq(kpi.workspaceId, workspaceId), lte(kpiValue.date, project.startDate)))
    .orderBy(desc(kpiValue.date))
    .limit(1)
    .as('value_at_start');

  // The linked KPIs of those projects, each with the first month any of them starts in.
  const linked = db
    .select({ kpiId: projectKpi.kpiId, firstMonth: sql<string>`date_trunc('month', min(${project.startDate}))::date`.as('first_month') })
    .from(projectKpi)
    .innerJoin(project, eq(project.id, projectKpi.projectId))
    .innerJoin(kpi, eq(kpi.id, projectKpi.kpiId))
    .where(and(eq(projectKpi.workspaceId, workspaceId), eq(kpi.workspaceId, workspaceId), startedProjects))
    .groupBy(projectKpi.kpiId)
    .as('linked');
  const month = sql`date_trunc('month', ${kpiValue.date})::date`;

  const [links, baselines, monthly] = await Promise.all([
    listLinkedKpis(
      workspaceId,
      projects.map((p) => p.id),
    ),
    db
      .select({ projectId: projectKpi.projectId, kpiId: projectKpi.kpiId, date: valueAtStart.date, value: valueAtStart.value })
      .from(projectKpi)
      .innerJoin(project, eq(project.id, projectKpi.projectId))
      .crossJoinLateral(valueAtStart)
      .where(and(eq(projectKpi.workspaceId, workspaceId), startedProjects)),
    // The last value of each month, per KPI, from its earliest project's start month on.
    db
      .selectDistinctOn([kpiValue.kpiId, month], { kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value })
      .from(kpiValue)
      .innerJoin(linked, eq(linked.kpiId, kpiValue.kpiId))
      .where(sql`${kpiValue.date} >= ${linked.firstMonth}`)
      .orderBy(kpiValue.kpiId, month, desc(kpiValue.date)),
  ]);
  return realisedFromRows(projects, links, baselines, groupHistory(monthly), options.today);
}

type ProjectRow = { id: string; startDate: string | null; horizonYears: number; discountRate: string; confidence: string; rampUp: string[] };
type BaselineRow = { projectId: string; kpiId: string; date: string; value: string };

function newest(points: readonly (ValuePoint | undefined)[]): ValuePoint | undefined {
  return points.reduce<ValuePoint | undefined>((a, p) => (p && (!a || p.date > a.date) ? p : a), undefined);
}

// Pure assembly of the rows into series: each project's planned benefits come from its business case
// (costs play no part in benefits, so none are read), its realised from the baseline and month values.
function realisedFromRows(
  projects: readonly ProjectRow[],
  links: Awaited<ReturnType<typeof listLinkedKpis>>,
  baselines: readonly BaselineRow[],
  monthly: Map<string, ValuePoint[]>,
  today: string,
): RealisedValue {
  const baselineOf = new Map(baselines.map((b) => [`${b.projectId}|${b.kpiId}`, { date: b.date, value: b.value }]));
  const baselinesOfKpi = new Map<string, ValuePoint[]>();
  for (const b of baselines) baselinesOfKpi.set(b.kpiId, [...(baselinesOfKpi.get(b.kpiId) ?? []), { date: b.date, value: b.value }]);
  const linksOf = new Map<string, typeof links>();
  for (const l of links) linksOf.set(l.projectId, [...(linksOf.get(l.projectId) ?? []), l]);

  let excludedCount = 0;
  const result: ProjectRealised[] = projects.map((p) => {
    const own = linksOf.get(p.id) ?? [];
    const histories = own.map((l) => {
      const months = monthly.get(l.kpiId) ?? [];
      const baseline = baselineOf.get(`${p.id}|${l.kpiId}`);
      return { link: l, history: baseline ? [baseline, ...months] : months, current: newest([...months, ...(baselinesOfKpi.get(l.kpiId) ?? [])]) };
    });
    const linkedKpis: LinkedKpi[] = histories.map(({ link, current }) => ({
      ...link,
      current: current?.value ?? null,
      lastValueDate: current?.date ?? null,
      totalShare: link.share,
    }));
    const lines = kpiLines(linkedKpis, { projectStart: p.startDate, today });
    const businessCase = projectCase({ horizonYears: p.horizonYears, discountRate: p.discountRate, confidence: p.confidence, rampUp: p.rampUp }, [], lines);
    const kpis: RealisedKpi[] = histories.map(({ link, history }, i) => ({
      kpiId: link.kpiId,
      trend: link.trend,
      vpu: lines[i]!.vpu,
      share: link.share,
      history,
    }));
    const series = projectRealisedSeries({
      startDate: p.startDate,
      horizonYears: p.horizonYears,
      yearlyBenefits: businessCase.years.map((y) => y.benefit),
      kpis,
      today,
    });
    excludedCount += series.excluded.length;
    return { projectId: p.id, plannedToDate: series.plannedToDate, realisedToDate: series.realisedToDate, series };
  });
  return { portfolio: portfolioRealisedSeries(result.map((r) => r.series)), projects: result, excludedCount };
}

/** What a page shows of a series: the months' amounts (not the rates behind them). */
export function seriesForPage(series: Pick<PortfolioRealisedSeries, 'months' | 'plannedToDate' | 'realisedToDate'>) {
  return {
    months: series.months.map((m) => ({
      period: m.period,
      planned: m.planned,
      realised: m.realised,
      cumulativePlanned: m.cumulativePlanned,
      cumulativeRealised: m.cumulativeRealised,
    })),
    plannedToDate: series.plannedToDate,
    realisedToDate: series.realisedToDate,
  };
}

export type RealisedSeriesData = ReturnType<typeof seriesForPage>;

/**
 * The executive summary's part: the portfolio series and how many KPIs realise nothing. Kept between
 * requests under the workspace's figures revision (figures-cache.server.ts), like the roll-up; pass
 * the revision when the caller read it already (the access guard's workspace row), or it is read.
 */
export async function loadPortfolioRealised(workspaceId: string, options: Omit<RealisedOptions, 'projectIds'> & { revision?: number }) {
  const revision = options.revision ?? (await figuresState(workspaceId)).revision;
  return cachedFigures('realised', workspaceId, revision, [options.today, options.status], async () => {
    const value = await loadRealisedValue(workspaceId, { today: options.today, status: options.status });
    return { ...seriesForPage(value.portfolio), excludedCount: value.excludedCount };
  });
}
