// No more conflict trap: two people edit the same card (or KPI), each in a browser of their own. The
// second save is refused and the editor shows both versions, theirs and mine, with who saved and
// when; "Apply mine on top" saves mine, "Keep theirs" shows theirs; either way without a reload,
// and the next save works. What the user typed is never lost, even when a live update arrives.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated, openMarkedMap, sameDocument } from './helpers';

const MAP = DEMO_MAPS.purchase;
const CARD = 'Tunnel de souscription en ligne';

/** Opens the card's editor (its menu, then Edit) and returns the card (found by its id: its text may change). */
async function editCard(page: Page, title: string) {
  const id = await page.locator('.journey-card', { hasText: title }).getAttribute('data-card-id');
  const card = page.locator(`[data-card-id="${id}"]`);
  await card.getByRole('button', { name: `Actions for ${title}` }).click();
  await card.getByRole('button', { name: `Edit the card ${title}` }).click();
  return card;
}

/** Camille types a title in the card's editor; meanwhile Léa saves another one. */
async function collide(page: Page, lea: Page, slug: string, title = CARD) {
  await openMarkedMap(page, MAP, slug);
  await openMarkedMap(lea, MAP, slug);
  const card = await editCard(page, title);
  await card.getByLabel('Title').fill('Mon titre à moi');
  const theirs = await editCard(lea, title);
  await theirs.getByLabel('Title').fill('Leur titre');
  await theirs.getByLabel('Description').fill('Leur description');
  await theirs.getByRole('button', { name: 'Save' }).click();
  await expect(lea.locator('.card-title', { hasText: 'Leur titre' })).toBeVisible();
  await card.getByRole('button', { name: 'Save' }).click();
  return card;
}

/** The comparison's cells for a field: theirs, then yours. */
const cells = (conflict: Locator, field: string) => conflict.getByRole('row', { name: new RegExp(`^${field}`) }).getByRole('cell');

test('a card changed meanwhile: the refusal shows both versions, and "Apply mine on top" saves mine without a reload', async ({
  page,
  ownWorkspace,
  teammate,
}) => {
  const lea = teammate.page;
  const card = await collide(page, lea, ownWorkspace.slug);

  const conflict = card.getByRole('group', { name: /Léa Durand saved a new version on .+ while you were editing/ });
  await expect(conflict).toBeVisible();
  // The focus moves to the message; the comparison is a table read field by field.
  await expect(conflict.locator('.conflict-title')).toBeFocused();
  await expect(conflict.getByRole('columnheader', { name: 'Theirs (saved)' })).toBeVisible();
  await expect(cells(conflict, 'Title')).toHaveText(['Leur titre', 'Mon titre à moi']);
  await expect(cells(conflict, 'Description')).toHaveCount(2);
  // No serious accessibility problem in the comparison (axe, WCAG 2.1 AA).
  const axe = await new AxeBuilder({ page }).include('.conflict').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // Mine is still in the field; nothing of mine was saved.
  await expect(card.getByLabel('Title')).toHaveValue('Mon titre à moi');
  await expect(page.locator('.card-title', { hasText: 'Mon titre à moi' })).toHaveCount(0);

  await conflict.getByRole('button', { name: 'Apply mine on top' }).click();
  await expect(page.locator('.card-title', { hasText: 'Mon titre à moi' })).toBeVisible();
  await expect(page.getByRole('group', { name: /saved a new version/ })).toHaveCount(0);
  // Léa's map follows; a reload keeps it.
  await expect(lea.locator('.card-title', { hasText: 'Mon titre à moi' })).toBeVisible({ timeout: 5_000 });
  expect(await sameDocument(page)).toBe(true);
  await page.reload();
  await expect(page.locator('.card-title', { hasText: 'Mon titre à moi' })).toBeVisible();
});

test('"Keep theirs" drops mine and shows theirs without a reload; the next save works', async ({ page, ownWorkspace, teammate }) => {
  const lea = teammate.page;
  const card = await collide(page, lea, ownWorkspace.slug);
  const conflict = card.getByRole('group', { name: /saved a new version/ });
  await expect(cells(conflict, 'Title')).toHaveText(['Leur titre', 'Mon titre à moi']);

  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  const theirs = page.locator('.journey-card', { hasText: 'Leur titre' });
  await expect(theirs.locator('.card-title')).toHaveText('Leur titre');
  await expect(theirs.locator('.card-description')).toHaveText('Leur description');
  await expect(page.getByLabel('Title')).toHaveCount(0);
  expect(await sameDocument(page)).toBe(true);

  // Not trapped: the next edit saves at once.
  const again = await editCard(page, 'Leur titre');
  await again.getByLabel('Title').fill('Titre final');
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.card-title', { hasText: 'Titre final' })).toBeVisible();
  await expect(page.getByRole('group', { name: /saved a new version/ })).toHaveCount(0);
});

