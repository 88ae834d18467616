// Every main screen from a 360 px phone to a 1440 px desktop: the page never scrolls sideways (wide
// tables and the map grid scroll inside their own box), and on a phone the navigation sits behind
// a menu button that opens it, reaches every section and closes after a choice. On a phone, lists
// of records become cards and the journey map reads one stage at a time.
import type { Locator, Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';
import { firstLinkOn, hydrated } from './helpers';

const WIDTHS = [360, 390, 768, 1024, 1440];

/** The main screens of the demo workspace, with one map, one measure and one project. */
async function mainScreens(page: Page) {
  const base = `/w/${DEMO.slug}`;
  const map = await firstLinkOn(page, `${base}/maps`, /\/maps\/[0-9a-f-]{36}$/);
  const measure = await firstLinkOn(page, `${base}/measures`, /\/measures\/[0-9a-f-]{36}$/);
  const project = await firstLinkOn(page, `${base}/projects`, /\/projects\/[0-9a-f-]{36}$/);
  return [
    base,
    `${base}/maps`,
    map,
    `${base}/personas`,
    `${base}/measures`,
    measure,
    `${base}/projects`,
    project,
    `${base}/summary`,
    `${base}/activity`,
    `${base}/settings`,
  ];
}

test('no main screen overflows sideways at 360, 390, 768, 1024 or 1440 px', async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs('owner');
  const screens = await mainScreens(page);
  const overflowing: string[] = [];
  // Each screen loads once and is laid out again at every width (as a rotated phone or a resized window).
  for (const path of screens) {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) overflowing.push(`${path} at ${width} px: ${scroll} px wide`);
    }
  }
  expect(overflowing).toEqual([]);
});

test('on a phone the navigation opens from the menu button, leads to a section and closes', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/w/${DEMO.slug}`);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // Before the scripts run the button is a link to #site-menu (which opens it too); wait for them.
  await page.waitForLoadState('networkidle');
  await menu.press('Enter');
  await expect(nav).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'ROI summary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Executive ROI summary' })).toBeVisible();
  await expect(nav).toBeHidden();
  // The content starts right under the bar, not below a 100vh sidebar.
  const top = await page.getByRole('heading', { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeLessThan(150);
});

test('on a desktop the navigation is always shown and there is no menu button', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}`);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});

const PHONE = { width: 390, height: 844 };

/**
 * Each record of the list is a card inside the screen: its cells stacked one under the other, the
 * record's name first, every other value beside its column's name, and nothing (value or control)
 * past the right edge, so no sideways scrolling is needed to read or act.
 */
async function expectCards(table: Locator) {
  await expect(table).toBeVisible();
  const layout = await table.evaluate((t) => {
    const box = t.closest('.table-scroll') ?? t.parentElement!;
    const shown = (e: Element) => e.getClientRects().length > 0;
    return {
      scrolls: box.scrollWidth > box.clientWidth + 1,
      screen: document.documentElement.clientWidth,
      rows: [...t.querySelectorAll(':scope > tbody > tr')].map((tr) => {
        const cells = [...tr.children].filter(shown).map((c) => ({
          top: c.getBoundingClientRect().top,
          name: c.classList.contains('record-name'),
          label: c.getAttribute('data-label'),
          drawnLabel: getComputedStyle(c, '::before').content,
        }));
        const rights = [tr, ...tr.querySelectorAll('a, button, select, input, summary')].filter(shown).map((e) => e.getBoundingClientRect().right);
        return { cells, right: Math.max(...rights) };
      }),
    };
  });
  expect(layout.scrolls, 'the list scrolls sideways').toBe(false);
  expect(layout.rows.length).toBeGreaterThan(0);
  for (const row of layout.rows) {
    expect(row.right).toBeLessThanOrEqual(layout.screen);
    // Stacked: no two cells side by side; the name on top.
    const tops = row.cells.map((c) => c.top).sort((a, b) => a - b);
    expect(tops.every((top, i) => i === 0 || top > tops[i - 1]!)).toBe(true);
    expect(row.cells.find((c) => c.name)?.top).toBe(tops[0]);
    for (const cell of row.cells.filter((c) => c.label)) expect(cell.drawnLabel.startsWith(JSON.stringify(cell.label))).toBe(true);
  }
}

/** Scrolls the page up or down to the element, and nothing sideways (no box it sits in either). */
async function scrollDownTo(element: Locator) {
  await element.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - 120));
}

/** The control is on the screen, whole, once the page is scrolled down to it. */
async function expectInReach(control: Locator) {
  await expect(control).toBeVisible();
  await scrollDownTo(control);
  await expect(control).toBeInViewport({ ratio: 1 });
}

