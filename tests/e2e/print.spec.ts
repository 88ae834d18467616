// Print and PDF: the executive summary and a business case print on A4 landscape without the
// navigation and controls, and the summary's two charts reach the PDF as images. The PDF is read as
// bytes: Chromium writes its page and image dictionaries uncompressed, only their streams are not.
import { DEMO, expect, test } from './fixtures';

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
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page.width).toBeCloseTo(842, -0.5);
    expect(page.height).toBeCloseTo(595, -0.5);
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
  // On screen the charts are canvases (the printed copies are made as soon as they are drawn).
  await expect(page.getByRole('img', { name: bars })).toHaveCount(1);
  await expect(page.locator('img.chart-print')).toHaveCount(2);
  // ... and they are drawn, not blank: a good share of their pixels carry ink.
  const inked = await page.locator('img.chart-print').evaluateAll((images) =>
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

  await page.emulateMedia({ media: 'print' });
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
  // The two charts, as drawn for print (500 x 260 CSS px at twice the resolution).
  expect(images).toEqual([
    { width: 1000, height: 520 },
    { width: 1000, height: 520 },
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
