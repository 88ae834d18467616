// A move survives an immediate reload: the card is moved (move menu or keyboard drag) and the page is
// reloaded at once, without waiting for the save. After the reload the card shows in its new place,
// and it is there on the server too (a second, unhurried reload). With latency the reload aborts the
// save in flight; the page must still end up with the move saved.
import type { Page } from '@playwright/test';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

const MAP = DEMO_MAPS.purchase;

async function openMap(page: Page, slug: string) {
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  await hydrated(page);
}

const cell = (page: Page, lane: string, stage: string) => page.locator(`[data-cell="${lane} / ${stage}"]`);

/** Holds every POST to the map back `ms` before letting it through (a slow network or server). */
async function delayPosts(page: Page, ms: number) {
  await page.route(
    (url) => url.pathname.includes('/maps/'),
    async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue().catch(() => {});
    },
  );
}

async function moveWithMenu(page: Page, title: string, stage: string) {
  const card = page.locator('.journey-card', { hasText: title });
  await card.getByRole('button', { name: `Actions for ${title}` }).click();
  await card.getByRole('button', { name: `Move to ${stage}` }).click();
}

async function moveWithKeyboard(page: Page, title: string) {
  const liveRegion = page.locator('[id^="DndLiveRegion"]').first();
  await page.getByRole('button', { name: `Move the card ${title}` }).focus();
  await page.keyboard.press('Space');
  await expect(liveRegion).toHaveText(new RegExp(`Picked up ${title}|${title} is over`));
  await page.keyboard.press('ArrowRight');
  await expect(liveRegion).toHaveText(new RegExp(`${title} is over (?!${title}\\.)`));
  await page.keyboard.press('Space');
  await expect(liveRegion).toContainText('was dropped on');
}

/** The card is in `stage` after the reload, and still there after a later, quiet reload. */
async function expectKept(page: Page, title: string, stage: string, from: string) {
  await expect(cell(page, 'Points de contact', stage).getByText(title)).toBeVisible();
  await expect(cell(page, 'Points de contact', from).getByText(title)).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();
  await expect(cell(page, 'Points de contact', stage).getByText(title)).toBeVisible();
  await expect(cell(page, 'Points de contact', from).getByText(title)).toHaveCount(0);
}

test('a card moved with the move menu then reloaded at once shows in its new stage', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  await moveWithMenu(page, 'Tunnel de souscription en ligne', 'Livraison');
  await page.reload();
  await expectKept(page, 'Tunnel de souscription en ligne', 'Livraison', 'Souscription');
});

test('a card dropped with the keyboard then reloaded at once shows in its new stage', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  await moveWithKeyboard(page, 'Publicité sur les réseaux sociaux');
  await page.reload();
  await expectKept(page, 'Publicité sur les réseaux sociaux', 'Comparaison', 'Découverte');
});

/**
 * From the next page load on, checks before every frame whether `title` is drawn in `lane / stage`;
 * `window.__shownIn` ends up true if it ever was.
 */
async function watchFrames(page: Page, lane: string, stage: string, title: string) {
  await page.addInitScript(
    ([selector, text]) => {
      const w = window as unknown as { __shownIn?: boolean };
      w.__shownIn = false;
      const check = () => {
        const where = document.querySelector(selector!);
        const grid = where?.closest('.map-grid');
        if (where && grid && getComputedStyle(grid).visibility !== 'hidden' && where.textContent?.includes(text!)) w.__shownIn = true;
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    [`[data-cell="${lane} / ${stage}"]`, title],
  );
}

test('with a slow network, the save cut short by the reload is not lost', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  await delayPosts(page, 1_500);
  await moveWithMenu(page, 'Tunnel de souscription en ligne', 'Livraison');
  await watchFrames(page, 'Points de contact', 'Souscription', 'Tunnel de souscription en ligne');
  await page.reload();
  // The old place never shows once the page is back, even while the save is still on its way.
  await expect(cell(page, 'Points de contact', 'Livraison').getByText('Tunnel de souscription en ligne')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __shownIn?: boolean }).__shownIn)).toBe(false);
  await expectKept(page, 'Tunnel de souscription en ligne', 'Livraison', 'Souscription');
});

test('with a slow network, a keyboard drop cut short by the reload is not lost', async ({ page, ownWorkspace }) => {
  await openMap(page, ownWorkspace.slug);
  await delayPosts(page, 1_500);
  await moveWithKeyboard(page, 'Publicité sur les réseaux sociaux');
  await page.reload();
  await expectKept(page, 'Publicité sur les réseaux sociaux', 'Comparaison', 'Découverte');
});
