// Display formatting through Intl, in the workspace's locale and currency. Values arrive as exact
// decimal strings; Intl formats strings without going through binary floats.
type Numeric = string | number;

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

// Intl accepts decimal strings at runtime (exact), though TypeScript's lib only declares numbers.
const asIntl = (value: Numeric) => value as unknown as number;

export function formatMoney(value: Numeric, currency: string, locale: string, fractionDigits = 0) {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(asIntl(value));
}

export function formatNumber(value: Numeric, locale: string, maximumFractionDigits = 2) {
  return numberFormat(locale, { maximumFractionDigits }).format(asIntl(value));
}

/** A fraction ('0.8') as a percentage ('80 %'). */
export function formatPercent(fraction: Numeric, locale: string, maximumFractionDigits = 1) {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(asIntl(fraction));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date ('2026-03-29': a value's date, a target date, a project start) as the locale
 * writes it. It is the same day wherever it is read, so no time zone applies. */
export function formatDate(isoDate: string, locale: string, style: 'medium' | 'short' | 'long' = 'medium') {
  return dateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A calendar month ('2026-03') as the locale names it ("Mar 2026", "mars 2026"). */
export function formatMonth(period: string, locale: string) {
  return dateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period.slice(0, 7)}-01T00:00:00Z`));
}

// Instants (a time something happened) are shown in the workspace's time zone, passed explicitly
// so that the server render and the browser agree whatever zone either of them runs in.

/** The day on which an instant falls in the workspace's time zone. */
export function formatDayOf(instant: string | Date, locale: string, timeZone: string, style: 'medium' | 'short' | 'long' = 'medium') {
  return dateTimeFormat(locale, { dateStyle: style, timeZone }).format(new Date(instant));
}

/** An instant with its time, in the workspace's time zone, and said so ("UTC+2"). (dateStyle cannot
 * be combined with timeZoneName, hence the explicit fields.) */
export function formatDateTime(instant: string | Date, locale: string, timeZone: string) {
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'AUD'] as const;

/** The measure units Intl names itself in every language (CLDR), with their plural forms. Others
 * (pts, count, currency, free text) are labelled by the interface. */
const INTL_UNITS: Readonly<Record<string, string>> = { '%': 'percent', seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };

export type UnitDisplay = 'short' | 'long';

/** The Intl unit of a measure unit, or null when Intl has none. */
export function intlUnitOf(unit: string): string | null {
  return Object.hasOwn(INTL_UNITS, unit) ? INTL_UNITS[unit]! : null;
}

/** A number with an Intl unit: "12 s" / "12 secondes" in French, "12 sec" / "12 seconds" in English. */
export function formatUnit(value: Numeric, intlUnit: string, locale: string, display: UnitDisplay = 'short', maximumFractionDigits = 2) {
  return numberFormat(locale, { style: 'unit', unit: intlUnit, unitDisplay: display, maximumFractionDigits }).format(asIntl(value));
}

/** Intl's name of a unit on its own, agreeing with a count: "secondes" (2), "seconde" (1), "s". */
export function intlUnitName(intlUnit: string, locale: string, display: UnitDisplay = 'short', count: Numeric = 2) {
  return numberFormat(locale, { style: 'unit', unit: intlUnit, unitDisplay: display })
    .formatToParts(asIntl(count))
    .filter((part) => part.type === 'unit')
    .map((part) => part.value)
    .join('')
    .trim();
}
