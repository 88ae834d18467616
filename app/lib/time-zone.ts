// The workspace's time zone: the IANA names this runtime's Intl knows (plus UTC, which
// Intl.supportedValuesOf leaves out), and the calendar day an instant falls on in a zone. Used by the
// settings schema, the server (what "today" is for a workspace) and the components.

/** Every zone a workspace may pick: UTC first, then the runtime's IANA zones in their own order. */
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

const KNOWN = new Set(TIME_ZONES);

export function isTimeZone(value: string) {
  return KNOWN.has(value);
}

/** The default zone of a new workspace before the browser says where its creator is. */
export function defaultTimeZone(locale: string) {
  return locale === 'fr' ? 'Europe/Paris' : 'UTC';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: "today" for a workspace. */
export function dateInZone(instant: Date, timeZone: string) {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD; formatToParts keeps this independent of that habit.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
