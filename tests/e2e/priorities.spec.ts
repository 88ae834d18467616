// Prioritisation as an executive reads it and as a team sets it up: the demo's projects on the
// value/effort matrix and in its table, sorting by the table's headers, scoring criteria and scores
// that move the score ranking (in a workspace of its own), accessible and usable on a phone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { postForm } from '../support/http-client';
import { DEMO, expect, test } from './fixtures';

const DEMO_PROJECTS = ['Chatbot support niveau 1', 'Refonte du parcours de renouvellement', 'Self-service onboarding'];

const projectTable = (page: Page) => page.getByRole('table', { name: /The projects with their value, effort/ });
const projectNames = (page: Page) => projectTable(page).locator('tbody th[scope="row"]').allInnerTexts();

test('the matrix shows the demo projects in its chart and its table, and the table sorts by its headers', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/summary`);
  await page.getByRole('link', { name: 'Prioritise' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.slug}/priorities$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Prioritisation' })).toBeVisible();

  // The chart: a canvas named for what it shows, drawn once Chart.js has loaded, and its legend in words.
  const canvas = page.getByRole('img', { name: /Value and effort matrix of 3 projects/ });
  await expect(canvas).toBeVisible();
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true);
  const legend = page.getByRole('list', { name: 'Statuses' });
  await expect(legend).toContainText('In progress');
  await expect(legend).toContainText('(up triangle)');

  // The same projects in the table.
  expect((await projectNames(page)).sort()).toEqual(DEMO_PROJECTS);
  const table = projectTable(page);
  await expect(table.getByRole('row', { name: /Self-service onboarding/ })).toContainText('In progress');

  // Sort by name: A to Z, then Z to A; the order is the server's (the URL says it).
  await table.getByRole('link', { name: /^Project/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect.poll(() => projectNames(page)).toEqual(DEMO_PROJECTS);
  await expect(table.getByRole('columnheader', { name: /Project/ })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('link', { name: /^Project/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(() => projectNames(page)).toEqual([...DEMO_PROJECTS].reverse());
  // By weighted score: the demo's scores rank onboarding, renewal, chatbot.
  await table.getByRole('link', { name: /^Weighted score/ }).click();
  await expect.poll(() => projectNames(page)).toEqual(['Self-service onboarding', 'Refonte du parcours de renouvellement', 'Chatbot support niveau 1']);
  await expect(
    table
      .getByRole('row', { name: /Self-service onboarding/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');

  // A viewer reads the criteria and changes nothing.
  await expect(page.getByRole('heading', { name: 'Scoring criteria' })).toBeVisible();
  await expect(page.getByText(/Alignement stratégique/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Score the projects' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Save|Add criterion/ })).toHaveCount(0);
});

test('an owner adds a criterion and scores two projects; changing a score changes the score ranking', async ({ page, ownWorkspace, baseURL }) => {
  // Two projects of its own, made over HTTP as the projects page would.
  for (const name of ['Appli fidélité', 'Borne en boutique']) {
    const res = await postForm(baseURL!, `/w/${ownWorkspace.slug}/projects`, { intent: 'create', name, status: 'idea' }, { cookie: ownWorkspace.cookie });
    expect(res.status, name).toBe(302);
  }
  await page.goto(`/w/${ownWorkspace.slug}/priorities`);
  await expect(page.getByText('Add the criteria your workspace weighs', { exact: false })).toBeVisible();

  // The criterion, through its form (the workspace writes numbers in French: "1,5").
  await page.getByLabel('Criterion', { exact: true }).fill('Strategic fit');
  await page.getByLabel('Weight', { exact: true }).fill('1,5');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(page.getByLabel('Criterion (Strategic fit)')).toHaveValue('Strategic fit');

  const grid = page.getByRole('region', { name: 'Score the projects' });
  const scoreOf = (project: string) => grid.getByRole('combobox', { name: `Strategic fit: score of ${project}` });
  const save = async (project: string, score: string) => {
    await scoreOf(project).selectOption(score);
    await grid.getByRole('button', { name: `Save the scores of ${project}` }).click();
    await expect(grid.getByRole('row', { name: new RegExp(project) }).getByText('Saved.')).toBeVisible();
  };
  await save('Appli fidélité', '2');
  await save('Borne en boutique', '4');

  const rankOf = (project: string) =>
    projectTable(page)
      .getByRole('row', { name: new RegExp(project) })
      .getByRole('cell')
      .first();
  await expect(rankOf('Borne en boutique')).toHaveText('1');
  await expect(rankOf('Appli fidélité')).toHaveText('2');

  // The loyalty app now fits best: it takes the first rank, and it stays so after a reload.
  await save('Appli fidélité', '5');
  await expect(rankOf('Appli fidélité')).toHaveText('1');
  await expect(rankOf('Borne en boutique')).toHaveText('2');
  await page.reload();
  await expect(rankOf('Appli fidélité')).toHaveText('1');
  await expect(scoreOf('Appli fidélité')).toHaveValue('5');
});

test('the prioritisation page has no serious accessibility violation and fits a 360 px phone', async ({ page, signInAs }) => {
  test.slow();
  await signInAs('owner');
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  };
  await page.goto(`/w/${DEMO.slug}/priorities`);
  await page.waitForLoadState('networkidle');
  expect(await check()).toEqual([]);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/w/${DEMO.slug}/priorities?value=benefit&size=score`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('img', { name: /Value and effort matrix/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await check()).toEqual([]);
});
