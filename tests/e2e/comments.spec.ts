// Comments with mentions, end to end: the owner comments on a card of their map and mentions a
// member picked from the "@" list with the keyboard; the card shows a comment count; the member,
// in a browser of their own, sees the unread count come on the bell without a reload, opens the
// notification and lands on the map with the card outlined and its thread open in the comments
// panel; the bell is then clear.
// C on a card of the map's keyboard grid opens its comments too, and so does "Comment" in its
// actions menu.
import AxeBuilder from '@axe-core/playwright';
import { DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';
import { addMemberOverHttp } from '../support/http-client';

const CARD = 'Comparateur de forfaits';

test('a mention on a card notifies the member, whose notification opens the card’s thread on the map', async ({ page, ownWorkspace, browser, baseURL }) => {
  test.slow();
  const { cookie: memberCookie } = await addMemberOverHttp(baseURL!, ownWorkspace.cookie, ownWorkspace.slug, 'Hugo Lefèvre', 'viewer');

  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_MAPS.purchase })).toBeVisible();
  await hydrated(page);
  await page.getByRole('link', { name: 'Comments', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Comments on this map' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('No open thread on this map.')).toBeVisible();
  await panel.getByLabel('Card, KPI or stage').selectOption({ label: `Card: ${CARD} (Points de contact)` });
  await panel.getByRole('button', { name: 'Open its comments' }).click();
  const onCard = page.getByRole('dialog', { name: `Comments on the card “${CARD}”` });
  await expect(onCard).toBeVisible();

  // "@" opens the member list, filtered as one types; the arrows and Enter pick.
  const box = onCard.getByRole('textbox', { name: `New comment on the card “${CARD}”` });
  await box.click();
  await box.pressSequentially('Is this still true, @hu');
  const list = onCard.getByRole('listbox', { name: 'Members to mention' });
  await expect(list.getByRole('option')).toHaveText(['Hugo Lefèvre']);
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(list).toHaveCount(0);
  await box.pressSequentially('? See https://example.org/tarifs');
  await expect(box).toHaveValue('Is this still true, @Hugo Lefèvre ? See https://example.org/tarifs');
  expect((await new AxeBuilder({ page }).include('.comments-panel').withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
  // The member, in a browser of their own, has the workspace open: the bell updates without a reload.
  const memberContext = await browser.newContext();
  const [name, ...value] = memberCookie.split('=');
  await memberContext.addCookies([{ name: name!, value: value.join('='), url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
  const member = await memberContext.newPage();
  await member.goto(`/w/${ownWorkspace.slug}`);
  await expect(member.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
  await hydrated(member);
  await onCard.getByRole('button', { name: 'Comment', exact: true }).click();

  const thread = onCard.getByRole('article', { name: /Thread started by Camille Testeur, 1 comment/ });
  await expect(thread).toBeVisible();
  await expect(thread.locator('.mention')).toHaveText('@Hugo Lefèvre');
  const link = thread.getByRole('link', { name: 'https://example.org/tarifs' });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(link).toHaveAttribute('target', '_blank');
  // The card now shows its count, a link to its comments.
  await expect(page.getByRole('link', { name: `1 comment on ${CARD}` })).toBeVisible();

  const bell = member.getByRole('link', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await expect(bell).toContainText('1');
  await bell.click();
  await expect(member.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const entry = member.getByRole('link', { name: `Camille Testeur mentioned you on the card “${CARD}”` });
  await expect(member.getByText('Unread', { exact: true })).toBeVisible();
  expect((await new AxeBuilder({ page: member }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
  await entry.click();

  await expect(member).toHaveURL(/\/maps\/[0-9a-f-]+\/comments\?thread=[0-9a-f-]+/);
  const opened = member.getByRole('dialog', { name: `Thread on the card “${CARD}”` });
  await expect(opened).toBeVisible();
  await expect(opened.locator('.comment-body', { hasText: 'Is this still true,' })).toBeVisible();
  await expect(opened.getByRole('textbox', { name: 'Your reply' })).toBeVisible();
  const card = member.locator('[data-card-id]', { hasText: CARD });
  await expect(card).toHaveCSS('outline-style', 'solid');
  // Opening it marked it read.
  await expect(member.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();

  // The member (a viewer) replies; the owner's reload shows it.
  await opened.getByRole('textbox', { name: 'Your reply' }).fill('Yes, checked this morning.');
  await opened.getByRole('button', { name: 'Send the reply' }).click();
  await expect(opened.locator('.comment-body', { hasText: 'Yes, checked this morning.' })).toBeVisible();
  // The reply box starts empty again.
  await expect(opened.getByRole('textbox', { name: 'Your reply' })).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('article', { name: /2 comments/ })).toBeVisible();
  await memberContext.close();

  // The keyboard path: C on an item of the map's grid opens its comments, Escape gives the focus back.
  await page.getByRole('link', { name: 'Close the comments' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await hydrated(page);
  const item = page.locator('[data-card-id]', { hasText: CARD });
  await item.focus();
  await page.keyboard.press('c');
  const again = page.getByRole('dialog', { name: `Comments on the card “${CARD}”` });
  await expect(again).toBeVisible();
  await expect(again.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(again).toHaveCount(0);
  await expect(item).toBeFocused();

  // The mouse path: "Comment" in the card's actions menu opens the same thread list.
  await item.getByRole('button', { name: `Actions for ${CARD}` }).click();
  await item.getByRole('link', { name: 'Comment', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Comments on the card “${CARD}”` })).toBeVisible();
  await expect(item.getByRole('link', { name: 'Comment', exact: true })).toHaveCount(0);
});
