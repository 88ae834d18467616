// The shared field rules, as tables: what each accepts (and as what) and what it refuses (and why).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  decimalField,
  IsoDateSchema,
  moneyField,
  nameSchema,
  percentField,
  StoredDecimalSchema,
  StoredStepSchema,
  UuidSchema,
  valueStepField,
  VersionSchema,
} from '~/domain/fields';

/** The parsed value, or the first message. */
function run(schema: z.ZodTypeAny, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? { ok: r.data } : { error: r.error.issues[0]!.message };
}

describe('ISO date', () => {
  it.each([
    ['2025-02-28', { ok: '2025-02-28' }],
    ['2024-02-29', { ok: '2024-02-29' }],
    [' 2025-01-31 ', { ok: '2025-01-31' }],
    ['1900-01-01', { ok: '1900-01-01' }],
    ['2200-12-31', { ok: '2200-12-31' }],
    ['2026-02-30', { error: 'field.date' }],
    ['2025-02-29', { error: 'field.date' }],
    ['0000-01-01', { error: 'field.date' }],
    ['9999-99-99', { error: 'field.date' }],
    ['9999-12-31', { error: 'field.date' }],
    ['1899-12-31', { error: 'field.date' }],
    ['2201-01-01', { error: 'field.date' }],
    ['2025-13-01', { error: 'field.date' }],
    ['2025-1-31', { error: 'field.date' }],
    ['31/01/2025', { error: 'field.date' }],
    ['', { error: 'field.date' }],
    [undefined, { error: 'field.required' }],
  ])('%j -> %j', (input, expected) => expect(run(IsoDateSchema, input)).toEqual(expected));
});

describe('uuid', () => {
  it.each([
    ['5b3c1f0e-8d5a-4c1e-9b7a-2f6d8e9a0b1c', true],
    ['not-a-uuid', false],
    ["1' or '1'='1", false],
    ['', false],
  ])('%j -> %s', (input, ok) => expect(UuidSchema.safeParse(input).success).toBe(ok));
});

describe('version', () => {
  it.each([
    ['1', { ok: 1 }],
    ['2147483647', { ok: 2147483647 }],
    ['2147483648', { error: 'field.range' }],
    ['0', { error: 'field.range' }],
    ['-1', { error: 'field.range' }],
    ['1.5', { error: 'field.integer' }],
    ['abc', { error: 'field.integer' }],
    ['NaN', { error: 'field.integer' }],
    ['1e99', { error: 'field.range' }],
  ])('%j -> %j', (input, expected) => expect(run(VersionSchema, input)).toEqual(expected));
});

describe('name', () => {
  it.each([
    ['  NPS  ', { ok: 'NPS' }],
    ['   ', { error: 'field.required' }],
    ['', { error: 'field.required' }],
    ['x'.repeat(121), { error: 'field.tooLong' }],
    [undefined, { error: 'field.required' }],
  ])('%j -> %j', (input, expected) => expect(run(nameSchema(120), input)).toEqual(expected));
});

describe('decimal typed by a person, as stored (numeric(20,6))', () => {
  it.each([
    ['8,5', 'fr', { ok: '8.5' }],
    ['1 234,5', 'fr', { ok: '1234.5' }],
    ['-3', 'en', { ok: '-3' }],
    ['0.1234567', 'en', { ok: '0.123457' }],
    ['99999999999999.999999', 'en', { ok: '99999999999999.999999' }],
    ['', 'en', { ok: undefined }],
    ['100000000000000', 'en', { error: 'field.range' }],
    ['99999999999999.9999999', 'en', { error: 'field.range' }],
    ['abc', 'en', { error: 'field.number' }],
    ['NaN', 'en', { error: 'field.number' }],
    ['Infinity', 'en', { error: 'field.number' }],
    ['1e5', 'en', { error: 'field.number' }],
    ['1,2,3', 'en', { error: 'field.number' }],
  ] as const)('%j (%s) -> %j', (input, locale, expected) => expect(run(decimalField(locale), input)).toEqual(expected));
});

describe('value step', () => {
  it.each([
    ['10', { ok: '10' }],
    ['0.000001', { ok: '0.000001' }],
    ['', { ok: undefined }],
    ['0', { error: 'measures.stepPositive' }],
    ['-5', { error: 'measures.stepPositive' }],
    ['0.0000001', { error: 'measures.stepPositive' }],
    ['abc', { error: 'field.number' }],
    ['NaN', { error: 'field.number' }],
    ['1e5', { error: 'field.number' }],
    ['1,2,3', { error: 'field.number' }],
  ])('%j -> %j', (input, expected) => expect(run(valueStepField('en'), input)).toEqual(expected));
});

describe('money', () => {
  it.each([
    ['60 000', 'fr', { ok: '60000' }],
    ['1,234.5', 'en', { ok: '1234.5' }],
    ['0', 'en', { ok: '0' }],
    ['-1', 'en', { error: 'field.range' }],
    ['10000000000000', 'en', { error: 'field.range' }],
    ['abc', 'en', { error: 'field.number' }],
    ['1e5', 'en', { error: 'field.number' }],
    ['', 'en', { error: 'field.number' }],
  ] as const)('%j (%s) -> %j', (input, locale, expected) => expect(run(moneyField(locale), input)).toEqual(expected));
});

describe('percentage', () => {
  it.each([
    ['8', { ok: '0.08' }],
    ['12,5 %', { ok: '0.125' }],
    ['0', { ok: '0' }],
    ['100', { ok: '1' }],
    ['101', { error: 'field.range' }],
    ['-1', { error: 'field.range' }],
    ['abc', { error: 'field.number' }],
    ['', { error: 'field.number' }],
  ])('%j -> %j', (input, expected) => expect(run(percentField('fr', 0, 100), input)).toEqual(expected));
});

describe('machine-written decimals and steps (JSON files)', () => {
  it.each([
    [StoredDecimalSchema, '42.5', { ok: '42.5' }],
    [StoredDecimalSchema, '-0.000001', { ok: '-0.000001' }],
    [StoredDecimalSchema, '0.0000001', { error: 'field.number' }],
    [StoredDecimalSchema, '123456789012345', { error: 'field.number' }],
    [StoredDecimalSchema, '1e5', { error: 'field.number' }],
    [StoredDecimalSchema, 'NaN', { error: 'field.number' }],
    [StoredDecimalSchema, 42, { error: 'field.number' }],
    [StoredStepSchema, '10', { ok: '10' }],
    [StoredStepSchema, '0', { error: 'measures.stepPositive' }],
    [StoredStepSchema, '-5', { error: 'measures.stepPositive' }],
    [StoredStepSchema, 'abc', { error: 'field.number' }],
  ] as const)('%#: %j -> %j', (schema, input, expected) => expect(run(schema, input)).toEqual(expected));
});
