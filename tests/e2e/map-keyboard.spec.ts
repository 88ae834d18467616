// The map as one keyboard grid and its actions in place: one Tab stop for the whole grid, arrows
// between cards, cells and headers; Enter or a double-click edits a card's title in place (Enter
// saves, Escape cancels); M opens the item's actions menu (move, edit, duplicate, delete); N adds a
// card in the focused cell.
import type { Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';

const MAP = DEMO_MAPS.purchase;

async function openMap(page: Page, slug: string) {
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  // Hydrated: the map is a keyboard grid.
  await expect(page.getByRole('grid', { name: /^Journey map/ })).toBeVisible();
}

const cell = (page: Page, lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);
const titlesIn = (page: Page, lane: string, stage: string) => cell(page, lane, stage).locator('.card-title').allTextContents();
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

test('the grid is one Tab stop; arrows move between cards, cells and headers; Escape leaves it', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const grid = page.getByRole('grid', { name: /^Journey map/ });
  // From the map's scroll box one Tab lands on the first card, and one more leaves the grid.
  await page.getByRole('region', { name: /^Journey map/ }).focus();
  await page.keyboard.press('Tab');
  const first = grid.locator('[data-card-id]').first();
  await expect(first).toBeFocused();
  const tabStops = await grid.locator('[tabindex="0"]').count();
  expect(tabStops).toBe(1);

  const discovery = await titlesIn(page, 'Points de contact', 'Découverte');
  expect(discovery.length).toBeGreaterThan(1);
  const card = (title: string) => page.locator('[data-card-id]', { hasText: title });
  await card(discovery[0]!).focus();
  await page.keyboard.press('ArrowDown');
  await expect(card(discovery[1]!)).toBeFocused();
  // The focused card is the grid's Tab stop now.
  await expect(card(discovery[1]!)).toHaveAttribute('tabindex', '0');
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

  // Right: the card at the same place in the next stage's cell.
  const comparison = await titlesIn(page, 'Points de contact', 'Comparaison');
  await page.keyboard.press('ArrowRight');
  await expect(card(comparison[Math.min(1, comparison.length - 1)]!)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(card(discovery[Math.min(1, comparison.length - 1)]!)).toBeFocused();

  // Up past the first card of the first lane: the stage header; Left from the first column: the lane name.
  await card(discovery[0]!).focus();
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowUp');
  expect(await focusedText(page)).toContain('Découverte');
  await expect(page.locator('.stage-head[data-nav]', { has: page.getByRole('heading', { name: 'Découverte', exact: true }) })).toBeFocused();
  await card(discovery[0]!).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.lane-header', { hasText: 'Points de contact' })).toBeFocused();

  // An empty cell is a place of its own; Escape leaves the grid for its scroll box.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: /^Journey map/ })).toBeFocused();
});

test('a double-click edits a title in place and Escape cancels; Enter on a card edits it and Enter saves', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const id = await page.locator('[data-card-id]', { hasText: 'Chat avec un conseiller' }).getAttribute('data-card-id');
  // The card by its id: while its title is in an editor, the title is not its text.
  const card = page.locator(`[data-card-id="${id}"]`);
  await card.locator('.card-title').dblclick();
  const input = card.getByRole('textbox', { name: /^Title of the card Chat avec un conseiller/ });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Chat avec un conseiller');
  await input.fill('Jamais enregistré');
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(card.locator('.card-title')).toHaveText('Chat avec un conseiller');
  await expect(card).toBeFocused();

  // Enter on the focused card opens the same editor; Enter saves, and the reload keeps it.
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
  await input.fill('Chat en direct');
  await page.keyboard.press('Enter');
  await expect(card.locator('.card-title')).toHaveText('Chat en direct');
  await expect(card.getByRole('textbox')).toHaveCount(0);
  await expect(card).toBeFocused();
  await page.reload();
  await expect(page.locator('.card-title', { hasText: 'Chat en direct' })).toBeVisible();
  await expect(page.locator('.card-title', { hasText: 'Chat avec un conseiller' })).toHaveCount(0);
});

test('M opens the card’s actions menu (focus inside, Escape gives it back); the menu duplicates; N adds a card in the cell', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const card = page.locator('[data-card-id]', { hasText: 'Chat avec un conseiller' });
  await card.focus();
  await page.keyboard.press('m');
  const toggle = card.getByRole('button', { name: 'Actions for Chat avec un conseiller' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // The first action has the focus: moving is one key press away.
  await expect(card.getByRole('button', { name: /^Move (up|down|to )/ }).first()).toBeFocused();
  await expect(card.getByRole('button', { name: 'Duplicate' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Edit the card Chat avec un conseiller' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Delete this card' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();

  await toggle.click();
  await card.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.locator('[data-card-id]', { hasText: 'Chat avec un conseiller' })).toHaveCount(2);

  // N in a cell opens its add form with the focus in the title.
  const target = cell(page, 'Irritants', 'Découverte');
  const firstPlace = target.locator('[data-nav="item"]').first();
  if (await firstPlace.count()) await firstPlace.focus();
  else await target.focus();
  await page.keyboard.press('n');
  const title = target.getByLabel('Title');
  await expect(title).toBeFocused();
  await title.fill('Ajoutée au clavier');
  await page.keyboard.press('Enter');
  await expect(target.locator('.card-title', { hasText: 'Ajoutée au clavier' })).toBeVisible();
});

test('a stage’s menu duplicates it with its cards, next to it; a lane’s too', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const heads = page.locator('.stage-head .stage-name');
  const before = await heads.allTextContents();
  const first = page.locator('.stage-head', { has: page.getByRole('heading', { name: before[0]!, exact: true }) });
  await first.getByRole('button', { name: `Actions for ${before[0]}` }).click();
  await first.getByRole('button', { name: 'Duplicate' }).click();
  await expect(heads).toHaveText([before[0]!, ...before]);
  // The copy holds the same cards as the stage it copies.
  const cardsOf = (index: number) => page.locator('[data-cell^="Points de contact / "]').nth(index).locator('.card-title').allTextContents();
  expect(await cardsOf(1)).toEqual(await cardsOf(0));

  const lanes = page.locator('.lane-header .lane-name');
  const lanesBefore = await lanes.count();
  const lane = page.locator('.lane-header', { hasText: 'Points de contact' });
  await lane.getByRole('button', { name: 'Actions for Points de contact' }).click();
  await lane.getByRole('button', { name: 'Duplicate' }).click();
  await expect(lanes).toHaveCount(lanesBefore + 1);
  await expect(page.locator('.lane-header .lane-name', { hasText: 'Points de contact' })).toHaveCount(2);
});
