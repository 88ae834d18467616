// Print and PDF: the executive summary and a business case print on A4 landscape without the
// navigation and controls, and the summary's two charts reach the PDF as images; a journey map prints
// at full size across as many A4 or A3 landscape pages as it needs. The PDF is read as bytes:
// Chromium writes its page and image dictionaries uncompressed, only their streams are not (so the
// text on each page is checked in the print DOM instead).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';

function pdfFacts(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  // A colour image with transparency carries an /SMask (its alpha, itself a grey image): the
  // charts are those; the masks are not counted twice.
  const images = [...text.matchAll(/<<([^<>]*\/Subtype\s*\/Image[^<>]*)>>/g)]
    .map((m) => m[1]!)
    .filter((dict) => /\/SMask\s+\d+\s+\d+\s+R/.test(dict))
    .map((dict) => ({ width: Number(/\/Width\s+(\d+)/.exec(dict)?.[1]), height: Number(/\/Height\s+(\d+)/.exec(dict)?.[1]) }));
  return { pages, images };
}

/** A4 landscape is 842 x 595 points (Chromium rounds to a hair more). */
function expectA4Landscape(pages: { width: number; height: number }[]) {
  expectLandscape(pages, { width: 842, height: 595 });
}

/** A3 landscape is 1191 x 842 points. */
function expectA3Landscape(pages: { width: number; height: number }[]) {
  expectLandscape(pages, { width: 1191, height: 842 });
}

function expectLandscape(pages: { width: number; height: number }[], size: { width: number; height: number }) {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page.width).toBeCloseTo(size.width, -0.5);
    expect(page.height).toBeCloseTo(size.height, -0.5);
  }
}

test('the executive summary prints to an A4 landscape PDF that keeps both charts, without navigation or controls', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/summary`);
  // On screen: the navigation, the filters toolbar and the buttons.
  const controls = [
    page.getByRole('navigation', { name: 'Main navigation' }),
    page.getByRole('search', { name: 'Filter and rank the projects' }),
    page.getByRole('button', { name: 'Print / PDF' }),
    page.getByRole('link', { name: 'Export CSV' }),
  ];
  for (const control of controls) await expect(control).toBeVisible();
  const bars = /^Bar chart of the total benefit and total cost of each project/;
  const line = /^Line chart of the portfolio's cumulative net cash flow/;
  // On screen the charts are canvases; their printed copies are made only when the page prints
  // (they cost the page's start too much to make them before).
  await expect(page.getByRole('img', { name: bars })).toHaveCount(1);
  await expect(page.locator('img.chart-print')).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('img.chart-print')).toHaveCount(3);
  // They are drawn, not blank: a good share of their pixels carry ink.
  const inked = await page.locator('.portfolio-charts img.chart-print').evaluateAll((images) =>
    (images as HTMLImageElement[]).map((image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const alpha = context.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, i) => i % 4 === 3);
      return alpha.filter((a) => a > 0).length / alpha.length;
    }),
  );
  expect(inked).toEqual([expect.any(Number), expect.any(Number)]);
  for (const share of inked) expect(share).toBeGreaterThan(0.03);

  for (const control of controls) await expect(control).toBeHidden();
  // In print the charts are images, beside the figures that lead the page.
  await expect(page.getByRole('img', { name: bars })).toBeVisible();
  await expect(page.getByRole('img', { name: line })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Portfolio totals' }).getByText('NPV', { exact: true })).toBeVisible();
  // Nothing sticks out of the printed width (277 mm at 96 px per inch: 1047 px).
  await page.setViewportSize({ width: 1047, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);

  const { pages, images } = pdfFacts(await page.pdf({ format: 'A4', landscape: true }));
  expectA4Landscape(pages);
  // The two charts, as drawn for print (500 x 260 CSS px at twice the resolution), then planned vs
  // realised (700 x 280 at twice the resolution).
  expect(images).toEqual([
    { width: 1000, height: 520 },
    { width: 1000, height: 520 },
    { width: 1400, height: 560 },
  ]);
});

test('printing the summary straight away (beforeprint only, no print media first) still puts the three charts in the PDF', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/summary`);
  // The first chart is in view: once it is drawn, chart.js is loaded and the printed copies can be
  // drawn inside the beforeprint event, even the one of the chart still below the fold.
  await expect
    .poll(() =>
      page
        .locator('.portfolio-charts canvas')
        .first()
        .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL() !== document.createElement('canvas').toDataURL() && canvas.width > 0),
    )
    .toBe(true);
  await expect(page.locator('img.chart-print')).toHaveCount(0);
  const { pages, images } = pdfFacts(await page.pdf({ format: 'A4', landscape: true }));
  expectA4Landscape(pages);
  expect(images).toEqual([
    { width: 1000, height: 520 },
    { width: 1000, height: 520 },
    { width: 1400, height: 560 },
  ]);
});

