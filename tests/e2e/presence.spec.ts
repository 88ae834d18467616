// Two people on one map, each in a browser of their own: the map's header lists the other one
// ("Also here"), a change one of them saves (a card, a stage, a KPI's value) appears on the other's
// map without a reload, and someone who closes the map disappears from the other's header.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated, openMarkedMap, sameDocument } from './helpers';

const MAP = DEMO_MAPS.purchase;
const OWNER = 'Camille Testeur';

const alsoHere = (page: Page) => page.getByRole('list', { name: 'Also here' });

test('two members on one map see each other, and each other’s edits without a reload; who leaves disappears', async ({ page, ownWorkspace, teammate }) => {
  const lea = teammate.page;
  await openMarkedMap(page, MAP, ownWorkspace.slug);
  await expect(alsoHere(page)).toHaveCount(0);
  await openMarkedMap(lea, MAP, ownWorkspace.slug);

  // Each sees the other (initials in a circle, the name for screen readers), not themselves.
  await expect(alsoHere(page).getByRole('listitem')).toHaveCount(1);
  await expect(alsoHere(page).getByRole('listitem')).toContainText(teammate.name);
  await expect(alsoHere(page).locator('.avatar')).toHaveText('LD');
  await expect(alsoHere(lea).getByRole('listitem')).toHaveCount(1);
  await expect(alsoHere(lea).getByRole('listitem')).toContainText(OWNER);
  const axe = await new AxeBuilder({ page }).include('.presence').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Léa renames a card: Camille's map shows it without a reload.
  const card = lea.locator('.journey-card', { hasText: 'Tunnel de souscription en ligne' });
  await card.getByRole('button', { name: 'Actions for Tunnel de souscription en ligne' }).click();
  await card.getByRole('button', { name: 'Edit the card Tunnel de souscription en ligne' }).click();
  await card.getByLabel('Title').fill('Tunnel en ligne simplifié');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(lea.locator('.card-title', { hasText: 'Tunnel en ligne simplifié' })).toBeVisible();
  await expect(page.locator('.card-title', { hasText: 'Tunnel en ligne simplifié' })).toBeVisible({ timeout: 5_000 });

  // Camille renames a stage: Léa's map shows it.
  const stage = page.locator('.stage-head', { hasText: 'Découverte' });
  await stage.getByRole('button', { name: 'Actions for Découverte' }).click();
  await stage.getByRole('button', { name: 'Edit the stage Découverte' }).click();
  await stage.getByLabel('Name').fill('Découverte de l’offre');
  await stage.getByRole('button', { name: 'Save' }).click();
  await expect(lea.locator('.stage-name', { hasText: 'Découverte de l’offre' })).toBeVisible({ timeout: 5_000 });

  // Camille records a KPI's current value in its panel: Léa's chip shows it.
  await page.getByRole('link', { name: 'CSAT: open KPI settings' }).first().click();
  await page.getByLabel('Current value', { exact: true }).fill('87');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(lea.getByRole('link', { name: 'CSAT: open KPI settings' }).first()).toContainText('87', { timeout: 5_000 });

  expect(await sameDocument(page)).toBe(true);
  expect(await sameDocument(lea)).toBe(true);

  // Léa closes the map: she is no longer listed on Camille's.
  await lea.close();
  await expect(alsoHere(page)).toHaveCount(0, { timeout: 5_000 });
});

test('leaving the map for another page of the workspace ends the presence there', async ({ page, ownWorkspace, teammate }) => {
  const lea = teammate.page;
  await openMarkedMap(page, MAP, ownWorkspace.slug);
  // Opened at its address, the map opens one live stream, for the map.
  const streams: string[] = [];
  lea.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/live')) streams.push(new URL(request.url()).search);
  });
  await lea.goto(page.url());
  await hydrated(lea);
  await expect(alsoHere(page).getByRole('listitem')).toContainText(teammate.name);
  expect(streams).toEqual([`?map=${new URL(page.url()).pathname.split('/').pop()}`]);
  await lea.getByRole('link', { name: 'Measures', exact: true }).click();
  await expect(lea.getByRole('heading', { level: 1 })).not.toHaveText(MAP);
  await expect(alsoHere(page)).toHaveCount(0, { timeout: 5_000 });
  // Back on the map: listed again.
  await lea.goBack();
  await expect(alsoHere(page).getByRole('listitem')).toContainText(teammate.name, { timeout: 5_000 });
});
