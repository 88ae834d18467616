// What the business case page and the executive summary share on the server: the one query for the
// KPIs linked to projects (with measure, stage and map), today's date for staleness, and the CSV
// headings in the reader's language. The arithmetic is app/domain/business-case/.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '#db/client';
import { journeyMap, kpi, measure, projectKpi, stage, workspace } from '#db/schema';
import { todayIn } from '~/lib/time-zone';
import { CASE_CSV_KEYS, SUMMARY_CSV_COLUMNS, type CaseCsvLabels, type SummaryCsvLabels } from '~/domain/business-case';

/** Today in the workspace's time zone (for staleness of KPI values and whether a project started),
 * for callers that hold only its id (the API); pages pass todayIn(workspace.timeZone). */
export async function workspaceToday(workspaceId: string) {
  const [row] = await db.select({ timeZone: workspace.timeZone }).from(workspace).where(eq(workspace.id, workspaceId));
  return todayIn(row?.timeZone ?? 'UTC');
}

/**
 * The KPIs linked to the given projects of the workspace, with what their impact needs: one query
 * whatever the number of projects or KPIs. Ordered by map, stage position and measure name.
 * The KPI is filtered by the workspace; its map, stage and measure are of the KPI's workspace by a
 * database rule (kpi_*_same_workspace_fk), so they are joined by id alone: filtering them by the
 * workspace again made the planner, with stale statistics (PGlite never analyses), scan each
 * table's workspace index per row (300 projects / 5,000 KPIs: summary p50 0.72 s -> 1.07 s).
 */
export function listLinkedKpis(workspaceId: string, projectIds: readonly string[]) {
  return db
    .select({
      projectId: projectKpi.projectId,
      kpiId: projectKpi.kpiId,
      share: projectKpi.share,
      measureId: measure.id,
      measureName: measure.name,
      unit: measure.unit,
      trend: measure.trend,
      valueAmount: measure.valueAmount,
      valueStep: measure.valueStep,
      stageName: stage.name,
      mapId: journeyMap.id,
      mapName: journeyMap.name,
      impactMode: kpi.impactMode,
      manualAmount: kpi.manualAmount,
      target: kpi.targetValue,
    })
    .from(projectKpi)
    .innerJoin(kpi, and(eq(kpi.id, projectKpi.kpiId), eq(kpi.workspaceId, workspaceId)))
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .innerJoin(journeyMap, eq(journeyMap.id, kpi.mapId))
    .where(and(eq(projectKpi.workspaceId, workspaceId), inArray(projectKpi.projectId, [...projectIds])))
    .orderBy(asc(journeyMap.name), asc(stage.position), asc(measure.name));
}

export type LinkedKpiRow = Awaited<ReturnType<typeof listLinkedKpis>>[number];

type Translate = (key: string) => string;

/** Row and column headings of the business case CSV (t of the 'projects' namespace). */
export function caseCsvLabels(t: Translate): CaseCsvLabels {
  const pick = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
  return {
    figures: pick('csv.figures', CASE_CSV_KEYS.figures),
    years: pick('csv.years', CASE_CSV_KEYS.years),
    kpis: pick('csv.kpis', CASE_CSV_KEYS.kpis),
    assumptions: pick('csv.assumptions', CASE_CSV_KEYS.assumptions),
  };
}

/** Column headings and status names of the summary CSV (t of the 'projects' and 'common' namespaces). */
export function summaryCsvLabels(t: Translate): SummaryCsvLabels {
  return {
    columns: Object.fromEntries(SUMMARY_CSV_COLUMNS.map((k) => [k, t(`projects:csv.summary.${k}`)])) as SummaryCsvLabels['columns'],
    portfolio: t('projects:csv.summary.portfolio'),
    status: (status) => t(`common:projectStatus.${status}`),
  };
}
