// The prioritisation page: its URL (matrix axes, table order, page, status filter) and its forms
// (criteria for owners, a project's scores for editors), shared by the loader, the action and the
// components. Messages are keys in the "errors" namespace.
import { z } from 'zod';
import { dec, parseLocaleDecimal, type NumberLocale } from '~/domain/decimal';
import { UuidSchema, VersionSchema, nameSchema } from '~/domain/fields';
import { PRIORITY_SORT_KEYS, SORT_DIRECTIONS, defaultDirection, type PrioritySortKey, type SortDirection } from '~/domain/priorities';
import { CRITERION_DIRECTIONS, MAX_CRITERION_SCORE, MIN_CRITERION_SCORE, PROJECT_STATUSES, type ProjectStatus } from '~/domain/vocabulary';

// ---------------------------------------------------------------- the URL

/** The matrix's y axis: net present value or run-rate benefit (a year at full speed). */
export const MATRIX_VALUES = ['npv', 'benefit'] as const;
export type MatrixValue = (typeof MATRIX_VALUES)[number];
/** What a bubble's size shows: the project's confidence or its weighted score. */
export const BUBBLE_SIZES = ['confidence', 'score'] as const;
export type BubbleSize = (typeof BUBBLE_SIZES)[number];

export interface PrioritiesQuery {
  value: MatrixValue;
  size: BubbleSize;
  sort: PrioritySortKey;
  dir: SortDirection;
  page: number;
  status?: ProjectStatus;
}

/** Reads the page's search parameters; anything unknown falls back to its default (never an error). */
export function prioritiesQuery(params: URLSearchParams): PrioritiesQuery {
  const pick = <T extends string>(values: readonly [T, ...T[]], key: string) => {
    const parsed = z.enum(values).safeParse(params.get(key));
    return parsed.success ? parsed.data : undefined;
  };
  const sort = pick(PRIORITY_SORT_KEYS, 'sort') ?? 'npv';
  const page = Number(params.get('page') ?? '1');
  return {
    value: pick(MATRIX_VALUES, 'value') ?? 'npv',
    size: pick(BUBBLE_SIZES, 'size') ?? 'confidence',
    sort,
    dir: pick(SORT_DIRECTIONS, 'dir') ?? defaultDirection(sort),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    status: pick(PROJECT_STATUSES, 'status'),
  };
}

/** The search string of a query, defaults left out so URLs stay short. */
export function prioritiesSearch(query: PrioritiesQuery) {
  const params = new URLSearchParams();
  if (query.value !== 'npv') params.set('value', query.value);
  if (query.size !== 'confidence') params.set('size', query.size);
  if (query.status) params.set('status', query.status);
  if (query.sort !== 'npv') params.set('sort', query.sort);
  if (query.dir !== defaultDirection(query.sort)) params.set('dir', query.dir);
  if (query.page > 1) params.set('page', String(query.page));
  return params.toString();
}

// ---------------------------------------------------------------- criteria (owners)

export const MAX_CRITERIA = 12;

/** A weight as typed in the workspace locale ('1,5' in French): 0 to 100, at most two decimals. */
export function weightField(locale: NumberLocale) {
  return z.string({ required_error: 'field.required', invalid_type_error: 'field.number' }).transform((raw, ctx) => {
    const value = parseLocaleDecimal(raw, locale);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: 'field.number' });
      return z.NEVER;
    }
    if (dec(value).lt(0) || dec(value).gt(100) || !dec(value).round(2).eq(value)) {
      ctx.addIssue({ code: 'custom', message: 'priorities.weight' });
      return z.NEVER;
    }
    return value;
  });
}

const DirectionSchema = z.enum(CRITERION_DIRECTIONS, { errorMap: () => ({ message: 'field.choose' }) });

export function criterionSchema(locale: NumberLocale) {
  return z.discriminatedUnion('intent', [
    z.object({ intent: z.literal('createCriterion'), name: nameSchema(80), weight: weightField(locale), direction: DirectionSchema }),
    z.object({
      intent: z.literal('updateCriterion'),
      criterionId: UuidSchema,
      version: VersionSchema,
      name: nameSchema(80),
      weight: weightField(locale),
      direction: DirectionSchema,
    }),
  ]);
}

export const DeleteCriterionSchema = z.object({ intent: z.literal('deleteCriterion'), criterionId: UuidSchema });

// ---------------------------------------------------------------- scores (editors)

/** One criterion's score in a project's form: 1-5, or empty to clear it. */
const ScoreValueSchema = z.preprocess(
  (v) => (v === undefined || v === '' ? null : v),
  z.coerce
    .number({ invalid_type_error: 'priorities.score' })
    .int('priorities.score')
    .min(MIN_CRITERION_SCORE, 'priorities.score')
    .max(MAX_CRITERION_SCORE, 'priorities.score')
    .nullable(),
);

/** The version of the score the form showed; empty when the criterion had no score then. */
const SeenVersionSchema = z.preprocess((v) => (v === undefined || v === '' ? null : v), VersionSchema.nullable());

export const ScoreProjectSchema = z.object({
  intent: z.literal('score'),
  projectId: UuidSchema,
  scores: z
    .array(z.object({ criterionId: UuidSchema, score: ScoreValueSchema, version: SeenVersionSchema }))
    .max(MAX_CRITERIA, 'field.range')
    .default([])
    .refine((list) => new Set(list.map((s) => s.criterionId)).size === list.length, 'priorities.duplicateCriterion'),
});
export type ScoreProjectInput = z.infer<typeof ScoreProjectSchema>;
