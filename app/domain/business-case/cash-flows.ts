// Cash flows of a business case: run-rate benefit of the linked KPIs, yearly benefits, costs and nets
// over the horizon, totals, ROI, present values, NPV and payback. The portfolio roll-up sums years
// and reuses `cashFlowTotals`, so each formula of DESIGN.md is written once, here.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from '../decimal';
import type { CostKind } from '../vocabulary';

export interface BusinessCaseCost {
  kind: CostKind;
  amount: string;
  /** One-off: the year it falls in (0..H, default 0). Recurring: first year (default 1) through H. */
  year?: number | null;
}

/** The assumptions of a project, the ones a what-if changes; fractions as decimal strings. */
export interface Assumptions {
  /** Whole years, 1..10. */
  horizonYears: number;
  /** Fraction: '0.08' for 8 %. */
  discountRate: string;
  /** Fraction: '0.8' for 80 %. */
  confidence: string;
  /** Fractions for years 1..H; missing years run at full speed. */
  rampUp: readonly string[];
}

export interface BusinessCaseKpi {
  id: string;
  label: string;
  /** Annual impact of the KPI (see annualImpact); null when it cannot be computed. */
  impact: string | null;
  /** Attribution share as a fraction ('0.5' for 50 %). */
  share: string;
}

export interface BusinessCaseInput extends Omit<Assumptions, 'rampUp'> {
  /** Fractions for years 1..H; a missing year runs at full speed ('1'). */
  rampUp?: readonly (string | null | undefined)[];
  costs: readonly BusinessCaseCost[];
  kpis: readonly BusinessCaseKpi[];
}

export interface CashFlowYear {
  year: number;
  benefit: string;
  cost: string;
  net: string;
  cumulative: string;
}

export interface BusinessCaseYear extends CashFlowYear {
  discountFactor: string;
  discountedBenefit: string;
  discountedCost: string;
  discountedNet: string;
  cumulativeDiscounted: string;
}

export interface KpiContribution extends BusinessCaseKpi {
  /** impact x share; null when the impact is unknown (it then adds nothing to the run-rate). */
  contribution: string | null;
}

/** The undiscounted figures, for one project or a portfolio. */
export interface CashFlowTotals {
  totalBenefit: string;
  totalCost: string;
  netBenefit: string;
  /** (total benefit - total cost) / total cost, as a fraction; null when nothing is spent. */
  roi: string | null;
  /** Months from the start until cumulative net cash reaches 0; null when not within the horizon. */
  paybackMonths: string | null;
}

export interface BusinessCase extends CashFlowTotals {
  runRateBenefit: string;
  years: BusinessCaseYear[];
  pvBenefit: string;
  pvCost: string;
  npv: string;
  /** NPV / PV(costs), as a fraction; null when PV(costs) is 0. */
  roiPv: string | null;
  kpiContributions: KpiContribution[];
  /** Costs that fall in no year of the horizon (e.g. after the horizon was shortened). */
  costsOutsideHorizon: number;
}

export const MAX_HORIZON_YEARS = 10;

function isPresent(x: string | null | undefined): x is string {
  return x !== null && x !== undefined && x !== '';
}

// Exact (unrounded) so the run-rate sums exact products; kpiContribution is the rounded figure.
function exactContribution(impact: string | null, share: string): Big | null {
  return isPresent(impact) ? dec(impact).times(share) : null;
}

/** A KPI's part of the run-rate benefit: impact x share; null when the impact is unknown. */
export function kpiContribution(impact: string | null, share: string): string | null {
  const contribution = exactContribution(impact, share);
  return contribution === null ? null : toDecimalString(contribution);
}

function costYear(cost: BusinessCaseCost): number {
  const year = cost.year ?? (cost.kind === 'one_off' ? 0 : 1);
  if (!Number.isInteger(year) || year < 0) throw new RangeError(`Cost year must be a whole number >= 0: ${year}`);
  return year;
}

function costsByYear(costs: readonly BusinessCaseCost[], horizon: number): { perYear: Big[]; outside: number } {
  const perYear = Array.from({ length: horizon + 1 }, () => dec(0));
  let outside = 0;
  for (const cost of costs) {
    const from = costYear(cost);
    if (from > horizon) {
      outside++;
      continue;
    }
    const to = cost.kind === 'one_off' ? from : horizon;
    for (let t = from; t <= to; t++) perYear[t] = perYear[t].plus(cost.amount);
  }
  return { perYear, outside };
}

