// The scenarios form of a business case (low / base / high), shared by the action and the component.
// People type percentages and points ("-20", "70", "12,5" in French); the domain and the database
// keep fractions. Each kind carries the version it was read at (0: not saved yet, the default shown).
import { z } from 'zod';
import { MAX_HORIZON_YEARS, type ScenarioOverrides, type Scenarios } from '~/domain/business-case';
import { dec, toDecimalString, type NumberLocale } from '~/domain/decimal';
import { MAX_VERSION, parsePercent, percentField } from '~/domain/fields';
import { SCENARIO_KINDS, type ScenarioKind } from '~/domain/vocabulary';
import { parseRampUp, percentInput, rampUpInput } from './projects';

/** Bounds of each override, in percent (or points for the confidence shift). */
export const SCENARIO_BOUNDS = {
  confidenceShift: [-100, 100],
  costChange: [-100, 500],
  targetReach: [0, 200],
} as const;

const ScenarioVersionSchema = z.coerce
  .number({ required_error: 'field.required', invalid_type_error: 'field.integer' })
  .int('field.integer')
  .min(0, 'field.range')
  .max(MAX_VERSION, 'field.range');

function scenarioFields(locale: NumberLocale) {
  return z
    .object({
      version: ScenarioVersionSchema,
      confidenceShift: percentField(locale, ...SCENARIO_BOUNDS.confidenceShift),
      rampUp: z.string().default(''),
      costChange: percentField(locale, ...SCENARIO_BOUNDS.costChange),
      targetReach: percentField(locale, ...SCENARIO_BOUNDS.targetReach),
    })
    .transform((v, ctx) => {
      // Up to the longest horizon, so that a longer horizon tried in the what-if keeps its years.
      const ramp = parseRampUp(v.rampUp, locale, MAX_HORIZON_YEARS);
      if (!ramp.ok) {
        ctx.addIssue({ code: 'custom', path: ['rampUp'], message: ramp.error });
        return z.NEVER;
      }
      return { ...v, rampUp: ramp.value };
    });
}

export function scenariosSchema(locale: NumberLocale) {
  const fields = scenarioFields(locale);
  return z.object({ intent: z.literal('scenarios'), low: fields, base: fields, high: fields });
}

export type ScenariosInput = Record<ScenarioKind, ScenarioOverrides & { version: number }>;

export interface ScenarioDraft {
  confidenceShift: string;
  rampUp: string;
  costChange: string;
  targetReach: string;
}

/** A scenario as the form shows it ('-0.2' -> "-20"). */
export function scenarioDraft(o: ScenarioOverrides, locale: NumberLocale): ScenarioDraft {
  return {
    confidenceShift: percentInput(o.confidenceShift, locale),
    rampUp: rampUpInput(o.rampUp, locale),
    costChange: percentInput(o.costChange, locale),
    targetReach: percentInput(o.targetReach, locale),
  };
}

/**
 * The scenarios as typed so far (the figures follow the form before it is saved): a field that reads
 * as a valid value replaces the saved one, an invalid one keeps the saved value and is listed.
 */
export function draftScenarios(
  drafts: Record<ScenarioKind, ScenarioDraft>,
  saved: Scenarios,
  locale: NumberLocale,
): { value: Scenarios; invalid: `${ScenarioKind}.${keyof ScenarioDraft}`[] } {
  const invalid: `${ScenarioKind}.${keyof ScenarioDraft}`[] = [];
  const value = Object.fromEntries(
    SCENARIO_KINDS.map((kind) => {
      const draft = drafts[kind];
      const percent = (key: keyof typeof SCENARIO_BOUNDS) => {
        const [min, max] = SCENARIO_BOUNDS[key];
        const fraction = parsePercent(draft[key], locale);
        if (fraction === null || dec(fraction).lt(min / 100) || dec(fraction).gt(max / 100)) {
          invalid.push(`${kind}.${key}`);
          return saved[kind][key];
        }
        return toDecimalString(fraction, 6);
      };
      const ramp = parseRampUp(draft.rampUp, locale, MAX_HORIZON_YEARS);
      if (!ramp.ok) invalid.push(`${kind}.rampUp`);
      const o: ScenarioOverrides = {
        confidenceShift: percent('confidenceShift'),
        rampUp: ramp.ok ? ramp.value : saved[kind].rampUp,
        costChange: percent('costChange'),
        targetReach: percent('targetReach'),
      };
      return [kind, o];
    }),
  ) as Scenarios;
  return { value, invalid };
}
