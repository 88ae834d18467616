// `npm run bench`: every benchmark against a running local server (BENCH_URL, default
// http://localhost:3000, started with SEED_DEMO=true on an empty database). Bounded; local only.
import { spawnSync } from 'node:child_process';
import { BASE } from './bench-lib';

const scripts = ['tests/bench/map-page.ts', 'tests/bench/map-drop.ts'];
let failed = false;
for (const script of scripts) {
  console.log(`\n# ${script} (${BASE})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env: { ...process.env, BENCH_URL: BASE }, timeout: 10 * 60_000 });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
