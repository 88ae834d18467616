import { DEMO, expect, test } from './fixtures';
import { signIn, signUp, uniqueEmail } from './helpers';

// These two test the sign-up and sign-in forms themselves, so they fill them in.

test('sign up, create a workspace, invite a viewer who accepts, the viewer cannot edit, sign out', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerEmail = uniqueEmail('owner');
  await signUp(owner, ownerEmail, 'Olivia Owner', 'owner-password-1');
  await expect(owner).toHaveURL(/\/workspaces\/new/);
  await owner.getByLabel('Workspace name').fill('Northwind Mobile');
  await owner.getByRole('button', { name: 'Create workspace' }).click();
  await expect(owner).toHaveURL(/\/w\/northwind-mobile/);
  await expect(owner.getByRole('heading', { name: 'Welcome to Northwind Mobile' })).toBeVisible();

  await owner.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  const viewerEmail = uniqueEmail('viewer');
  const invite = owner.getByRole('region', { name: 'Invitations' });
  await invite.getByLabel('Email').fill(viewerEmail);
  await invite.getByLabel('Role').selectOption('viewer');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = await owner.getByRole('textbox', { name: /Invitation link for/ }).inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(new URL(link).pathname);
  await expect(viewer.getByRole('heading', { name: 'Join Northwind Mobile' })).toBeVisible();
  await viewer.getByRole('link', { name: 'Create an account' }).click();
  // The invited e-mail is already filled in.
  await expect(viewer.getByLabel('Email')).toHaveValue(viewerEmail);
  await viewer.getByLabel('Your name').fill('Victor Viewer');
  await viewer.getByLabel('Password').fill('viewer-password-1');
  await viewer.getByRole('button', { name: 'Create account' }).click();
  await viewer.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(viewer).toHaveURL(/\/w\/northwind-mobile$/);
  await expect(viewer.getByText('Your role: Viewer')).toBeVisible();

  await viewer.goto('/w/northwind-mobile/settings');
  await expect(viewer.getByText('Only owners can change these settings.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Invite' })).toHaveCount(0);

  await viewer.getByRole('button', { name: 'Sign out' }).click();
  await expect(viewer).toHaveURL(/\/login$/);
  await viewer.goto('/w/northwind-mobile');
  await expect(viewer).toHaveURL(/\/login\?redirectTo=/);

  // The owner sees the new member.
  await owner.reload();
  await expect(owner.getByRole('cell', { name: viewerEmail })).toBeVisible();
  await ownerContext.close();
  await viewerContext.close();
});

test('the demo owner signs in with the credentials the sign-in page prints', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/w\/demo-telecom/);
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Telecom' })).toBeVisible();
});
