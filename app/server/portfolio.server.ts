// The executive ROI summary: one roll-up of every non-archived project of a workspace. Five queries
// whatever the portfolio size (the projects, then at once their costs, their linked KPIs with their
// measures, the newest value of each linked KPI and each link's value at its project's start, for the
// realised benefit); every business case is then computed in memory with the domain code, or taken
// from the cache of computed cases when none of its inputs changed. The whole roll-up (the figures of
// every shown project, the totals, the top measures) is kept between requests under the workspace's
// figures revision, which the database bumps on every write the figures read (figures-cache.server.ts):
// a request whose revision is cached runs no query of its own and only sorts and pages the rows.
//
// The summary page gets only what it shows (loadSummaryPage): totals over every project, one page of
// the ranking, a chart of the first projects plus "others", a few warnings per project of the page.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { db } from '#db/client';
import { kpi, kpiValue, project, projectCost, projectKpi, user } from '#db/schema';
import {
  caseWarnings,
  kpiLines,
  portfolioTotals,
  projectCase,
  rankProjects,
  realisedTotal,
  topMeasures,
  type Assumptions,
  type BusinessCase,
  type BusinessCaseCost,
  type CaseWarning,
  type LinkedKpi,
  type RankKey,
} from '~/domain/business-case';
import { dec, sum, toDecimalString } from '~/domain/decimal';
import { groupBy } from '~/domain/group-by';
import type { ProjectStatus } from '~/domain/vocabulary';
import { listLinkedKpis } from './business-cases.server';
import { cachedFigures, figuresState } from './figures-cache.server';

export interface PortfolioOptions {
  sort: RankKey;
  status?: ProjectStatus;
  today?: string;
  /** The workspace's figures revision when the caller read it already (the access guard's row). */
  revision?: number;
}

/** One project's computed case and what the roll-up reads of its KPI lines. */
interface CaseFigures {
  businessCase: BusinessCase;
  warnings: CaseWarning[];
  /** Realised run-rate of its KPIs so far (null when none could be computed). */
  realised: string | null;
  /** Each KPI line's contribution, by measure (the top measures). */
  measures: { measureId: string; measureName: string; contribution: string | null }[];
  kpiCount: number;
}

interface ProjectFigures extends CaseFigures {
  id: string;
  name: string;
  status: ProjectStatus;
  ownerName: string | null;
  horizonYears: number;
}

/**
 * Computed cases by project id, each with the digest of every input it was computed from (the
 * assumptions, the costs, each linked KPI's settings, share, total share, newest value and value at
 * the start, and today's date): an input that changes changes the digest, so a stale case is never
 * served; it is computed again. The oldest-used entries go first beyond CASE_CACHE_SIZE.
 */
const caseCache = new Map<string, { digest: string; figures: CaseFigures }>();
const CASE_CACHE_SIZE = 20_000;

/** How many cases the last roll-ups computed and took from the cache (tests). */
export const caseCacheStats = { computed: 0, reused: 0 };

function projectFigures(
  p: { id: string; startDate: string | null } & Omit<Assumptions, 'rampUp'> & { rampUp: readonly string[] },
  costs: BusinessCaseCost[],
  links: LinkedKpi[],
  today: string,
): CaseFigures {
  const assumptions: Assumptions = { horizonYears: p.horizonYears, discountRate: p.discountRate, confidence: p.confidence, rampUp: p.rampUp };
  const digest = createHash('sha256')
    .update(JSON.stringify([today, p.startDate, assumptions, costs, links]))
    .digest('base64');
  const cached = caseCache.get(p.id);
  if (cached?.digest === digest) {
    // Most recently used last, so the oldest-used is the first to go.
    caseCache.delete(p.id);
    caseCache.set(p.id, cached);
    caseCacheStats.reused++;
    return cached.figures;
  }
  const lines = kpiLines(links, { projectStart: p.startDate, today });
  const businessCase = projectCase(assumptions, costs, lines);
  const figures: CaseFigures = {
    businessCase,
    warnings: caseWarnings(lines, businessCase),
    realised: realisedTotal(lines),
    measures: lines.map((l) => ({ measureId: l.measureId, measureName: l.measureName, contribution: l.contribution })),
    kpiCount: lines.length,
  };
  caseCache.delete(p.id);
  caseCache.set(p.id, { digest, figures });
  if (caseCache.size > CASE_CACHE_SIZE) caseCache.delete(caseCache.keys().next().value!);
  caseCacheStats.computed++;
  return figures;
}