test('a business case prints on A4 landscape with its figures and without the editing forms', async ({ page, signInAs }) => {
  await signInAs('owner');
  await page.goto(`/w/${DEMO.slug}/projects`);
  await page.getByRole('link', { name: 'Self-service onboarding' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Self-service onboarding');
  const controls = [
    page.getByRole('region', { name: 'Costs' }),
    page.getByRole('region', { name: 'Assumptions and what-if' }),
    page.getByRole('button', { name: 'Print / PDF' }),
    page.getByRole('navigation', { name: 'Main navigation' }),
  ];
  for (const control of controls) await expect(control).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  for (const control of controls) await expect(control).toBeHidden();
  for (const shown of ['Business case', 'Year by year', 'Where the benefit comes from']) await expect(page.getByRole('region', { name: shown })).toBeVisible();
  await page.setViewportSize({ width: 1047, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);

  const { pages } = pdfFacts(await page.pdf({ format: 'A4', landscape: true }));
  expectA4Landscape(pages);
});

const MAP = DEMO_MAPS.purchase;

async function openDemoMap(page: Page) {
  await page.goto(`/w/${DEMO.slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();
  // Hydrated: the print tables are drawn by the page's script.
  await expect(page.getByRole('combobox', { name: 'Paper' })).toBeEnabled();
  await page.waitForLoadState('networkidle');
}

/** Under print media: each printed run of stages, with its header row's stages and its row headers. */
async function printedRuns(page: Page) {
  const tables = page.locator('.map-print-table');
  await expect(tables.first()).toBeVisible();
  return tables.evaluateAll((all) =>
    all.map((table) => ({
      width: table.getBoundingClientRect().width,
      caption: table.querySelector('caption')?.textContent ?? '',
      stages: [...table.querySelectorAll('thead tr:last-child th[scope="col"]')].slice(1).map((th) => th.querySelector('.print-stage-name')?.textContent ?? ''),
      lanes: [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector(':scope > th[scope="row"] .print-lane-name')?.textContent ?? ''),
      rows: table.querySelectorAll('tbody tr').length,
    })),
  );
}

test('a journey map prints at full size across as many A4 landscape pages as its stages need, each with the stage headers and the lane names', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer');
  await openDemoMap(page);
  const stages = await page.locator('.stage-header .stage-name').allTextContents();
  const lanes = await page.locator('.lane-header .lane-name').allTextContents();
  expect(stages).toHaveLength(7);
  // The printed copy is not sent with the page, nor drawn on screen: the HTML budget holds.
  const html = await (await page.request.get(page.url())).text();
  expect(html).not.toContain('map-print');
  await expect(page.locator('.map-print')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Paper' })).toHaveValue('a4');

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1060, height: 740 });
  const runs = await printedRuns(page);
  // 7 stages at 4 a page: two runs, every stage once and in order, every run as wide as a page at most.
  expect(runs.length).toBeGreaterThan(1);
  expect(runs.flatMap((r) => r.stages)).toEqual(stages);
  for (const run of runs) {
    expect(run.stages.length).toBeLessThanOrEqual(4);
    expect(run.lanes).toEqual(lanes);
    expect(run.width).toBeLessThanOrEqual(1060);
  }
  expect(runs[0]!.caption).toBe(`${MAP}: stages 1 to 4 of 7`);
  // The screen canvas gives way; the text keeps its screen size, and every lane kind shows as text.
  await expect(page.getByRole('region', { name: /^Journey map/ })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Map view' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Paper' })).toBeHidden();
  const fontSize = await page
    .locator('.map-print-table .card-title')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(13);
  const firstRun = page.locator('.map-print-table').first();
  await expect(
    firstRun
      .getByRole('row', { name: /^Émotions/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('+1 · positive');
  await expect(firstRun.getByRole('row', { name: /^KPI/ }).getByRole('cell').first()).toContainText(/12\s%\s→\s11,5\s%\s*Met/);

  const axe = await new AxeBuilder({ page }).include('.map-print').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const { pages } = pdfFacts(await page.pdf({ preferCSSPageSize: true }));
  expectA4Landscape(pages);
  // A run that starts a page: at least one page each (a run as tall as a page may take two).
  expect(pages.length).toBeGreaterThanOrEqual(runs.length);
});

test('the paper chosen beside the Print button is remembered, and A3 takes more stages a page', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await openDemoMap(page);
  await page.getByRole('combobox', { name: 'Paper' }).selectOption({ label: 'A3 landscape' });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Paper' })).toHaveValue('a3');
  await page.waitForLoadState('networkidle');

  // page.pdf() alone, without emulated print media: Chromium fires beforeprint for it, which is
  // when the printed copy is drawn.
  const { pages } = pdfFacts(await page.pdf({ preferCSSPageSize: true }));
  expectA3Landscape(pages);
  expect(pages.length).toBeGreaterThanOrEqual(2);

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1520, height: 1060 });
  const runs = await printedRuns(page);
  expect(runs.flatMap((r) => r.stages)).toHaveLength(7);
  for (const run of runs) {
    expect(run.stages.length).toBeLessThanOrEqual(6);
    expect(run.rows).toBeGreaterThan(0);
    expect(run.width).toBeLessThanOrEqual(1520);
  }
});
