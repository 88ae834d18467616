// The executive ROI summary: one roll-up of every non-archived project of a workspace. Five queries
// whatever the portfolio size (the projects, then at once their costs, their linked KPIs with their
// measures, the newest value of each linked KPI and each link's value at its project's start, for the
// realised benefit); every business case is then computed in memory with the domain code.
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
  type BusinessCaseCost,
  type LinkedKpi,
  type RankKey,
} from '~/domain/business-case';
import { dec, sum, toDecimalString } from '~/domain/decimal';
import { groupBy } from '~/domain/group-by';
import type { ProjectStatus } from '~/domain/vocabulary';
import { listLinkedKpis, workspaceToday } from './business-cases.server';

export interface PortfolioOptions {
  sort: RankKey;
  status?: ProjectStatus;
  today?: string;
}

export async function loadPortfolio(workspaceId: string, options: PortfolioOptions) {
  const today = options.today ?? (await workspaceToday(workspaceId));
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
  const shown = (options.status ? projects.filter((p) => p.status === options.status) : projects).map((p) => {
    const lines = kpiLines(linksOf.get(p.id) ?? [], { projectStart: p.startDate, today });
    const businessCase = projectCase(
      { horizonYears: p.horizonYears, discountRate: p.discountRate, confidence: p.confidence, rampUp: p.rampUp },
      (costsOf.get(p.id) ?? []).map((c): BusinessCaseCost => ({ kind: c.kind, amount: c.amount, year: c.year })),
      lines,
    );
    return { ...p, lines, businessCase, warnings: caseWarnings(lines, businessCase) };
  });
  const ranked = rankProjects(shown, options.sort);
  // What the linked KPIs have moved so far (a yearly amount), beside the run-rate the cases plan.
  const realised = shown.map((p) => realisedTotal(p.lines)).filter((a): a is string => a !== null);

  return {
    totals: portfolioTotals(shown.map((p) => p.businessCase)),
    projects: ranked.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      ownerName: p.ownerName,
      horizonYears: p.horizonYears,
      kpiCount: p.lines.length,
      runRateBenefit: p.businessCase.runRateBenefit,
      totalBenefit: p.businessCase.totalBenefit,
      totalCost: p.businessCase.totalCost,
      netBenefit: p.businessCase.netBenefit,
      npv: p.businessCase.npv,
      roi: p.businessCase.roi,
      paybackMonths: p.businessCase.paybackMonths,
      warningCount: p.warnings.length,
    })),
    topMeasures: topMeasures(shown.map((p) => ({ projectId: p.id, lines: p.lines }))),
    warnings: ranked.filter((p) => p.warnings.length > 0).map((p) => ({ projectId: p.id, projectName: p.name, warnings: p.warnings })),
    topByNpv: rankProjects(shown, 'npv')
      .slice(0, 3)
      .map((p) => ({ id: p.id, name: p.name, npv: p.businessCase.npv })),
    realisedBenefit: realised.length ? toDecimalString(sum(...realised)) : null,
    counts: { all: projects.length, shown: shown.length },
    positiveNpv: shown.filter((p) => dec(p.businessCase.npv).gt(0)).length,
  };
}

export type Portfolio = Awaited<ReturnType<typeof loadPortfolio>>;

/** The workspace home's "top projects": the summary roll-up (same fixed queries), best NPV first. */
export async function topProjectsByNpv(workspaceId: string, limit = 3) {
  const { projects } = await loadPortfolio(workspaceId, { sort: 'npv' });
  return projects.slice(0, limit).map((p) => ({ id: p.id, name: p.name, npv: p.npv }));
}