async function computePortfolio(workspaceId: string, options: { status?: ProjectStatus; today: string }) {
  const today = options.today;
  const liveProjects = and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt));
  // The workspace's KPIs linked to a live project; their newest value is then one backward probe of
  // kpi_value_kpi_date_idx each (LATERAL ... LIMIT 1). The tenancy filter of values goes through
  // their KPI (joined, workspace checked): filtering kpi_value.workspace_id instead lets the planner,
  // with stale statistics (PGlite never analyses), AND in the whole workspace index on every probe.
  const linkedKpis = db
    .selectDistinct({ kpiId: projectKpi.kpiId })
    .from(projectKpi)
    .innerJoin(project, eq(project.id, projectKpi.projectId))
    .innerJoin(kpi, eq(kpi.id, projectKpi.kpiId))
    .where(and(eq(projectKpi.workspaceId, workspaceId), eq(kpi.workspaceId, workspaceId), liveProjects))
    .as('linked_kpis');
  const newestValue = db
    .select({ date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
    .where(and(eq(kpiValue.kpiId, linkedKpis.kpiId), eq(kpi.workspaceId, workspaceId)))
    .orderBy(desc(kpiValue.date))
    .limit(1)
    .as('newest_value');

  // Each link's baseline: the KPI's newest value on or before its project's start (one backward probe).
  const valueAtStart = db
    .select({ date: kpiValue.date, value: kpiValue.value })
    .from(kpiValue)
    .innerJoin(kpi, eq(kpi.id, kpiValue.kpiId))
    .where(and(eq(kpiValue.kpiId, projectKpi.kpiId), eq(kpi.workspaceId, workspaceId), lte(kpiValue.date, project.startDate)))
    .orderBy(desc(kpiValue.date))
    .limit(1)
    .as('value_at_start');

  const projects = await db
    .select({
      id: project.id,
      name: project.name,
      status: project.status,
      startDate: project.startDate,
      ownerName: user.displayName,
      horizonYears: project.horizonYears,
      discountRate: project.discountRate,
      confidence: project.confidence,
      rampUp: project.rampUp,
    })
    .from(project)
    .leftJoin(user, eq(user.id, project.ownerId))
    .where(liveProjects)
    .orderBy(asc(project.name));
  const [costs, links, newest, baselines] = await Promise.all([
    db
      .select({ projectId: projectCost.projectId, kind: projectCost.kind, amount: projectCost.amount, year: projectCost.year })
      .from(projectCost)
      .innerJoin(project, eq(project.id, projectCost.projectId))
      .where(and(eq(projectCost.workspaceId, workspaceId), liveProjects)),
    // Every live project's links, the hidden ones too: shares count every live project.
    listLinkedKpis(
      workspaceId,
      projects.map((p) => p.id),
    ),
    // Only the newest value of each linked KPI, one index probe per KPI (kpi_value_kpi_date_idx):
    // a lateral LIMIT 1 keeps this fast even when table statistics are stale (PGlite never analyses).
    db.select({ kpiId: linkedKpis.kpiId, date: newestValue.date, value: newestValue.value }).from(linkedKpis).crossJoinLateral(newestValue),
    db
      .select({ projectId: projectKpi.projectId, kpiId: projectKpi.kpiId, date: valueAtStart.date, value: valueAtStart.value })
      .from(projectKpi)
      .innerJoin(project, eq(project.id, projectKpi.projectId))
      .crossJoinLateral(valueAtStart)
      .where(and(eq(projectKpi.workspaceId, workspaceId), liveProjects, isNotNull(project.startDate))),
  ]);
  const baselineOf = new Map(baselines.map((b) => [`${b.projectId}|${b.kpiId}`, { date: b.date, value: b.value }]));

  const current = new Map(newest.map((v) => [v.kpiId, v]));
  const sharesOf = groupBy(links, (l) => l.kpiId);
  const shareSums = new Map([...sharesOf].map(([id, list]) => [id, toDecimalString(sum(...list.map((l) => l.share)))]));
  const costsOf = groupBy(costs, (c) => c.projectId);
  const linksOf = new Map<string, LinkedKpi[]>();
  for (const l of links) {
    const value = current.get(l.kpiId);
    const linked: LinkedKpi = {
      ...l,
      current: value?.value ?? null,
      lastValueDate: value?.date ?? null,
      totalShare: shareSums.get(l.kpiId) ?? l.share,
      // Enough history for the realised benefit: the value at the project's start and the newest one.
      history: [baselineOf.get(`${l.projectId}|${l.kpiId}`), value].filter((v): v is { date: string; value: string } => v !== undefined),
    };
    let list = linksOf.get(l.projectId);
    if (!list) linksOf.set(l.projectId, (list = []));
    list.push(linked);
  }

  // Shares count every live project; business cases are computed for the shown ones only.
  const shown = (options.status ? projects.filter((p) => p.status === options.status) : projects).map((p): ProjectFigures => {
    const figures = projectFigures(
      p,
      (costsOf.get(p.id) ?? []).map((c): BusinessCaseCost => ({ kind: c.kind, amount: c.amount, year: c.year })),
      linksOf.get(p.id) ?? [],
      today,
    );
    return { id: p.id, name: p.name, status: p.status, ownerName: p.ownerName, horizonYears: p.horizonYears, ...figures };
  });
  return { all: projects.length, shown, rollUp: rollUp(shown), rankings: new Map<RankKey, ProjectFigures[]>() };
}

/**
 * The roll-up of the workspace as of its figures revision, computed once per (revision, today in the
 * workspace's zone, status filter); with the ranking by each sort key, sorted once. Read-only: the
 * same objects serve every request of that key.
 */
async function portfolioFigures(workspaceId: string, options: Omit<PortfolioOptions, 'sort'>) {
  const state =
    options.revision !== undefined && options.today !== undefined ? { revision: options.revision, today: options.today } : await figuresState(workspaceId);
  const today = options.today ?? state.today;
  const revision = options.revision ?? state.revision;
  return cachedFigures('portfolio', workspaceId, revision, [today, options.status], () => computePortfolio(workspaceId, { status: options.status, today }));
}

function ranking(figures: Awaited<ReturnType<typeof computePortfolio>>, sort: RankKey) {
  let ranked = figures.rankings.get(sort);
  if (!ranked) figures.rankings.set(sort, (ranked = rankProjects(figures.shown, sort)));
  return ranked;
}

/** What the summary, its CSV and the API show of a ranked project. */
function projectRow(p: ProjectFigures) {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    ownerName: p.ownerName,
    horizonYears: p.horizonYears,
    kpiCount: p.kpiCount,
    runRateBenefit: p.businessCase.runRateBenefit,
    totalBenefit: p.businessCase.totalBenefit,
    totalCost: p.businessCase.totalCost,
    netBenefit: p.businessCase.netBenefit,
    npv: p.businessCase.npv,
    roi: p.businessCase.roi,
    paybackMonths: p.businessCase.paybackMonths,
    warningCount: p.warnings.length,
  };
}