test('the title edited in place: a refused save compares the titles and "Apply mine on top" keeps their other changes', async ({
  page,
  ownWorkspace,
  teammate,
}) => {
  const lea = teammate.page;
  await openMarkedMap(page, MAP, ownWorkspace.slug);
  await openMarkedMap(lea, MAP, ownWorkspace.slug);
  await page.locator('.journey-card', { hasText: CARD }).locator('.card-title').dblclick();
  const inline = page.getByLabel(`Title of the card ${CARD} (Enter saves, Escape cancels)`);
  await inline.fill('Titre en place');
  const theirs = await editCard(lea, CARD);
  await theirs.getByLabel('Description').fill('Leur description');
  await theirs.getByRole('button', { name: 'Save' }).click();
  await expect(lea.locator('.card-description', { hasText: 'Leur description' })).toBeVisible();

  await inline.press('Enter');
  const conflict = page.getByRole('group', { name: /Léa Durand saved a new version/ });
  await expect(cells(conflict, 'Title')).toHaveText([CARD, 'Titre en place']);
  await conflict.getByRole('button', { name: 'Apply mine on top' }).click();
  const card = page.locator('.journey-card', { hasText: 'Titre en place' });
  await expect(card.locator('.card-title')).toHaveText('Titre en place');
  // Their description stays: only the title was mine.
  await expect(card.locator('.card-description')).toHaveText('Leur description');
});

test('KPI settings: a change saved meanwhile never wipes what the user typed; the save compares and "Apply mine on top" saves it', async ({
  page,
  ownWorkspace,
  teammate,
}) => {
  const lea = teammate.page;
  await openMarkedMap(page, MAP, ownWorkspace.slug);
  await page.getByRole('link', { name: 'CSAT: open KPI settings' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /KPI: CSAT/ })).toBeVisible();
  await lea.goto(page.url());
  await hydrated(lea);

  await page.getByLabel('What it represents here').fill('Ma note');
  await lea.getByLabel('What it represents here').fill('Leur note');
  await lea.getByRole('button', { name: 'Save the settings' }).click();
  await expect(lea.getByText('Saved.')).toBeVisible();
  // Camille's focus leaves the field: the live update lands, her text stays, a note says why.
  await page.getByRole('heading', { level: 3, name: 'Current, target and baseline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Someone else has just saved this' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByLabel('What it represents here')).toHaveValue('Ma note');

  await page.getByRole('button', { name: 'Save the settings' }).click();
  const conflict = page.getByRole('group', { name: /Léa Durand saved a new version/ });
  await expect(cells(conflict, 'What it represents here')).toHaveText(['Leur note', 'Ma note']);
  await expect(conflict.locator('.conflict-title')).toBeFocused();
  await conflict.getByRole('button', { name: 'Apply mine on top' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByLabel('What it represents here')).toHaveValue('Ma note');
  await expect(lea.getByLabel('What it represents here')).toHaveValue('Ma note', { timeout: 5_000 });
  expect(await sameDocument(page)).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the comparison fits the screen', async ({ page, ownWorkspace, teammate }) => {
    await teammate.page.setViewportSize({ width: 360, height: 740 });
    // A card of the first stage, the one a phone shows first.
    const card = await collide(page, teammate.page, ownWorkspace.slug, 'Bouche-à-oreille');
    const conflict = card.getByRole('group', { name: /saved a new version/ });
    await expect(conflict).toBeVisible();
    const box = (await conflict.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const apply = conflict.getByRole('button', { name: 'Apply mine on top' });
    await apply.scrollIntoViewIfNeeded();
    await expect(apply).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: 'test-results/conflict-360.png' });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the refused save comes back with both versions and what was typed; "Apply mine on top" is a plain post', async ({ page, ownWorkspace, teammate }) => {
    await page.goto(`/w/${ownWorkspace.slug}/maps`);
    await page.getByRole('link', { name: MAP }).click();
    const id = await page.locator('.journey-card', { hasText: CARD }).getAttribute('data-card-id');
    const card = page.locator(`[data-card-id="${id}"]`);
    // The menu and its edit link reload the page with the card's form open.
    await card.getByRole('link', { name: `Actions for ${CARD}` }).click();
    await card.getByRole('button', { name: `Edit the card ${CARD}` }).click();
    await card.getByLabel('Title').fill('Sans JavaScript');
    await openMarkedMap(teammate.page, MAP, ownWorkspace.slug);
    const theirs = await editCard(teammate.page, CARD);
    await theirs.getByLabel('Title').fill('Leur titre');
    await theirs.getByRole('button', { name: 'Save' }).click();
    await expect(teammate.page.locator('.card-title', { hasText: 'Leur titre' })).toBeVisible();

    await card.getByRole('button', { name: 'Save' }).click();
    const conflict = card.getByRole('group', { name: /Léa Durand saved a new version/ });
    await expect(cells(conflict, 'Title')).toHaveText(['Leur titre', 'Sans JavaScript']);
    await expect(card.getByLabel('Title')).toHaveValue('Sans JavaScript');
    await conflict.getByRole('button', { name: 'Apply mine on top' }).click();
    await expect(page.locator('.card-title', { hasText: 'Sans JavaScript' })).toBeVisible();
    await expect(page.getByRole('group', { name: /saved a new version/ })).toHaveCount(0);
  });
});
