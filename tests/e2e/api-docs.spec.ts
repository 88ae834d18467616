import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';

// /api/docs renders the OpenAPI document with Redoc, a script of our own build loaded by that page
// alone, under the same strict Content-Security-Policy as every page: no violation, no console
// error, nothing fetched from another origin, no session needed.
function watch(page: Page) {
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return;
    if (url.origin !== new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin) problems.push(`other origin: ${request.url()}`);
    if (request.resourceType() === 'script') scripts.push(url.pathname);
  });
  return { problems, scripts };
}

test('the API reference renders every operation of the OpenAPI document, signed out, with no CSP violation or console error', async ({ page, request }) => {
  const { problems, scripts } = watch(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  const operations = Object.values<Record<string, { summary: string }>>(doc.paths).flatMap((item) => Object.values(item));
  expect(operations.length).toBeGreaterThanOrEqual(12);

  const response = await page.goto('/api/docs');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("'nonce-");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  // Redoc lists each operation in its menu and describes it under a heading named by its summary.
  const menu = page.getByRole('menu').first();
  for (const operation of operations) {
    // The first one waits for the 1 MB script to load and render on a busy machine.
    await expect(menu.getByRole('menuitem', { name: operation.summary, exact: true }), operation.summary).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('h2', { hasText: operation.summary }).first(), operation.summary).toBeAttached();
  }
  await expect(page.getByText('Authorization', { exact: false }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => path.includes('redoc'))).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('the API tokens page links to the reference, and no other page loads Redoc', async ({ page, signInAs }) => {
  const { problems, scripts } = watch(page);
  await signInAs('owner');
  for (const path of [`/w/${DEMO.slug}`, `/w/${DEMO.slug}/settings`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.goto(`/w/${DEMO.slug}/settings/api`);
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => path.includes('redoc'))).toEqual([]);
  await page.getByRole('link', { name: /API reference|Référence de l'API/ }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole('menuitem', { name: /^Record a batch of KPI values/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('h2', { hasText: 'Record a batch of KPI values' })).toBeAttached();
  expect(problems).toEqual([]);
});
