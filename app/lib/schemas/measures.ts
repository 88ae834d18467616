// Form schemas of the measure library and of KPI settings, shared by the actions and the forms.
// Numbers are typed in the workspace locale ("8,5" in French) and leave as canonical decimal strings.
import { z } from 'zod';
import type { NumberLocale } from '~/domain/decimal';
import { STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import { canonicalUnit } from '~/domain/units';
import { FAMILIES, HEART_CATEGORIES, IMPACT_MODES, IMPACT_TYPES, TRENDS } from '~/domain/vocabulary';
import { decimalField, IsoDateSchema, nameSchema, UuidSchema, valueStepField, VersionSchema } from '~/domain/fields';

export { decimalField, IsoDateSchema };

const choose = { errorMap: () => ({ message: 'field.choose' }) };

const optionalText = (max: number) => z.string().trim().max(max, 'field.tooLong').optional();

/** "a, b ,c" -> ['a', 'b', 'c'] without empties or repeats. */
function list(raw: string | undefined) {
  return [
    ...new Set(
      (raw ?? '')
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 30);
}

export const MeasureNameSchema = nameSchema(120);

/** The measure's fields, without the cross-field rule (the API extends them for JSON). */
export function measureFields(locale: NumberLocale) {
  return z.object({
    name: MeasureNameSchema,
    description: z.string().trim().max(4000, 'field.tooLong').default(''),
    unit: nameSchema(30).transform(canonicalUnit),
    trend: z.enum(TRENDS, choose),
    valueAmount: decimalField(locale),
    valueStep: valueStepField(locale),
    impactType: z.enum(IMPACT_TYPES, choose).default('revenue'),
    ownerId: z.string().max(100).optional(),
    group: optionalText(80),
    tags: z.string().max(1000, 'field.tooLong').optional().transform(list),
    heartCategory: z.enum(HEART_CATEGORIES, choose).optional(),
    family: z.enum(FAMILIES, choose).optional(),
    gsmGoal: optionalText(500),
    gsmSignal: optionalText(500),
    systems: z.string().max(1000, 'field.tooLong').optional().transform(list),
    touchpoints: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(UuidSchema).max(200)),
  });
}

/** A value per step needs both its amount and its step. */
export function checkValueBoth(m: { valueAmount?: string; valueStep?: string }, ctx: z.RefinementCtx) {
  if ((m.valueAmount === undefined) !== (m.valueStep === undefined)) {
    const path = m.valueAmount === undefined ? 'valueAmount' : 'valueStep';
    ctx.addIssue({ code: 'custom', path: [path], message: 'measures.valueBoth' });
  }
}

export function measureSchema(locale: NumberLocale) {
  return measureFields(locale).superRefine(checkValueBoth);
}
export type MeasureInput = z.output<ReturnType<typeof measureSchema>>;

export function measureEditSchema(locale: NumberLocale) {
  return z.intersection(measureSchema(locale), z.object({ intent: z.literal('update'), version: VersionSchema }));
}

export const MeasureFiltersSchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  group: z.string().trim().max(80).optional().catch(undefined),
  tag: z.string().trim().max(80).optional().catch(undefined),
  heart: z.enum(HEART_CATEGORIES).optional().catch(undefined),
  family: z.enum(FAMILIES).optional().catch(undefined),
  owner: z.string().max(100).optional().catch(undefined),
  trend: z.enum(TRENDS).optional().catch(undefined),
  archived: z.enum(['1']).optional().catch(undefined),
});
export type MeasureFilters = z.output<typeof MeasureFiltersSchema>;

export function kpiSettingsSchema(locale: NumberLocale) {
  return z
    .object({
      intent: z.literal('settings'),
      version: VersionSchema,
      note: z.string().trim().max(2000, 'field.tooLong').default(''),
      baselineValue: decimalField(locale),
      baselineDate: IsoDateSchema.optional(),
      targetValue: decimalField(locale),
      targetDate: IsoDateSchema.optional(),
      impactMode: z.enum(IMPACT_MODES, choose).default('auto'),
      manualAmount: decimalField(locale),
      /** The current value, typed in the same form: recorded on `currentDate` when it changed. */
      currentValue: decimalField(locale),
      currentDate: IsoDateSchema.optional(),
    })
    .superRefine((k, ctx) => {
      if (k.impactMode === 'manual' && k.manualAmount === undefined) {
        ctx.addIssue({ code: 'custom', path: ['manualAmount'], message: 'field.required' });
      }
      if (k.currentValue !== undefined && k.currentDate === undefined) {
        ctx.addIssue({ code: 'custom', path: ['currentDate'], message: 'field.required' });
      }
    });
}

export function kpiValueSchema(locale: NumberLocale) {
  return z.object({
    intent: z.enum(['value', 'current']),
    date: IsoDateSchema.optional(),
    value: decimalField(locale).refine((v) => v !== undefined, 'field.required'),
    /** Set when editing an existing row (its date may change). */
    valueId: UuidSchema.optional(),
  });
}

export const NpsSchema = z.object({
  intent: z.literal('nps'),
  date: IsoDateSchema,
  answers: z.string().max(1_000_000, 'field.tooLong').optional(),
});

const STARTER_KEYS = STARTER_CATALOGUE.map((m) => m.key) as [string, ...string[]];

/** "Add standard measures": the catalogue keys ticked (none ticked is an empty list). */
export const StarterSchema = z.object({
  intent: z.literal('starter'),
  keys: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(STARTER_KEYS))),
});

export const MeasureArchiveSchema = z.object({ intent: z.enum(['archive', 'restore']) });
export const MeasureDeleteSchema = z.object({ intent: z.literal('delete') });
