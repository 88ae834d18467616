import type { Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';
import { mouseDrag, hydrated } from './helpers';

// Tests that change the map work on a copy of the demo's map in a workspace of their own.
const MAP = DEMO_MAPS.purchase;

/** Opens the map; for an editor with JavaScript, waits until React has taken over the page (a menu opened while it hydrates closes again). */
async function openMap(page: Page, slug: string, { dragReady = true } = {}) {
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  if (dragReady) await hydrated(page);
}

const cell = (page: Page, lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);
const stageNames = (page: Page) => page.locator('.stage-header .stage-name').allTextContents();

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

test('an editor drags a card to another stage with the mouse and with the keyboard, reorders stages, and a reload keeps it', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);

  // Mouse: "Bouche-à-oreille" from Découverte to Comparaison.
  const target = cell(page, 'Points de contact', 'Comparaison');
  await mouseDrag(page, page.getByRole('button', { name: 'Move the card Bouche-à-oreille' }), target);
  await expect(target.getByText('Bouche-à-oreille')).toBeVisible();
  await settle(page);

  // Keyboard: pick up, one step right, drop; each key waits for what a screen reader hears.
  const liveRegion = page.locator('[id^="DndLiveRegion"]').first();
  const handle = page.getByRole('button', { name: 'Move the card Publicité sur les réseaux sociaux' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(liveRegion).toHaveText(/Picked up Publicité|Publicité sur les réseaux sociaux is over/);
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion).toHaveText(/Publicité sur les réseaux sociaux is over (?!Publicité sur les réseaux sociaux\.)/);
  await page.keyboard.press('Space');
  await expect(liveRegion).toContainText('was dropped on');
  await expect(target.getByText('Publicité sur les réseaux sociaux')).toBeVisible();
  await settle(page);

  // Reorder two stages with the mouse: Comparaison before Découverte.
  await mouseDrag(page, page.getByRole('button', { name: 'Move the stage Comparaison' }), page.locator('.stage-header', { hasText: 'Découverte' }));
  await expect.poll(() => stageNames(page)).toEqual(['Comparaison', 'Découverte', 'Souscription', 'Livraison', 'Activation', 'Onboarding', 'Premiers usages']);
  await settle(page);

  await page.reload();
  await expect.poll(() => stageNames(page)).toEqual(['Comparaison', 'Découverte', 'Souscription', 'Livraison', 'Activation', 'Onboarding', 'Premiers usages']);
  await expect(target.getByText('Bouche-à-oreille')).toBeVisible();
  await expect(target.getByText('Publicité sur les réseaux sociaux')).toBeVisible();
  await expect(cell(page, 'Points de contact', 'Découverte').locator('.journey-card')).toHaveCount(0);
});

test('the move menu moves a card without dragging', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const card = page.locator('.journey-card', { hasText: 'Tunnel de souscription en ligne' });
  await card.getByRole('button', { name: 'Actions for Tunnel de souscription en ligne' }).click();
  await card.getByRole('button', { name: 'Move to Livraison' }).click();
  await expect(cell(page, 'Points de contact', 'Livraison').getByText('Tunnel de souscription en ligne')).toBeVisible();
  await settle(page);
  await page.reload();
  await expect(cell(page, 'Points de contact', 'Livraison').getByText('Tunnel de souscription en ligne')).toBeVisible();
});

test('an editor adds a card in a cell and renames it', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const where = cell(page, 'Irritants', 'Découverte');
  await page.getByRole('button', { name: 'Add a card in Irritants · Découverte' }).click();
  await where.getByLabel('Title').fill('Publicité trompeuse');
  await where.getByRole('button', { name: 'Add a card', exact: true }).click();
  await expect(where.locator('.journey-card', { hasText: 'Publicité trompeuse' })).toBeVisible();
  // The form starts again empty for the next card.
  await expect(where.getByLabel('Title')).toHaveValue('');
  await where.getByRole('button', { name: 'Actions for Publicité trompeuse' }).click();
  await where.getByRole('button', { name: 'Edit the card Publicité trompeuse' }).click();
  const card = where.locator('.journey-card', { hasText: 'Publicité trompeuse' });
  await card.getByLabel('Title').fill('Prix d’appel trompeur');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(where.locator('.card-title', { hasText: 'Prix d’appel trompeur' })).toBeVisible();
  // Once saved, the edit form closes.
  await expect(card.getByLabel('Title')).toHaveCount(0);
  await page.reload();
  await expect(cell(page, 'Irritants', 'Découverte').locator('.card-title', { hasText: 'Prix d’appel trompeur' })).toBeVisible();
});

test('the emotion score select saves the score of its stage, and a reload keeps it', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  const select = page.getByRole('combobox', { name: 'Emotion score at Livraison' });
  const other = page.getByRole('combobox', { name: 'Emotion score at Découverte' });
  const before = await other.inputValue();
  const next = (await select.inputValue()) === '-2' ? '2' : '-2';
  await select.selectOption(next);
  await expect(page.getByRole('slider', { name: 'Emotion at Livraison' })).toHaveAttribute('aria-valuenow', next);
  await settle(page);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Emotion score at Livraison' })).toHaveValue(next);
  await expect(page.getByRole('combobox', { name: 'Emotion score at Découverte' })).toHaveValue(before);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the move menu still moves a card (a plain form post)', async ({ page, ownWorkspace }) => {
    await openMap(page, ownWorkspace.slug, { dragReady: false });
    await expect(page.locator('.drag-handle')).toHaveCount(0);
    const card = page.locator('.journey-card', { hasText: 'Chat avec un conseiller' });
    // Without JavaScript the menu is a link that reloads the page with it open.
    await card.getByRole('link', { name: 'Actions for Chat avec un conseiller' }).click();
    await page.locator('.journey-card', { hasText: 'Chat avec un conseiller' }).getByRole('button', { name: 'Move to Découverte' }).click();
    await expect(cell(page, 'Points de contact', 'Découverte').getByText('Chat avec un conseiller')).toBeVisible();
  });

  test('a blank card title is refused by the server and the message shows beside that card’s title field', async ({ page, ownWorkspace }) => {
    await openMap(page, ownWorkspace.slug, { dragReady: false });
    const card = () => page.locator('.journey-card', { hasText: 'Chat avec un conseiller' });
    // Without JavaScript the menu and its edit link reload the page with that card's form open.
    await card().getByRole('link', { name: 'Actions for Chat avec un conseiller' }).click();
    await card().getByRole('button', { name: 'Edit the card Chat avec un conseiller' }).click();
    await card().getByLabel('Title').fill('');
    await card().getByRole('button', { name: 'Save' }).click();
    const title = card().getByLabel('Title');
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await title.getAttribute('aria-describedby'))!;
    await expect(card().locator(`[id="${errorId}"]`)).toHaveText('Required.');
    // Only that card's form says so; nothing was saved.
    await expect(page.locator('.field-errors')).toHaveCount(1);
    await page.goto(page.url().split('?')[0]!);
    await expect(card().locator('.card-title')).toHaveText('Chat avec un conseiller');
  });
});

test('a viewer sees the map without drag handles or edit controls', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await openMap(page, DEMO.slug, { dragReady: false });
  await expect(page.locator('.journey-card').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Move the / })).toHaveCount(0);
  await expect(page.locator('.drag-handle')).toHaveCount(0);
  await expect(page.getByText('Add a card')).toHaveCount(0);
  await expect(page.getByRole('slider')).toHaveCount(0);
});
