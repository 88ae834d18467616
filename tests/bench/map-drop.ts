// Drop to next frame on the large map (bench-lib.ts makes it), in Chromium, for pointer drops and
// keyboard drops: the time from the drop (the pointerup, or the keydown of the Space that drops;
// the event's own timestamp, so input delay counts) to the first animation frame in which the card
// is in its new place, i.e. the frame that paints it. A drop that never shows (3 s) or that the
// save takes back counts as lost. Records drop.<pointer|keyboard>.p75/.p99/.n/.lost (budgets.ts).
//
// It finds things the way assistive technology does, not by CSS class (the card markup changes):
// a card's drag handle is the element whose aria-label is the locales' maps:dnd.dragCard for its
// title (role=button), and a card's place is the nearest element around it labelled by
// maps:dnd.cell for its lane and stage (else its role=cell), plus its rank among the handles there.
// Pointer drops take a card of "Couloir 2" one stage right and back, released once dnd-kit has
// announced (maps:dnd.over, its aria-live region) that the card is over the other cell; keyboard
// drops focus the handle of a card of "Couloir 1", Space, ArrowRight (ArrowLeft when the card is
// not in the first stage) or ArrowDown, pressed again (3 times at most) until dnd-kit announces the
// card over something else than itself or its own cell, then Space. Only the drop is timed, not the drag before
// it; the save and the reload of the map's data after it are waited for before the next drop. One
// warm-up drop of each kind is not counted.
// Bounded (BENCH_DROPS of each kind); local server only.
//   node --import tsx tests/bench/map-drop.ts          (BENCH_URL=http://localhost:3271, BENCH_DROPS=30)
import { chromium, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE, benchData, CHROMIUM, ms, record, SMOKE, summary } from './bench-lib';
import { cardTitle, laneName, stageName } from './large-map';

const DROPS = Math.min(Number(process.env.BENCH_DROPS ?? (SMOKE ? 2 : 30)), 200);
const LOST_AFTER_MS = 3000;

/** maps:dnd.dragCard and maps:dnd.cell in every locale of the app. */
function dndTemplates() {
  const dir = path.resolve(import.meta.dirname, '../../app/locales');
  const templates = readdirSync(dir).map((locale) => {
    const dnd = (JSON.parse(readFileSync(path.join(dir, locale, 'maps.json'), 'utf8')) as { dnd: { dragCard: string; cell: string; over: string } }).dnd;
    return { dragCard: dnd.dragCard, cell: dnd.cell, over: dnd.over };
  });
  if (templates.length === 0) throw new Error(`no locales in ${dir}`);
  return templates;
}
const TEMPLATES = dndTemplates();
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression source matching the template in any locale, whatever its values. */
const anyOf = (key: 'dragCard' | 'cell') =>
  `^(?:${TEMPLATES.map((t) =>
    t[key]
      .split(/\{\{\s*\w+\s*\}\}/)
      .map(escapeRegExp)
      .join('.+'),
  ).join('|')})$`;

/** dnd-kit's announcement (an aria-live region) that the card is over a target: its target, or undefined. */
const overTarget = (title: string, text: string): string | undefined => {
  for (const t of TEMPLATES) {
    const [before, after] = fill(t.over, { name: title, target: '\u0000' }).split('\u0000');
    if (text.startsWith(before!) && text.endsWith(after!)) return text.slice(before!.length, text.length - after!.length);
  }
  return undefined;
};
const handleLabels = (title: string) => TEMPLATES.map((t) => fill(t.dragCard, { name: title }));
const cellLabels = (cardLane: number, stage: number) => TEMPLATES.map((t) => fill(t.cell, { lane: laneName(cardLane), stage: stageName(stage) }));
const selector = (labels: string[]) => labels.map((l) => `[aria-label="${l.replace(/["\\]/g, '\\$&')}"]`).join(', ');

interface DropResult {
  frame?: number;
  painted?: number;
  to?: string;
  lost?: boolean;
}

