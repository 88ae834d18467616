import type { Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

// The Content-Security-Policy of server/app.ts is strict (scripts from our origin or with the
// page's nonce). This walks the screens a browser hydrates, charts included, and fails on any
// violation the browser reports or any console error (a script the policy blocked shows as one).
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test('the main screens hydrate under the Content-Security-Policy with no violation', async ({ page, signInAs }) => {
  const problems = await watch(page);
  // The sign-in page, signed out; then the workspace's screens, signed in.
  const login = await page.goto('/login');
  expect(login?.headers()['content-security-policy'], '/login').toContain("'nonce-");
  await page.waitForLoadState('networkidle');
  await signInAs('owner');
  const base = `/w/${DEMO.slug}`;
  // The map editor, as an editor: it runs an inline script of its own before drawing the map.
  await page.goto(`${base}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  for (const path of [base, `${base}/maps`, `${base}/measures`, `${base}/projects`, `${base}/settings`, `${base}/summary`]) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy'], path).toContain("'nonce-");
    await page.waitForLoadState('networkidle');
  }
  // The summary draws its charts with scripts loaded after hydration.
  await expect(page.locator('canvas').first()).toBeVisible();
  // Client-side navigation (a data request) works too.
  await page
    .getByRole('link', { name: /projects/i })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${base}/projects`));
  expect(problems).toEqual([]);
});
