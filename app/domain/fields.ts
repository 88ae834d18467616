// The field rules every input shares: forms, the CSV import and the map JSON import all read dates,
// ids, money, percentages, versions, value steps and names through these, so a rule is fixed once.
// Messages are keys in the "errors" namespace. Pure (zod and the decimal helpers only): it sits in
// domain/ so the file formats (CSV, map JSON) use it without domain/ importing lib/; the form
// schemas in lib/schemas build on it.
import { z } from 'zod';
import { dec, isDecimalString, parseLocaleDecimal, toDecimalString, type NumberLocale } from './decimal';

/** Dates outside these years are typing slips (0000-01-01, 9999-12-31), not plans. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** Versions are Postgres `integer`s. */
export const MAX_VERSION = 2_147_483_647;
/** Money and measure values are numeric(20,6): 14 integer digits and 6 decimals. */
export const STORED_SCALE = 6;
const MAX_ABS = dec('1e14');

// ---------------------------------------------------------------- predicates

/** A real calendar day written YYYY-MM-DD, between MIN_YEAR and MAX_YEAR. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type StoredDecimalError = 'field.number' | 'field.range';

/**
 * A number typed by a person (in the workspace locale) as it will be stored: rounded to the stored
 * scale, and refused when it is not a number or does not fit numeric(20,6).
 */
export function readStoredDecimal(input: string, locale: NumberLocale): { value: string } | { error: StoredDecimalError } {
  const parsed = parseLocaleDecimal(input, locale);
  if (parsed === null) return { error: 'field.number' };
  const value = toDecimalString(parsed, STORED_SCALE);
  if (dec(value).abs().gte(MAX_ABS)) return { error: 'field.range' };
  return { value };
}

/** A machine-written decimal (JSON files): plain notation that fits numeric(20,6) exactly. */
export function isStoredDecimalString(s: string): boolean {
  return isDecimalString(s) && /^-?\d{1,14}(\.\d{1,6})?$/.test(s);
}

/** A value step is a number of units: positive once stored (0.0000001 would be stored as 0). */
export function isPositiveStep(value: unknown): boolean {
  return typeof value === 'string' && isDecimalString(value) && dec(value).round(STORED_SCALE).gt(0);
}

/** "8", "8 %", "12,5" -> '0.08', '0.08', '0.125'; null when not a number. */
export function parsePercent(input: string, locale: NumberLocale): string | null {
  const cleaned = input.replace(/%/g, '').trim();
  if (cleaned === '') return null;
  const n = parseLocaleDecimal(cleaned, locale);
  return n === null ? null : toDecimalString(dec(n).div(100));
}

// ---------------------------------------------------------------- schemas

export const UuidSchema = z.string({ required_error: 'field.required', invalid_type_error: 'field.choose' }).uuid('field.choose');

export const IsoDateSchema = z.string({ required_error: 'field.required', invalid_type_error: 'field.date' }).trim().refine(isIsoDate, 'field.date');

/** The version a save was based on: a positive Postgres integer. */
export const VersionSchema = z.coerce
  .number({ required_error: 'field.required', invalid_type_error: 'field.integer' })
  .int('field.integer')
  .min(1, 'field.range')
  .max(MAX_VERSION, 'field.range');

/** Postgres text cannot hold a NUL; forms are checked when read, files field by field. */
export const hasNoNul = (s: string) => !s.includes('\0');

/** A name: trimmed, not blank, bounded. */
export const nameSchema = (max = 120) =>
  z
    .string({ required_error: 'field.required', invalid_type_error: 'field.required' })
    .trim()
    .min(1, 'field.required')
    .max(max, 'field.tooLong')
    .refine(hasNoNul, 'nulCharacter');

/** An optional number typed in the workspace locale, as stored; undefined when left empty. */
export function decimalField(locale: NumberLocale) {
  return z
    .string({ invalid_type_error: 'field.number' })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const read = readStoredDecimal(raw, locale);
      if ('error' in read) {
        ctx.addIssue({ code: 'custom', message: read.error });
        return z.NEVER;
      }
      return read.value;
    });
}

/** An optional value step (units per financial value): a number greater than 0 once stored. */
export function valueStepField(locale: NumberLocale) {
  return decimalField(locale).superRefine((value, ctx) => {
    // A refinement also sees what a failed transform left (not a string): that is already reported.
    if (typeof value === 'string' && !isPositiveStep(value)) ctx.addIssue({ code: 'custom', message: 'measures.stepPositive' });
  });
}

/** Money typed in the workspace locale: not negative, within numeric(20,6). */
export function moneyField(locale: NumberLocale, max = '1e13') {
  return z.string({ required_error: 'field.required', invalid_type_error: 'field.number' }).transform((s, ctx) => {
    const read = readStoredDecimal(s, locale);
    if ('error' in read) {
      ctx.addIssue({ code: 'custom', message: read.error });
      return z.NEVER;
    }
    if (dec(read.value).lt(0) || dec(read.value).gte(max)) {
      ctx.addIssue({ code: 'custom', message: 'field.range' });
      return z.NEVER;
    }
    return read.value;
  });
}

/** A percentage typed by a person ("12,5") between min and max, leaving as a fraction ('0.125'). */
export function percentField(locale: NumberLocale, min = 0, max = 100) {
  return z.string({ required_error: 'field.required', invalid_type_error: 'field.number' }).transform((s, ctx) => {
    const fraction = parsePercent(s, locale);
    if (fraction === null) {
      ctx.addIssue({ code: 'custom', message: 'field.number' });
      return z.NEVER;
    }
    if (dec(fraction).lt(min / 100) || dec(fraction).gt(max / 100)) {
      ctx.addIssue({ code: 'custom', message: 'field.range' });
      return z.NEVER;
    }
    return fraction;
  });
}

/** Machine-written decimals of the JSON format (no locale, no rounding). */
export const StoredDecimalSchema = z.string({ invalid_type_error: 'field.number' }).refine(isStoredDecimalString, 'field.number');
export const StoredStepSchema = z.string({ invalid_type_error: 'field.number' }).superRefine((s, ctx) => {
  if (!isStoredDecimalString(s)) ctx.addIssue({ code: 'custom', message: 'field.number' });
  else if (!isPositiveStep(s)) ctx.addIssue({ code: 'custom', message: 'measures.stepPositive' });
});
