import { expect, type Page } from '@playwright/test';

export const DEMO = { email: 'demo@parcours.app', password: 'parcours-demo', slug: 'demo-telecom' };

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

/** Signs in as the demo workspace's owner (an editor-capable role). */
export async function signInAsDemo(page: Page) {
  await signIn(page, DEMO.email, DEMO.password);
}
