// The sign-in and sign-up forms, for the tests about those forms. Every other test signs in by
// cookie through the fixtures (fixtures.ts).
import { expect, type Page } from '@playwright/test';

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
