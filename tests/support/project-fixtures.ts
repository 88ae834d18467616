// Rows the projects tests need, written with plain drizzle inserts: a map with stages and a KPI row,
// measures, KPIs with value histories, projects with costs and links. Overrides for every field used.
import { db, type Executor } from '../../db/client';
import { journeyMap, kpi, kpiValue, lane, measure, project, projectCost, projectKpi, stage } from '../../db/schema';
import type { CostKind, ImpactMode } from '../../db/vocabulary';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function makeMapWithStages(workspaceId: string, stageNames: string[], options: { name?: string; executor?: Executor } = {}) {
  const ex = options.executor ?? db;
  const [map] = await ex
    .insert(journeyMap)
    .values({ workspaceId, name: options.name ?? `Map ${next()}` })
    .returning();
  const stages = await ex
    .insert(stage)
    .values(stageNames.map((name, position) => ({ workspaceId, mapId: map!.id, name, position })))
    .returning();
  const [kpiLane] = await ex.insert(lane).values({ workspaceId, mapId: map!.id, kind: 'kpi', name: 'KPIs', position: 0 }).returning();
  const byName = Object.fromEntries(stages.map((s) => [s.name, s]));
  return { map: map!, stages, stage: byName, lane: kpiLane! };
}

export async function makeMeasure(workspaceId: string, overrides: Partial<Omit<typeof measure.$inferInsert, 'workspaceId'>> = {}, executor: Executor = db) {
  const [row] = await executor
    .insert(measure)
    .values({ workspaceId, name: `Measure ${next()}`, unit: 'pts', trend: 'up', ...overrides })
    .returning();
  return row!;
}

export async function makeKpi(
  workspaceId: string,
  at: { mapId: string; laneId: string; stageId: string; measureId: string },
  overrides: { target?: string | null; impactMode?: ImpactMode; manualAmount?: string | null; values?: [date: string, value: string][] } = {},
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(kpi)
    .values({
      workspaceId,
      ...at,
      position: sequence++,
      targetValue: overrides.target ?? null,
      impactMode: overrides.impactMode ?? 'auto',
      manualAmount: overrides.manualAmount ?? null,
    })
    .returning();
  if (overrides.values?.length) {
    await executor.insert(kpiValue).values(overrides.values.map(([date, value]) => ({ workspaceId, kpiId: row!.id, date, value })));
  }
  return row!;
}

export async function makeProject(
  workspaceId: string,
  overrides: Partial<Omit<typeof project.$inferInsert, 'workspaceId'>> & {
    costs?: { label?: string; kind: CostKind; amount: string; year?: number }[];
    links?: { kpiId: string; share?: string }[];
  } = {},
  executor: Executor = db,
) {
  const { costs = [], links = [], ...fields } = overrides;
  const [row] = await executor
    .insert(project)
    .values({ workspaceId, name: `Project ${next()}`, ...fields })
    .returning();
  if (costs.length) {
    await executor.insert(projectCost).values(
      costs.map((c, i) => ({
        workspaceId,
        projectId: row!.id,
        label: c.label ?? `Cost ${i + 1}`,
        kind: c.kind,
        amount: c.amount,
        year: c.year ?? (c.kind === 'one_off' ? 0 : 1),
      })),
    );
  }
  if (links.length) {
    await executor.insert(projectKpi).values(links.map((l) => ({ workspaceId, projectId: row!.id, kpiId: l.kpiId, share: l.share ?? '1' })));
  }
  return row!;
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The worked example of DESIGN.md: three measures, three KPIs with recent values, and the project
 * "Self-service onboarding" (horizon 3, 8 %, 80 %, ramp-up 50/100/100, 60,000 + 10,000 a year).
 * Values move after the start date so that realised benefit is visible.
 */
export async function makeWorkedExample(workspaceId: string) {
  const { map, stage: stages, lane: kpiLane } = await makeMapWithStages(workspaceId, ['Onboarding', 'Renouvellement', 'Support'], { name: 'Parcours client' });
  const nps = await makeMeasure(workspaceId, { name: 'NPS', unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10' });
  const churn = await makeMeasure(workspaceId, { name: 'Taux de churn', unit: '%', trend: 'down', valueAmount: '120000', valueStep: '1' });
  const aht = await makeMeasure(workspaceId, { name: 'Durée moyenne de traitement', unit: 'seconds', trend: 'down', valueAmount: '2000', valueStep: '10' });
  const at = (stageName: string, measureId: string) => ({ mapId: map.id, laneId: kpiLane.id, stageId: stages[stageName]!.id, measureId });
  const start = isoDaysAgo(90);
  const npsKpi = await makeKpi(workspaceId, at('Onboarding', nps.id), {
    target: '42',
    values: [
      [isoDaysAgo(120), '30'],
      [isoDaysAgo(10), '32'],
    ],
  });
  const churnKpi = await makeKpi(workspaceId, at('Renouvellement', churn.id), {
    target: '7.0',
    values: [
      [isoDaysAgo(100), '9'],
      [isoDaysAgo(5), '8.5'],
    ],
  });
  const ahtKpi = await makeKpi(workspaceId, at('Support', aht.id), { target: '360', values: [[isoDaysAgo(3), '420']] });
  const example = await makeProject(workspaceId, {
    name: 'Self-service onboarding',
    status: 'in_progress',
    startDate: start,
    horizonYears: 3,
    discountRate: '0.08',
    confidence: '0.8',
    rampUp: ['0.5', '1', '1'],
    costs: [
      { label: 'Build', kind: 'one_off', amount: '60000', year: 0 },
      { label: 'Run', kind: 'recurring', amount: '10000', year: 1 },
    ],
    links: [{ kpiId: npsKpi.id }, { kpiId: churnKpi.id, share: '0.5' }, { kpiId: ahtKpi.id }],
  });
  return { map, stages, lane: kpiLane, measures: { nps, churn, aht }, kpis: { nps: npsKpi, churn: churnKpi, aht: ahtKpi }, project: example, start };
}