export type PortfolioProject = ReturnType<typeof projectRow>;

/** The figures over every shown project, whatever part of the ranking a page shows. */
function rollUp(shown: readonly ProjectFigures[]) {
  const realised = shown.map((p) => p.realised).filter((a): a is string => a !== null);
  return {
    totals: portfolioTotals(shown.map((p) => p.businessCase)),
    topMeasures: topMeasures(shown.map((p) => ({ projectId: p.id, lines: p.measures }))),
    topByNpv: rankProjects(shown, 'npv')
      .slice(0, 3)
      .map((p) => ({ id: p.id, name: p.name, npv: p.businessCase.npv })),
    // What the linked KPIs have moved so far (a yearly amount), beside the run-rate the cases plan.
    realisedBenefit: realised.length ? toDecimalString(sum(...realised)) : null,
    positiveNpv: shown.filter((p) => dec(p.businessCase.npv).gt(0)).length,
  };
}

/** The whole portfolio, every project ranked (the projects list, the workspace home and the API). */
export async function loadPortfolio(workspaceId: string, options: PortfolioOptions) {
  const figures = await portfolioFigures(workspaceId, options);
  const { all, shown } = figures;
  const ranked = ranking(figures, options.sort);
  return {
    ...figures.rollUp,
    projects: ranked.map(projectRow),
    warnings: ranked.filter((p) => p.warnings.length > 0).map((p) => ({ projectId: p.id, projectName: p.name, warnings: p.warnings })),
    counts: { all, shown: shown.length },
  };
}

