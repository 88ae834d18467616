// Times are shown in the workspace's time zone: the owner picks it in the settings, and the server
// render and the browser write the same time, whatever zone the browser itself is in.
import { expect, test } from './fixtures';

// A browser far from the workspace: were its own zone used anywhere, times would read UTC+14.
test.use({ timezoneId: 'Pacific/Kiritimati' });

test('the owner sets the time zone; the activity shows times in it, the same from the server and in the browser', async ({ page, ownWorkspace }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`/w/${ownWorkspace.slug}/settings`);
  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue('UTC');
  await zone.selectOption('America/Toronto');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Toronto');

  await page.goto(`/w/${ownWorkspace.slug}/activity`);
  // The workspace is French: "2 déc. 2026, 07:30 UTC−5" (UTC−4 in summer).
  const newest = page.getByRole('row').nth(1).getByRole('cell').first();
  await expect(newest).toHaveText(/^\d{1,2} [a-zéû.]+ \d{4}, \d{2}:\d{2} UTC[−-][45]$/);
  const shown = (await newest.textContent())!;
  // The server wrote the same text before the browser took over (no hydration mismatch to repair).
  const html = await (await page.request.get(`/w/${ownWorkspace.slug}/activity`)).text();
  expect(html).toContain(shown);
  expect(errors).toEqual([]);
});
