import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalUnit, unitNameKey } from '~/domain/units';
import { UNITS } from '~/domain/vocabulary';

const unitNames = (lng: string) =>
  (JSON.parse(readFileSync(path.resolve(__dirname, `../../app/locales/${lng}/measures.json`), 'utf8')) as { unitNames: Record<string, string> }).unitNames;

describe('canonicalUnit', () => {
  it.each(['en', 'fr'])('reads back every unit name the %s form offers as its key', (lng) => {
    const names = unitNames(lng);
    expect(UNITS.map((u) => canonicalUnit(names[unitNameKey(u)]!))).toEqual([...UNITS]);
  });

  it('reads keys, short forms and any case; keeps a unit of one’s own as typed', () => {
    expect(canonicalUnit(' Secondes ')).toBe('seconds');
    expect(canonicalUnit('%')).toBe('%');
    expect(canonicalUnit('pts')).toBe('pts');
    expect(canonicalUnit('JOURS')).toBe('days');
    expect(canonicalUnit('appels traités')).toBe('appels traités');
  });
});
