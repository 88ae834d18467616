// The executive's first 30 seconds: the summary's first screen answers "is the portfolio worth it?"
// before any filter or table, on a desktop and on a phone.
import { createPortfolio } from '../bench/portfolio';
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

test('a large portfolio’s ranking comes 25 projects a page, sorted on the server; the chart groups the rest as “others”', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // 27 projects of one KPI each, made over HTTP in a workspace of their own.
  const portfolio = await createPortfolio(baseURL!, { projects: 27, kpis: 27 });
  const [name, ...value] = portfolio.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(portfolio.summaryPath);
  await expect(page.getByText('27 projects in the portfolio', { exact: false })).toBeVisible();
  const ranking = page.getByRole('region', { name: /^Projects ranked by/ });
  const rows = ranking.locator('table tbody tr');
  await expect(rows).toHaveCount(25);
  const pages = page.getByRole('navigation', { name: 'Pages of the ranking' });
  await expect(pages).toContainText('Projects 1 to 25 of 27');
  await expect(pages.getByText('1', { exact: true })).toHaveAttribute('aria-current', 'page');

  await pages.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('td').first()).toHaveText('26');
  await expect(pages).toContainText('Projects 26 to 27 of 27');

  // Another ranking starts again from its first page.
  await ranking.getByRole('link', { name: /Rank by ROI/ }).click();
  await expect(page).toHaveURL(/sort=roi/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(rows).toHaveCount(25);
  await expect(page.getByRole('heading', { name: 'Projects ranked by ROI' })).toBeVisible();

  // The chart's figures: the first 10 projects, then the 17 others in one bar.
  await expect(page.locator('.chart-data table').first().locator('tbody tr')).toHaveCount(11);
  await expect(page.locator('.chart-data table').first()).toContainText('Others (17 projects)');
});
