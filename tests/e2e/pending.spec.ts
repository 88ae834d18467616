// Feedback while the server is slow (every POST held back 1.5 s here): the button that sent a form
// says it is busy and a second press sends nothing, a thin bar shows the page is working, and the
// "Add a cost" form clears only what it sent, keeping what was typed meanwhile.
import { expect, test } from './fixtures';

test('a slow save: busy button, progress bar, no double post, and typing meanwhile is kept', async ({ page, ownWorkspace }) => {
  await page.goto(`/w/${ownWorkspace.slug}/projects`);
  await page.getByLabel('Name').fill('Projet lent');
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Projet lent');
  // On a busy machine the page may still be hydrating: a click then posts the plain form (no busy state).
  await page.waitForLoadState('networkidle');

  let posts = 0;
  await page.route(
    (url) => url.pathname.includes('/projects/'),
    async (route) => {
      if (route.request().method() === 'POST') {
        posts += 1;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
      await route.continue();
    },
  );

  const addCost = page.getByRole('form', { name: 'Add a cost' });
  await addCost.getByLabel('Label').fill('Développement');
  await addCost.getByLabel('Amount').fill('20 000');
  const button = addCost.getByRole('button', { name: 'Add the cost' });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('progressbar', { name: 'Loading' })).toBeVisible();
  await button.click();
  // Typed while the first line is being saved: the next line's label.
  await addCost.getByLabel('Label').fill('Exploitation');

  await expect(page.getByRole('form', { name: 'Cost Développement' })).toBeVisible();
  await expect(button).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(addCost.getByLabel('Label')).toHaveValue('Exploitation');
  await expect(addCost.getByLabel('Amount')).toHaveValue('');
  // Still there once the page has reloaded its data (the text used to vanish 300-700 ms after the line showed).
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  await expect(addCost.getByLabel('Label')).toHaveValue('Exploitation');
  expect(posts).toBe(1);
});
