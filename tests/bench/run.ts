// `npm run bench`: every benchmark against a running local server (BENCH_URL, default
// http://localhost:3000; any database, no demo needed). Makes its data once (a workspace of its own
// with the large map, see bench-lib.ts) and hands it to each script. Bounded; local only.
//   npm run bench                  200 requests per target, 20 drops
//   npm run bench -- --smoke       a quick check that everything runs: 20 requests, 2 drops
//   npm run bench -- --check       exits 1 when a script with a budget is over it (kpi-values.ts: 3 s)
import { spawnSync } from 'node:child_process';
import { BASE, createBenchData } from './bench-lib';

const smoke = process.argv.includes('--smoke');
const check = process.argv.includes('--check');
const scripts = ['tests/bench/map-page.ts', 'tests/bench/map-drop.ts', 'tests/bench/kpi-values.ts'];

const data = await createBenchData();
console.log(`# data: ${BASE}${data.mapPath} (workspace ${data.slug})`);
const env = {
  ...process.env,
  BENCH_URL: BASE,
  BENCH_COOKIE: data.cookie,
  BENCH_SLUG: data.slug,
  BENCH_MAP_PATH: data.mapPath,
  ...(check ? { BENCH_CHECK: '1' } : {}),
  ...(smoke ? { BENCH_N: process.env.BENCH_N ?? '20', BENCH_DROPS: process.env.BENCH_DROPS ?? '2' } : {}),
};
let failed = false;
for (const script of scripts) {
  console.log(`\n# ${script} (${BASE})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env, timeout: 10 * 60_000 });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
