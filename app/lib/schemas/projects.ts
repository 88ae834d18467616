// Forms of the projects feature, shared by the actions and the components. People type percentages
// ("8", "12,5" in French); the database and the domain keep fractions ('0.08'). Schemas that read
// numbers are built for the workspace locale.
import { z } from 'zod';
import { dec, toDecimalString, type NumberLocale } from '~/domain/decimal';
import { MAX_HORIZON_YEARS, RANK_KEYS } from '~/domain/business-case';
import { COST_KINDS, PROJECT_STATUSES } from '~/domain/vocabulary';
import type { SummaryQuery } from '~/lib/summary-search';
import { IsoDateSchema, moneyField, nameSchema, parsePercent, percentField, UuidSchema, VersionSchema } from '~/domain/fields';

export { moneyField, parsePercent };

/** A fraction as a person types it back: '0.125' -> '12.5' ('12,5' in French). */
export function percentInput(fraction: string, locale: NumberLocale): string {
  const s = toDecimalString(dec(fraction).times(100), 6);
  return locale === 'fr' ? s.replace('.', ',') : s;
}

/**
 * Ramp-up typed as percentages per year separated by "/" or ";" ("50 / 100 / 100"). Empty means
 * 100 % every year; entries beyond the horizon are dropped; each entry must be 0..100.
 * Returns the fractions, or an error key.
 */
export function parseRampUp(input: string, locale: NumberLocale, horizonYears: number): { ok: true; value: string[] } | { ok: false; error: string } {
  const text = input.trim();
  if (text === '') return { ok: true, value: [] };
  const parts = text.split(/[/;|]/).map((p) => p.trim());
  const value: string[] = [];
  for (const part of parts.slice(0, horizonYears)) {
    const fraction = parsePercent(part, locale);
    if (fraction === null) return { ok: false, error: 'field.rampUp' };
    if (dec(fraction).lt(0) || dec(fraction).gt(1)) return { ok: false, error: 'field.range' };
    value.push(fraction);
  }
  return { ok: true, value };
}

/** The stored ramp-up as typed in the form ('0.5','1' -> "50 / 100"). */
export function rampUpInput(rampUp: readonly string[], locale: NumberLocale): string {
  return rampUp.map((f) => percentInput(f, locale)).join(' / ');
}

const intField = (min: number, max: number) =>
  z.coerce
    .number({ required_error: 'field.required', invalid_type_error: 'field.integer' })
    .int('field.integer')
    .min(min, 'field.range')
    .max(max, 'field.range');

export const IdSchema = UuidSchema;

export const ProjectDetailsFields = {
  name: nameSchema(120),
  description: z.string().trim().max(4000, 'field.tooLong').default(''),
  ownerId: z.string().max(100).optional(),
  status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: 'field.choose' }) }),
  startDate: IsoDateSchema.optional(),
};

export const ProjectCreateSchema = z.object({ intent: z.literal('create'), ...ProjectDetailsFields });

export const ProjectDetailsSchema = z.object({ intent: z.literal('details'), version: VersionSchema, ...ProjectDetailsFields });

export function projectAssumptionsSchema(locale: NumberLocale) {
  return z
    .object({
      intent: z.literal('assumptions'),
      version: VersionSchema,
      horizonYears: intField(1, MAX_HORIZON_YEARS),
      discountRate: percentField(locale, 0, 100),
      confidence: percentField(locale, 0, 100),
      rampUp: z.string().default(''),
    })
    .transform((v, ctx) => {
      const ramp = parseRampUp(v.rampUp, locale, v.horizonYears);
      if (!ramp.ok) {
        ctx.addIssue({ code: 'custom', path: ['rampUp'], message: ramp.error });
        return z.NEVER;
      }
      return { ...v, rampUp: ramp.value };
    });
}

export function costSchema(locale: NumberLocale) {
  return z.object({
    intent: z.enum(['addCost', 'updateCost']),
    costId: IdSchema.optional(),
    label: nameSchema(120),
    kind: z.enum(COST_KINDS, { errorMap: () => ({ message: 'field.choose' }) }),
    amount: moneyField(locale),
    year: intField(0, MAX_HORIZON_YEARS).optional(),
  });
}

