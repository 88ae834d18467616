// Exact decimal arithmetic for money and measure values. Values travel as decimal strings (the way
// Postgres `numeric` returns them) and are computed with big.js, never with binary floats.
import Big from 'big.js';
import type { Locale } from './vocabulary';

export type DecimalInput = string | number | Big;

// A private constructor so that our precision settings never leak into (or depend on) other importers
// of big.js. DP only bounds division; every other operation is exact.
const D = Big();
D.DP = 20;
D.RM = Big.roundHalfUp;

/** Internal precision of results that involve a division (rates, discount factors, ratios). */
export const RESULT_DP = 10;

export function dec(x: DecimalInput): Big {
  return new D(x);
}

export function sum(...values: DecimalInput[]): Big {
  return values.reduce<Big>((acc, v) => acc.plus(v), new D(0));
}

// big.js prints "-0.00" for small negatives rounded to zero; users should never see a signed zero.
function unsignZero(s: string): string {
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Rounded (half away from zero) to exactly `dp` places, for display and CSV output. */
export function toFixedString(x: DecimalInput, dp: number): string {
  return unsignZero(dec(x).toFixed(dp, Big.roundHalfUp));
}

/**
 * Canonical decimal string: plain notation (never exponential), no trailing zeros, at most `maxDp`
 * places. This is what domain functions return.
 */
export function toDecimalString(x: DecimalInput, maxDp: number = RESULT_DP): string {
  return unsignZero(dec(x).round(maxDp, Big.roundHalfUp).toFixed());
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** A stored decimal's shortest exact text: numeric(20,6) comes back as "42.000000", this gives "42". */
export function trimDecimal<T extends string | null>(value: T): T {
  if (value === null || !value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '') as T;
}

/** Strict machine format: optional '-', digits, optional '.' and digits. No exponent, grouping or '+'. */
export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s);
}

/** The language whose number format is read and written ('8,5' in French). */
export type NumberLocale = Locale;

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

// A valid grouped integer part: '1,234', '12.345.678' (first group 1-3 digits without a leading zero).
function isGrouped(intPart: string, sep: string): boolean {
  return /^[1-9]\d{0,2}(?:G\d{3})+$/.test(intPart.split(sep).join('G'));
}

/**
 * Reads a number typed by a person (forms, CSV cells) and returns a canonical decimal string, or null
 * when it is not a number.
 *
 * - Spaces (including the no-break spaces `Intl` writes in French) group digits: '1 234,56'.
 * - When both '.' and ',' occur, the last one is the decimal separator: '1,234.56', '1.234,56'.
 * - Several commas (or several dots) are grouping: '1,234,567'. Groups must have three digits.
 * - A single '.' is a decimal point in both locales: French people rarely group with dots, while
 *   spreadsheet and system exports always write '8.5'.
 * - A single ',' is a decimal comma ('1,5', '0,125', '1234,567') except in the one ambiguous shape, a
 *   comma followed by exactly three digits after a valid leading group ('1,234', '12,500'): English
 *   reads that as grouping (1234), French as a decimal comma (1.234).
 */
export function parseLocaleDecimal(input: string, locale: NumberLocale): string | null {
  let s = input.trim().replace(/\u2212/g, '-');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1).trimStart();
  }
  const groups = s.split(/[\s\u00a0\u202f]+/);
  if (groups.length > 1) {
    const last = groups.length - 1;
    const wellGrouped = groups.every((g, i) => (i === 0 ? /^[1-9]\d{0,2}$/.test(g) : i < last ? /^\d{3}$/.test(g) : /^\d{3}(?:[.,]\d+)?$/.test(g)));
    if (!wellGrouped) return null;
    s = groups.join('');
  }
  const plain = readSeparators(s, locale);
  return plain === null ? null : unsignZero(dec((negative ? '-' : '') + plain).toFixed());
}

// Turns '1,234.5' into '1234.5' once spaces are gone; null when the separators make no sense.
function readSeparators(s: string, locale: NumberLocale): string | null {
  if (!/^[\d.,]+$/.test(s)) return null;
  const dots = count(s, '.');
  const commas = count(s, ',');
  let intPart = s;
  let fracPart: string | undefined;

  if (dots > 0 && commas > 0) {
    const decimalSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    if (count(s, decimalSep) > 1) return null;
    [intPart, fracPart] = s.split(decimalSep);
    if (!isGrouped(intPart, groupSep)) return null;
  } else if (dots + commas > 1) {
    if (!isGrouped(s, dots > 0 ? '.' : ',')) return null;
  } else if (dots + commas === 1) {
    const sep = dots > 0 ? '.' : ',';
    const englishGrouping = sep === ',' && locale === 'en' && isGrouped(s, ',');
    if (!englishGrouping) [intPart, fracPart] = s.split(sep);
  }

  intPart = intPart.replace(/[.,]/g, '');
  if (fracPart === undefined) return /^\d+$/.test(intPart) ? intPart : null;
  if (!/^\d+$/.test(fracPart) || !/^\d*$/.test(intPart)) return null; // '12.' is a slip, not 12
  return `${intPart || '0'}.${fracPart}`;
}
