import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayOf, formatMoney, formatNumber, formatPercent } from '~/lib/format';
import { dateInZone, endOfDayInZone, isTimeZone, startOfDayInZone, TIME_ZONES } from '~/lib/time-zone';
import { safeRedirect } from '~/lib/schemas/auth';
import { CurrencySchema, TimeZoneSchema } from '~/lib/schemas/workspace';

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

  it('formats times in the time zone it is given, saying so, in both languages', () => {
    expect(plain(formatDateTime('2026-11-25T15:09:00Z', 'en', 'UTC'))).toBe('Nov 25, 2026, 03:09 PM UTC');
    expect(plain(formatDateTime(new Date('2026-11-25T15:09:00Z'), 'fr', 'UTC'))).toBe('25 nov. 2026, 15:09 UTC');
    expect(plain(formatDateTime('2026-11-25T15:09:00Z', 'fr', 'Europe/Paris'))).toBe('25 nov. 2026, 16:09 UTC+1');
    expect(plain(formatDateTime('2026-11-25T15:09:00Z', 'en', 'America/New_York'))).toBe('Nov 25, 2026, 10:09 AM EST');
  });

  // Paris moves to summer time at 01:00 UTC on 29 March 2026 (02:00 local becomes 03:00).
  it.each([
    ['2026-03-29T00:30:00Z', 'fr', '29 mars 2026, 01:30 UTC+1'],
    ['2026-03-29T01:30:00Z', 'fr', '29 mars 2026, 03:30 UTC+2'],
    ['2026-03-29T01:30:00Z', 'en', 'Mar 29, 2026, 03:30 AM GMT+2'],
    ['2026-10-25T00:30:00Z', 'fr', '25 oct. 2026, 02:30 UTC+2'],
    ['2026-10-25T01:30:00Z', 'fr', '25 oct. 2026, 02:30 UTC+1'],
  ])('formats %s in Europe/Paris (%s) across the clock change as %s', (instant, locale, expected) => {
    expect(plain(formatDateTime(instant, locale, 'Europe/Paris'))).toBe(expected);
  });

  it('gives the day an instant falls on in the zone, and calendar dates as they are written', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris, still 31 December in Montreal.
    expect(formatDayOf('2026-12-31T23:30:00Z', 'en', 'Europe/Paris')).toBe('Jan 1, 2027');
    expect(formatDayOf(new Date('2026-12-31T23:30:00Z'), 'fr', 'America/Toronto')).toBe('31 déc. 2026');
    // A date-only value is a calendar day: no zone moves it.
    expect(formatDate('2026-03-29', 'fr')).toBe('29 mars 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
  });

  it('does not depend on the zone of the process that formats', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(plain(formatDateTime('2026-03-29T01:30:00Z', 'fr', 'Europe/Paris'))).toBe('29 mars 2026, 03:30 UTC+2');
        expect(formatDate('2026-03-29', 'en')).toBe('Mar 29, 2026');
        expect(formatDayOf('2026-03-29T22:30:00Z', 'en', 'UTC')).toBe('Mar 29, 2026');
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('formats fractions as percentages', () => {
    expect(plain(formatPercent('2.3777777778', 'en'))).toBe('237.8%');
    expect(plain(formatPercent('0.8', 'fr'))).toBe('80 %');
  });
});

describe('the workspace time zone', () => {
  it('knows the IANA zones of Intl, and UTC', () => {
    expect(TIME_ZONES[0]).toBe('UTC');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Pariss')).toBe(false);
    expect(TimeZoneSchema.safeParse(' America/Toronto ').data).toBe('America/Toronto');
    expect(TimeZoneSchema.safeParse('GMT+2').success).toBe(false);
  });

  it.each([
    // instant, zone, the calendar day there
    ['2026-03-28T23:30:00Z', 'Europe/Paris', '2026-03-29'],
    ['2026-03-28T22:30:00Z', 'Europe/Paris', '2026-03-28'],
    ['2026-03-29T03:00:00Z', 'America/Toronto', '2026-03-28'],
    ['2026-03-29T03:00:00Z', 'UTC', '2026-03-29'],
  ])('%s is on %s the day %s', (instant, zone, day) => {
    expect(dateInZone(new Date(instant), zone)).toBe(day);
  });

  it.each([
    // day, zone, its first instant, its last instant
    ['2026-03-29', 'Europe/Paris', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'], // 23 hours long
    ['2026-10-25', 'Europe/Paris', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'], // 25 hours long
    ['2026-06-01', 'UTC', '2026-06-01T00:00:00.000Z', '2026-06-01T23:59:59.999Z'],
    ['2026-06-01', 'America/Toronto', '2026-06-01T04:00:00.000Z', '2026-06-02T03:59:59.999Z'],
    ['2026-06-01', 'Asia/Kolkata', '2026-05-31T18:30:00.000Z', '2026-06-01T18:29:59.999Z'],
  ])('%s in %s runs from %s to %s', (day, zone, start, end) => {
    expect(startOfDayInZone(day, zone).toISOString()).toBe(start);
    expect(endOfDayInZone(day, zone).toISOString()).toBe(end);
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
