// The rules of read-only share links that need no I/O: what a token looks like, whether a link
// still opens, the cookie that proves a link's password was given (its name, its lifetime, its
// value's shape), and when the "last opened" time is worth writing again.

/** A token is 32 random bytes in base64url: 43 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isShareToken(value: string | undefined): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export type ShareLinkState = 'active' | 'expired' | 'revoked';

/** Whether a link opens at `now`: a revoked or expired link answers exactly like an unknown one. */
export function shareLinkState(link: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The "last opened" time is written at most once a minute per link: a busy link costs no write per view. */
export const LAST_OPENED_GRANULARITY_MS = 60 * 1000;

export function shouldStampOpened(lastOpenedAt: Date | null, now: Date): boolean {
  return !lastOpenedAt || now.getTime() - lastOpenedAt.getTime() >= LAST_OPENED_GRANULARITY_MS;
}

/** How long a right password keeps a browser in, unless the link expires sooner. */
export const UNLOCK_LIFETIME_MS = 12 * 3600 * 1000;

/**
 * The moment the proof of a password stops working: the proof's lifetime from `now`, or the link's
 * expiry when that comes first.
 */
export function unlockedUntil(now: Date, expiresAt: Date | null): Date {
  const until = now.getTime() + UNLOCK_LIFETIME_MS;
  return new Date(expiresAt ? Math.min(until, expiresAt.getTime()) : until);
}

/** The cookie proving the password of one link: named for the link, so each link has its own. */
export function unlockCookieName(linkId: string) {
  return `parcours_share_${linkId.replace(/-/g, '')}`;
}

/** The cookie's value: the end of its validity (seconds since 1970) and a MAC over it, "<until>.<mac>". */
export function formatUnlockProof(untilSeconds: number, mac: string) {
  return `${untilSeconds}.${mac}`;
}

/** Reads "<until>.<mac>"; null for anything else. */
export function parseUnlockProof(value: string | undefined | null): { untilSeconds: number; mac: string } | null {
  if (!value) return null;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  return { untilSeconds: Number(match[1]), mac: match[2]! };
}

/** One value of a Cookie header by name (the first, as browsers send the most specific first). */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
