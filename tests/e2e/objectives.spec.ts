import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createApiTokenOverHttp, postForm } from '../support/http-client';
import { DEMO, expect, test } from './fixtures';

// A CX lead quantifies an objective in a workspace of its own (French number format, EUR; copies of
// the demo's maps with their KPIs and value histories) and links two projects that move demo KPIs.
// The projects are made over HTTP, as a project manager would have made them on their own pages.

interface ApiKpi {
  id: string;
  target: string | null;
  current: string | null;
  status: string;
}

/** Two of the workspace's KPIs that still have money to gain (a target not met, a financial value). */
async function kpisWithImpact(baseURL: string, cookie: string, slug: string) {
  const token = await createApiTokenOverHttp(baseURL, cookie, slug, 'e2e objectives', 'read');
  const get = async (path: string) => (await fetch(new URL(path, baseURL), { headers: { Authorization: `Bearer ${token}` } })).json();
  const list = (await get('/api/v1/kpis?limit=500')) as { data: ApiKpi[] };
  const found: string[] = [];
  for (const k of list.data.filter((k) => k.target !== null && k.current !== null && k.status !== 'met')) {
    const detail = (await get(`/api/v1/kpis/${k.id}`)) as { impact: { annualAmount: string | null } };
    if (detail.impact.annualAmount !== null && Number(detail.impact.annualAmount) > 0) found.push(k.id);
    if (found.length === 2) return found;
  }
  throw new Error('the demo maps have fewer than two KPIs with money still to gain');
}

async function makeProject(baseURL: string, cookie: string, slug: string, name: string, kpiId: string, startDate: string) {
  const created = await postForm(baseURL, `/w/${slug}/projects`, { intent: 'create', name, status: 'in_progress', startDate }, { cookie });
  const id = /\/projects\/([0-9a-f-]{36})$/.exec(created.location ?? '')?.[1];
  if (created.status !== 302 || !id) throw new Error(`project creation answered ${created.status}`);
  const linked = await postForm(baseURL, `/w/${slug}/projects/${id}`, { intent: 'link', kpiId, share: '100' }, { cookie });
  if (linked.status !== 200) throw new Error(`linking a KPI answered ${linked.status}`);
  return id;
}

/** "35 000,00 €" (French format, narrow or plain no-break spaces) -> 35000. */
const euros = (text: string) => Number(text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'));

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

test('an objective with two projects shows its progress and the gap no project covers', async ({ page, ownWorkspace, baseURL }) => {
  test.slow();
  const { slug, cookie } = ownWorkspace;
  const [first, second] = await kpisWithImpact(baseURL!, cookie, slug);
  const start = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
  const projects = [
    { name: 'Espace client en libre-service', id: await makeProject(baseURL!, cookie, slug, 'Espace client en libre-service', first!, start) },
    { name: 'Rappel proactif', id: await makeProject(baseURL!, cookie, slug, 'Rappel proactif', second!, start) },
  ];

  // What each business case plans over its horizon.
  let planned = 0;
  for (const p of projects) {
    await page.goto(`/w/${slug}/projects/${p.id}`);
    const figure = page
      .getByRole('region', { name: 'Business case' })
      .locator('.figure', { has: page.getByText('Total benefit', { exact: true }) })
      .locator('dd');
    planned += euros(await figure.innerText());
  }
  expect(planned).toBeGreaterThan(0);
  const target = Math.round(planned) + 250_000;

  // A new objective, quantified in money.
  await page.goto(`/w/${slug}/objectives`);
  await expect(page.getByRole('heading', { level: 1, name: 'Objectives' })).toBeVisible();
  await expect(page.getByText('No objective yet.', { exact: false })).toBeVisible();
  const form = page.getByRole('region', { name: 'New objective' });
  await form.getByLabel('Objective', { exact: true }).fill('Grow revenue from self-service');
  await form.getByLabel('Start date').fill('2026-01-01');
  await form.getByLabel('End date').fill('2027-12-31');
  await form.getByLabel('An amount of money (EUR)').check();
  await form.getByLabel('Amount (EUR)').fill(String(target));
  await form.getByLabel('Type of impact').selectOption('revenue');
  await form.getByRole('button', { name: 'Create the objective' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Grow revenue from self-service');

  // Link both projects at once from the picker.
  const picker = page.getByRole('group', { name: 'Projects to link' });
  for (const p of projects) await picker.getByLabel(p.name).check();
  await page.locator('form', { has: picker }).getByRole('button', { name: 'Link the ticked ones' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Linked.' })).toBeVisible();
  const linked = page.getByRole('region', { name: '2 projects' });
  for (const p of projects) await expect(linked.getByRole('link', { name: p.name })).toBeVisible();

  // Progress: the planned benefit is the two business cases' total, the gap what is left of the target.
  await page.reload();
  const progress = page.getByRole('region', { name: 'Progress' });
  const value = (name: string) => progress.locator(`[data-figure="${name}"]`);
  expect(euros(await value('planned').innerText())).toBeCloseTo(planned, 0);
  expect(euros(await value('gap').innerText())).toBeCloseTo(target - planned, 0);
  await expect(value('realised')).toHaveText(/€|Not measurable yet/);
  await expect(progress.getByText('Gap uncovered', { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // The tree shows the objective with its gap, in words beside the colour.
  await page.getByRole('link', { name: 'Objectives' }).first().click();
  const row = page.getByRole('row', { name: /Grow revenue from self-service/ });
  await expect(row.getByText(/^Gap /)).toBeVisible();
  await expect(row).toContainText('2 projects');
  expect(await violations(page)).toEqual([]);

  // 360 px wide: nothing makes the page scroll sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [`/w/${slug}/objectives`, new URL(page.url()).pathname]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.getByRole('link', { name: 'Grow revenue from self-service' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an executive (viewer) reads the demo objectives: the programme served by two demo projects shows its progress and gap, with no edit controls', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer');
  const base = `/w/${DEMO.slug}`;

  // What the two demo projects plan over their horizons, as their business cases show it.
  let planned = 0;
  for (const name of ['Self-service onboarding', 'Refonte du parcours de renouvellement']) {
    await page.goto(`${base}/projects`);
    await page.getByRole('link', { name, exact: true }).click();
    const figure = page
      .getByRole('region', { name: 'Business case' })
      .locator('.figure', { has: page.getByText('Total benefit', { exact: true }) })
      .locator('dd');
    planned += euros(await figure.innerText());
  }

  await page.goto(base);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Objectives' }).click();
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Augmenter le revenu des abonnés existants' })).toContainText('planned');
  await expect(rows.filter({ hasText: 'Équipe onboarding : NPS 45' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'New objective' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Programme CX : fidéliser dès l’activation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Programme CX');
  const progress = page.getByRole('region', { name: 'Progress' });
  expect(euros(await progress.locator('[data-figure="planned"]').innerText())).toBeCloseTo(planned, 0);
  const gap = progress.locator('[data-figure="gap"]');
  if (planned >= 600_000) await expect(gap).toHaveText('Covered');
  else expect(euros(await gap.innerText())).toBeCloseTo(600_000 - planned, 0);
  const projects = page.getByRole('region', { name: '2 projects' });
  await expect(projects.getByRole('link', { name: 'Self-service onboarding' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: '2 KPIs' })
      .getByText(/On track|Off track|Met|No trend/)
      .first(),
  ).toBeVisible();
  // A viewer sees no edit controls.
  await expect(page.getByRole('button', { name: /Unlink|Link the ticked ones|Save the objective|Delete the objective/ })).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});