// Year 0 happens at once at the start; each later year's flows accrue evenly, so inside the year
// where cumulative net turns non-negative we interpolate linearly.
export function paybackMonths(nets: readonly Big[]): Big | null {
  let cumulative = nets[0];
  if (cumulative.gte(0)) return dec(0);
  for (let t = 1; t < nets.length; t++) {
    const next = cumulative.plus(nets[t]);
    if (next.gte(0)) return dec(12 * (t - 1)).plus(cumulative.neg().div(nets[t]).times(12));
    cumulative = next;
  }
  return null;
}

function ratio(numerator: Big, denominator: Big): string | null {
  return denominator.eq(0) ? null : toDecimalString(numerator.div(denominator));
}

/**
 * Years 0..H of benefits and costs -> nets, cumulative nets, totals, ROI and payback. Payback is null
 * when asked for no years at all (an empty portfolio).
 */
export function cashFlowTotals(benefits: readonly Big[], costs: readonly Big[]): CashFlowTotals & { years: CashFlowYear[]; nets: Big[] } {
  const nets = benefits.map((b, t) => b.minus(costs[t]));
  let cumulative = dec(0);
  const years = nets.map((n, t) => {
    cumulative = cumulative.plus(n);
    return {
      year: t,
      benefit: toDecimalString(benefits[t]),
      cost: toDecimalString(costs[t]),
      net: toDecimalString(n),
      cumulative: toDecimalString(cumulative),
    };
  });
  const totalBenefit = sum(...benefits);
  const totalCost = sum(...costs);
  const netBenefit = totalBenefit.minus(totalCost);
  const payback = nets.length ? paybackMonths(nets) : null;
  return {
    years,
    nets,
    totalBenefit: toDecimalString(totalBenefit),
    totalCost: toDecimalString(totalCost),
    netBenefit: toDecimalString(netBenefit),
    roi: ratio(netBenefit, totalCost),
    paybackMonths: payback === null ? null : toDecimalString(payback),
  };
}

/** @throws RangeError on a horizon outside 1..10, a discount rate <= -100 % or a bad cost year. */
export function computeBusinessCase(input: BusinessCaseInput): BusinessCase {
  const H = input.horizonYears;
  if (!Number.isInteger(H) || H < 1 || H > MAX_HORIZON_YEARS) {
    throw new RangeError(`Horizon must be 1..${MAX_HORIZON_YEARS} years: ${H}`);
  }
  const growth = dec(1).plus(input.discountRate);
  if (growth.lte(0)) throw new RangeError(`Discount rate must be above -100 %: ${input.discountRate}`);

  const kpiContributions: KpiContribution[] = input.kpis.map((k) => ({ ...pickKpi(k), contribution: kpiContribution(k.impact, k.share) }));
  const runRate = sum(...input.kpis.map((k) => exactContribution(k.impact, k.share)).filter((c): c is Big => c !== null));
  const fullSpeed = runRate.times(input.confidence);

  const { perYear: costs, outside } = costsByYear(input.costs, H);
  const benefits = costs.map((_, t) => {
    if (t === 0) return dec(0);
    const ramp = input.rampUp?.[t - 1];
    return fullSpeed.times(isPresent(ramp) ? ramp : '1');
  });
  const totals = cashFlowTotals(benefits, costs);

  let cumulativeDiscounted = dec(0);
  let pvBenefit = dec(0);
  let pvCost = dec(0);
  const years = totals.years.map((flow, t): BusinessCaseYear => {
    const compound = growth.pow(t);
    const discountedBenefit = benefits[t].div(compound);
    const discountedCost = costs[t].div(compound);
    const discountedNet = discountedBenefit.minus(discountedCost);
    cumulativeDiscounted = cumulativeDiscounted.plus(discountedNet);
    pvBenefit = pvBenefit.plus(discountedBenefit);
    pvCost = pvCost.plus(discountedCost);
    return {
      ...flow,
      discountFactor: toDecimalString(dec(1).div(compound)),
      discountedBenefit: toDecimalString(discountedBenefit),
      discountedCost: toDecimalString(discountedCost),
      discountedNet: toDecimalString(discountedNet),
      cumulativeDiscounted: toDecimalString(cumulativeDiscounted),
    };
  });
  const npv = pvBenefit.minus(pvCost);

  return {
    runRateBenefit: toDecimalString(runRate),
    years,
    totalBenefit: totals.totalBenefit,
    totalCost: totals.totalCost,
    netBenefit: totals.netBenefit,
    roi: totals.roi,
    pvBenefit: toDecimalString(pvBenefit),
    pvCost: toDecimalString(pvCost),
    npv: toDecimalString(npv),
    roiPv: ratio(npv, pvCost),
    paybackMonths: totals.paybackMonths,
    kpiContributions,
    costsOutsideHorizon: outside,
  };
}

const pickKpi = ({ id, label, impact, share }: BusinessCaseKpi): BusinessCaseKpi => ({ id, label, impact, share });
