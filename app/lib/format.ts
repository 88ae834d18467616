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

export function formatDate(value: string | Date, locale: string, style: 'medium' | 'short' | 'long' = 'medium') {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: typeof value === 'string' && value.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(value: string | Date, locale: string) {
  // UTC, and said so, so that the server render and the browser agree. (dateStyle cannot be
  // combined with timeZoneName, hence the explicit fields.)
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(value));
}

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'AUD'] as const;
