// Helpers shared by several specs: the sign-in and sign-up forms (for the tests about those forms;
// every other test signs in by cookie through the fixtures, fixtures.ts), a mouse drag that dnd-kit
// recognises, the first record link of a list page, and a map opened and marked (to tell a live
// update from a reload).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

let counter = 0;
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${counter++}@example.com`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signUp(page: Page, email: string, name: string, password: string) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Drags with the real mouse: a small first move starts dnd-kit's pointer sensor, the last nudge lets it settle over the target. */
export async function mouseDrag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2 + 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

/** Opens a list page and returns the first link in its main content whose href matches the pattern. */
export async function firstLinkOn(page: Page, path: string, pattern: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

/**
 * Waits until React has taken over the page (the root marks `<html data-hydrated>` once it runs).
 * The server's markup looks the same before and after, so a control being visible proves nothing:
 * a field filled or a menu opened while the page hydrates may be drawn anew.
 */
export async function hydrated(page: Page) {
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

/**
 * Opens a map from the maps list, waits for React, and marks the document: the mark survives live
 * updates, not a reload (sameDocument tells which).
 */
export async function openMarkedMap(page: Page, name: string, slug: string) {
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { __loaded: string }).__loaded = 'this document'));
}

/** Whether the page still shows the document openMarkedMap marked (no reload since). */
export const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __loaded?: string }).__loaded === 'this document');

/** The serious and critical violations of axe-core's WCAG 2.1 A and AA rules on the page, one line each. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}
