// A batch of 10,000 KPI values through POST /api/v1/kpi-values (JSON), against a running server: all
// new, then the same batch again (all unchanged), then every value changed. Its own data: a new
// account and workspace with a map of 100 cards and 200 KPIs (large-map.ts), and a
// read_write token made on the settings page. Budget (issue 12): each batch <= 3 s on PostgreSQL;
// records the slowest as kpiValues.maxMs (budgets.ts; `npm run bench -- --check` fails over it).
// Bounded: 3 requests, local only.
//   node --import tsx tests/bench/kpi-values.ts        (BENCH_URL=http://localhost:3271)
import { createApiTokenOverHttp, createWorkspaceOverHttp, importMapOverHttp, signUpOverHttp } from '../support/http-client';
import { BASE, ms, record } from './bench-lib';
import { largeMapDocument } from './large-map';

export const KPI_VALUES_BUDGET_MS = 3000;
const KPIS = 200;
const DATES = 50;

async function main() {
  const { cookie } = await signUpOverHttp(BASE, 'Benchmark');
  const slug = await createWorkspaceOverHttp(BASE, cookie, { name: `Benchmark values ${Date.now().toString(36)}`, currency: 'EUR', locale: 'en' });
  await importMapOverHttp(BASE, cookie, slug, JSON.stringify(largeMapDocument({ cards: 100, kpis: KPIS })));
  const secret = await createApiTokenOverHttp(BASE, cookie, slug, 'Benchmark');
  const auth = { Authorization: `Bearer ${secret}` };
  const page = (await (await fetch(`${BASE}/api/v1/kpis?limit=500`, { headers: auth })).json()) as { data: { id: string }[] };
  const kpiIds = page.data.map((k) => k.id);
  if (kpiIds.length !== KPIS) throw new Error(`expected ${KPIS} KPIs, found ${kpiIds.length}`);
  const dates = Array.from({ length: DATES }, (_, d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
  const batch = (offset: number) => ({
    values: kpiIds.flatMap((kpi, k) => dates.map((date, d) => ({ kpi, date, value: String(((k * 7 + d + offset) % 1000) / 10) }))),
  });

  const runs = [
    { name: '10,000 new values', body: batch(0), expect: { new: 10_000, changed: 0, unchanged: 0 } },
    { name: 'the same again (unchanged)', body: batch(0), expect: { new: 0, changed: 0, unchanged: 10_000 } },
    { name: '10,000 changed values', body: batch(1), expect: { new: 0, changed: 10_000, unchanged: 0 } },
  ];
  let slowest = 0;
  console.log(`${BASE}: POST /api/v1/kpi-values, ${KPIS} KPIs x ${DATES} dates, budget ${ms(KPI_VALUES_BUDGET_MS)} each`);
  for (const run of runs) {
    const body = JSON.stringify(run.body);
    const start = performance.now();
    const res = await fetch(`${BASE}/api/v1/kpi-values`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body });
    const answer = (await res.json()) as Record<string, number>;
    const took = performance.now() - start;
    const counts = { new: answer.new, changed: answer.changed, unchanged: answer.unchanged };
    if (res.status !== 200 || JSON.stringify(counts) !== JSON.stringify(run.expect)) throw new Error(`${run.name}: ${res.status} ${JSON.stringify(answer)}`);
    const verdict = took <= KPI_VALUES_BUDGET_MS ? 'ok' : 'OVER BUDGET';
    slowest = Math.max(slowest, took);
    console.log(`${run.name.padEnd(28)} ${ms(took).padStart(10)}  (${(body.length / 1024).toFixed(0)} KiB)  ${verdict}`);
  }
  record('kpiValues.maxMs', slowest);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