test('at 390 px every list screen shows its records as cards, its primary action in reach and nothing to scroll sideways', async ({ page, signInAs }) => {
  test.slow();
  await signInAs('owner');
  await page.setViewportSize(PHONE);
  const base = `/w/${DEMO.slug}`;
  const list = (name: string | RegExp) =>
    page
      .getByRole('main')
      .getByRole('table')
      .filter({ has: page.getByRole('cell', { name }) });
  const noSidewaysScroll = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await page.goto(`${base}/maps`);
  await expectInReach(page.getByRole('heading', { name: 'New map' }));
  await expectInReach(page.getByRole('button', { name: 'Create the map' }));
  await expectCards(list(DEMO_MAPS.purchase));
  await expectInReach(page.getByRole('button', { name: `Duplicate ${DEMO_MAPS.purchase}` }));
  await noSidewaysScroll();

  await page.goto(`${base}/measures`);
  await expectInReach(page.getByText('New measure'));
  await expectCards(list('NPS'));
  await noSidewaysScroll();

  await page.goto(`${base}/projects`);
  // The form is below the list: the header's button leads to it.
  await expectInReach(page.getByRole('link', { name: 'New project' }));
  await expectCards(list('Self-service onboarding'));
  await noSidewaysScroll();
  await page.getByRole('link', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'New project' })).toBeInViewport();
  await expectInReach(page.getByRole('button', { name: 'Create the project' }));

  await page.goto(`${base}/summary`);
  await expectCards(page.getByRole('region', { name: /^Projects ranked by/ }).getByRole('table'));
  await noSidewaysScroll();

  await page.goto(`${base}/activity`);
  await expectCards(page.getByRole('main').getByRole('table'));
  await noSidewaysScroll();

  await page.goto(`${base}/settings`);
  await expectCards(list('exec@parcours.app'));
  await expectInReach(page.getByRole('button', { name: 'Invite', exact: true }));
  await noSidewaysScroll();
});

test('at 390 px the map shows one stage at a time with its lanes stacked; the pager shows the next stage, and the move menu moves a card to it', async ({
  page,
  ownWorkspace,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  // The board has hydrated (a menu opened before that would close again).
  await hydrated(page);
  const cell = (lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);

  // One stage on the screen, whole; the next one is off it, beside.
  const touchpoints = cell('Points de contact', 'Découverte');
  await scrollDownTo(touchpoints);
  await expect(touchpoints).toBeInViewport({ ratio: 1 });
  await expect(cell('Points de contact', 'Comparaison')).not.toBeInViewport();
  await expect(page.getByText('Stage 1 of 7')).toBeVisible();
  // Its lanes stacked: each lane's name above its cards for this stage.
  const actions = cell('Actions du client', 'Découverte');
  const actionsLane = page.locator('.lane-header', { hasText: 'Actions du client' });
  const [a, label, b] = await Promise.all([touchpoints.boundingBox(), actionsLane.boundingBox(), actions.boundingBox()]);
  expect(label!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  expect(b!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
  expect(Math.abs(b!.x - a!.x)).toBeLessThan(2);
  expect(label!.x + label!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The pager's next button names the next stage and shows it.
  await page.getByRole('link', { name: 'Next stage: Comparaison' }).click();
  await expect(page.getByText('Stage 2 of 7')).toBeInViewport();
  await expect(cell('Points de contact', 'Comparaison')).toBeInViewport();
  await expect(cell('Points de contact', 'Découverte')).not.toBeInViewport();

  // The move menu sends a card to the next stage, which the pager then shows.
  const card = page.locator('.journey-card', { hasText: 'Chat avec un conseiller' });
  await card.getByRole('button', { name: 'Actions for Chat avec un conseiller' }).click();
  await card.getByRole('button', { name: 'Move to Souscription' }).click();
  const moved = cell('Points de contact', 'Souscription').getByText('Chat avec un conseiller');
  await expect(moved).toBeAttached();
  await expect(cell('Points de contact', 'Comparaison').getByText('Chat avec un conseiller')).toHaveCount(0);
  await page.getByRole('link', { name: 'Next stage: Souscription' }).click();
  await expect(moved).toBeInViewport();

  // Saved; the address names the stage, so the reloaded page opens on it.
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(cell('Points de contact', 'Souscription').getByText('Chat avec un conseiller')).toBeInViewport();
  await expect(page.getByText('Stage 3 of 7')).toBeInViewport();
});

test('at 390 px a sideways swipe on the map comes to rest on a whole stage', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.setViewportSize(PHONE);
  await page.goto(`/w/${DEMO.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  const strip = page.locator('.map-scroll');
  await scrollDownTo(strip);
  await strip.evaluate((el) => el.scrollBy({ left: 130 }));
  await expect.poll(() => strip.evaluate((el) => el.scrollLeft / el.clientWidth)).toBe(1);
  await expect(page.getByText('Stage 2 of 7')).toBeInViewport();
});
