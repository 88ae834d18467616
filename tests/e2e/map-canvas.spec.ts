// The map canvas: the map scrolls both ways in a box of its own, with the stage headers and lane
// names kept in view; it zooms (buttons, fit to width, Ctrl/Cmd +/-) and the zoom is remembered;
// drag and drop still lands where the pointer is at another zoom.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';
import { mouseDrag, hydrated } from './helpers';

const MAP = DEMO_MAPS.purchase;
const STAGE_COUNT = 7;

async function openMap(page: Page, slug: string) {
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  // The page is hydrated and the stored view applied.
  await hydrated(page);
}

const mapBox = (page: Page) => page.getByRole('region', { name: /^Journey map/ });
const zoomShown = (page: Page) => page.getByRole('toolbar', { name: 'Map view' }).locator('output');
const stageHeader = (page: Page, name: string) => page.locator('.stage-header', { has: page.getByRole('heading', { name, exact: true }) });
const cell = (page: Page, lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);

/** Whether the element is wholly inside the map box's visible area (not scrolled out, not clipped). */
async function whollyInBox(page: Page, el: Locator) {
  const box = await mapBox(page).evaluate((b) => {
    const r = b.getBoundingClientRect();
    return {
      left: r.left + b.clientLeft,
      top: r.top + b.clientTop,
      right: r.left + b.clientLeft + b.clientWidth,
      bottom: r.top + b.clientTop + b.clientHeight,
    };
  });
  const r = (await el.boundingBox())!;
  return r.x >= box.left - 0.5 && r.y >= box.top - 0.5 && r.x + r.width <= box.right + 0.5 && r.y + r.height <= box.bottom + 0.5;
}

/** How many stage headers are wholly in view in the map box. */
async function stagesInView(page: Page) {
  return mapBox(page).evaluate((b) => {
    const r = b.getBoundingClientRect();
    const left = r.left + b.clientLeft;
    const right = left + b.clientWidth;
    return [...b.querySelectorAll('.stage-head')].filter((h) => {
      const s = h.getBoundingClientRect();
      return s.left >= left - 0.5 && s.right <= right + 0.5;
    }).length;
  });
}

/** Stores a zoom for this map the way the toolbar does (the key names the user and the map), then reloads. */
async function reloadAtZoom(page: Page, zoom: number) {
  const stored = () => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('parcours:map-view:')));
  await expect.poll(stored).toBe(true);
  await page.evaluate((z) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('parcours:map-view:'));
    if (!key) throw new Error('no stored map view');
    localStorage.setItem(key, JSON.stringify({ zoom: z, compact: false }));
  }, zoom);
  await page.reload();
  await expect(zoomShown(page)).toHaveText(`${Math.round(zoom * 100)}%`);
  await hydrated(page);
}

test('the stage headers, with their phases, stay at the top of the map after scrolling it down 1,000 px', async ({ page, ownWorkspace }) => {
  // A short window and the largest zoom: the demo map is then well over 1,000 px taller than its box.
  await page.setViewportSize({ width: 1440, height: 640 });
  await openMap(page, ownWorkspace.slug);
  for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomShown(page)).toHaveText('150%');
  const box = mapBox(page);
  const bounds = (await box.boundingBox())!;
  // The map's box fits in the viewport: the page itself need not scroll to see the whole box.
  expect(bounds.y + bounds.height).toBeLessThanOrEqual(page.viewportSize()!.height);

  await page.mouse.move(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  await page.mouse.wheel(0, 1000);
  await expect.poll(() => box.evaluate((b) => b.scrollTop)).toBeGreaterThanOrEqual(1000);
  // The first lane has gone by; the headers have not.
  expect(await whollyInBox(page, page.getByRole('rowheader', { name: /Points de contact/ }))).toBe(false);
  expect(await whollyInBox(page, stageHeader(page, 'Découverte'))).toBe(true);
  expect(await whollyInBox(page, page.getByRole('columnheader', { name: 'Avant-vente', exact: true }))).toBe(true);
  await expect(stageHeader(page, 'Découverte')).toBeInViewport({ ratio: 1 });
});

test('hydration keeps the cards the server sent: none is taken down and drawn again, each only gains its grip', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  // From the first byte of the next load: every card, KPI chip or card title the page loses.
  await page.addInitScript(() => {
    const w = window as unknown as { cardPartsRemoved: string[] };
    w.cardPartsRemoved = [];
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.removedNodes)
          if (node instanceof Element && node.matches('.journey-card, .journey-kpi, .card-title, .kpi-chip'))
            w.cardPartsRemoved.push(node.outerHTML.slice(0, 80));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await hydrated(page);
  const card = page.locator('.journey-card').first();
  const title = (await card.locator('.card-title').textContent())!;
  await expect(card.getByRole('button', { name: `Move the card ${title}` })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { cardPartsRemoved: string[] }).cardPartsRemoved)).toEqual([]);
});

test('the lane names stay at the left of the map after scrolling it sideways', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const box = mapBox(page);
  const bounds = (await box.boundingBox())!;
  await page.mouse.move(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  await page.mouse.wheel(600, 0);
  await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThanOrEqual(500);
  // The first stage has gone by under the lane names; the names have not.
  expect(await whollyInBox(page, stageHeader(page, 'Découverte'))).toBe(false);
  const lane = page.getByRole('rowheader', { name: /Points de contact/ });
  expect(await whollyInBox(page, lane)).toBe(true);
  expect(Math.abs((await lane.boundingBox())!.x - bounds.x)).toBeLessThanOrEqual(2);
});