/** In the page: where a card is ("cell label#rank"), and the timing of the next drop. */
function installProbe({ handleRe, cellRe, lostAfter }: { handleRe: string; cellRe: string; lostAfter: number }) {
  const handleMatch = new RegExp(handleRe);
  const cellMatch = new RegExp(cellRe);
  const where = (handleSelector: string): string | null => {
    const handle = document.querySelector(handleSelector);
    if (!handle) return null;
    let cell: Element | null = handle.parentElement;
    while (cell && !cellMatch.test(cell.getAttribute('aria-label') ?? '')) cell = cell.parentElement;
    cell ??= handle.closest('[role="cell"]');
    if (!cell) return 'nowhere';
    const id = cell.getAttribute('aria-label') ?? cell.getAttribute('data-cell') ?? `cell ${[...document.querySelectorAll('[role="cell"]')].indexOf(cell)}`;
    const rank = [...cell.querySelectorAll('[aria-label]')].filter((e) => handleMatch.test(e.getAttribute('aria-label')!)).indexOf(handle);
    return `${id}#${rank}`;
  };
  const w = window as unknown as { __where: typeof where; __arm: (kind: string, handleSelector: string, from: string) => void; __drop: DropResult | null };
  w.__where = where;
  w.__drop = null;
  let armed: { kind: string; handleSelector: string; from: string | null } | null = null;
  // `from`: where the card was before it was picked up.
  w.__arm = (kind, handleSelector, from) => {
    w.__drop = null;
    armed = { kind, handleSelector, from };
  };
  const onDrop = (event: Event) => {
    if (!armed) return;
    if (event.type === 'keydown' ? armed.kind !== 'keyboard' || (event as KeyboardEvent).code !== 'Space' : armed.kind !== 'pointer') return;
    const { handleSelector, from } = armed;
    armed = null;
    const t0 = event.timeStamp;
    const poll = () => {
      const now = performance.now();
      const at = where(handleSelector);
      if (at !== null && at !== from) {
        const frame = now - t0;
        setTimeout(() => (w.__drop = { frame, painted: performance.now() - t0, to: at }), 0);
      } else if (now - t0 > lostAfter) w.__drop = { lost: true };
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
  // Capture phase on window: before dnd-kit's own handlers, so nothing of the drop runs earlier.
  window.addEventListener('keydown', onDrop, true);
  window.addEventListener('pointerup', onDrop, true);
}

/**
 * Waits until no request has been in flight for `quiet` ms: the save, the reload of the map's data
 * after it, and the second reload that the live stream's echo of the save brings a moment later.
 */
async function settle(page: Page, inflight: () => number, quiet = 1000, max = 15_000) {
  const end = Date.now() + max;
  let idleSince = Date.now();
  while (Date.now() < end) {
    if (inflight() > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= quiet) return;
    await page.waitForTimeout(25);
  }
}

async function main() {
  const { cookie, slug, mapPath, cards } = await benchData();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const [name, value] = cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: BASE }]);
    const page = await context.newPage();
    // Requests in flight, but for the live stream (an EventSource, always open).
    let inflight = 0;
    const counts = (r: { resourceType: () => string }) => r.resourceType() !== 'eventsource';
    page.on('request', (r) => counts(r) && (inflight += 1));
    page.on('requestfinished', (r) => counts(r) && (inflight -= 1));
    page.on('requestfailed', (r) => counts(r) && (inflight -= 1));
    await page.goto(`${BASE}${mapPath}`, { timeout: 60_000 });
    // Handles exist once the page is hydrated.
    await page
      .locator(selector(handleLabels(cardTitle(0, 0, 0))))
      .first()
      .waitFor({ timeout: 60_000 });
    await settle(page, () => inflight);
    // tsx compiles with esbuild's keepNames: functions sent to the page call its __name helper.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(installProbe, { handleRe: anyOf('dragCard'), cellRe: anyOf('cell'), lostAfter: LOST_AFTER_MS });

    /**
     * Picks the card up and brings it over its new place (`prepare`), arms the probe, drops
     * (`drop`), waits for the frame and the save; the result, or lost.
     */
    const timed = async (kind: 'pointer' | 'keyboard', handle: string, prepare: (fromCell: string) => Promise<void>, drop: () => Promise<void>) => {
      const from = await page.evaluate((h) => (window as unknown as { __where: (h: string) => string | null }).__where(h), handle);
      if (from === null) throw new Error(`no handle ${handle}`);
      // The cell's name: over it, a drop is no move when the card is its last item.
      await prepare(from.replace(/#-?\d+$/, ''));
      await page.evaluate(([k, h, f]) => (window as unknown as { __arm: (k: string, h: string, f: string) => void }).__arm(k!, h!, f!), [kind, handle, from]);
      await drop();
      const result = (await (
        await page.waitForFunction(() => (window as unknown as { __drop: DropResult | null }).__drop, undefined, { timeout: LOST_AFTER_MS + 5000, polling: 50 })
      ).jsonValue()) as DropResult;
      await settle(page, () => inflight);
      // A drop the save took back (or that moved nowhere lasting) is lost too.
      const after = await page.evaluate((h) => (window as unknown as { __where: (h: string) => string | null }).__where(h), handle);
      if (!result.lost && after !== result.to) return { lost: true, from, to: after ?? undefined };
      return { ...result, from };
    };

    const results: Record<'pointer' | 'keyboard', DropResult[]> = { pointer: [], keyboard: [] };
    const log = (kind: string, i: number, r: DropResult & { from?: string | null }) =>
      process.env.BENCH_VERBOSE && console.log(`  ${kind} ${i}: ${r.lost ? 'LOST' : `${ms(r.frame!)}`} ${r.from} -> ${r.to}`);

    const liveText = () => page.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((e) => e.textContent ?? '').join('\u0001'));
    const overIn = (title: string, text: string) =>
      text
        .split('\u0001')
        .map((t) => overTarget(title, t))
        .find((t) => t !== undefined);
    const inStage1 = async (card: string, cardLane: number) =>
      (await page
        .locator(selector(cellLabels(cardLane, 0)))
        .first()
        .locator(card)
        .count()) > 0;
    /** Waits (at most `max` ms) for the announcements to change from `before`; the new text. */
    const announcement = async (before: string, max = 2000) => {
      const end = Date.now() + max;
      let text = await liveText();
      while (text === before && Date.now() < end) {
        await page.waitForTimeout(20);
        text = await liveText();
      }
      return text;
    };
    /** Lets the render the last event asked for reach a frame, so the drop sees where the card is over. */
    const flush = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

    // Pointer: a card of "Couloir 2" goes one stage right (onto the next cell), then comes back; the
    // button is released once dnd-kit has announced that the card is over the other cell.
    const pointerTitle = cardTitle(1, 0, 0);
    const pointerCard = selector(handleLabels(pointerTitle));
    for (let i = 0; i <= DROPS; i++) {
      const toStage = (await inStage1(pointerCard, 1)) ? 1 : 0;
      // Both boxes in one step in the page: the map may re-render between two locator calls.
      const [from, to] = await page.evaluate(
        ([h, t]) => {
          const handle = document.querySelector(h!);
          const target = document.querySelector(t!);
          if (!handle || !target) throw new Error(`missing ${handle ? t : h}`);
          handle.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const box = (e: Element) => (({ x, y, width, height }) => ({ x, y, width, height }))(e.getBoundingClientRect());
          return [box(handle), box(target)];
        },
        [pointerCard, selector(cellLabels(1, toStage))],
      );
      const x0 = from!.x + from!.width / 2;
      const y0 = from!.y + from!.height / 2;
      const r = await timed(
        'pointer',
        pointerCard,
        async (fromCell) => {
          await page.mouse.move(x0, y0);
          await page.mouse.down();
          await page.mouse.move(x0 + 10, y0 + 2, { steps: 2 });
          let text = await liveText();
          await page.mouse.move(to!.x + to!.width / 2, to!.y + Math.min(to!.height / 2, 20), { steps: 8 });
          for (let t = 0; t < 5; t++) {
            const over = overIn(pointerTitle, text);
            if (over !== undefined && over !== pointerTitle && over !== fromCell) break;
            text = await announcement(text, 500);
          }
          await flush();
        },
        () => page.mouse.up(),
      );
      log('pointer', i, r);
      if (i > 0) results.pointer.push(r);
    }

    // Keyboard: a card of "Couloir 1": right (left when it is not in the first stage), down one
    // place, and so on. Each
    // arrow is pressed again (3 times at most) until dnd-kit announces the card over something else
    // than itself, as a person listening to it would.
    const keyboardTitle = cardTitle(0, 0, 0);
    const keyboardCard = selector(handleLabels(keyboardTitle));
    for (let i = 0; i <= DROPS; i++) {
      const key = i % 2 === 1 ? 'ArrowDown' : (await inStage1(keyboardCard, 0)) ? 'ArrowRight' : 'ArrowLeft';
      const handle = page.locator(keyboardCard).first();
      await handle.focus();
      const r = await timed(
        'keyboard',
        keyboardCard,
        async (fromCell) => {
          let text = await liveText();
          await page.keyboard.press('Space');
          text = await announcement(text);
          for (let t = 0; t < 3; t++) {
            await page.keyboard.press(key);
            text = await announcement(text, 1000);
            const over = overIn(keyboardTitle, text);
            if (over !== undefined && over !== keyboardTitle && over !== fromCell) break;
          }
          await flush();
        },
        () => page.keyboard.press('Space'),
      );
      log(`keyboard ${key}`, i, r);
      if (i > 0) results.keyboard.push(r);
    }

    console.log(`${BASE}${mapPath} (${cards} cards, workspace ${slug}), Chromium ${browser.version()}, ${DROPS} drops of each kind after a warm-up drop`);
    for (const kind of ['pointer', 'keyboard'] as const) {
      const shown = results[kind].filter((r) => !r.lost);
      const frame = summary(shown.map((r) => r.frame!));
      const painted = summary(shown.map((r) => r.painted!));
      const lost = results[kind].length - shown.length;
      console.log(
        `${kind.padEnd(8)} drop -> frame showing it   p50 ${ms(frame.p50)}  p75 ${ms(frame.p75)}  p99 ${ms(frame.p99)}  max ${ms(frame.max)}  (${shown.length} shown, ${lost} lost)`,
      );
      console.log(`${kind.padEnd(8)} drop -> task after it      p50 ${ms(painted.p50)}  p75 ${ms(painted.p75)}  p99 ${ms(painted.p99)}`);
      record(`drop.${kind}.n`, shown.length);
      record(`drop.${kind}.lost`, lost);
      if (shown.length) {
        record(`drop.${kind}.p75`, frame.p75);
        record(`drop.${kind}.p99`, frame.p99);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
