// A large map sends the cards of the stages on screen only (plus a margin): the cells of the other
// stages are placeholders, filled when the map scrolls to them; a save refreshes the same window.
// Without JavaScript a far stage's header links to the window that holds it.
import type { Page } from '@playwright/test';
import { largeMapDocument } from '../bench/large-map';
import { importMapOverHttp } from '../support/http-client';
import { expect, test } from './fixtures';

const cardsOf = (page: Page, stage: string) => page.locator(`[data-cell="Couloir 1 / ${stage}"] [data-card-id]`);

test('a large map loads the stages on screen, and the others as the map scrolls to them', async ({ page, ownWorkspace, baseURL }) => {
  const path = await importMapOverHttp(baseURL!, ownWorkspace.cookie, ownWorkspace.slug, JSON.stringify(largeMapDocument()));
  const html = await (await page.request.get(path)).text();
  // The server sent the first stages' cards only: 3 per card cell, 8 card lanes.
  const sent = html.match(/data-card-id=/g)?.length ?? 0;
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThanOrEqual(6 * 3 * 8);
  expect(html.length).toBeLessThan(150 * 1024);

  await page.goto(path);
  await expect(page.getByRole('grid', { name: /^Journey map/ })).toBeVisible();
  await expect(cardsOf(page, 'Étape 1')).toHaveCount(3);
  await expect(cardsOf(page, 'Étape 20')).toHaveCount(0);
  await expect(page.locator('.map-cell.unloaded').first()).toBeAttached();

  // Scrolled to the end, the last stages' cards arrive and the address names the window.
  const box = page.getByRole('region', { name: /^Journey map/ });
  await box.evaluate((b) => b.scrollTo({ left: b.scrollWidth }));
  await expect(cardsOf(page, 'Étape 20')).toHaveCount(3);
  await expect(page).toHaveURL(/[?&]from=\d+&to=20\b/);
  await expect(cardsOf(page, 'Étape 1')).toHaveCount(0);

  // A save there revalidates the same window: the renamed card shows, the stage stays loaded.
  const card = cardsOf(page, 'Étape 20').first();
  const id = await card.getAttribute('data-card-id');
  await card.locator('.card-title').dblclick();
  await page.getByRole('textbox', { name: /^Title of the card / }).fill('Renommée au bout de la carte');
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-card-id="${id}"] .card-title`)).toHaveText('Renommée au bout de la carte');
  await expect(cardsOf(page, 'Étape 20')).toHaveCount(3);

  // Back to the start: the first stages load again.
  await box.evaluate((b) => b.scrollTo({ left: 0 }));
  await expect(cardsOf(page, 'Étape 1')).toHaveCount(3);
  await expect(cardsOf(page, 'Étape 20')).toHaveCount(0);

  // Print loads every stage first, so the printed map is the whole map.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await expect(page).toHaveURL(/[?&]from=0&to=20\b/);
  await expect(cardsOf(page, 'Étape 20')).toHaveCount(3);
  await expect(cardsOf(page, 'Étape 1')).toHaveCount(3);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a far stage’s header links to the window that shows its cards', async ({ page, ownWorkspace, baseURL }) => {
    const path = await importMapOverHttp(baseURL!, ownWorkspace.cookie, ownWorkspace.slug, JSON.stringify(largeMapDocument()));
    await page.goto(path);
    await expect(cardsOf(page, 'Étape 12')).toHaveCount(0);
    await page
      .locator('.stage-head', { has: page.getByRole('heading', { name: 'Étape 12', exact: true }) })
      .getByRole('link', { name: 'Show this stage’s cards' })
      .click();
    await expect(cardsOf(page, 'Étape 12')).toHaveCount(3);
    await expect(page).toHaveURL(/[?&]from=11\b/);
  });
});
