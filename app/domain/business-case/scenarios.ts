// Scenarios and sensitivity of one business case, all through computeBusinessCase so that every
// figure is the one formula of DESIGN.md on other inputs:
//   applyScenario   low / base / high overrides (confidence shift, ramp-up, costs +/- %, target reach)
//   tornado         NPV when each assumption is moved -20 % and +20 %, sorted by swing
//   breakEvens      per linked KPI, the target reach at which NPV is still >= 0 (bisection, exact)
// Inputs are the what-if panel's, so the browser recomputes all of it as the assumptions are typed.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from '../decimal';
import { SCENARIO_KINDS, type ScenarioKind } from '../vocabulary';
import { computeBusinessCase, type BusinessCase, type BusinessCaseInput } from './cash-flows';

/** One scenario: how it departs from the project's own assumptions (fractions as decimal strings). */
export interface ScenarioOverrides {
  /** Added to the confidence ('-0.2' for -20 points); the result is kept within 0..100 %. */
  confidenceShift: string;
  /** Ramp-up for years 1..H replacing the project's; empty: the project's own. Missing years run at 100 %. */
  rampUp: readonly string[];
  /** Every cost scaled by 1 + costChange ('0.2' for +20 %, '-0.1' for -10 %). */
  costChange: string;
  /** Share of each KPI's gap actually gained ('1': the full gap, '0.7': 70 % of it); scales each KPI's impact. */
  targetReach: string;
}

export type Scenarios = Record<ScenarioKind, ScenarioOverrides>;

/** The project as it is: what the base case is until someone edits it. */
export const NEUTRAL_SCENARIO: ScenarioOverrides = { confidenceShift: '0', rampUp: [], costChange: '0', targetReach: '1' };

/**
 * The cases shown while none is saved. Low: confidence -20 points, costs +20 %, 70 % of each KPI's
 * gap gained. Base: the project as saved. High: confidence +10 points (at most 100 %), costs -10 %,
 * 110 % of each gap gained. Ramp-up is the project's in all three.
 */
export const DEFAULT_SCENARIOS: Scenarios = {
  low: { confidenceShift: '-0.2', rampUp: [], costChange: '0.2', targetReach: '0.7' },
  base: NEUTRAL_SCENARIO,
  high: { confidenceShift: '0.1', rampUp: [], costChange: '-0.1', targetReach: '1.1' },
};

const clamp01 = (x: Big) => (x.lt(0) ? dec(0) : x.gt(1) ? dec(1) : x);
const str = (x: Big) => toDecimalString(x);

/** The business case input of a scenario. */
export function applyScenario(input: BusinessCaseInput, o: ScenarioOverrides): BusinessCaseInput {
  const costFactor = dec(1).plus(o.costChange);
  return {
    ...input,
    confidence: str(clamp01(dec(input.confidence).plus(o.confidenceShift))),
    rampUp: o.rampUp.length ? o.rampUp : input.rampUp,
    costs: input.costs.map((c) => ({ ...c, amount: str(dec(c.amount).times(costFactor)) })),
    kpis: input.kpis.map((k) => ({ ...k, impact: k.impact === null ? null : str(dec(k.impact).times(o.targetReach)) })),
  };
}

export function scenarioCases(input: BusinessCaseInput, scenarios: Scenarios): Record<ScenarioKind, BusinessCase> {
  return Object.fromEntries(SCENARIO_KINDS.map((kind) => [kind, computeBusinessCase(applyScenario(input, scenarios[kind]))])) as Record<
    ScenarioKind,
    BusinessCase
  >;
}

// ---------------------------------------------------------------- tornado

/** How far the tornado moves each assumption, down and up: 20 % of its value. */
export const TORNADO_VARIATION = '0.2';

export type TornadoDriver = 'confidence' | 'rampUp' | 'costs' | 'discountRate' | 'kpiReach';

export interface TornadoBar {
  driver: TornadoDriver;
  /** For `kpiReach`: the KPI and its label. */
  kpiId?: string;
  label?: string;
  /** NPV with the assumption at -20 % and at +20 % of its value. */
  npvDown: string;
  npvUp: string;
  /** |npvUp - npvDown|: how much NPV moves over the range. */
  swing: string;
}

export interface Tornado {
  baseNpv: string;
  /** Biggest swing first; equal swings keep the order confidence, ramp-up, costs, discount rate, KPIs. */
  bars: TornadoBar[];
}

const npvOf = (input: BusinessCaseInput) => computeBusinessCase(input).npv;

/**
 * NPV when each assumption of `input` (a scenario already applied: the base case) is moved by -20 %
 * and +20 % of its value, one at a time. Confidence and each year's ramp-up stay at most 100 %
 * (a project cannot be more than certain or run faster than full speed), so at 100 % their upside is
 * nil. Costs scale every cost line; a KPI's reach scales its impact (the same as its value per unit).
 */