/** Rows of the summary's ranking per page. */
export const SUMMARY_PAGE_SIZE = 25;
/** Bars of the summary's chart: the first projects of the ranking, then one bar for all the others. */
export const SUMMARY_CHART_BARS = 10;
/** Warnings listed per project on the summary; its business case lists them all. */
export const SUMMARY_WARNINGS_PER_PROJECT = 3;

/**
 * The executive summary as the page shows it: the totals, headline and top measures over every shown
 * project, but only one page of the ranking, a chart of the first projects plus "others", and the
 * warnings of the page's projects (a few each, with the count of the rest). Its size does not grow
 * with the portfolio.
 */
export async function loadSummaryPage(workspaceId: string, options: PortfolioOptions & { page: number }) {
  const figures = await portfolioFigures(workspaceId, options);
  const { all, shown } = figures;
  const ranked = ranking(figures, options.sort);
  const pageCount = Math.max(1, Math.ceil(ranked.length / SUMMARY_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const offset = (page - 1) * SUMMARY_PAGE_SIZE;
  const onPage = ranked.slice(offset, offset + SUMMARY_PAGE_SIZE);
  const rest = ranked.slice(SUMMARY_CHART_BARS);
  const others = rest.length
    ? {
        key: 'others',
        name: null,
        projectCount: rest.length,
        totalBenefit: toDecimalString(sum(...rest.map((p) => p.businessCase.totalBenefit))),
        totalCost: toDecimalString(sum(...rest.map((p) => p.businessCase.totalCost))),
      }
    : null;
  return {
    ...figures.rollUp,
    ranking: { rows: onPage.map(projectRow), page, pageCount, offset, pageSize: SUMMARY_PAGE_SIZE },
    chartBars: [
      ...ranked.slice(0, SUMMARY_CHART_BARS).map((p) => ({
        key: p.id,
        name: p.name as string | null,
        projectCount: 1,
        totalBenefit: p.businessCase.totalBenefit,
        totalCost: p.businessCase.totalCost,
      })),
      ...(others ? [others] : []),
    ],
    warnings: {
      flaggedProjects: shown.filter((p) => p.warnings.length > 0).length,
      onPage: onPage
        .filter((p) => p.warnings.length > 0)
        .map((p) => ({
          projectId: p.id,
          projectName: p.name,
          warnings: p.warnings.slice(0, SUMMARY_WARNINGS_PER_PROJECT),
          more: Math.max(0, p.warnings.length - SUMMARY_WARNINGS_PER_PROJECT),
        })),
    },
    counts: { all, shown: shown.length },
  };
}

export type SummaryPage = Awaited<ReturnType<typeof loadSummaryPage>>;

/**
 * Every shown project of the ranking, for the CSV export, with the portfolio totals; the caller
 * writes them out in chunks.
 */
export async function loadSummaryExport(workspaceId: string, options: PortfolioOptions) {
  const figures = await portfolioFigures(workspaceId, options);
  return { projects: ranking(figures, options.sort).map(projectRow), totals: figures.rollUp.totals };
}

export type Portfolio = Awaited<ReturnType<typeof loadPortfolio>>;

/** The workspace home's "top projects": the summary roll-up (same fixed queries), best NPV first. */
export async function topProjectsByNpv(workspaceId: string, limit = 3) {
  const { projects } = await loadPortfolio(workspaceId, { sort: 'npv' });
  return projects.slice(0, limit).map((p) => ({ id: p.id, name: p.name, npv: p.npv }));
}
