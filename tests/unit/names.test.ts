import { describe, expect, it } from 'vitest';
import { normaliseEmail, slugify } from '~/domain/names';

describe('slugify', () => {
  it.each([
    ['Demo Telecom', 'demo-telecom'],
    ['Équipe Sérénité', 'equipe-serenite'],
    ['  --Ça va ? Oui !--  ', 'ca-va-oui'],
    ['a'.repeat(60), 'a'.repeat(40)],
    ['日本', 'workspace'],
    ['', 'workspace'],
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases, so one address is one account', () => {
    expect(normaliseEmail('  Claire.Martin@Example.COM ')).toBe('claire.martin@example.com');
  });
});
