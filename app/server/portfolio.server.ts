// The executive ROI summary: one roll-up of every non-archived project of a workspace. Four queries
// whatever the portfolio size (projects, costs, linked KPIs with their measures, newest value of each
// linked KPI); every business case is then computed in memory with the domain code.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { db } from '#db/client';
import { journeyMap, kpi, kpiValue, measure, project, projectCost, projectKpi, stage, user } from '#db/schema';
import type { BusinessCaseCost } from '~/domain/business-case';
import { dec, sum, toDecimalString, toFixedString } from '~/domain/decimal';
import {
  caseWarnings,
  csvMoney,
  csvRatio,
  kpiLines,
  portfolioTotals,
  projectCase,
  rankProjects,
  topMeasures,
  type LinkedKpi,
  type RankKey,
} from '~/domain/project-case';
import type { ProjectStatus } from '~/domain/vocabulary';
import { linkedKpiColumns, todayIso } from './projects.server';

export interface PortfolioOptions {
  sort: RankKey;
  status?: ProjectStatus;
  today?: string;
}

export async function loadPortfolio(workspaceId: string, options: PortfolioOptions) {
  const today = options.today ?? todayIso();
  const liveProjects = and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt));
  // The workspace's KPIs linked to a live project; their newest value is then one backward probe of
  // kpi_value_kpi_date_idx each (LATERAL ... LIMIT 1). The tenancy filter sits on kpi and project:
  // a value belongs to its KPI's workspace. Filtering kpi_value.workspace_id as well lets the planner,
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
    .where(eq(kpiValue.kpiId, linkedKpis.kpiId))
    .orderBy(desc(kpiValue.date))
    .limit(1)
    .as('newest_value');

  const [projects, costs, links, newest] = await Promise.all([
    db
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
      .orderBy(asc(project.name)),
    db
      .select({ projectId: projectCost.projectId, kind: projectCost.kind, amount: projectCost.amount, year: projectCost.year })
      .from(projectCost)
      .innerJoin(project, eq(project.id, projectCost.projectId))
      .where(and(eq(projectCost.workspaceId, workspaceId), liveProjects)),
    db
      .select(linkedKpiColumns)
      .from(projectKpi)
      .innerJoin(project, eq(project.id, projectKpi.projectId))
      .innerJoin(kpi, eq(kpi.id, projectKpi.kpiId))
      .innerJoin(measure, eq(measure.id, kpi.measureId))
      .innerJoin(stage, eq(stage.id, kpi.stageId))
      .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
      .where(and(eq(projectKpi.workspaceId, workspaceId), liveProjects))
      .orderBy(asc(journeyMap.name), asc(stage.position), asc(measure.name)),
    // Only the newest value of each linked KPI, one index probe per KPI (kpi_value_kpi_date_idx):
    // a lateral LIMIT 1 keeps this fast even when table statistics are stale (PGlite never analyses).
    db
      .select({ kpiId: linkedKpis.kpiId, date: newestValue.date, value: newestValue.value })
      .from(linkedKpis)
      .crossJoinLateral(newestValue),
  ]);

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
    counts: { all: projects.length, shown: shown.length },
    positiveNpv: shown.filter((p) => dec(p.businessCase.npv).gt(0)).length,
  };
}

export type Portfolio = Awaited<ReturnType<typeof loadPortfolio>>;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(row);
  }
  return groups;
}

/** The summary as CSV rows: one row per ranked project, then the portfolio totals. */
export function summaryCsvRows(portfolio: Portfolio, t: (key: string) => string): string[][] {
  const header = ['project', 'status', 'kpis', 'runRate', 'totalBenefit', 'totalCost', 'netBenefit', 'npv', 'roi', 'paybackMonths', 'warnings'].map((k) =>
    t(`projects:csv.summary.${k}`),
  );
  const payback = (x: string | null) => (x === null ? '' : toFixedString(x, 1));
  const rows: string[][] = [header];
  for (const p of portfolio.projects) {
    rows.push([
      p.name,
      t(`common:projectStatus.${p.status}`),
      String(p.kpiCount),
      csvMoney(p.runRateBenefit),
      csvMoney(p.totalBenefit),
      csvMoney(p.totalCost),
      csvMoney(p.netBenefit),
      csvMoney(p.npv),
      csvRatio(p.roi),
      payback(p.paybackMonths),
      String(p.warningCount),
    ]);
  }
  const totals = portfolio.totals;
  rows.push(
    [],
    [
      t('projects:csv.summary.portfolio'),
      '',
      '',
      csvMoney(totals.runRateBenefit),
      csvMoney(totals.totalBenefit),
      csvMoney(totals.totalCost),
      csvMoney(totals.netBenefit),
      csvMoney(totals.npv),
      csvRatio(totals.roi),
      payback(totals.paybackMonths),
      '',
    ],
  );
  return rows;
}

/** The workspace home's "top projects": the summary roll-up (same fixed queries), best NPV first. */
export async function topProjectsByNpv(workspaceId: string, limit = 3) {
  const { projects } = await loadPortfolio(workspaceId, { sort: 'npv' });
  return projects.slice(0, limit).map((p) => ({ id: p.id, name: p.name, npv: p.npv }));
}
