// Linking a KPI to a project from where the KPI is: the map's KPI leads to the KPI page, whose
// "Link to a project" form links it with a share; the business case then counts it, and its picker
// (which lists every KPI with no search) marks it as linked. Viewers see no such control.
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';

test('an editor links a KPI to a project from the KPI page, reached from the map, and the business case counts it', async ({ page, ownWorkspace }) => {
  const project = `Fidélité ${Date.now().toString(36)}`;
  await page.goto(`/w/${ownWorkspace.slug}/projects`);
  await page.getByLabel('Name').fill(project);
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(project);

  // The business case's picker lists the workspace's KPIs before any search, by map.
  const picker = page.getByRole('list', { name: /KPIs in the workspace/ });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('heading', { name: DEMO_MAPS.purchase })).toBeVisible();
  await expect(picker.getByRole('button', { name: /^Link / }).first()).toBeVisible();

  // From the map: the NPS KPI's "Link to a project" opens its page at the link form.
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await page.getByRole('button', { name: 'Actions for NPS' }).click();
  await page.getByRole('link', { name: 'Link NPS to a project' }).click();
  await expect(page).toHaveURL(/\/kpis\/[0-9a-f-]+#link-project$/);
  const form = page.getByRole('form', { name: 'Link to a project' });
  await expect(form).toBeVisible();
  await form.getByLabel('Project').selectOption({ label: `${project} (Idea)` });
  await form.getByLabel('Attribution share (%)').fill('40');
  await form.getByRole('button', { name: 'Link to the project' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'KPI linked' })).toBeVisible();
  const counting = page.getByRole('region', { name: 'Projects counting on this KPI' });
  await expect(counting.getByRole('listitem').filter({ hasText: project })).toContainText('40');
  // Linked projects are no longer offered; another link of the same project is impossible here.
  await expect(page.getByRole('option', { name: new RegExp(project) })).toHaveCount(0);

  // The business case counts it, with its share, and the picker marks it.
  await counting.getByRole('link', { name: project }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(project);
  const linked = page.getByRole('region', { name: 'Linked KPIs' });
  await expect(linked.getByRole('row').filter({ hasText: 'NPS at Onboarding' })).toBeVisible();
  await expect(linked.getByLabel('Attribution share of NPS at Onboarding (%)')).toHaveValue('40');
  await page.getByLabel('Search KPIs by measure, map or stage').fill('NPS');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('list', { name: /KPIs? found/ });
  await expect(results.getByRole('listitem').filter({ hasText: 'Onboarding' }).getByText('Linked', { exact: true })).toBeVisible();
});

test('a viewer sees which projects count on a KPI but no control to link one', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/maps`);
  await page.getByRole('link', { name: DEMO_MAPS.purchase }).click();
  await expect(page.getByRole('link', { name: /to a project$/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'NPS: open KPI settings' }).click();
  await expect(page.getByRole('region', { name: 'Projects counting on this KPI' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Link to a project' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Link to the project' })).toHaveCount(0);
});
