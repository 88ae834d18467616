// `npm run bench`: every benchmark against a running local server (BENCH_URL, default
// http://localhost:3000; production build, any database, no demo needed). Makes its data once (a
// workspace of its own with the large map and the scaling maps, see bench-lib.ts), hands it to each
// script, collects the figures they record and prints the table of the budgets (budgets.ts): the
// map issue's, the API batch's and the executive summary's (summary-page.ts makes its own
// portfolios). BENCH_ONLY=summary (or map-page,lighthouse, ...) runs those scripts and judges only
// their budgets. Bounded: each script is stopped after 10 minutes (the summary's 40); local only.
//   npm run bench                  the full run; prints the table, exits 1 only when a script fails
//   npm run bench -- --check       the same, and exits 1 when a budget is missed (or not measured)
//   npm run bench -- --smoke       a quick run that everything works (CI): a tenth of the data, 2
//                                  rounds, 20 requests, 2 drops of each kind, Lighthouse desktop
//                                  only; the table is printed but never checked
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const smoke = process.argv.includes('--smoke');
const check = process.argv.includes('--check') && !smoke;
// Before bench-lib reads it.
if (smoke) process.env.BENCH_SMOKE = '1';
const { BASE, createBenchData } = await import('./bench-lib');
const { judge, table } = await import('./budgets');

const NAMES = ['map-page', 'first-load-js', 'map-drop', 'lighthouse', 'kpi-values', 'summary-page'];
const only = process.env.BENCH_ONLY?.split(',');
const chosen = NAMES.filter((n) => !only || only.some((o) => n.includes(o)));
const scripts = chosen.map((s) => `tests/bench/${s}.ts`);
/** The scripts that run on the large map (bench-lib.ts); the others make data of their own. */
const ON_MAP = ['map-page', 'first-load-js', 'map-drop', 'lighthouse'];

const started = performance.now();
let data: Awaited<ReturnType<typeof createBenchData>> | undefined;
if (chosen.some((n) => ON_MAP.includes(n))) {
  data = await createBenchData();
  console.log(
    `# data: ${BASE}${data.mapPath} (${data.cards} cards, ${data.kpis} KPIs; workspace ${data.slug}); scaling maps of ${data.scaling.map((m) => m.cards).join(', ')} cards`,
  );
}
const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
const results = path.join(dir, 'results.jsonl');
const env = {
  ...process.env,
  BENCH_URL: BASE,
  ...(data ? { BENCH_DATA: JSON.stringify(data) } : {}),
  BENCH_RESULTS: results,
  ...(check ? { BENCH_CHECK: '1' } : {}),
};
const crashed: string[] = [];
for (const script of scripts) {
  const t0 = performance.now();
  console.log(`\n# ${script} (${BASE})`);
  // The summary makes portfolios of up to 3,000 projects over HTTP first.
  const timeout = (script.includes('summary') ? 40 : 10) * 60_000;
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env, timeout, killSignal: 'SIGKILL' });
  console.log(`# ${script}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (result.status !== 0) crashed.push(`${script} (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}

let lines: { name: string; value: number }[] = [];
try {
  lines = readFileSync(results, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; value: number });
} catch {
  // No script recorded anything.
}
rmSync(dir, { recursive: true, force: true });
const verdicts = judge(new Map(lines.map((l) => [l.name, l.value])), chosen);
console.log(`\n# budgets (production build; server ratios against /login in the same run)${smoke ? ', smoke run: not checked' : ''}\n`);
console.log(table(verdicts, !smoke));
console.log(`\n# ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
if (crashed.length) console.log(`# scripts that failed: ${crashed.join(', ')}`);
const missed = verdicts.filter((v) => v.result !== 'pass');
if (check && missed.length) console.log(`# --check: ${missed.length} of ${verdicts.length} budgets missed`);
process.exit(crashed.length || (check && missed.length) ? 1 : 0);