test('zooming out and fitting to width show more whole stages; the zoom and the density are remembered after a reload', async ({ page, ownWorkspace }) => {
  const hydrationErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /hydrat|#418|#423|#425/i.test(m.text())) hydrationErrors.push(m.text());
  });
  await openMap(page, ownWorkspace.slug);
  await expect(zoomShown(page)).toHaveText('100%');
  const atFull = await stagesInView(page);
  expect(atFull).toBeLessThan(STAGE_COUNT);

  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(zoomShown(page)).toHaveText('80%');
  await expect.poll(() => stagesInView(page)).toBeGreaterThan(atFull);

  await page.getByRole('button', { name: 'Fit to width' }).click();
  await expect.poll(() => stagesInView(page)).toBe(STAGE_COUNT);
  await expect(mapBox(page)).toHaveJSProperty('scrollLeft', 0);
  const fitted = (await zoomShown(page).textContent())!;
  expect(fitted).toMatch(/^\d+%$/);
  expect(fitted).not.toBe('80%');
  // Nothing to scroll sideways once fitted.
  expect(await mapBox(page).evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);

  // Compact density is remembered with it: the cells are shorter.
  const compact = page.getByRole('button', { name: 'Compact view' });
  const tallBefore = (await cell(page, 'Points de contact', 'Découverte').boundingBox())!.height;
  await compact.click();
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await cell(page, 'Points de contact', 'Découverte').boundingBox())!.height).toBeLessThan(tallBefore);

  await page.reload();
  await hydrated(page);
  await expect(zoomShown(page)).toHaveText(fitted);
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => stagesInView(page)).toBe(STAGE_COUNT);
  expect(hydrationErrors).toEqual([]);

  // Zooming in again brings back fewer whole stages.
  for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => stagesInView(page)).toBeLessThan(STAGE_COUNT);
});

test('Ctrl+minus zooms the map out while the pointer is over it or it has focus, and leaves the page’s zoom alone elsewhere', async ({
  page,
  ownWorkspace,
}) => {
  await openMap(page, ownWorkspace.slug);
  // Records whether the last Ctrl/Cmd key press was taken from the browser.
  await page.evaluate(() => {
    window.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey) document.body.dataset.lastKeyTaken = String(e.defaultPrevented);
    });
  });
  const taken = () => page.evaluate(() => document.body.dataset.lastKeyTaken);

  // Pointer and focus elsewhere: the map is not zoomed and the browser keeps the key.
  await page.getByRole('heading', { level: 1 }).hover();
  await page.keyboard.press('Control+Minus');
  await expect(zoomShown(page)).toHaveText('100%');
  expect(await taken()).toBe('false');

  // Pointer over the map.
  const before = (await stageHeader(page, 'Découverte').boundingBox())!.width;
  await mapBox(page).hover({ position: { x: 400, y: 300 } });
  await page.keyboard.press('Control+Minus');
  await expect(zoomShown(page)).toHaveText('90%');
  expect(await taken()).toBe('true');
  await expect.poll(async () => (await stageHeader(page, 'Découverte').boundingBox())!.width).toBeLessThan(before * 0.95);

  // Focus in the map, pointer elsewhere.
  await page.getByRole('heading', { level: 1 }).hover();
  await mapBox(page).focus();
  await page.keyboard.press('Control+Minus');
  await expect(zoomShown(page)).toHaveText('80%');
  await page.keyboard.press('Control+Equal');
  await expect(zoomShown(page)).toHaveText('90%');
});

test('at 75 % and at 125 % a card dragged with the mouse lands in the cell it is dropped on, and stages still reorder', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);

  await reloadAtZoom(page, 0.75);
  let target = cell(page, 'Points de contact', 'Comparaison');
  await mouseDrag(page, page.getByRole('button', { name: 'Move the card Bouche-à-oreille' }), target);
  await expect(target.getByText('Bouche-à-oreille')).toBeVisible();
  await page.waitForLoadState('networkidle');

  await reloadAtZoom(page, 1.25);
  await expect(target.getByText('Bouche-à-oreille')).toBeVisible();
  target = cell(page, 'Points de contact', 'Souscription');
  await mouseDrag(page, page.getByRole('button', { name: 'Move the card Comparateur de forfaits' }), target);
  await expect(target.getByText('Comparateur de forfaits')).toBeVisible();
  await page.waitForLoadState('networkidle');

  await mouseDrag(page, page.getByRole('button', { name: 'Move the stage Comparaison' }), stageHeader(page, 'Découverte'));
  await expect
    .poll(() => page.locator('.stage-header .stage-name').allTextContents())
    .toEqual(['Comparaison', 'Découverte', 'Souscription', 'Livraison', 'Activation', 'Onboarding', 'Premiers usages']);
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(cell(page, 'Points de contact', 'Souscription').getByText('Comparateur de forfaits')).toBeVisible();
  await expect(cell(page, 'Points de contact', 'Comparaison').getByText('Bouche-à-oreille')).toBeVisible();
});

test('the editor has no serious accessibility violation at 50 % or at 150 %, nor in compact view', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const serious = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  };
  await reloadAtZoom(page, 0.5);
  expect(await serious()).toEqual([]);
  await reloadAtZoom(page, 1.5);
  await page.getByRole('button', { name: 'Compact view' }).click();
  expect(await serious()).toEqual([]);
});
