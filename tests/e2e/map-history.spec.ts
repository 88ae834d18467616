// The version history of a map as an editor uses it: name the current version, change a card,
// open the named version read-only (the old card, no edit controls), restore it, and the map shows
// the old content again; the restore is itself in the history. The history reads at 360 px.
import type { Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

const MAP = DEMO_MAPS.purchase;
const OLD = 'Tunnel de souscription en ligne';
const NEW = 'Tunnel repensé';
const cell = (page: Page, lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);

test('an editor names a version, changes a card, opens the older version read-only and restores it', async ({ page, ownWorkspace }) => {
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  await hydrated(page);

  // Name the map as it is: its first version (its import).
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Version history' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Version name').fill('Before the workshop');
  await page.getByRole('button', { name: 'Name this version' }).click();
  await expect(page.getByRole('link', { name: 'Open “Before the workshop”' })).toBeVisible();

  // Change a card on the map.
  await page.getByRole('link', { name: 'Back to the map' }).click();
  await hydrated(page);
  const where = cell(page, 'Points de contact', 'Souscription');
  await where.getByRole('button', { name: `Actions for ${OLD}` }).click();
  await where.getByRole('button', { name: `Edit the card ${OLD}` }).click();
  const card = where.locator('.journey-card', { hasText: OLD });
  await card.getByLabel('Title').fill(NEW);
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(where.locator('.card-title', { hasText: NEW })).toBeVisible();

  // The history now starts with that change; the named version opens read-only as it was.
  await page.getByRole('link', { name: 'History' }).click();
  const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: 'Open “Before the workshop”' }) });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('1 card edited');
  await page.getByRole('link', { name: 'Open “Before the workshop”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Before the workshop' })).toBeVisible();
  await hydrated(page);
  await expect(cell(page, 'Points de contact', 'Souscription').locator('.card-title', { hasText: OLD })).toBeVisible();
  await expect(page.locator('.card-title', { hasText: NEW })).toHaveCount(0);
  // The board is the viewer's: no edit, move or add controls.
  await expect(page.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move the / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Add a card in / })).toHaveCount(0);
  await expect(page.getByText('Restoring will make these changes: 1 card edited.')).toBeVisible();

  // Restore it: back on the map, the old card.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  await expect(cell(page, 'Points de contact', 'Souscription').locator('.card-title', { hasText: OLD })).toBeVisible();
  await expect(page.locator('.card-title', { hasText: NEW })).toHaveCount(0);
  await page.reload();
  await expect(cell(page, 'Points de contact', 'Souscription').locator('.card-title', { hasText: OLD })).toBeVisible();

  // The restore is a version of its own, at the top of the history.
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByText('Restored “Before the workshop”')).toBeVisible();
});

test('the history page fits a 360 px screen', async ({ page, ownWorkspace }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Version history' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Open the version of / })).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
