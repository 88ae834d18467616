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

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
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

/** Today's date in a time zone: what "today" is for a workspace. */
export function todayIn(timeZone: string) {
  return dateInZone(new Date(), timeZone);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string) {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clockFormats.set(timeZone, format);
  }
  const n = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const wallClock = Date.UTC(n.year!, n.month! - 1, n.day!, n.hour!, n.minute!, n.second!);
  return wallClock - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The first instant of a calendar day (YYYY-MM-DD) in a time zone. */
export function startOfDayInZone(isoDate: string, timeZone: string) {
  const midnight = Date.parse(`${isoDate}T00:00:00Z`);
  // The offset at the guess, then at the answer (they differ when a clock change falls in between).
  const guess = midnight - offsetAt(midnight, timeZone);
  return new Date(midnight - offsetAt(guess, timeZone));
}

/** The last instant of a calendar day in a time zone: "valid until that day" ends there. */
export function endOfDayInZone(isoDate: string, timeZone: string) {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(startOfDayInZone(next, timeZone).getTime() - 1);
}
