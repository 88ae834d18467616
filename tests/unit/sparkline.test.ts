import { describe, expect, it } from 'vitest';
import { sparklinePath } from '~/lib/sparkline';

describe('sparklinePath', () => {
  it.each([
    { values: [], expected: null },
    { values: ['32'], expected: null },
    // Two values rising: bottom-left to top-right, inside a 1px pad.
    { values: ['30', '40'], expected: 'M1 13L39 1' },
    // Falling: top-left to bottom-right.
    { values: [40, 30], expected: 'M1 1L39 13' },
    // Flat: across the middle.
    { values: ['5', '5', '5'], expected: 'M1 7L20 7L39 7' },
    // Decimal strings as stored (numeric(20, 6)), spread evenly, whole-number coordinates.
    { values: ['8.500000', '8.100000', '7.900000', '7.000000'], expected: 'M1 1L14 4L26 6L39 13' },
  ])('draws $values as $expected', ({ values, expected }) => {
    expect(sparklinePath(values, 40, 14)).toBe(expected);
  });

  it('skips values that are not numbers', () => {
    expect(sparklinePath(['1', 'n/a', '3'], 40, 14)).toBe('M1 13L39 1');
  });

  it('keeps every coordinate an integer inside the box, however many values', () => {
    const values = Array.from({ length: 8 }, (_, i) => Math.sin(i) * 1000 + 0.123456);
    const path = sparklinePath(values, 40, 14)!;
    const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(numbers).toHaveLength(16);
    for (const n of numbers) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(40);
    }
  });
});