export function tornado(input: BusinessCaseInput): Tornado {
  const down = dec(1).minus(TORNADO_VARIATION);
  const up = dec(1).plus(TORNADO_VARIATION);
  const H = input.horizonYears;
  const rampYears = Array.from({ length: H }, (_, t) => {
    const r = input.rampUp?.[t];
    return r === null || r === undefined || r === '' ? '1' : r;
  });
  const variants: { driver: TornadoDriver; kpiId?: string; label?: string; at: (f: Big) => BusinessCaseInput }[] = [
    { driver: 'confidence', at: (f) => ({ ...input, confidence: str(clamp01(dec(input.confidence).times(f))) }) },
    { driver: 'rampUp', at: (f) => ({ ...input, rampUp: rampYears.map((r) => str(clamp01(dec(r).times(f)))) }) },
    { driver: 'costs', at: (f) => ({ ...input, costs: input.costs.map((c) => ({ ...c, amount: str(dec(c.amount).times(f)) })) }) },
    { driver: 'discountRate', at: (f) => ({ ...input, discountRate: str(dec(input.discountRate).times(f)) }) },
    ...input.kpis.map((k) => ({
      driver: 'kpiReach' as const,
      kpiId: k.id,
      label: k.label,
      at: (f: Big) => ({
        ...input,
        kpis: input.kpis.map((other) => (other.id === k.id && other.impact !== null ? { ...other, impact: str(dec(other.impact).times(f)) } : other)),
      }),
    })),
  ];
  const bars = variants.map(({ at, ...v }): TornadoBar => {
    const npvDown = npvOf(at(down));
    const npvUp = npvOf(at(up));
    return { ...v, npvDown, npvUp, swing: str(dec(npvUp).minus(npvDown).abs()) };
  });
  // Array.prototype.sort is stable: equal swings keep the order above.
  bars.sort((a, b) => dec(b.swing).cmp(a.swing));
  return { baseNpv: npvOf(input), bars };
}

// ---------------------------------------------------------------- break-even

/** The break-even search stops when the reach is known to within this (a fraction: 0.01 points). */
export const BREAK_EVEN_TOLERANCE = '0.0001';
/** Reaches are searched between 0 % and this (200 % of the gap). */
export const BREAK_EVEN_MAX_REACH = '2';

export type BreakEvenStatus =
  /** NPV >= 0 from `reach` up to 200 %. */
  | 'atLeast'
  /** NPV >= 0 from 0 % up to `reach` (a KPI whose impact is negative). */
  | 'atMost'
  /** NPV >= 0 at every reach from 0 % to 200 %. */
  | 'always'
  /** NPV < 0 at every reach from 0 % to 200 %. */
  | 'never';

export interface BreakEven {
  kpiId: string;
  label: string;
  status: BreakEvenStatus;
  /** The reach (a fraction) where NPV crosses 0, within BREAK_EVEN_TOLERANCE; null for always / never. */
  reach: string | null;
}

/**
 * For each KPI of `input`, the target reach at which the project still pays back within its horizon,
 * read as NPV >= 0: that KPI's reach moves from 0 to 200 % while everything else stays as the scenario
 * `o` has it. NPV moves one way with a KPI's reach, so bisection finds the crossing: on the grid of
 * exact decimals 0, 0.0001, ..., 2 (steps of BREAK_EVEN_TOLERANCE), each step halves [lo, hi], which
 * keeps NPV < 0 at one end and >= 0 at the other, until they are one step apart; the end where
 * NPV >= 0 is returned (the project does pay back there), so it is within the tolerance of the exact
 * crossing. Each step is a whole computeBusinessCase, with the other KPIs summed into one line.
 */
export function breakEvens(input: BusinessCaseInput, o: ScenarioOverrides = NEUTRAL_SCENARIO): BreakEven[] {
  const step = dec(BREAK_EVEN_TOLERANCE);
  const steps = dec(BREAK_EVEN_MAX_REACH).div(step).toNumber();
  const scenario = applyScenario(input, o);
  return input.kpis.map((k, index) => {
    // The other KPIs as the scenario has them, in one line: the same run-rate, summed exactly.
    const others = sum(...scenario.kpis.filter((x, i) => i !== index && x.impact !== null).map((x) => dec(x.impact!).times(x.share)));
    const othersLine = { id: '', label: '', impact: str(others), share: '1' };
    const paysBack = (at: number) => {
      const impact = k.impact === null ? null : str(dec(k.impact).times(step).times(at));
      return dec(npvOf({ ...scenario, kpis: [{ ...k, impact }, othersLine] })).gte(0);
    };
    const found = (status: BreakEvenStatus, at: number | null): BreakEven => ({
      kpiId: k.id,
      label: k.label,
      status,
      reach: at === null ? null : str(step.times(at)),
    });
    let lo = 0;
    let hi = steps;
    const atLo = paysBack(lo);
    const atHi = paysBack(hi);
    if (atLo && atHi) return found('always', null);
    if (!atLo && !atHi) return found('never', null);
    // Increasing: pays back at hi, not at lo. Decreasing: the other way round.
    const increasing = atHi;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (paysBack(mid) === increasing) hi = mid;
      else lo = mid;
    }
    return increasing ? found('atLeast', hi) : found('atMost', lo);
  });
}

/** Everything the scenarios panel shows, from the what-if input and the saved (or default) scenarios. */
export function scenarioAnalysis(input: BusinessCaseInput, scenarios: Scenarios) {
  const baseInput = applyScenario(input, scenarios.base);
  return { cases: scenarioCases(input, scenarios), tornado: tornado(baseInput), breakEvens: breakEvens(input, scenarios.base) };
}

export type ScenarioAnalysis = ReturnType<typeof scenarioAnalysis>;
