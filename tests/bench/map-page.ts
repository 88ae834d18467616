// Server side of the map page, against a running production server, beside the sign-in page
// (/login) in the same run:
// - p50 at 1 connection: the sign-in page and the maps of 100, 400 (the large map) and 1,600
//   cards, one request at a time in interleaved rounds (login, 100, 400, 1,600, login, ...), so a
//   change of machine load over the run hits every page alike;
// - req/s at 10 connections: the sign-in page and the large map, alternately in halves;
// - the large map's HTML: bytes of the uncompressed document.
// Records map.p50.c1, login.p50.c1, scale.<cards>.p50, map.rps.c10, login.rps.c10, map.htmlBytes
// (budgets.ts). Bounded (BENCH_ROUNDS rounds, BENCH_N requests per target at 10 connections), local only.
//   node --import tsx tests/bench/map-page.ts          (BENCH_URL=http://localhost:3271, BENCH_N=200, BENCH_ROUNDS=30)
import { BASE, benchData, ms, pageHeaders, record, SMOKE, summary } from './bench-lib';
import { cardTitle } from './large-map';

const N = Math.min(Number(process.env.BENCH_N ?? (SMOKE ? 20 : 200)), 5000);
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 2 : 30)), 500);
const CONCURRENCY = 10;

async function get(path: string, cookie?: string) {
  const start = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: pageHeaders(cookie) });
  // fetch asks for gzip and inflates it, as a browser does: the bytes are the uncompressed document.
  const bytes = (await res.arrayBuffer()).byteLength;
  const took = performance.now() - start;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return { took, bytes };
}

/** `count` requests over 10 connections; returns the latencies and req/s. */
async function concurrent(path: string, count: number, cookie?: string) {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      samples.push((await get(path, cookie)).took);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

async function main() {
  const { cookie, mapPath, cards, kpis, scaling } = await benchData();
  const first = await fetch(`${BASE}${mapPath}`, { headers: pageHeaders(cookie) });
  const html = await first.text();
  if (first.status !== 200 || !html.includes(cardTitle(0, 0, 0))) throw new Error(`${mapPath} answered ${first.status} without its first card`);
  const htmlBytes = Buffer.byteLength(html);

  const single = [{ name: 'page /login', path: '/login', cookie: undefined as string | undefined, cards: 0 }];
  for (const m of scaling) single.push({ name: `map, ${m.cards} cards${m.path === mapPath ? ' (large map)' : ''}`, path: m.path, cookie, cards: m.cards });
  if (!scaling.some((m) => m.path === mapPath)) single.push({ name: `large map, ${cards} cards`, path: mapPath, cookie, cards });

  // Warm-up, so the first compile/JIT and the database's caches do not count.
  for (let i = 0; i < 3; i++) for (const t of single) await get(t.path, t.cookie);

  console.log(`${BASE}: ${ROUNDS} interleaved rounds at 1 connection; ${N} requests per target at ${CONCURRENCY} connections`);
  console.log(`large map: ${cards} cards, ${kpis} KPIs, 20 stages x 10 lanes; HTML ${(htmlBytes / 1000).toFixed(1)} KB uncompressed`);
  const times = single.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) for (const [i, t] of single.entries()) times[i]!.push((await get(t.path, t.cookie)).took);
  console.log('\n1 connection');
  for (const [i, t] of single.entries()) {
    const s = summary(times[i]!);
    console.log(`  ${t.name.padEnd(32)} p50 ${ms(s.p50).padStart(10)}  p99 ${ms(s.p99).padStart(10)}  max ${ms(s.max).padStart(10)}`);
    if (t.path === '/login') record('login.p50.c1', s.p50);
    if (t.path === mapPath) record('map.p50.c1', s.p50);
    if (scaling.some((m) => m.path === t.path)) record(`scale.${t.cards}.p50`, s.p50);
  }

  // 10 connections: login and map alternately, each in two halves, so both see the same load.
  const targets = [
    { name: 'static /favicon.svg', path: '/favicon.svg', cookie: undefined as string | undefined, samples: [] as number[], seconds: 0 },
    { name: 'page /login', path: '/login', cookie: undefined, samples: [], seconds: 0 },
    { name: `large map, ${cards} cards`, path: mapPath, cookie, samples: [], seconds: 0 },
  ];
  for (let half = 0; half < 2; half++) {
    for (const t of targets) {
      const r = await concurrent(t.path, Math.ceil(N / 2), t.cookie);
      t.samples.push(...r.samples);
      t.seconds += r.seconds;
    }
  }
  console.log(`\n${CONCURRENCY} connections`);
  for (const t of targets) {
    const s = summary(t.samples);
    const rps = t.samples.length / t.seconds;
    console.log(`  ${t.name.padEnd(32)} p50 ${ms(s.p50).padStart(10)}  p99 ${ms(s.p99).padStart(10)}  max ${ms(s.max).padStart(10)}  ${rps.toFixed(1)} req/s`);
    if (t.path === '/login') record('login.rps.c10', rps);
    if (t.path === mapPath) record('map.rps.c10', rps);
  }
  record('map.htmlBytes', htmlBytes);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
