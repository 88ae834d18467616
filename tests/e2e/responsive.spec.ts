// Every main screen from a 360 px phone to a 1440 px desktop: the page never scrolls sideways (wide
// tables and the map grid scroll inside their own box), and on a phone the navigation sits behind
// a menu button that opens it, reaches every section and closes after a choice.
import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

const WIDTHS = [360, 390, 768, 1024, 1440];

/** The main screens of the demo workspace, with one map, one measure and one project. */
async function mainScreens(page: Page) {
  const base = `/w/${DEMO.slug}`;
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(`${base}/${list}`);
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => pattern.test(h));
    if (!href) throw new Error(`no link matching ${pattern} on ${list}`);
    return href;
  };
  const map = await firstLink('maps', /\/maps\/[0-9a-f-]{36}$/);
  const measure = await firstLink('measures', /\/measures\/[0-9a-f-]{36}$/);
  const project = await firstLink('projects', /\/projects\/[0-9a-f-]{36}$/);
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
