import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatUnlockProof,
  isShareToken,
  LAST_OPENED_GRANULARITY_MS,
  parseUnlockProof,
  readCookie,
  shareLinkState,
  shouldStampOpened,
  UNLOCK_LIFETIME_MS,
  unlockCookieName,
  unlockedUntil,
} from '~/domain/share-links';

const NOW = new Date('2026-12-03T12:00:00Z');

describe('isShareToken', () => {
  it('takes 32 random bytes in base64url, whatever they are', () => {
    for (let i = 0; i < 50; i++) expect(isShareToken(randomBytes(32).toString('base64url'))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['undefined', undefined],
    ['too short', 'a'.repeat(42)],
    ['too long', 'a'.repeat(44)],
    ['base64 padding', `${'a'.repeat(42)}=`],
    ['a slash', `${'a'.repeat(42)}/`],
    ['a path', '../../etc/passwd'],
    ['SQL', "' or '1'='1"],
  ])('refuses %s', (_name, value) => {
    expect(isShareToken(value)).toBe(false);
  });
});

describe('shareLinkState', () => {
  it.each([
    ['no expiry', { expiresAt: null, revokedAt: null }, 'active'],
    ['expiring later', { expiresAt: new Date(NOW.getTime() + 1000), revokedAt: null }, 'active'],
    ['expiring now', { expiresAt: NOW, revokedAt: null }, 'expired'],
    ['expired', { expiresAt: new Date(NOW.getTime() - 1000), revokedAt: null }, 'expired'],
    ['revoked', { expiresAt: null, revokedAt: new Date(NOW.getTime() - 1000) }, 'revoked'],
    ['revoked and expired', { expiresAt: new Date(NOW.getTime() - 1000), revokedAt: new Date(NOW.getTime() - 1000) }, 'revoked'],
  ] as const)('%s: %s', (_name, link, state) => {
    expect(shareLinkState(link, NOW)).toBe(state);
  });
});

describe('shouldStampOpened', () => {
  it('writes the first opening, then at most once a minute', () => {
    expect(shouldStampOpened(null, NOW)).toBe(true);
    expect(shouldStampOpened(new Date(NOW.getTime() - 5_000), NOW)).toBe(false);
    expect(shouldStampOpened(new Date(NOW.getTime() - LAST_OPENED_GRANULARITY_MS + 1), NOW)).toBe(false);
    expect(shouldStampOpened(new Date(NOW.getTime() - LAST_OPENED_GRANULARITY_MS), NOW)).toBe(true);
  });
});

describe('unlockedUntil', () => {
  it('lasts the unlock lifetime, or until the link expires when that is sooner', () => {
    expect(unlockedUntil(NOW, null).getTime()).toBe(NOW.getTime() + UNLOCK_LIFETIME_MS);
    const later = new Date(NOW.getTime() + 2 * UNLOCK_LIFETIME_MS);
    expect(unlockedUntil(NOW, later).getTime()).toBe(NOW.getTime() + UNLOCK_LIFETIME_MS);
    const soon = new Date(NOW.getTime() + 60_000);
    expect(unlockedUntil(NOW, soon)).toEqual(soon);
  });
});

describe('the unlock cookie', () => {
  const id = '0f8c2a4e-1b2c-4d5e-8f90-123456789abc';
  const mac = 'A'.repeat(43);

  it('is named for its link, with characters a cookie name may hold', () => {
    expect(unlockCookieName(id)).toBe('parcours_share_0f8c2a4e1b2c4d5e8f90123456789abc');
    expect(unlockCookieName(id)).not.toBe(unlockCookieName('1f8c2a4e-1b2c-4d5e-8f90-123456789abc'));
  });

  it('reads back what it writes', () => {
    expect(parseUnlockProof(formatUnlockProof(1796342058, mac))).toEqual({ untilSeconds: 1796342058, mac });
  });

  it.each([null, undefined, '', 'abc', `1796342058.${'A'.repeat(42)}`, `x.${mac}`, `-1.${mac}`, `1796342058.${mac}.extra`, `1796342058;${mac}`])(
    'refuses %j',
    (value) => {
      expect(parseUnlockProof(value)).toBeNull();
    },
  );

  it('is found by exact name among the others in a Cookie header', () => {
    const header = `parcours_session=abc; ${unlockCookieName(id)}x=wrong; ${unlockCookieName(id)}=${formatUnlockProof(1, mac)}; other=1`;
    expect(readCookie(header, unlockCookieName(id))).toBe(formatUnlockProof(1, mac));
    expect(readCookie(header, 'missing')).toBeNull();
    expect(readCookie(null, 'x')).toBeNull();
  });
});
