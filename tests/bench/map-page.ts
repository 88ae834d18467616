// Server render of the large map (bench-lib.ts makes it) under 10 concurrent connections, beside a static file and a
// small dynamic page of the same server, in one run. Bounded (N requests per target) and local only.
//   node --import tsx tests/bench/map-page.ts          (BENCH_URL=http://localhost:3221, BENCH_N=200)
import { BASE, benchData, ms, summary } from './bench-lib';

const N = Math.min(Number(process.env.BENCH_N ?? 200), 5000);
const CONCURRENCY = 10;

async function measure(path: string, cookie?: string) {
  const samples: number[] = [];
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < N) {
      next += 1;
      const start = performance.now();
      const res = await fetch(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
      await res.arrayBuffer();
      samples.push(performance.now() - start);
      if (res.status !== 200) failures += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { ...summary(samples), failures, rps: samples.length / seconds };
}

async function main() {
  const { cookie, mapPath } = await benchData();
  const html = await (await fetch(`${BASE}${mapPath}`, { headers: { Cookie: cookie } })).text();
  const cards = (html.match(/data-card-id=/g) ?? []).length;
  // Warm-up so the first compile/JIT does not count.
  for (let i = 0; i < 5; i++) await (await fetch(`${BASE}${mapPath}`, { headers: { Cookie: cookie } })).arrayBuffer();
  const targets = [
    { name: 'static /favicon.svg', path: '/favicon.svg', cookie: undefined },
    { name: 'page /login', path: '/login', cookie: undefined },
    { name: `large map (${cards} cards)`, path: mapPath, cookie },
  ];
  console.log(`${BASE}: ${N} GET requests per target, ${CONCURRENCY} concurrent connections`);
  for (const t of targets) {
    const r = await measure(t.path, t.cookie);
    console.log(
      `${t.name.padEnd(28)} p50 ${ms(r.p50).padStart(10)}  p99 ${ms(r.p99).padStart(10)}  max ${ms(r.max).padStart(10)}  ${r.rps.toFixed(0)} req/s  non-200: ${r.failures}`,
    );
  }
  console.log(`map page HTML: ${(html.length / 1024).toFixed(0)} KiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
