// Time from a drop to the next frame on the large map (bench-lib.ts makes it), in Chromium: the card is picked up and
// moved with the keyboard (dnd-kit's keyboard sensor), and the drop key press is timed from the
// keydown to the first animation frame after it (the optimistic re-render happens in between),
// and to the task after that frame (roughly when it is painted). Bounded; local server only.
//   node --import tsx tests/bench/map-drop.ts          (BENCH_URL=http://localhost:3221, BENCH_DROPS=20)
import { chromium } from '@playwright/test';
import { BASE, benchData, ms, summary } from './bench-lib';

const DROPS = Math.min(Number(process.env.BENCH_DROPS ?? 20), 200);

async function main() {
  const { cookie, slug, mapPath } = await benchData();
  const executablePath = process.env.CHROMIUM_PATH === undefined ? '/usr/bin/chromium' : process.env.CHROMIUM_PATH || undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const [name, value] = cookie.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}${mapPath}`);
    await page.locator('.drag-handle').first().waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __drops: { frame: number; painted: number }[] };
      w.__drops = [];
      // Capture phase on window: runs before dnd-kit's own key handler, so t0 precedes the drop.
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.code !== 'Space' || !document.querySelector('[data-dragging="true"]')) return;
          const t0 = performance.now();
          requestAnimationFrame(() => {
            const frame = performance.now() - t0;
            setTimeout(() => w.__drops.push({ frame, painted: performance.now() - t0 }), 0);
          });
        },
        true,
      );
    });
    const cards = await page.locator('.journey-card').count();
    for (let i = 0; i < DROPS; i++) {
      // Alternate: the first card of "Couloir 1" goes one stage right, then comes back.
      const title = 'Carte 1.1.1';
      const handle = page.getByRole('button', { name: `Move the card ${title}`, exact: true });
      await handle.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForTimeout(150);
      await page.keyboard.press('Space');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(100);
    }
    const drops = await page.evaluate(() => (window as unknown as { __drops: { frame: number; painted: number }[] }).__drops);
    const frame = summary(drops.map((d) => d.frame));
    const painted = summary(drops.map((d) => d.painted));
    console.log(`${BASE}${mapPath} (${cards} cards, workspace ${slug}), ${drops.length} keyboard drops in Chromium`);
    console.log(`drop -> next animation frame   p50 ${ms(frame.p50)}  p99 ${ms(frame.p99)}  max ${ms(frame.max)}`);
    console.log(`drop -> after that frame        p50 ${ms(painted.p50)}  p99 ${ms(painted.p99)}  max ${ms(painted.max)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
