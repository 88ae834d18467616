import { describe, expect, it } from 'vitest';
import { safeRedirect } from '~/lib/schemas/auth';

describe('safeRedirect', () => {
  it.each([
    ['/account', '/account'],
    ['/w/demo/maps?tab=1#top', '/w/demo/maps?tab=1#top'],
    ['/invite/abc', '/invite/abc'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %j', (to, expected) => {
    expect(safeRedirect(to, '/home')).toBe(expected);
  });

  it.each([
    ['tab after the slash (browsers drop it: //evil)', '/\t/evil.example/'],
    ['newline after the slash', '/\n/evil.example/'],
    ['carriage return', '/\r/evil.example/'],
    ['NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007F/evil.example'],
    ['control character inside the path', '/account\u0001'],
    ['backslash', '/\\evil.example'],
    ['backslash later in the path', '/a\\b'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/phish'],
    ['absolute https', 'https://evil.example/'],
    ['absolute http to our own host name', 'http://parcours.test/account'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['relative without a slash', 'evil.example'],
    ['empty', ''],
    ['leading space', ' /account'],
    ['triple slash', '///evil.example'],
  ])('refuses %s', (_, to) => {
    expect(safeRedirect(to, '/home')).toBe('/home');
  });

  it('keeps percent-encoded characters as they are (the browser does not decode them into a host)', () => {
    // "/%09/evil" stays a path on our site: the tab is encoded, so there is no "//" to follow.
    const out = safeRedirect('/%09/evil.example', '/home');
    expect(new URL(out, 'http://parcours.test').origin).toBe('http://parcours.test');
    expect(out.startsWith('//')).toBe(false);
  });

  it('falls back on null and undefined', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined, '/x')).toBe('/x');
  });
});
