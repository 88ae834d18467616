// KPI arithmetic: value per unit of a measure, gap to target, annual impact, status from the value
// history and realised benefit since a project started. Formulas are the ones in DESIGN.md.
import type Big from 'big.js';
import { dec, toDecimalString } from './decimal';
import type { ImpactMode, KpiStatus, Trend } from './vocabulary';

/** One entry of a KPI's value history; `date` is ISO ('2024-03-31', or a full timestamp). */
export interface ValuePoint {
  date: string;
  value: string;
}

type Maybe<T> = T | null | undefined;

function present(x: Maybe<string>): x is string {
  return x !== null && x !== undefined && x !== '';
}

/** +1 when higher is better, -1 when lower is better. */
export function trendSign(trend: Trend): 1 | -1 {
  return trend === 'up' ? 1 : -1;
}

function exactGap(current: Maybe<string>, target: Maybe<string>, trend: Trend): Big | null {
  if (!present(current) || !present(target)) return null;
  return dec(target).minus(current).times(trendSign(trend));
}

/** Money per unit of the measure: value_amount / value_step ("50,000 per 10 pts" is 5,000 per pt). */
export function valuePerUnit(valueAmount: Maybe<string>, valueStep: Maybe<string>): string | null {
  if (!present(valueAmount) || !present(valueStep) || dec(valueStep).eq(0)) return null;
  return toDecimalString(dec(valueAmount).div(valueStep));
}

/** Units still to gain, signed so that a positive gap is an improvement still to come. */
export function kpiGap(current: Maybe<string>, target: Maybe<string>, trend: Trend): string | null {
  const gap = exactGap(current, target, trend);
  return gap === null ? null : toDecimalString(gap);
}

export type ImpactReason =
  | 'no_financial_value' // the measure has no value_amount / value_step
  | 'missing_values' // current or target not entered
  | 'target_not_improvement' // gap <= 0: target met already, or set no better than today
  | 'manual_amount_missing'; // manual mode without an amount

export interface AnnualImpactInput {
  mode: ImpactMode;
  manualAmount?: Maybe<string>;
  current: Maybe<string>;
  target: Maybe<string>;
  trend: Trend;
  valueAmount: Maybe<string>;
  valueStep: Maybe<string>;
}

export interface AnnualImpact {
  /** Money per year; null when it cannot be computed (see `reason`). */
  amount: string | null;
  gap: string | null;
  vpu: string | null;
  reason?: ImpactReason;
}

export function annualImpact(input: AnnualImpactInput): AnnualImpact {
  const units = exactGap(input.current, input.target, input.trend);
  const gap = units === null ? null : toDecimalString(units);
  const vpu = valuePerUnit(input.valueAmount, input.valueStep);

  if (input.mode === 'manual') {
    return present(input.manualAmount)
      ? { amount: toDecimalString(input.manualAmount), gap, vpu }
      : { amount: null, gap, vpu, reason: 'manual_amount_missing' };
  }
  if (vpu === null || !present(input.valueAmount) || !present(input.valueStep)) {
    return { amount: null, gap, vpu, reason: 'no_financial_value' };
  }
  if (units === null) return { amount: null, gap, vpu, reason: 'missing_values' };
  if (units.lte(0)) return { amount: '0', gap, vpu, reason: 'target_not_improvement' };
  // Multiply before dividing so that "50,000 per 3 pts" times a gap of 3 is exactly 50,000.
  const amount = units.times(input.valueAmount).div(input.valueStep);
  return { amount: toDecimalString(amount), gap, vpu };
}

// Later entries for the same date replace earlier ones, as in the kpi_value table.
function byDate(history: readonly ValuePoint[]): ValuePoint[] {
  const latest = new Map<string, ValuePoint>();
  for (const point of history) latest.set(point.date, point);
  return [...latest.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The newest value by date, or null for an empty history. */
export function currentFromHistory(history: readonly ValuePoint[]): string | null {
  const sorted = byDate(history);
  return sorted.length ? sorted[sorted.length - 1].value : null;
}

/**
 * The newest value dated on or before `date`. Compared by calendar day, so a value recorded at any
 * time on the project's start day counts as on the start date.
 */
export function valueOnOrBefore(history: readonly ValuePoint[], date: string): string | null {
  const day = date.slice(0, 10);
  const eligible = byDate(history).filter((p) => p.date.slice(0, 10) <= day);
  return eligible.length ? eligible[eligible.length - 1].value : null;
}

export interface KpiStatusInput {
  /** Falls back to the newest value of `history` when null. */
  current: Maybe<string>;
  target: Maybe<string>;
  trend: Trend;
  history: readonly ValuePoint[];
}

export function kpiStatus({ current, target, trend, history }: KpiStatusInput): KpiStatus {
  const s = trendSign(trend);
  const now = present(current) ? current : currentFromHistory(history);
  if (present(now) && present(target) && dec(now).minus(target).times(s).gte(0)) return 'met';

  const sorted = byDate(history);
  if (sorted.length < 2) return 'no_trend';
  const newest = sorted[sorted.length - 1].value;
  const previous = sorted[sorted.length - 2].value;
  const move = dec(newest).minus(previous).times(s);
  return move.gt(0) ? 'on_track' : move.lt(0) ? 'off_track' : 'no_trend';
}

export interface RealisedBenefitInput {
  history: readonly ValuePoint[];
  /** Project start date; without one there is no baseline. */
  projectStart: Maybe<string>;
  trend: Trend;
  vpu: Maybe<string>;
  /** Attribution share as a fraction ('0.5' for 50 %). */
  share: string;
}

export interface RealisedBenefit {
  /** Newest value on or before the project start; null when none was recorded. */
  baseline: string | null;
  current: string | null;
  /** Units gained since the baseline, positive when the KPI moved the good way. */
  units: string | null;
  /** Realised run-rate (money per year); null without a baseline or a value per unit. */
  amount: string | null;
}

export function realisedBenefit(input: RealisedBenefitInput): RealisedBenefit {
  const current = currentFromHistory(input.history);
  const baseline = present(input.projectStart) ? valueOnOrBefore(input.history, input.projectStart) : null;
  if (baseline === null || current === null) return { baseline, current, units: null, amount: null };

  const units = dec(current).minus(baseline).times(trendSign(input.trend));
  const amount = present(input.vpu) ? toDecimalString(units.times(input.vpu).times(input.share)) : null;
  return { baseline, current, units: toDecimalString(units), amount };
}
