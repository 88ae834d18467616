import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '~/lib/format';
import { safeRedirect } from '~/lib/schemas/auth';
import { CurrencySchema } from '~/lib/schemas/workspace';

// Intl uses narrow no-break spaces in French; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting through Intl', () => {
  it.each([
    ['50000', 'EUR', 'fr', 0, '50 000 €'],
    ['50000', 'EUR', 'en', 0, '€50,000'],
    ['257078.695', 'EUR', 'en', 2, '€257,078.70'],
    ['-9200', 'USD', 'en', 0, '-$9,200'],
    ['0.1', 'CHF', 'fr', 2, '0,10 CHF'],
  ])('money %s %s in %s', (value, currency, locale, digits, expected) => {
    expect(plain(formatMoney(value, currency, locale, digits))).toBe(expected);
  });

  it('formats decimal strings exactly, beyond float precision', () => {
    expect(formatNumber('12345678901234567.25', 'en', 2)).toBe('12,345,678,901,234,567.25');
    expect(plain(formatNumber('8.5', 'fr'))).toBe('8,5');
  });

  it('formats times in UTC, saying so, in both languages', () => {
    expect(plain(formatDateTime('2026-11-25T15:09:00Z', 'en'))).toBe('Nov 25, 2026, 03:09 PM UTC');
    expect(plain(formatDateTime(new Date('2026-11-25T15:09:00Z'), 'fr'))).toBe('25 nov. 2026, 15:09 UTC');
  });

  it('formats fractions as percentages', () => {
    expect(plain(formatPercent('2.3777777778', 'en'))).toBe('237.8%');
    expect(plain(formatPercent('0.8', 'fr'))).toBe('80 %');
  });
});

describe('form rules shared by forms and actions', () => {
  it.each([
    ['/w/demo', '/w/demo'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('safeRedirect(%s) is %s', (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it.each([
    ['eur', true],
    ['USD', true],
    ['EURO', false],
    ['XYZ', false],
    ['', false],
  ])('currency %s valid: %s', (code, valid) => {
    expect(CurrencySchema.safeParse(code).success).toBe(valid);
  });
});
