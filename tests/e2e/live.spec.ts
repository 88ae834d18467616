// Live updates in the browser: a map open in Chromium shows values posted to the API a moment
// later, without a reload, with the "updated" cue; the same for the executive summary.
import type { Page } from '@playwright/test';
import { createApiTokenOverHttp } from '../support/http-client';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

/** Marks the loaded document: the mark survives live updates and is gone after a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __loaded: string }).__loaded = 'this document'));
}
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __loaded?: string }).__loaded === 'this document');

test('a map open in the browser shows KPI values posted to the API without a reload', async ({ page, ownWorkspace, baseURL }) => {
  const secret = await createApiTokenOverHttp(baseURL!, ownWorkspace.cookie, ownWorkspace.slug, 'Live e2e');
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  await hydrated(page);
  await markDocument(page);

  const mapId = new URL(page.url()).pathname.split('/').pop()!;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, baseURL), { ...init, headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', ...init.headers } });
  const kpis = (await (await api(`/api/v1/kpis?map=${mapId}&limit=1`)).json()) as { data: { id: string; measureName: string }[] };
  const target = kpis.data[0]!;
  const chip = page.getByRole('link', { name: `${target.measureName}: open KPI settings` }).first();
  await expect(chip).toBeVisible();
  await expect(chip).not.toContainText('98 765');

  const posted = await api('/api/v1/kpi-values', {
    method: 'POST',
    body: JSON.stringify({ values: [{ kpi: target.id, date: '2026-12-01', value: '98765' }] }),
  });
  expect(posted.status).toBe(200);

  // The workspace is French: 98 765 with a narrow no-break space.
  await expect(chip).toContainText(/98\s765/, { timeout: 5_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Updated with the latest changes' })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
});

test('the executive summary follows a project change made in another tab', async ({ page, ownWorkspace, context }) => {
  await page.goto(`/w/${ownWorkspace.slug}/summary`);
  await markDocument(page);
  const other = await context.newPage();
  await other.goto(`/w/${ownWorkspace.slug}/projects`);
  await other.getByLabel('Name', { exact: true }).fill('Projet en direct');
  await other.getByRole('button', { name: 'Create the project' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Projet en direct' })).toBeVisible();
  await other.close();
  await expect(page.getByText('Projet en direct').first()).toBeVisible({ timeout: 5_000 });
  expect(await sameDocument(page)).toBe(true);
});
