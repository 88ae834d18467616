import { describe, expect, it } from 'vitest';
import { avatarColour, initialsOf } from '~/domain/presence';

describe('avatars', () => {
  it.each([
    ['Léa Durand', 'LD'],
    ['camille', 'C'],
    ['Jean-Luc  Picard', 'JP'],
    ['Anne Marie de la Tour', 'AT'],
    ['  ', '?'],
    ['Élodie éclair', 'ÉÉ'],
    ['𝒜lice Bob', '𝒜B'],
  ])('%s shows as %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('take their colour from the id: the same person always the same, dark enough for white text', () => {
    expect(avatarColour('user-1')).toBe(avatarColour('user-1'));
    const colours = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => avatarColour(`user-${id}`)));
    expect(colours.size).toBeGreaterThan(4);
    for (const colour of colours) expect(colour).toMatch(/^hsl\(\d{1,3} 45% 30%\)$/);
  });
});
