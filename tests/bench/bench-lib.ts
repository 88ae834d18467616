// Helpers shared by the benchmark scripts: a localhost-only base URL, the data they run on, the
// figures they record for the budget table, percentiles.
// The data is their own: a new account and workspace holding the large map and the maps of the
// scaling budget (large-map.ts), made over HTTP like a person would (sign up, create a workspace,
// import each map's JSON), so any server works, on PGlite or PostgreSQL, demo or not. `npm run bench`
// makes it once and hands it to each script.
import { appendFileSync } from 'node:fs';
import { createWorkspaceOverHttp, importMapOverHttp, signUpOverHttp } from '../support/http-client';
import { LARGE_MAP_CARDS, LARGE_MAP_KPIS, largeMapDocument, SCALING_CARDS } from './large-map';

export const BASE = process.env.BENCH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

const host = new URL(BASE).hostname;
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
  throw new Error(`Benchmarks only run against a local server; refusing ${BASE}`);
}

/** `npm run bench -- --smoke` (BENCH_SMOKE=1): tiny data, few rounds; only checks that everything runs. */
export const SMOKE = process.env.BENCH_SMOKE === '1';

export interface BenchData {
  /** The session cookie ("name=value") of the workspace's owner. */
  cookie: string;
  slug: string;
  /** The large map's path, /w/<slug>/maps/<id>. */
  mapPath: string;
  /** Its number of cards and KPIs. */
  cards: number;
  kpis: number;
  /** The maps of the scaling budget (same shape and KPIs, several card counts), smallest first. */
  scaling: { cards: number; path: string }[];
}

/**
 * The card and KPI counts: the budgets' 400 cards / 120 KPIs and 100 / 400 / 1,600 cards, or a
 * tenth of that for a smoke run (BENCH_CARDS and BENCH_KPIS change the large map's).
 */
export function benchShape() {
  const scale = SMOKE ? 0.1 : 1;
  const cards = Math.min(Number(process.env.BENCH_CARDS ?? Math.round(LARGE_MAP_CARDS * scale)), 5000);
  const kpis = Math.min(Number(process.env.BENCH_KPIS ?? Math.round(LARGE_MAP_KPIS * scale)), 2000);
  const scaling = SCALING_CARDS.map((n) => (n === LARGE_MAP_CARDS ? cards : Math.round(n * scale)));
  return { cards, kpis, scaling };
}

/** A workspace of its own with the large map and the other maps of the scaling budget. */
export async function createBenchData(): Promise<BenchData> {
  const shape = benchShape();
  const { cookie } = await signUpOverHttp(BASE, 'Benchmark');
  const slug = await createWorkspaceOverHttp(BASE, cookie, { name: `Benchmark ${Date.now().toString(36)}`, currency: 'EUR', locale: 'fr' });
  const scaling: BenchData['scaling'] = [];
  let mapPath = '';
  for (const cards of [...new Set([shape.cards, ...shape.scaling])].sort((a, b) => a - b)) {
    const doc = largeMapDocument({ cards, kpis: shape.kpis, name: `Benchmark — ${cards} cartes` });
    const path = await importMapOverHttp(BASE, cookie, slug, JSON.stringify(doc));
    if (cards === shape.cards) mapPath = path;
    if (shape.scaling.includes(cards)) scaling.push({ cards, path });
  }
  return { cookie, slug, mapPath, cards: shape.cards, kpis: shape.kpis, scaling };
}

/** The data `npm run bench` made (BENCH_DATA, JSON), or new data for a script run alone. */
export async function benchData(): Promise<BenchData> {
  if (process.env.BENCH_DATA) return JSON.parse(process.env.BENCH_DATA) as BenchData;
  return createBenchData();
}

/**
 * Records a figure for the budget table (budgets.ts): one JSON line in BENCH_RESULTS, which
 * `npm run bench` reads after every script has run. Also printed, so a script run alone shows it.
 */
export function record(name: string, value: number, note = '') {
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ name, value, note })}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p75: percentile(sorted, 75),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Request headers of the HTTP benchmarks: the language of the browser contexts (en-GB), so the
 * server renders the same page (and preloads the same locale chunks) for fetch as for Chromium.
 */
export function pageHeaders(cookie?: string): Record<string, string> {
  return { 'Accept-Language': 'en-GB,en;q=0.9', ...(cookie ? { Cookie: cookie } : {}) };
}

/** Chromium: Debian's (/usr/bin/chromium) unless CHROMIUM_PATH says otherwise ("" = Playwright's own). */
export const CHROMIUM = process.env.CHROMIUM_PATH === undefined ? '/usr/bin/chromium' : process.env.CHROMIUM_PATH || undefined;
