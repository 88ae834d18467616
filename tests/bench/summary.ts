// Benchmark of the executive summary's server computation: a workspace with 300 projects and 5,000
// linked KPIs (each with 12 monthly values), analysed as the app does after a bulk write, then the
// summary page's roll-up (its five queries, every business case computed in memory or taken from the
// cache of computed cases) timed over N runs. Scratch in-memory PGlite by default; a
// scratch workspace in DATABASE_URL when it is set.
//   node --import tsx tests/bench/summary.ts [runs]
import { performance } from 'node:perf_hooks';
import { openDatabase, queryCounter, setDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { journeyMap, kpi, kpiValue, lane, measure, project, projectCost, projectKpi, stage, workspace } from '../../db/schema';
import { caseCacheStats, loadSummaryPage } from '../../app/server/portfolio.server';
import { analyzeDatabase } from '../../app/server/table-statistics.server';
import { loadBusinessCase } from '../../app/server/projects.server';

const PROJECTS = 300;
const KPIS = 5_000;
const VALUES_PER_KPI = 12;
const RUNS = Number(process.argv[2] ?? 30);

function chunks<T>(rows: T[], size = 1_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const handle = openDatabase(databaseUrl ? { databaseUrl } : { pgliteDir: 'memory://' });
  setDatabase(handle);
  await migrateDatabase(handle, databaseUrl);
  const db = handle.db;

  const started = performance.now();
  const [ws] = await db
    .insert(workspace)
    .values({ name: 'Bench', slug: `bench-${Date.now().toString(36)}`, currency: 'EUR', locale: 'fr' })
    .returning();
  const workspaceId = ws!.id;
  const [map] = await db.insert(journeyMap).values({ workspaceId, name: 'Bench map' }).returning();
  const stages = await db
    .insert(stage)
    .values(Array.from({ length: 10 }, (_, i) => ({ workspaceId, mapId: map!.id, name: `Étape ${i + 1}`, position: i })))
    .returning();
  const [kpiLane] = await db.insert(lane).values({ workspaceId, mapId: map!.id, kind: 'kpi', name: 'KPI', position: 0 }).returning();
  const measures = await db
    .insert(measure)
    .values(
      Array.from({ length: 25 }, (_, i) => ({
        workspaceId,
        name: `Mesure ${i + 1}`,
        unit: i % 2 ? '%' : 'pts',
        trend: i % 3 ? ('up' as const) : ('down' as const),
        valueAmount: i % 10 === 9 ? null : String(1_000 * (i + 1)),
        valueStep: i % 10 === 9 ? null : '1',
      })),
    )
    .returning();

  const kpiRows = Array.from({ length: KPIS }, (_, i) => {
    const m = measures[i % measures.length]!;
    const up = m.trend === 'up';
    return {
      workspaceId,
      mapId: map!.id,
      laneId: kpiLane!.id,
      stageId: stages[i % stages.length]!.id,
      measureId: m.id,
      position: i,
      targetValue: up ? String(60 + (i % 7)) : String(20 - (i % 7)),
    };
  });
  const kpiIds: string[] = [];
  for (const batch of chunks(kpiRows)) kpiIds.push(...(await db.insert(kpi).values(batch).returning({ id: kpi.id })).map((r) => r.id));

  const valueRows = kpiIds.flatMap((kpiId, i) =>
    Array.from({ length: VALUES_PER_KPI }, (_, month) => ({
      workspaceId,
      kpiId,
      date: `2025-${String(month + 1).padStart(2, '0')}-01`,
      value: String(40 + ((i + month) % 10)),
    })),
  );
  for (const batch of chunks(valueRows, 2_000)) await db.insert(kpiValue).values(batch);

  const projects = await db
    .insert(project)
    .values(
      Array.from({ length: PROJECTS }, (_, i) => ({
        workspaceId,
        name: `Projet ${String(i + 1).padStart(3, '0')}`,
        status: (['idea', 'planned', 'in_progress', 'delivered'] as const)[i % 4],
        startDate: '2025-03-15',
        horizonYears: 1 + (i % 10),
        discountRate: '0.08',
        confidence: '0.8',
        rampUp: ['0.5', '1', '1'],
      })),
    )
    .returning({ id: project.id });
  await db.insert(projectCost).values(
    projects.flatMap((p, i) => [
      { workspaceId, projectId: p.id, label: 'Build', kind: 'one_off' as const, amount: String(50_000 + i * 100), year: 0 },
      { workspaceId, projectId: p.id, label: 'Run', kind: 'recurring' as const, amount: '10000', year: 1 },
      { workspaceId, projectId: p.id, label: 'Training', kind: 'one_off' as const, amount: '5000', year: 1 },
    ]),
  );
  // 5,000 links: every KPI to one project, spread evenly (about 17 per project).
  const links = kpiIds.map((kpiId, i) => ({ workspaceId, projectId: projects[i % PROJECTS]!.id, kpiId, share: i % 5 ? '1' : '0.5' }));
  for (const batch of chunks(links)) await db.insert(projectKpi).values(batch);
  await analyzeDatabase(db);
  const setupMs = performance.now() - started;

  // Warm-up (query plans, JIT), then the timed runs.
  const cold = performance.now();
  await loadSummaryPage(workspaceId, { sort: 'npv', page: 1 });
  console.log(`first roll-up (every case computed): ${(performance.now() - cold).toFixed(1)} ms`);
  for (let i = 0; i < 2; i++) await loadSummaryPage(workspaceId, { sort: 'npv', page: 1 });
  const reusedBefore = caseCacheStats.reused;
  const times: number[] = [];
  let queries = 0;
  let result: Awaited<ReturnType<typeof loadSummaryPage>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    queryCounter.count = 0;
    const t0 = performance.now();
    result = await loadSummaryPage(workspaceId, { sort: (['npv', 'roi', 'payback', 'benefit'] as const)[i % 4], page: 1 + (i % 12) });
    times.push(performance.now() - t0);
    queries = queryCounter.count;
  }
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`database: ${handle.kind}; setup ${fmt(setupMs)} (${PROJECTS} projects, ${links.length} linked KPIs, ${valueRows.length} values)`);
  console.log(`summary page roll-up: ${RUNS} runs, ${queries} queries each; ${caseCacheStats.reused - reusedBefore} cases from the cache`);
  console.log(
    `  p50 ${fmt(percentile(times, 50))}  p90 ${fmt(percentile(times, 90))}  p99 ${fmt(percentile(times, 99))}  min ${fmt(times[0]!)}  max ${fmt(times[times.length - 1]!)}`,
  );
  // One business case page's server work (5 queries), for a project with about 17 KPIs.
  const caseTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    queryCounter.count = 0;
    const t0 = performance.now();
    await loadBusinessCase(workspaceId, projects[i % PROJECTS]!.id);
    caseTimes.push(performance.now() - t0);
  }
  caseTimes.sort((a, b) => a - b);
  console.log(`business case of one project: ${RUNS} runs, ${queryCounter.count} queries each`);
  console.log(`  p50 ${fmt(percentile(caseTimes, 50))}  p99 ${fmt(percentile(caseTimes, 99))}`);
  console.log(`  portfolio NPV ${result!.totals.npv}; ${result!.counts.shown} projects ranked; ${result!.warnings.flaggedProjects} with warnings`);
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
