// The indicator plan: one page of the measure library banded by HEART category, with each
// measure's GSM goal and signal, financial value, owner, flags and finance view. Four queries
// whatever the library size: the page of measures, the KPIs of that page (with the shares live
// projects count on), their newest values (the windowed history query), and the counts per band
// and flag of every measure the filters keep; the tags offered by the filter make a fifth.
import { and, arrayContains, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { kpi, measure, project, projectKpi, user } from '#db/schema';
import { financeView, heartBandOf, measureFlags, newestOf, type HeartBand, type MeasureFlag } from '~/domain/indicator-plan';
import { PLAN_PAGE_SIZE, type IndicatorFilters } from '~/lib/schemas/indicators';
import { latestValues } from './kpi-history.server';

function planFilter(workspaceId: string, filters: IndicatorFilters) {
  return and(
    eq(measure.workspaceId, workspaceId),
    isNull(measure.archivedAt),
    filters.family ? eq(measure.family, filters.family) : undefined,
    filters.tag ? arrayContains(measure.tags, [filters.tag]) : undefined,
  );
}

/** How many measures each band holds and how many lack an owner or a financial value. */
async function planCounts(workspaceId: string, filters: IndicatorFilters) {
  const rows = await db
    .select({
      heartCategory: measure.heartCategory,
      n: count(),
      noOwner: sql<number>`count(*) filter (where ${measure.ownerId} is null)`.mapWith(Number),
      noValue: sql<number>`count(*) filter (where ${measure.valueAmount} is null or ${measure.valueStep} is null or ${measure.valueStep} = 0)`.mapWith(Number),
    })
    .from(measure)
    .where(planFilter(workspaceId, filters))
    .groupBy(measure.heartCategory);
  const bands: Partial<Record<HeartBand, number>> = {};
  const flags: Record<MeasureFlag, number> = { no_category: 0, no_owner: 0, no_value: 0 };
  let total = 0;
  for (const r of rows) {
    const band = heartBandOf(r.heartCategory);
    bands[band] = r.n;
    total += r.n;
    if (band === 'none') flags.no_category += r.n;
    flags.no_owner += r.noOwner;
    flags.no_value += r.noValue;
  }
  return { bands, flags, total };
}

/** The tags of the live library, for the tag filter. */
async function planTags(workspaceId: string) {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${measure.tags})`.as('tag') })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), isNull(measure.archivedAt)));
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b));
}

export async function loadIndicatorPlan(workspaceId: string, filters: IndicatorFilters) {
  const [counts, tags] = await Promise.all([planCounts(workspaceId, filters), planTags(workspaceId)]);
  const pageCount = Math.max(1, Math.ceil(counts.total / PLAN_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  // The enum's order is the framework's (HEART_CATEGORIES), so sorting by it bands the library.
  const measures = await db
    .select({
      id: measure.id,
      name: measure.name,
      unit: measure.unit,
      trend: measure.trend,
      valueAmount: measure.valueAmount,
      valueStep: measure.valueStep,
      impactType: measure.impactType,
      ownerId: measure.ownerId,
      ownerName: user.displayName,
      heartCategory: measure.heartCategory,
      family: measure.family,
      gsmGoal: measure.gsmGoal,
      gsmSignal: measure.gsmSignal,
      tags: measure.tags,
    })
    .from(measure)
    .leftJoin(user, eq(user.id, measure.ownerId))
    .where(planFilter(workspaceId, filters))
    .orderBy(sql`${measure.heartCategory} asc nulls last`, asc(sql`lower(${measure.name})`), asc(measure.id))
    .limit(PLAN_PAGE_SIZE)
    .offset((page - 1) * PLAN_PAGE_SIZE);

  const measureIds = measures.map((m) => m.id);
  const shares = db
    .select({ kpiId: projectKpi.kpiId, share: sql<string>`sum(${projectKpi.share})`.as('share') })
    .from(projectKpi)
    .innerJoin(project, and(eq(project.id, projectKpi.projectId), eq(project.workspaceId, workspaceId)))
    .where(and(eq(projectKpi.workspaceId, workspaceId), isNull(project.archivedAt)))
    .groupBy(projectKpi.kpiId)
    .as('shares');
  const kpis = measureIds.length
    ? await db
        .select({
          id: kpi.id,
          measureId: kpi.measureId,
          target: kpi.targetValue,
          impactMode: kpi.impactMode,
          manualAmount: kpi.manualAmount,
          projectShare: sql<string>`coalesce(${shares.share}, 0)`,
        })
        .from(kpi)
        .leftJoin(shares, eq(shares.kpiId, kpi.id))
        .where(and(eq(kpi.workspaceId, workspaceId), inArray(kpi.measureId, measureIds)))
    : [];
  const newest = await latestValues(
    workspaceId,
    kpis.map((k) => k.id),
    1,
  );
  const kpisOf = new Map<string, typeof kpis>();
  for (const k of kpis) {
    let list = kpisOf.get(k.measureId);
    if (!list) kpisOf.set(k.measureId, (list = []));
    list.push(k);
  }

  return {
    measures: measures.map((m) => ({
      ...m,
      flags: measureFlags(m),
      finance: financeView(
        m,
        (kpisOf.get(m.id) ?? []).map((k) => ({ ...k, current: newestOf(newest.get(k.id)) })),
      ),
    })),
    counts,
    tags,
    page,
    pageCount,
  };
}

export type IndicatorPlan = Awaited<ReturnType<typeof loadIndicatorPlan>>;
