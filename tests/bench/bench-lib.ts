// Helpers shared by the benchmark scripts: a localhost-only base URL, demo sign-in, percentiles.
export const BASE = process.env.BENCH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

const host = new URL(BASE).hostname;
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
  throw new Error(`Benchmarks only run against a local server; refusing ${BASE}`);
}

export const DEMO = { email: 'demo@parcours.app', password: 'parcours-demo', slug: 'demo-telecom' };
export const LARGE_MAP = 'Benchmark — grande carte';

/** Signs in as the demo owner and returns the session cookie. */
export async function signIn(email = DEMO.email, password = DEMO.password): Promise<string> {
  const res = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/** The large demo map's URL, read from the maps list. */
export async function largeMapPath(cookie: string): Promise<string> {
  const html = await (await fetch(`${BASE}/w/${DEMO.slug}/maps`, { headers: { Cookie: cookie } })).text();
  const match = new RegExp(`href="(/w/${DEMO.slug}/maps/[0-9a-f-]{36})"[^>]*>${LARGE_MAP}<`).exec(html);
  if (!match) throw new Error('the large demo map was not found (start the server with SEED_DEMO=true on an empty database)');
  return match[1]!;
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
