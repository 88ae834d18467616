// The executive summary against a running production server, on portfolios of 30 / 300 / 3,000
// projects (500 / 5,000 / 50,000 linked KPIs, portfolio.ts makes them over HTTP), beside the sign-in
// page in the same run:
// - the summary's HTML: bytes of the uncompressed document, for each portfolio;
// - p50 at 1 connection: the sign-in page and each portfolio's summary, one request at a time in
//   interleaved rounds (login, 30, 300, 3,000, login, ...), so machine load hits every page alike;
// - Lighthouse mobile on the 300-project summary (desktop on the larger smoke portfolio).
// Records summary.login.p50, summary.<projects>.p50, summary.<projects>.kpis,
// summary.<projects>.htmlBytes and lighthouse.summary.<preset>.performance (budgets.ts).
// BENCH_PORTFOLIOS=30,300 makes only those; BENCH_SUMMARY_ROUNDS rounds (10);
// BENCH_PORTFOLIO_FILE=<path> keeps the portfolios made (their accounts' cookies) in that file and
// reuses them on the next run against the same server. Local server only.
//   node --import tsx tests/bench/summary-page.ts     (BENCH_URL=http://localhost:3271)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BASE, ms, pageHeaders, record, SMOKE, summary } from './bench-lib';
import { lighthouse } from './lighthouse';
import { createPortfolio, PORTFOLIOS, SMOKE_PORTFOLIOS, type Portfolio } from './portfolio';

const ROUNDS = Math.min(Number(process.env.BENCH_SUMMARY_ROUNDS ?? (SMOKE ? 2 : 10)), 200);
const wanted = process.env.BENCH_PORTFOLIOS?.split(',').map(Number);
const SHAPES = (SMOKE ? SMOKE_PORTFOLIOS : PORTFOLIOS).filter((s) => !wanted || wanted.includes(s.projects));
/** The portfolio Lighthouse runs on: 300 projects (the largest smoke one in a smoke run). */
const LIGHTHOUSE_PROJECTS = SMOKE ? SMOKE_PORTFOLIOS[SMOKE_PORTFOLIOS.length - 1]!.projects : 300;

async function get(path: string, cookie?: string) {
  const start = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: pageHeaders(cookie) });
  const html = await res.text();
  const took = performance.now() - start;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return { took, html };
}

async function main() {
  const file = process.env.BENCH_PORTFOLIO_FILE;
  const kept: Portfolio[] = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Portfolio[]) : [];
  const portfolios: Portfolio[] = [];
  for (const shape of SHAPES) {
    const reuse = kept.find((p) => p.projects === shape.projects && p.kpis === shape.kpis);
    if (reuse) {
      portfolios.push(reuse);
      continue;
    }
    const t0 = performance.now();
    console.log(`portfolio of ${shape.projects} projects / ${shape.kpis} linked KPIs:`);
    portfolios.push(await createPortfolio(BASE, shape, console.log));
    console.log(`  made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (file) writeFileSync(file, JSON.stringify([...kept.filter((k) => !portfolios.includes(k)), ...portfolios]));
  }

  const targets = [{ name: 'page /login', path: '/login', cookie: undefined as string | undefined, portfolio: undefined as Portfolio | undefined }];
  for (const p of portfolios) targets.push({ name: `summary, ${p.projects} projects`, path: p.summaryPath, cookie: p.cookie, portfolio: p });
  for (const t of targets) {
    const { html } = await get(t.path, t.cookie);
    if (!t.portfolio) continue;
    const shown = html.match(/Projet \d{4}/g)?.length ?? 0;
    if (shown === 0) throw new Error(`${t.path} shows no project`);
    console.log(`${t.name}: HTML ${(Buffer.byteLength(html) / 1000).toFixed(1)} KB uncompressed`);
    record(`summary.${t.portfolio.projects}.htmlBytes`, Buffer.byteLength(html));
    record(`summary.${t.portfolio.projects}.kpis`, t.portfolio.kpis);
  }
  // Warm-up (JIT, the database's caches), then the interleaved rounds.
  for (let i = 0; i < 2; i++) for (const t of targets) await get(t.path, t.cookie);
  const times = targets.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) for (const [i, t] of targets.entries()) times[i]!.push((await get(t.path, t.cookie)).took);
  console.log(`\n${ROUNDS} interleaved rounds at 1 connection`);
  for (const [i, t] of targets.entries()) {
    const s = summary(times[i]!);
    console.log(`  ${t.name.padEnd(28)} p50 ${ms(s.p50).padStart(10)}  p99 ${ms(s.p99).padStart(10)}  max ${ms(s.max).padStart(10)}`);
    record(t.portfolio ? `summary.${t.portfolio.projects}.p50` : 'summary.login.p50', s.p50);
  }

  const target = portfolios.find((p) => p.projects === LIGHTHOUSE_PROJECTS);
  if (target) {
    const preset = SMOKE ? 'desktop' : 'mobile';
    console.log(`\nLighthouse (${preset}) on the summary of ${target.projects} projects`);
    const scores = await lighthouse(`${BASE}${target.summaryPath}`, target.cookie, [preset]);
    record(`lighthouse.summary.${preset}.performance`, scores[preset]!.performance);
    record(`lighthouse.summary.${preset}.accessibility`, scores[preset]!.accessibility);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
