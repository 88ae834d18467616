// The executive's first 30 seconds: the summary's first screen answers "is the portfolio worth it?"
// before any filter or table, on a desktop and on a phone.
import { DEMO, expect, test } from './fixtures';

test('the summary’s first screen leads with the NPV, realised against planned, the top projects, the warnings in words and the chart', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/summary`);
  const totals = page.getByRole('region', { name: 'Portfolio totals' });
  const lead = totals.locator('.lead-figure');
  await expect(lead).toContainText('NPV');
  await expect(lead).toContainText(/702\s013\s€/);
  await expect(lead).toBeInViewport();
  await expect(totals.getByText(/^Realised so far: 45\s000\s€ a year, against a planned run-rate of 663\s000\s€ a year\.$/)).toBeInViewport();
  await expect(totals.getByRole('heading', { name: 'Top projects by NPV' })).toBeInViewport();
  await expect(totals.getByRole('listitem').first()).toContainText('Refonte du parcours de renouvellement');
  await expect(page.getByText(/2 projects need attention \(double counting/)).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Benefit, cost and cash flow' })).toBeInViewport();
  // The filters are a toolbar under the title, not a panel between the figures and the chart.
  const filters = page.getByRole('search', { name: 'Filter and rank the projects' });
  expect((await filters.boundingBox())!.height).toBeLessThan(90);

  // On a phone the lead figure and the best projects come first, before any table.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(lead).toBeInViewport();
  await expect(totals.getByRole('heading', { name: 'Top projects by NPV' })).toBeInViewport();
});
