// `npm run bench`: every benchmark against a running local server (BENCH_URL, default
// http://localhost:3000; production build, any database, no demo needed). Makes its data once (a
// workspace of its own with the large map and the scaling maps, see bench-lib.ts), hands it to each
// script, collects the figures they record and prints the table of the map issue's budgets
// (budgets.ts). Bounded: each script is stopped after 10 minutes; local only.
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

const scripts = ['map-page.ts', 'first-load-js.ts', 'map-drop.ts', 'lighthouse.ts', 'kpi-values.ts'].map((s) => `tests/bench/${s}`);
const only = process.env.BENCH_ONLY?.split(',');

const started = performance.now();
const data = await createBenchData();
console.log(
  `# data: ${BASE}${data.mapPath} (${data.cards} cards, ${data.kpis} KPIs; workspace ${data.slug}); scaling maps of ${data.scaling.map((m) => m.cards).join(', ')} cards`,
);
const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
const results = path.join(dir, 'results.jsonl');
const env = { ...process.env, BENCH_URL: BASE, BENCH_DATA: JSON.stringify(data), BENCH_RESULTS: results, ...(check ? { BENCH_CHECK: '1' } : {}) };
const crashed: string[] = [];
for (const script of scripts) {
  if (only && !only.some((o) => script.includes(o))) continue;
  const t0 = performance.now();
  console.log(`\n# ${script} (${BASE})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env, timeout: 10 * 60_000, killSignal: 'SIGKILL' });
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
const verdicts = judge(new Map(lines.map((l) => [l.name, l.value])));
console.log(`\n# budgets of the map issue (production build; server ratios against /login in the same run)${smoke ? ', smoke run: not checked' : ''}\n`);
console.log(table(verdicts, !smoke));
console.log(`\n# ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
if (crashed.length) console.log(`# scripts that failed: ${crashed.join(', ')}`);
const missed = verdicts.filter((v) => v.result !== 'pass');
if (check && missed.length) console.log(`# --check: ${missed.length} of ${verdicts.length} budgets missed`);
process.exit(crashed.length || (check && missed.length) ? 1 : 0);
