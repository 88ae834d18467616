// The indicator plan and the saved dashboards, in Chromium: the demo library banded by HEART
// category with its flags, the family filter (a GET form), one landscape page in print, a phone
// width; a dashboard for top management with two measures shows their tiles and is listed on the
// home page; no serious accessibility violation on either page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

const rowOf = (page: Page, measure: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: measure, exact: true }) });

test('the indicator plan shows the demo library by HEART band with its flags, filters by family and prints on one landscape page', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}`);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Indicator plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicator plan' })).toBeVisible();
  const table = page.getByRole('table', { name: /Measures of the library by HEART category/ });
  // The bands, in HEART order, with the measures without a category last.
  const bands = await table.locator('th.band').allTextContents();
  expect(bands).toEqual(['Happiness', 'Engagement', 'Adoption', 'Retention', 'Task success', 'No HEART category']);
  // Numbers are written the workspace's way (French), words in the reader's language.
  // NPS: goal -> signal -> metric, its value and owner, nothing to complete, and its KPI's value at stake.
  const nps = rowOf(page, 'NPS');
  await expect(nps).toContainText('Les clients recommandent nos offres');
  await expect(nps).toContainText('Réponses 9-10');
  await expect(nps).toContainText(/50\s000\s€ a year per 10\spts/);
  await expect(nps).toContainText(/At stake: 50\s000\s€ a year/);
  await expect(nps).not.toContainText('No financial value');
  // A catalogue measure without a category and without a financial value says so in words.
  const deliverability = rowOf(page, 'Délivrabilité des e-mails');
  await expect(deliverability).toContainText('No HEART category');
  await expect(deliverability).toContainText('No financial value');
  await expect(page.getByText(/6 measures without a financial value/)).toBeVisible();

  // The family filter is a GET form: the address carries it, and only that family is listed.
  await page.getByLabel('Family').selectOption({ label: 'User adoption' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\?family=user_adoption/);
  await expect(table.getByRole('link')).toHaveText(['Taux d’ouverture des e-mails']);
  await expect(page.getByRole('heading', { level: 2, name: '1 measure' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(rowOf(page, 'NPS')).toBeVisible();

  // Print: no navigation or filters, one landscape page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByLabel('Family')).toBeHidden();
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  expect(pages).toHaveLength(1);
  expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
});

test('the indicator plan works at 360 px and has no serious accessibility violation', async ({ page, signInAs }) => {
  test.slow();
  await signInAs('owner');
  await page.goto(`/w/${DEMO.slug}/indicators`);
  expect(await violations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(rowOf(page, 'NPS')).toBeVisible();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  expect(await violations(page)).toEqual([]);
});

test('a dashboard for top management with two measures shows their tiles and is listed on the home page', async ({ page, ownWorkspace }) => {
  test.slow();
  const base = `/w/${ownWorkspace.slug}`;
  await page.goto(`${base}/dashboards`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
  await expect(page.getByText('No dashboard yet.')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Comité de direction');
  await page.getByLabel('Audience', { exact: true }).selectOption({ label: 'Top management' });
  await page.getByLabel('Share with the workspace').check();
  await page.getByRole('button', { name: 'Create the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comité de direction' })).toBeVisible();
  await expect(page.getByText(/For Top management · Shared with the workspace · created by Camille Testeur/)).toBeVisible();

  for (const measure of ['NPS', 'Taux de churn']) {
    await page.getByLabel('Measure', { exact: true }).selectOption({ label: measure });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: measure })).toBeVisible();
  }
  // One tile per KPI: NPS is measured at Onboarding in the purchase journey; churn at renewal.
  const npsTiles = page.getByRole('region', { name: 'NPS' }).getByRole('listitem');
  await expect(npsTiles).toHaveCount(1);
  await expect(npsTiles.first()).toContainText('Onboarding');
  await expect(npsTiles.first()).toContainText('Latest value');
  await expect(npsTiles.first()).toContainText(/32\spts/);
  await expect(npsTiles.first()).toContainText(/42\spts/);
  await expect(npsTiles.first()).toContainText('On track');
  await expect(npsTiles.first().getByRole('img', { name: /^Trend of the last values: / })).toBeVisible();
  const churn = page.getByRole('region', { name: 'Taux de churn' }).getByRole('listitem');
  await expect(churn.first()).toContainText('Renouvellement');
  await expect(churn.first()).toContainText(/8,5\s%/);
  // The order changes with a button, and stays after a reload.
  await page.getByRole('button', { name: 'Move Taux de churn up' }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Taux de churn');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Taux de churn');
  expect(await violations(page)).toEqual([]);
  // At 360 px the tiles stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(npsTiles.first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto(`${base}/dashboards`);
  await expect(page.getByRole('row', { name: /Comité de direction/ })).toContainText('2 measures');
  expect(await violations(page)).toEqual([]);

  await page.goto(base);
  const home = page.getByRole('region', { name: 'Dashboards' });
  await expect(home.getByRole('link', { name: 'Comité de direction' })).toBeVisible();
  await expect(home).toContainText('Top management');
  await home.getByRole('link', { name: 'Comité de direction' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comité de direction' })).toBeVisible();
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the indicator plan and the dashboards speak French to a French browser', async ({ page, signInAs }) => {
    await signInAs('viewer');
    const base = `/w/${DEMO.slug}`;
    await page.goto(`${base}/indicators`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan de coupe des indicateurs');
    await expect(page).toHaveTitle('Plan des indicateurs · Demo Telecom · Parcours');
    await expect(page.getByRole('table').locator('th.band').first()).toHaveText('Satisfaction (Happiness)');
    await expect(rowOf(page, 'Délivrabilité des e-mails')).toContainText('Sans valeur financière');
    await expect(rowOf(page, 'NPS')).toContainText(/En jeu\s: 50\s000\s€ par an/);
    await page.goto(`${base}/dashboards`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableaux de bord');
    await expect(page).toHaveTitle('Tableaux de bord · Demo Telecom · Parcours');
  });
});