export const DeleteCostSchema = z.object({ intent: z.literal('deleteCost'), costId: IdSchema });

/** The attribution share of a link, typed as a percentage (100 % when left out). */
const shareField = (locale: NumberLocale) => percentField(locale, 0, 100).default('100');

/** Linking a KPI from the business case (`link`), or changing a linked KPI's share (`share`). */
export function linkSchema(locale: NumberLocale) {
  return z.object({
    intent: z.enum(['link', 'share']),
    kpiId: IdSchema,
    share: shareField(locale),
  });
}

/** Linking the KPI of its settings page to a project: the same link, asked from the other side. */
export function linkProjectSchema(locale: NumberLocale) {
  return z.object({
    intent: z.literal('linkProject'),
    projectId: z.string({ required_error: 'field.choose' }).uuid('field.choose'),
    share: shareField(locale),
  });
}

export const UnlinkSchema = z.object({ intent: z.literal('unlink'), kpiId: IdSchema });

export const ArchiveSchema = z.object({ intent: z.enum(['archive', 'restore']), version: VersionSchema });

export interface AssumptionFractions {
  horizonYears: number;
  discountRate: string;
  confidence: string;
  rampUp: string[];
}

export interface AssumptionDraft {
  horizonYears: string;
  discountRate: string;
  confidence: string;
  rampUp: string;
}

/**
 * The what-if panel's assumptions as typed so far: each field that reads as a valid value replaces
 * the saved one, an invalid one keeps the saved value (and is listed in `invalid`), so the figures
 * never show NaN while someone is typing.
 */
export function draftAssumptions(
  draft: AssumptionDraft,
  saved: AssumptionFractions,
  locale: NumberLocale,
): { value: AssumptionFractions; invalid: (keyof AssumptionDraft)[] } {
  const invalid: (keyof AssumptionDraft)[] = [];
  const horizonText = draft.horizonYears.trim();
  let horizonYears = saved.horizonYears;
  if (/^\d+$/.test(horizonText) && Number(horizonText) >= 1 && Number(horizonText) <= MAX_HORIZON_YEARS) horizonYears = Number(horizonText);
  else invalid.push('horizonYears');
  const percent = (key: 'discountRate' | 'confidence') => {
    const fraction = parsePercent(draft[key], locale);
    if (fraction === null || dec(fraction).lt(0) || dec(fraction).gt(1)) {
      invalid.push(key);
      return saved[key];
    }
    return fraction;
  };
  const discountRate = percent('discountRate');
  const confidence = percent('confidence');
  const ramp = parseRampUp(draft.rampUp, locale, horizonYears);
  if (!ramp.ok) invalid.push('rampUp');
  return { value: { horizonYears, discountRate, confidence, rampUp: ramp.ok ? ramp.value : saved.rampUp.slice(0, horizonYears) }, invalid };
}

/** The saved assumptions as the what-if form shows them. */
export function assumptionDraft(saved: AssumptionFractions, locale: NumberLocale): AssumptionDraft {
  return {
    horizonYears: String(saved.horizonYears),
    discountRate: percentInput(saved.discountRate, locale),
    confidence: percentInput(saved.confidence, locale),
    rampUp: rampUpInput(saved.rampUp, locale),
  };
}

const RankKeySchema = z.enum(RANK_KEYS);

/** A page number of the summary's ranking: a whole number from 1 (the server clamps it to the last page). */
const PageSchema = z.coerce.number().int().min(1).max(1_000_000);

/** The summary's GET parameters; anything unknown falls back to the defaults (links stay shareable). */
export function summaryQuery(params: URLSearchParams): SummaryQuery {
  const sort = RankKeySchema.safeParse(params.get('sort'));
  const status = z.enum(PROJECT_STATUSES).safeParse(params.get('status'));
  const page = PageSchema.safeParse(params.get('page') ?? undefined);
  return { sort: sort.success ? sort.data : 'npv', status: status.success ? status.data : undefined, page: page.success ? page.data : 1 };
}
