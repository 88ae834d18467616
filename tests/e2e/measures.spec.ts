import type { Page } from '@playwright/test';
import { DEMO, DEMO_MAPS, expect, test } from './fixtures';
import { hydrated } from './helpers';

// Tests that write work in a workspace of their own (French, EUR, like the demo) holding copies of
// the demo's two maps, with their KPIs and the measures those use; viewers read the demo itself.
const MAP = DEMO_MAPS.purchase;
const NAME = 'Taux d’activation SIM';

const kpiCell = (page: Page, stage: string) => page.locator('[data-cell]').filter({ has: page.getByRole('list', { name: `KPI at ${stage}`, exact: true }) });

function monthsAgo(n: number) {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}

test('in a map, a new measure typed in a KPI cell is created and placed; its settings give status and impact; the library lists where it is used', async ({
  page,
  ownWorkspace,
}) => {
  const slug = ownWorkspace.slug;
  await page.goto(`/w/${slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('heading', { level: 1, name: MAP })).toBeVisible();

  // The combobox: typing filters the library ("Taux de …" measures), a new name offers "Create".
  const cell = kpiCell(page, 'Premiers usages');
  // The cell's quick "+" opens the box.
  await cell.getByRole('button', { name: /^Add a KPI in / }).click();
  const box = cell.getByRole('combobox', { name: 'Search a measure or create one' });
  await expect(box).toBeFocused();
  await box.click();
  await box.pressSequentially('taux de');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(cell.getByRole('option', { name: /Taux de churn/ })).toBeVisible();
  await box.fill('');
  await box.pressSequentially(NAME);
  const create = cell.getByRole('option', { name: `Create “${NAME}”` });
  await expect(create).toBeVisible();
  // Keyboard: down to the option (it is the only one), Enter.
  await expect(cell.getByRole('option')).toHaveCount(1);
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await create.getAttribute('id'))!);
  await box.press('Enter');
  const chip = cell.getByRole('link', { name: `${NAME}: open KPI settings` });
  await expect(chip).toBeVisible();
  await expect(box).toHaveValue('');

  // Reload: it is saved. Then open its settings once React has taken over the page: a click
  // landing while it hydrates may be lost.
  await page.reload();
  await expect(kpiCell(page, 'Premiers usages').getByRole('button', { name: `Move the KPI ${NAME}` })).toBeVisible();
  await hydrated(page);
  await kpiCell(page, 'Premiers usages')
    .getByRole('link', { name: `${NAME}: open KPI settings` })
    .click();
  // The settings open in a panel over the map.
  await expect(page.getByRole('dialog', { name: new RegExp(`KPI: ${NAME}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`KPI: ${NAME}`) })).toBeVisible();

  // Current value, typed the French way (the workspace is French, like the demo), and a target: one form.
  await page.getByLabel('Current value', { exact: true }).fill('64,5');
  await page.getByLabel('Target value', { exact: true }).fill('80');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByTestId('kpi-current')).toHaveText(/64,5/);
  // Stored values come back in the workspace's way of writing numbers.
  await expect(page.getByLabel(/^Value of /).first()).toHaveValue('64,5');
  await expect(page.getByLabel('Current value', { exact: true })).toHaveValue('64,5');
  await expect(page.getByTestId('kpi-target')).toHaveText(/80/);
  await expect(page.getByLabel('Target value', { exact: true })).toHaveValue('80');
  await expect(page.getByText('The measure has no financial value yet.')).toBeVisible();

  // An older value gives a trend: 60 two months ago, then 64.5 today.
  await page.getByLabel('Date', { exact: true }).fill(monthsAgo(2));
  await page.getByLabel('Value', { exact: true }).fill('60');
  await page.getByRole('button', { name: 'Add the value' }).click();
  await expect(page.getByRole('heading', { name: 'Value history (2 values)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).getByText('On track')).toBeVisible();

  // Give the measure a financial value in the library: 10,000 € a year per point of %.
  await page.getByRole('link', { name: 'Open the measure in the library' }).click();
  await page.getByLabel('Unit', { exact: true }).fill('%');
  await page.getByLabel(/Amount a year/).fill('10 000');
  await page.getByLabel(/For this many units/).fill('1');
  await page.getByRole('button', { name: 'Save the measure' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // Where-used on the measure page, linked to the map and the KPI.
  const used = page.getByRole('region', { name: /Used in 1 place/ });
  await expect(used.getByRole('link', { name: MAP, exact: true })).toBeVisible();
  await expect(used.getByRole('cell', { name: 'Premiers usages', exact: true })).toBeVisible();
  await expect(used.getByText('On track')).toBeVisible();
  await used.getByRole('link', { name: /KPI settings in/ }).click();
  await expect(page.getByTestId('kpi-impact')).toHaveText(/155\s000\s€ a year/);
  await expect(page.getByText(/\(80 − 64,5\) % × 10\s000\s€ per pt = 155\s000\s€ a year/)).toBeVisible();

  // The library lists it with its use.
  await page.goto(`/w/${slug}/measures`);
  await page.getByLabel('Search', { exact: true }).fill('activation');
  await page.getByRole('button', { name: 'Filter' }).click();
  const row = page.getByRole('row', { name: new RegExp(NAME) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '1 KPI' })).toBeVisible();
});

test('a viewer sees KPIs and settings without any edit control', async ({ page, signInAs }) => {
  await signInAs('viewer');
  await page.goto(`/w/${DEMO.slug}/maps`);
  await page.getByRole('link', { name: MAP }).click();
  await expect(page.getByRole('combobox', { name: 'Search a measure or create one' })).toHaveCount(0);
  await kpiCell(page, 'Onboarding').getByRole('link', { name: 'NPS: open KPI settings' }).click();
  await expect(page.getByTestId('kpi-current')).toHaveText(/32/);
  await expect(page.getByTestId('kpi-target')).toHaveText(/42/);
  await expect(page.getByText(/\(42 − 32\) pts × 5\s000\s€ per pt = 50\s000\s€ a year/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Save|Delete|Set current/ })).toHaveCount(0);
});

test('the CSV template comes back filled in: preview, then import, and the same file again changes nothing', async ({ page, ownWorkspace }) => {
  await page.goto(`/w/${ownWorkspace.slug}/kpis/import`);
  // Hydrated: the upload goes through XMLHttpRequest with a progress bar.
  await page.waitForLoadState('networkidle');
  const template = await (await page.request.get(`/w/${ownWorkspace.slug}/kpis/template`)).text();
  // With a byte-order mark, so that Excel reads the accents as UTF-8 (trim() drops it below).
  expect(template.startsWith('\uFEFF')).toBe(true);
  const [header, first, second] = template.trim().split('\n');
  expect(header).toBe('kpi_id,map,stage,measure,unit,date,value,target');
  const fill = (line: string, date: string, value: string) => line.split(',').slice(0, 5).concat(date, value, line.split(',').at(-1)!).join(',');
  const csv = [header, fill(first!, '2020-01-01', '"12,5"'), fill(second!, '2020-01-01', '3.3')].join('\n');
  const file = { name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('New: 2, updated: 0, unchanged: 0');
  // The preview lists what it will write, by the names in the file, before anything is written.
  const sample = page.getByRole('table', { name: 'The first 2 values it writes' });
  await expect(sample.getByRole('row')).toHaveCount(3);
  await expect(sample).toContainText('12,5');
  await expect(sample.getByRole('cell', { name: 'new', exact: true })).toHaveCount(2);
  await page.getByRole('button', { name: 'Import 2 values' }).click();
  await expect(page.getByRole('heading', { name: 'Import done' })).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('Imported. New: 2, updated: 0, unchanged: 0');

  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('New: 0, updated: 0, unchanged: 2');

  // A wrong row: every problem by line and column, and no import button.
  await page.getByLabel('CSV file').setInputFiles({ ...file, buffer: Buffer.from([header, fill(first!, '2020-02-30', 'abc')].join('\n')) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert')).toContainText('2 problems to fix; nothing was imported.');
  await expect(page.getByRole('row', { name: /2 date .*2020-02-30/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /2 value .*abc/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
});

test('two people edit the same KPI: the second save is refused with the current content', async ({ page, context, ownWorkspace }) => {
  await page.goto(`/w/${ownWorkspace.slug}/maps`);
  await page.getByRole('link', { name: MAP, exact: true }).click();
  await hydrated(page);
  await kpiCell(page, 'Activation').getByRole('link', { name: 'CSAT: open KPI settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /KPI: CSAT/ })).toBeVisible();
  // The first person is typing (a live update waits while a field has focus), the second saves.
  await page.getByLabel('What it represents here').fill('Ma version, partie d’une page périmée');
  const other = await context.newPage();
  await other.goto(page.url());
  // Hydrated: a field filled while React takes over the page may be drawn anew (and emptied).
  await hydrated(other);
  await other.getByLabel('What it represents here').fill('Enquête envoyée 24 h après l’activation.');
  await other.getByRole('button', { name: 'Save the settings' }).click();
  await expect(other.getByText('Saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Save the settings' }).click();
  // Refused, with the current content beside what was typed (which stays in the field).
  const conflict = page.getByRole('group', { name: /saved a new version .* while you were editing/ });
  await expect(conflict.getByRole('row', { name: /^What it represents here/ }).getByRole('cell')).toHaveText([
    'Enquête envoyée 24 h après l’activation.',
    'Ma version, partie d’une page périmée',
  ]);
  await expect(page.getByLabel('What it represents here')).toHaveValue('Ma version, partie d’une page périmée');
  // Keeping theirs shows the current content.
  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(page.getByLabel('What it represents here')).toHaveValue('Enquête envoyée 24 h après l’activation.');
  await expect(conflict).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the add box is a plain form: the typed name is found or created, and the map shows the KPI', async ({ page, ownWorkspace }) => {
    await page.goto(`/w/${ownWorkspace.slug}/maps`);
    await page.getByRole('link', { name: MAP, exact: true }).click();
    const cell = kpiCell(page, 'Comparaison');
    // Without JavaScript the quick "+" reloads the map with the cell's box open.
    await cell.getByRole('link', { name: /^Add a KPI in / }).click();
    await cell.getByRole('combobox', { name: 'Search a measure or create one' }).fill('nps');
    await cell.getByRole('button', { name: 'Add', exact: true }).click();
    // "nps" is the library's NPS (any case), not a new measure.
    await expect(kpiCell(page, 'Comparaison').getByRole('link', { name: 'NPS: open KPI settings' })).toBeVisible();
    await kpiCell(page, 'Comparaison')
      .getByRole('link', { name: /^Add a KPI in / })
      .click();
    await kpiCell(page, 'Comparaison').getByRole('combobox', { name: 'Search a measure or create one' }).fill('Visites du comparateur');
    await kpiCell(page, 'Comparaison').getByRole('button', { name: 'Add', exact: true }).click();
    await expect(kpiCell(page, 'Comparaison').getByRole('link', { name: 'Visites du comparateur: open KPI settings' })).toBeVisible();
  });

  test('the import checks and imports with plain form posts', async ({ page, ownWorkspace }) => {
    await page.goto(`/w/${ownWorkspace.slug}/kpis/import`);
    const template = await (await page.request.get(`/w/${ownWorkspace.slug}/kpis/template`)).text();
    const [header, first] = template.trim().split('\n');
    const row = first!.split(',');
    row[5] = '2019-06-01';
    row[6] = '7';
    await page.getByLabel('CSV file').setInputFiles({ name: 'v.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row.join(',')}`) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('New: 1, updated: 0, unchanged: 0');
    await page.getByRole('button', { name: 'Import 1 value' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('Imported. New: 1');
  });
});
