import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

// An editor shares a map and a business case from their pages; a browser with no account opens the
// links, sees the object read-only and nothing else, and the links stop once revoked.

/** Creates a link in the open share panel and returns its address, shown once. */
async function createLink(page: Page, options: { password?: string } = {}) {
  const panel = page.getByRole('dialog', { name: /^Share the / });
  const address = panel.getByLabel('Address of the new link');
  // The address of a link made before, if any: the new one replaces it.
  const before = (await address.count()) ? await address.inputValue() : '';
  if (options.password) await panel.getByLabel('Password (optional)').fill(options.password);
  await panel.getByRole('button', { name: 'Create a link' }).click();
  await expect(address).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(address).not.toHaveValue(before);
  // It takes the focus, ready to copy.
  await expect(address).toBeFocused();
  return address.inputValue();
}

/** A browser with no session at all. */
async function signedOut(browser: Browser) {
  const context = await browser.newContext({ locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

async function revokeOnlyLink(page: Page) {
  const panel = page.getByRole('dialog', { name: /^Share the / });
  await panel.getByRole('button', { name: /^Revoke the link created on / }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Link revoked' })).toBeVisible();
  await expect(panel.getByText('No link yet.')).toBeVisible();
}

test('an editor shares a map; a signed-out browser sees the map without edit controls; revoked, the link answers 404', async ({
  page,
  ownWorkspace,
  browser,
}) => {
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  await hydrated(page);
  await page.getByRole('link', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: `Share the map “${DEMO_MAPS.purchase}”` });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('No link yet.')).toBeVisible();
  const url = await createLink(page);
  await expect(panel.getByText('Copy it now')).toBeVisible();
  await expect(panel.locator('.share-link')).toHaveCount(1);

  const guest = await signedOut(browser);
  const opened = await guest.page.goto(url);
  expect(opened!.status()).toBe(200);
  await hydrated(guest.page);
  await expect(guest.page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  await expect(guest.page.getByText('Read-only view shared from')).toBeVisible();
  const grid = guest.page.getByRole('grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /Découverte/ }).first()).toBeVisible();
  await expect(grid.locator('.journey-card').first()).toBeVisible();
  await expect(grid.locator('.kpi-chip').first()).toBeVisible();
  // Read-only: no grip, no menu, no form, no link into the workspace, KPI chips that open nothing.
  await expect(guest.page.getByRole('button', { name: /^Move the card/ })).toHaveCount(0);
  await expect(guest.page.locator('.drag-handle, .item-menu, .add-card')).toHaveCount(0);
  await expect(guest.page.locator('form')).toHaveCount(0);
  await expect(guest.page.locator('a[href^="/w/"]')).toHaveCount(0);
  await expect(grid.locator('a.kpi-chip')).toHaveCount(0);
  await expect(guest.page.getByRole('link', { name: 'Share', exact: true })).toHaveCount(0);

  // Last opened is now filled in for the editor.
  await page.reload();
  // (Its details: created, by, last opened, expires, password.)
  await expect(panel.locator('.share-link dd').nth(2)).not.toHaveText('Never');

  await revokeOnlyLink(page);
  const gone = await guest.page.goto(url);
  expect(gone!.status()).toBe(404);
  await guest.context.close();
});

test('an editor shares a business case behind a password; a signed-out browser needs it, then reads the figures; revoked, 404', async ({
  page,
  ownWorkspace,
  browser,
}) => {
  await page.goto(`/w/${ownWorkspace.slug}/projects`);
  await hydrated(page);
  const name = `Relances ${Date.now().toString(36)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await hydrated(page);
  await page.getByRole('link', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: `Share the business case “${name}”` });
  await expect(panel).toBeVisible();
  const url = await createLink(page, { password: 'open sesame' });
  await expect(panel.locator('.share-link')).toContainText(/Password\s*Yes/);

  const guest = await signedOut(browser);
  await guest.page.goto(url);
  await hydrated(guest.page);
  await expect(guest.page.getByRole('heading', { level: 1, name: 'This link is protected' })).toBeVisible();
  await expect(guest.page.getByText(name)).toHaveCount(0);
  await guest.page.getByLabel('Password').fill('open sesamE');
  await guest.page.getByRole('button', { name: 'Open' }).click();
  await expect(guest.page.getByText('This password is not the right one.')).toBeVisible();
  await guest.page.getByLabel('Password').fill('open sesame');
  await guest.page.getByRole('button', { name: 'Open' }).click();
  await expect(guest.page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(guest.page.getByRole('region', { name: 'Business case' })).toBeVisible();
  await expect(guest.page.getByRole('region', { name: 'Year by year' })).toBeVisible();
  await expect(guest.page.getByRole('region', { name: 'Warnings' })).toBeVisible();
  await expect(guest.page.locator('form')).toHaveCount(0);
  await expect(guest.page.locator('a[href^="/w/"]')).toHaveCount(0);
  // The proof of the password lasts: a reload opens the page again.
  await guest.page.reload();
  await expect(guest.page.getByRole('heading', { level: 1 })).toContainText(name);

  await revokeOnlyLink(page);
  const gone = await guest.page.goto(url);
  expect(gone!.status()).toBe(404);
  await guest.context.close();
});

test('a viewer sees no Share button and cannot open a share panel', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Share', exact: true })).toHaveCount(0);
  const panel = await page.goto(`${new URL(page.url()).pathname}/share`);
  expect(panel!.status()).toBe(403);
});

test('the share panel, a shared map at 360 px and the password form have no serious accessibility violation', async ({ page, ownWorkspace, browser }) => {
  test.slow();
  const violations = async (p: Page) => {
    const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  };
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.support }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Share the map/ })).toBeFocused();
  const open = await createLink(page);
  const locked = await createLink(page, { password: 'open sesame' });
  expect(await violations(page)).toEqual([]);
  // Escape closes the panel and gives the focus back to the Share button.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /^Share the map/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Share', exact: true })).toBeFocused();

  const guest = await signedOut(browser);
  await guest.page.setViewportSize({ width: 360, height: 780 });
  await guest.page.goto(open);
  await hydrated(guest.page);
  await expect(guest.page.getByRole('heading', { level: 1, name: DEMO_MAPS.support })).toBeVisible();
  expect(await violations(guest.page)).toEqual([]);
  // Nothing wider than the phone's screen but the board's own scroll box.
  const overflow = await guest.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await guest.page.goto(locked);
  await hydrated(guest.page);
  await expect(guest.page.getByLabel('Password')).toBeVisible();
  expect(await violations(guest.page)).toEqual([]);
  await guest.context.close();
});
