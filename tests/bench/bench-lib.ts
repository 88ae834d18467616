// Helpers shared by the benchmark scripts: a localhost-only base URL, the data they run on, percentiles.
// The data is their own: a new account and workspace holding the large map (large-map.ts), made over
// HTTP like a person would (sign up, create a workspace, import the map's JSON), so any server works,
// on PGlite or PostgreSQL, demo or not. `npm run bench` makes it once and hands it to each script.
import { createWorkspaceOverHttp, importMapOverHttp, signUpOverHttp } from '../support/http-client';
import { largeMapDocument } from './large-map';

export const BASE = process.env.BENCH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

const host = new URL(BASE).hostname;
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
  throw new Error(`Benchmarks only run against a local server; refusing ${BASE}`);
}

export interface BenchData {
  /** The session cookie ("name=value") of the workspace's owner. */
  cookie: string;
  slug: string;
  /** The large map's path, /w/<slug>/maps/<id>. */
  mapPath: string;
}

/** A workspace of its own with the large map (BENCH_KPIS KPIs in its KPI row, default none). */
export async function createBenchData(): Promise<BenchData> {
  const kpis = Math.min(Number(process.env.BENCH_KPIS ?? 0), 2000);
  const { cookie } = await signUpOverHttp(BASE, 'Benchmark');
  const slug = await createWorkspaceOverHttp(BASE, cookie, { name: `Benchmark ${Date.now().toString(36)}`, currency: 'EUR', locale: 'fr' });
  const mapPath = await importMapOverHttp(BASE, cookie, slug, JSON.stringify(largeMapDocument(kpis)));
  return { cookie, slug, mapPath };
}

/** The data `npm run bench` made (BENCH_COOKIE, BENCH_SLUG, BENCH_MAP_PATH), or new data for a script run alone. */
export async function benchData(): Promise<BenchData> {
  const { BENCH_COOKIE: cookie, BENCH_SLUG: slug, BENCH_MAP_PATH: mapPath } = process.env;
  if (cookie && slug && mapPath) return { cookie, slug, mapPath };
  return createBenchData();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
