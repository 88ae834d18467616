// First-load JavaScript of the map editor, gzip: what the large map's HTML makes the browser load
// before it can run the page. From the served HTML (signed in): every <script src>, every
// <link rel=modulepreload href>, and the modules the inline bootstrap imports; then every module
// those import statically (followed through, in case a preload is missing). Each file is fetched
// from the server and gzipped with node:zlib (default level), and the sizes summed: records
// js.firstLoadGzip and js.files (budgets.ts). It also loads the page in Chromium and sums, the same
// way, every script the browser fetched until the network was idle: that includes the chunks the
// page imports lazily but at once (today the locale namespaces), which the HTML does not name;
// recorded as js.browserGzip and js.browserFiles, held to the same budget, so that moving code
// into a lazy chunk that loads anyway does not count as a saving. Bounded; local server only.
//   node --import tsx tests/bench/first-load-js.ts     (BENCH_URL=http://localhost:3271)
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { BASE, benchData, CHROMIUM, pageHeaders, record } from './bench-lib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The script URLs the HTML loads at once: script src, modulepreload, the inline bootstrap's imports. */
export function firstLoadScripts(html: string, base: string): string[] {
  const urls = new Set<string>();
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) urls.add(new URL(src, base).href);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (href && rel?.split(/\s+/).includes('modulepreload')) urls.add(new URL(href, base).href);
  }
  // The inline module bootstrap (Remix's): its static imports and its import("entry.client").
  for (const [, body] of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, spec] of body!.matchAll(STATIC_IMPORT)) urls.add(new URL(spec!, base).href);
    for (const [, spec] of body!.matchAll(DYNAMIC_IMPORT)) urls.add(new URL(spec!, base).href);
  }
  return [...urls];
}

async function fetchScript(url: string) {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function main() {
  const { cookie, mapPath } = await benchData();
  const pageUrl = `${BASE}${mapPath}`;
  const res = await fetch(pageUrl, { headers: pageHeaders(cookie) });
  if (res.status !== 200) throw new Error(`${mapPath} answered ${res.status}`);
  const html = await res.text();

  const queue = firstLoadScripts(html, pageUrl);
  if (queue.length === 0) throw new Error('the map page loads no script');
  const sizes = new Map<string, { raw: number; gzip: number }>();
  while (queue.length) {
    const url = queue.shift()!;
    if (sizes.has(url)) continue;
    const body = await fetchScript(url);
    sizes.set(url, { raw: body.length, gzip: gzipSync(body).length });
    for (const [, spec] of body.toString('utf8').matchAll(STATIC_IMPORT)) {
      if (/^(\.{0,2}\/|https?:)/.test(spec!)) queue.push(new URL(spec!, url).href);
    }
  }
  const total = [...sizes.values()].reduce((s, x) => s + x.gzip, 0);
  const raw = [...sizes.values()].reduce((s, x) => s + x.raw, 0);
  console.log(`${pageUrl}: ${sizes.size} scripts on first load, ${kb(total)} gzip (${kb(raw)} uncompressed)`);
  for (const [url, s] of [...sizes.entries()].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 8)) {
    console.log(`  ${kb(s.gzip).padStart(9)}  ${new URL(url).pathname}`);
  }
  record('js.firstLoadGzip', total);
  record('js.files', sizes.size);

  // For information: what Chromium actually fetched.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const [name, value] = cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: BASE }]);
    const page = await context.newPage();
    const seen = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') seen.add(r.url());
    });
    await page.goto(pageUrl, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 30_000 });
    if (seen.size === 0) throw new Error('Chromium fetched no script');
    let observed = 0;
    for (const url of seen) observed += sizes.get(url)?.gzip ?? gzipSync(await fetchScript(url)).length;
    const extra = [...seen].filter((u) => !sizes.has(u)).map((u) => new URL(u).pathname);
    console.log(
      `Chromium fetched ${seen.size} scripts until the network was idle: ${kb(observed)} gzip${extra.length ? `; not in the HTML's first load: ${extra.join(', ')}` : ''}`,
    );
    record('js.browserGzip', observed);
    record('js.browserFiles', seen.size);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
