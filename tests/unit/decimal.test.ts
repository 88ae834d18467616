import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { dec, isDecimalString, parseLocaleDecimal, sum, toDecimalString, toFixedString, trimDecimal, type NumberLocale } from '../../app/domain/decimal';

describe('dec and sum', () => {
  it('adds decimals exactly where floats would drift', () => {
    expect(sum('0.1', '0.2').toFixed()).toBe('0.3');
    expect(sum().toFixed()).toBe('0');
    expect(sum('50000.00', 0.5, dec('-0.5')).toFixed()).toBe('50000');
  });

  it('divides with its own precision, whatever the global big.js settings are', () => {
    const saved = Big.DP;
    Big.DP = 2;
    try {
      expect(dec(1).div(3).toFixed()).toBe('0.33333333333333333333');
      expect(dec(new Big('1')).div(3).toFixed()).toBe('0.33333333333333333333');
    } finally {
      Big.DP = saved;
    }
  });

  it('throws on a value that is not a number', () => {
    expect(() => dec('abc')).toThrow();
  });
});

describe('toFixedString', () => {
  it.each([
    ['257078.6973530458', 2, '257078.70'],
    ['85770.9698724788', 2, '85770.97'],
    ['0.005', 2, '0.01'],
    ['-0.005', 2, '-0.01'],
    ['-0.001', 2, '0.00'],
    ['12', 1, '12.0'],
    ['12.9892473118', 1, '13.0'],
  ])('%s at %i dp is %s', (x, dp, expected) => {
    expect(toFixedString(x, dp)).toBe(expected);
  });
});

describe('toDecimalString', () => {
  it.each([
    ['1.50', undefined, '1.5'],
    [dec(1).div(3), undefined, '0.3333333333'],
    [dec(2).div(3), 4, '0.6667'],
    ['1e25', undefined, '10000000000000000000000000'],
    ['1e-12', undefined, '0'],
    ['-0.00000000001', undefined, '0'],
    ['-12.5', undefined, '-12.5'],
  ])('%s (max %s dp) is %s', (x, dp, expected) => {
    expect(toDecimalString(x, dp)).toBe(expected);
  });
});

describe('isDecimalString', () => {
  it.each([
    ['-12', true],
    ['12.5', true],
    ['0.001', true],
    ['50000.00', true],
    ['0', true],
    ['1e5', false],
    ['', false],
    ['abc', false],
    ['1,5', false],
    ['12.', false],
    ['.5', false],
    ['+1', false],
    [' 1', false],
    ['1 000', false],
    ['--1', false],
  ])('%j -> %s', (s, expected) => {
    expect(isDecimalString(s)).toBe(expected);
  });
});

describe('parseLocaleDecimal', () => {
  it.each<[string, NumberLocale, string]>([
    ['1,5', 'fr', '1.5'],
    ['1,5', 'en', '1.5'],
    ['1 234,56', 'fr', '1234.56'],
    ['1\u202f234,56', 'fr', '1234.56'],
    ['1\u00a0234\u00a0567,8', 'fr', '1234567.8'],
    ['1,234.56', 'en', '1234.56'],
    ['1,234.56', 'fr', '1234.56'],
    ['1.234,56', 'en', '1234.56'],
    // The ambiguous shape: a single comma followed by exactly three digits.
    ['1,234', 'en', '1234'],
    ['1,234', 'fr', '1.234'],
    ['12,500', 'en', '12500'],
    ['12,500', 'fr', '12.5'],
    // Not ambiguous: no valid leading group, or not three digits after the comma.
    ['0,125', 'en', '0.125'],
    ['1234,567', 'en', '1234.567'],
    ['1,25', 'en', '1.25'],
    ['1,234,567', 'en', '1234567'],
    ['1,234,567', 'fr', '1234567'],
    ['8.5', 'fr', '8.5'],
    ['1.234', 'fr', '1.234'],
    ['1.234.567', 'fr', '1234567'],
    ['-12', 'en', '-12'],
    ['\u22123,5', 'fr', '-3.5'],
    ['+7', 'en', '7'],
    [',5', 'fr', '0.5'],
    ['.5', 'en', '0.5'],
    ['  42  ', 'en', '42'],
    ['007', 'en', '7'],
    ['-0', 'en', '0'],
    ['12.50', 'en', '12.5'],
    ['- 1 234,5', 'fr', '-1234.5'],
  ])('%j in %s reads %s', (input, locale, expected) => {
    expect(parseLocaleDecimal(input, locale)).toBe(expected);
  });

  it.each<[string, NumberLocale]>([
    ['', 'en'],
    ['   ', 'fr'],
    ['abc', 'en'],
    ['1e5', 'en'],
    ['12.', 'en'],
    ['12,', 'fr'],
    ['1,2,3', 'en'],
    ['1,23,456', 'en'],
    ['1.234,5.6', 'fr'],
    ['1,234.5,6', 'en'],
    ['1..2', 'en'],
    ['1 23', 'fr'],
    ['1234 567', 'fr'],
    ['12 345 6', 'fr'],
    ['--1', 'en'],
    ['1-2', 'en'],
    ['-', 'en'],
    ['12 €', 'fr'],
  ])('%j in %s is not a number', (input, locale) => {
    expect(parseLocaleDecimal(input, locale)).toBeNull();
  });
});

describe('trimDecimal', () => {
  it.each([
    ['42.000000', '42'],
    ['42.500000', '42.5'],
    ['-0.010000', '-0.01'],
    ['100', '100'],
    [null, null],
  ] as const)('%j -> %j', (stored, shown) => {
    expect(trimDecimal(stored)).toBe(shown);
  });
});
