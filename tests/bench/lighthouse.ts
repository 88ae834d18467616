// Lighthouse on the large map (bench-lib.ts makes it), signed in (the session cookie goes with
// every request through --extra-headers), with the desktop and the mobile preset, in Debian's
// Chromium (CHROME_PATH, default /usr/bin/chromium; --headless=new --no-sandbox). Only the
// performance and accessibility categories. Records lighthouse.<desktop|mobile>.<category>
// (0-100, unrounded, budgets.ts) and prints the metrics and the failed accessibility audits. A smoke run
// (BENCH_SMOKE=1) runs the desktop preset only. Each run is bounded (5 min); local server only.
// A page's performance score moves by several points from one load to the next (Lighthouse's own
// advice on variability: run it several times, keep the median), so each preset runs
// BENCH_LIGHTHOUSE_RUNS times (3; 1 in a smoke run) and records the median performance score and
// the lowest accessibility score.
//   node --import tsx tests/bench/lighthouse.ts        (BENCH_URL=http://localhost:3271)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASE, benchData, CHROMIUM, record, SMOKE } from './bench-lib';

const PRESETS = SMOKE ? (['desktop'] as const) : (['desktop', 'mobile'] as const);
const TIMEOUT_MS = 5 * 60_000;
const RUNS = SMOKE ? 1 : Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
  runtimeError?: { message: string };
}

export interface LighthouseScores {
  performance: number;
  accessibility: number;
}

/**
 * RUNS Lighthouse runs per preset on `url`, signed in with `cookie`; prints each run's metrics and
 * failed accessibility audits and returns by preset the median performance score and the lowest
 * accessibility score (0-100, unrounded).
 */
export async function lighthouse(url: string, cookie: string, presets: readonly ('desktop' | 'mobile')[]) {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'));
  const scores: Partial<Record<'desktop' | 'mobile', LighthouseScores>> = {};
  try {
    for (const preset of presets) {
      const runs: LighthouseScores[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(once(preset));
      const performances = runs.map((r) => r.performance).sort((a, b) => a - b);
      scores[preset] = { performance: performances[Math.floor((performances.length - 1) / 2)], accessibility: Math.min(...runs.map((r) => r.accessibility)) };
      if (RUNS > 1) console.log(`${preset.padEnd(7)} median performance of ${RUNS} runs: ${scores[preset].performance.toFixed(0)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return scores;

  function once(preset: 'desktop' | 'mobile'): LighthouseScores {
    const out = path.join(dir, `${preset}.json`);
    const started = performance.now();
    const attempt = () =>
      spawnSync(
        process.execPath,
        [
          cli,
          url,
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility',
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
          `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
          '--max-wait-for-load=60000',
          // Not part of either score, and slow on a large page: the screenshots and the
          // back/forward-cache check (which navigates away and back).
          '--disable-full-page-screenshot',
          '--skip-audits=bf-cache,screenshot-thumbnails,final-screenshot',
          ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        ],
        {
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM ?? '/usr/bin/chromium' },
          encoding: 'utf8',
          timeout: TIMEOUT_MS,
          killSignal: 'SIGKILL',
        },
      );
    // Lighthouse sometimes loses its own trace of the load ("NO_NAVSTART: please run Lighthouse
    // again"): that run measured nothing, so it is run once more before counting as a failure.
    let run = attempt();
    if (run.status !== 0 && /NO_NAVSTART|run Lighthouse again/.test(run.stderr)) run = attempt();
    if (run.status !== 0) throw new Error(`lighthouse (${preset}) ${run.error ? run.error.message : `exited ${run.status}`}: ${run.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    if (report.runtimeError) throw new Error(`lighthouse (${preset}): ${report.runtimeError.message}`);
    const score = (c: string) => (report.categories[c]?.score ?? Number.NaN) * 100;
    const metric = (id: string) => report.audits[id]?.displayValue ?? '?';
    console.log(
      `${preset.padEnd(7)} performance ${score('performance').toFixed(0)}  accessibility ${score('accessibility').toFixed(1)}  ` +
        `(FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, ` +
        `CLS ${metric('cumulative-layout-shift')}; ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    const failed = Object.entries(report.audits).filter(([, a]) => a.scoreDisplayMode === 'binary' && a.score === 0);
    const a11y = failed.filter(([id]) => !/^(?:first|largest|total|cumulative|speed|interactive|max-potential)/.test(id));
    if (a11y.length) console.log(`        failed audits: ${a11y.map(([id]) => id).join(', ')}`);
    return { performance: score('performance'), accessibility: score('accessibility') };
  }
}

async function main() {
  const { cookie, mapPath } = await benchData();
  const scores = await lighthouse(`${BASE}${mapPath}`, cookie, PRESETS);
  for (const [preset, s] of Object.entries(scores)) {
    record(`lighthouse.${preset}.performance`, s.performance);
    record(`lighthouse.${preset}.accessibility`, s.accessibility);
  }
}

// Run as a script (npm run bench, or alone), not when summary-page.ts imports lighthouse().
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1])))
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
