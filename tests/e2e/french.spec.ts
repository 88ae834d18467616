// French done right: a French reader sees no English UI string on the main screens, and the CSV files
// they download open as columns in French Excel (';' separated, decimal commas, French headers).
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, expect, test } from './fixtures';
import { firstLinkOn } from './helpers';

type Messages = Record<string, unknown>;
const LOCALES = join(process.cwd(), 'app/locales');

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Messages, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const literal = (message: string) =>
  message
    .replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Every English UI message that French says differently, as a pattern matching a whole rendered text
 * (interpolations become wildcards). Messages with no English word of their own ("{{count}} KPI",
 * "CSV", "NPS") are left out: they read the same in both languages.
 */
function englishOnlyMessages() {
  const patterns: { key: string; pattern: RegExp }[] = [];
  // A word both languages write alike in some message ("Import" is also the French noun) proves nothing.
  const french = new Set(
    readdirSync(join(LOCALES, 'fr')).flatMap((file) =>
      [...flatten(JSON.parse(readFileSync(join(LOCALES, 'fr', file), 'utf8')) as Messages).values()].map(literal),
    ),
  );
  for (const file of readdirSync(join(LOCALES, 'en'))) {
    const en = flatten(JSON.parse(readFileSync(join(LOCALES, 'en', file), 'utf8')) as Messages);
    const fr = flatten(JSON.parse(readFileSync(join(LOCALES, 'fr', file), 'utf8')) as Messages);
    for (const [key, message] of en) {
      const text = literal(message);
      if (!/[A-Za-z]{3,}/.test(text) || literal(fr.get(key) ?? '') === text || french.has(text)) continue;
      const source = message
        .trim()
        .split(/\{\{[^}]*\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
        .join('.+?');
      patterns.push({ key: `${file.replace('.json', '')}:${key}`, pattern: new RegExp(`^${source}$`) });
    }
  }
  return patterns;
}

// Words of English UI that French text never holds: a hard-coded string that skipped i18n shows here.
const ENGLISH_WORDS =
  /\b(the|and|with|your|this|from|Save|Cancel|Delete|Edit|Add|Move|Close|Loading|Show|Hide|Remove|Create|Update|Search|Back|Next|Previous|Settings|Stage|Lane|Card|Measure|Project|months?|days?|count)\b/;

/** The texts a reader meets: each element's own text, short elements' whole text, labels and titles. */
async function renderedTexts(page: Page) {
  return page.evaluate(() => {
    const texts = new Set<string>([document.title]);
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('script, style, template, svg')) continue;
      const own = clean(
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(' '),
      );
      if (own) texts.add(own);
      const whole = clean(el.textContent);
      if (whole && whole.length < 240) texts.add(whole);
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
        const value = clean(el.getAttribute(attribute));
        if (value) texts.add(value);
      }
      if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) texts.add(clean(el.value));
    }
    return [...texts];
  });
}

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the main screens of a French workspace show no English UI string', async ({ page, signInAs }) => {
    test.setTimeout(180_000);
    const english = englishOnlyMessages();
    expect(english.length).toBeGreaterThan(300);
    await signInAs('owner');
    const base = `/w/${DEMO.slug}`;
    const map = await firstLinkOn(page, `${base}/maps`, /\/maps\/[0-9a-f-]{36}$/);
    await page.goto(map);
    const kpi = await page.locator('main a[href*="/kpis/"]').first().getAttribute('href');
    const screens = [
      base,
      `${base}/maps`,
      map,
      kpi!,
      `${base}/personas`,
      `${base}/measures`,
      await firstLinkOn(page, `${base}/measures`, /\/measures\/[0-9a-f-]{36}$/),
      `${base}/projects`,
      await firstLinkOn(page, `${base}/projects`, /\/projects\/[0-9a-f-]{36}$/),
      `${base}/summary`,
      `${base}/activity`,
      `${base}/kpis/import`,
      `${base}/settings`,
      `${base}/settings/api`,
      `${base}/settings/webhooks`,
      '/account',
    ];
    const found: string[] = [];
    for (const path of screens) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      for (const text of await renderedTexts(page)) {
        const hit = english.find(({ pattern }) => pattern.test(text));
        if (hit) found.push(`${path}: "${text}" (${hit.key})`);
        else if (ENGLISH_WORDS.test(text)) found.push(`${path}: "${text}" (English word)`);
      }
    }
    expect(found).toEqual([]);
  });

  test('a French CSV export opens as columns: ";" separated, French headers, decimal commas', async ({ page, signInAs }) => {
    await signInAs('viewer');
    // Downloaded as a reader does: the summary's export button, the import page's current values.
    const files: { name: string; text: string }[] = [];
    for (const [path, link] of [
      [`/w/${DEMO.slug}/summary`, 'Exporter en CSV'],
      [`/w/${DEMO.slug}/kpis/import`, /valeurs actuelles/i],
    ] as const) {
      await page.goto(path);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
      files.push({ name: path, text: readFileSync((await download.path())!, 'utf8') });
    }
    const numbers: string[] = [];
    for (const { name, text } of files) {
      expect(text.startsWith('\uFEFF'), `${name} starts with a byte-order mark`).toBe(true);
      const { data } = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: 'greedy' });
      const [header, ...rows] = data;
      // Every line splits into as many columns as the header: French Excel shows a table, not one cell per line.
      expect(header!.length, name).toBeGreaterThan(3);
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(row.length, name).toBe(header!.length);
      expect(header!.join(' '), name).not.toMatch(/\b(value|target|project|measure|status)\b/i);
      numbers.push(...rows.flat().filter((cell) => /^-?\d+([.,]\d+)?$/.test(cell)));
    }
    expect(
      numbers.some((cell) => cell.includes(',')),
      'decimal commas',
    ).toBe(true);
    expect(
      numbers.filter((cell) => cell.includes('.')),
      'no decimal point',
    ).toEqual([]);
  });
});
