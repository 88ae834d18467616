import { DEMO, DEMO_MAPS, expect, test } from './fixtures';

// The project manager works in a workspace of its own (French locale, EUR) holding copies of the
// demo's two maps with their KPIs; the executive reads the demo's projects (the worked example).
const MAP = DEMO_MAPS.support;

test('a project manager creates a project, links two KPIs of a map, adds costs and reads ROI and NPV', async ({ page, ownWorkspace }) => {
  await page.goto(`/w/${ownWorkspace.slug}/projects`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const name = `Relances proactives ${Date.now().toString(36)}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Status').selectOption('planned');
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByText('No KPI linked yet: link the KPIs this project will move.')).toBeVisible();
  // A new project shows what to do, not "Payback 0.0 months".
  await expect(page.getByText(/^Nothing to compute yet: link the KPIs/)).toBeVisible();
  await expect(page.getByText('Payback', { exact: true })).toHaveCount(0);

  // Link two KPIs found by the map's name.
  await page.getByLabel('Search KPIs by measure, map or stage').fill(MAP);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('list', { name: /KPIs? found/ });
  await expect(results).toBeVisible();
  for (let i = 0; i < 2; i++) {
    const link = results.getByRole('button', { name: /^Link / }).first();
    await link.click();
    // Wait for the page to reload its data: the KPI now reads "Linked" in the results.
    await expect(results.getByText('Linked', { exact: true })).toHaveCount(i + 1);
  }
  const linked = page.getByRole('region', { name: 'Linked KPIs' });
  await expect(linked.getByRole('button', { name: /^Unlink / })).toHaveCount(2);

  // A one-off cost in year 0 and a recurring cost from year 1.
  const addCost = page.getByRole('form', { name: 'Add a cost' });
  await addCost.getByLabel('Label').fill('Développement');
  await addCost.getByLabel('Amount').fill('20 000');
  await addCost.getByRole('button', { name: 'Add the cost' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cost line added.' })).toBeVisible();
  // The add form clears what it sent once the line is saved.
  await expect(page.getByRole('form', { name: 'Cost Développement' })).toBeVisible();
  await addCost.getByLabel('Label').fill('Exploitation');
  await addCost.getByLabel('Kind').selectOption('recurring');
  await addCost.getByLabel('Amount').fill('5 000');
  await addCost.getByRole('button', { name: 'Add the cost' }).click();
  await expect(page.getByRole('form', { name: 'Cost Exploitation' })).toBeVisible();

  // Total cost 20,000 + 3 x 5,000 over the default 3-year horizon, in the workspace's French format.
  const headline = page.getByRole('region', { name: 'Business case' });
  const figure = (label: string) => headline.locator('.figure', { has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(figure('Total cost')).toHaveText(/^35\s000,00\s€$/);
  await expect(figure('ROI')).toHaveText(/%$/);
  await expect(figure('NPV')).toHaveText(/€$/);
  const npv = await figure('NPV').innerText();

  // What-if: the figures follow the confidence before saving; saving keeps them after a reload.
  const whatIf = page.getByRole('region', { name: 'Assumptions and what-if' });
  await whatIf.getByLabel('Confidence (%)').fill('50');
  await expect(page.getByText('What-if: the figures show assumptions that are not saved.')).toBeVisible();
  await expect(figure('NPV')).not.toHaveText(npv);
  const whatIfNpv = await figure('NPV').innerText();
  await whatIf.getByRole('button', { name: 'Save these assumptions' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assumptions saved.' })).toBeVisible();
  await page.reload();
  await expect(figure('NPV')).toHaveText(whatIfNpv);
  await expect(page.getByRole('region', { name: 'Assumptions and what-if' }).getByLabel('Confidence (%)')).toHaveValue('50');
});

test('an executive (viewer) opens the summary and a business case, with no edit controls', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/projects`);
  await expect(page.getByRole('link', { name: 'Self-service onboarding' })).toBeVisible();
  await page.goto(`/w/${DEMO.slug}/summary`);
  await expect(page.getByRole('heading', { name: 'Executive ROI summary' })).toBeVisible();
  // The first screen (1440 x 900) holds the portfolio NPV, the warnings in words and the chart.
  await expect(page.getByRole('region', { name: 'Portfolio totals' }).getByText('NPV', { exact: true })).toBeInViewport();
  await expect(page.getByText(/projects? needs? attention/)).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Benefit, cost and cash flow' })).toBeInViewport();
  const ranking = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '#' }) });
  await expect(ranking.getByRole('link', { name: 'Self-service onboarding' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Portfolio totals' }).getByText('Investment')).toBeVisible();
  // The chart's figures are in a table beside it.
  await expect(page.getByRole('table', { name: 'Total benefit and cost per project over its horizon' })).toBeVisible();

  // Rank by ROI with a plain link, then filter by status.
  await page.getByRole('link', { name: 'Rank by ROI' }).click();
  await expect(page).toHaveURL(/sort=roi/);
  await page.getByLabel('Status').selectOption('in_progress');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/status=in_progress/);
  await expect(ranking.getByRole('link', { name: 'Chatbot support niveau 1' })).toHaveCount(0);
  await expect(ranking.getByRole('link', { name: 'Self-service onboarding' })).toBeVisible();

  await ranking.getByRole('link', { name: 'Self-service onboarding' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Self-service onboarding');
  await expect(page.getByRole('region', { name: 'Year by year' })).toBeVisible();
  // The worked example of DESIGN.md, to the cent, in the workspace's French format.
  const headline = page.getByRole('region', { name: 'Business case' });
  await expect(headline.locator('.figure', { has: page.getByText('NPV', { exact: true }) }).locator('dd')).toHaveText(/^171\s307,73\s€$/);
  // Beside NPV, the two present values it is the difference of.
  const euros = async (label: string) =>
    Number(
      (
        await headline
          .locator('.figure', { has: page.getByText(label, { exact: true }) })
          .locator('dd')
          .innerText()
      )
        .replace(/[^\d,-]/g, '')
        .replace(',', '.'),
    );
  expect((await euros('PV of benefits')) - (await euros('PV of costs'))).toBeCloseTo(171307.73, 2);
  await expect(headline.locator('.figure', { has: page.getByText('Payback', { exact: true }) }).locator('dd')).toHaveText('13.0 months');
  await expect(page.getByText('NPS at Onboarding: 32 → 42 pts (+10) × 5 000 €/pt × 100 % = 50 000 € a year', { exact: false })).toBeVisible();
  // Viewers may try a what-if, but cannot save it.
  await page.getByLabel('Confidence (%)').fill('100');
  await expect(headline.locator('.figure', { has: page.getByText('Total benefit', { exact: true }) }).locator('dd')).toHaveText(/^380\s000,00\s€$/);
  await expect(page.getByRole('button', { name: 'Save these assumptions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Costs' })).toHaveCount(0);
});
