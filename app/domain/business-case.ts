// A project's business case: run-rate benefit of its linked KPIs, yearly cash flows over the horizon,
// totals, ROI, present values, NPV and payback; plus the double-counting check across projects.
// Formulas and the worked example that must reproduce to the cent are in DESIGN.md.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from './decimal';

export type CostKind = 'one_off' | 'recurring';

export interface BusinessCaseCost {
  kind: CostKind;
  amount: string;
  /** One-off: the year it falls in (0..H, default 0). Recurring: first year (default 1) through H. */
  year?: number | null;
}

export interface BusinessCaseKpi {
  id: string;
  label: string;
  /** Annual impact of the KPI (see annualImpact); null when it cannot be computed. */
  impact: string | null;
  /** Attribution share as a fraction ('0.5' for 50 %). */
  share: string;
}

export interface BusinessCaseInput {
  /** Whole years, 1..10. */
  horizonYears: number;
  /** Fraction: '0.08' for 8 %. */
  discountRate: string;
  /** Fraction: '0.8' for 80 %. */
  confidence: string;
  /** Fractions for years 1..H; a missing year runs at full speed ('1'). */
  rampUp?: readonly (string | null | undefined)[];
  costs: readonly BusinessCaseCost[];
  kpis: readonly BusinessCaseKpi[];
}

export interface BusinessCaseYear {
  year: number;
  benefit: string;
  cost: string;
  net: string;
  cumulative: string;
  discountFactor: string;
  discountedBenefit: string;
  discountedCost: string;
  discountedNet: string;
  cumulativeDiscounted: string;
}

export interface KpiContribution {
  id: string;
  label: string;
  impact: string | null;
  share: string;
  /** impact x share; null when the impact is unknown (it then adds nothing to the run-rate). */
  contribution: string | null;
}

export interface BusinessCase {
  runRateBenefit: string;
  years: BusinessCaseYear[];
  totalBenefit: string;
  totalCost: string;
  netBenefit: string;
  /** (total benefit - total cost) / total cost, as a fraction; null when nothing is spent. */
  roi: string | null;
  pvBenefit: string;
  pvCost: string;
  npv: string;
  /** NPV / PV(costs), as a fraction; null when PV(costs) is 0. */
  roiPv: string | null;
  /** Months from the start until cumulative net cash reaches 0; null when not within the horizon. */
  paybackMonths: string | null;
  kpiContributions: KpiContribution[];
  /** Costs that fall in no year of the horizon (e.g. after the horizon was shortened). */
  costsOutsideHorizon: number;
}

export const MAX_HORIZON_YEARS = 10;

function isPresent(x: string | null | undefined): x is string {
  return x !== null && x !== undefined && x !== '';
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
// where cumulative net turns non-negative we interpolate linearly. Exported for the portfolio
// roll-up, whose payback is that of the summed cash flows.
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

/** @throws RangeError on a horizon outside 1..10, a discount rate <= -100 % or a bad cost year. */
export function computeBusinessCase(input: BusinessCaseInput): BusinessCase {
  const H = input.horizonYears;
  if (!Number.isInteger(H) || H < 1 || H > MAX_HORIZON_YEARS) {
    throw new RangeError(`Horizon must be 1..${MAX_HORIZON_YEARS} years: ${H}`);
  }
  const growth = dec(1).plus(input.discountRate);
  if (growth.lte(0)) throw new RangeError(`Discount rate must be above -100 %: ${input.discountRate}`);

  const kpiContributions: KpiContribution[] = input.kpis.map((k) => ({
    id: k.id,
    label: k.label,
    impact: k.impact,
    share: k.share,
    contribution: isPresent(k.impact) ? toDecimalString(dec(k.impact).times(k.share)) : null,
  }));
  const runRate = sum(...input.kpis.filter((k) => isPresent(k.impact)).map((k) => dec(k.impact as string).times(k.share)));
  const fullSpeed = runRate.times(input.confidence);

  const { perYear: costs, outside } = costsByYear(input.costs, H);
  const benefits = costs.map((_, t) => {
    if (t === 0) return dec(0);
    const ramp = input.rampUp?.[t - 1];
    return fullSpeed.times(isPresent(ramp) ? ramp : '1');
  });
  const nets = benefits.map((b, t) => b.minus(costs[t]));

  const years: BusinessCaseYear[] = [];
  let cumulative = dec(0);
  let cumulativeDiscounted = dec(0);
  let pvBenefit = dec(0);
  let pvCost = dec(0);
  for (let t = 0; t <= H; t++) {
    const compound = growth.pow(t);
    const discountedBenefit = benefits[t].div(compound);
    const discountedCost = costs[t].div(compound);
    const discountedNet = discountedBenefit.minus(discountedCost);
    cumulative = cumulative.plus(nets[t]);
    cumulativeDiscounted = cumulativeDiscounted.plus(discountedNet);
    pvBenefit = pvBenefit.plus(discountedBenefit);
    pvCost = pvCost.plus(discountedCost);
    years.push({
      year: t,
      benefit: toDecimalString(benefits[t]),
      cost: toDecimalString(costs[t]),
      net: toDecimalString(nets[t]),
      cumulative: toDecimalString(cumulative),
      discountFactor: toDecimalString(dec(1).div(compound)),
      discountedBenefit: toDecimalString(discountedBenefit),
      discountedCost: toDecimalString(discountedCost),
      discountedNet: toDecimalString(discountedNet),
      cumulativeDiscounted: toDecimalString(cumulativeDiscounted),
    });
  }

  const totalBenefit = sum(...benefits);
  const totalCost = sum(...costs);
  const netBenefit = totalBenefit.minus(totalCost);
  const npv = pvBenefit.minus(pvCost);
  const payback = paybackMonths(nets);

  return {
    runRateBenefit: toDecimalString(runRate),
    years,
    totalBenefit: toDecimalString(totalBenefit),
    totalCost: toDecimalString(totalCost),
    netBenefit: toDecimalString(netBenefit),
    roi: ratio(netBenefit, totalCost),
    pvBenefit: toDecimalString(pvBenefit),
    pvCost: toDecimalString(pvCost),
    npv: toDecimalString(npv),
    roiPv: ratio(npv, pvCost),
    paybackMonths: payback === null ? null : toDecimalString(payback),
    kpiContributions,
    costsOutsideHorizon: outside,
  };
}

export interface KpiShare {
  kpiId: string;
  projectId: string;
  /** Fraction: '0.5' for 50 %. */
  share: string;
}

/** KPI ids whose shares across projects add up to more than 100 % (shown as a warning, never capped). */
export function doubleCounting(shares: readonly KpiShare[]): string[] {
  const totals = new Map<string, Big>();
  for (const { kpiId, share } of shares) totals.set(kpiId, (totals.get(kpiId) ?? dec(0)).plus(share));
  return [...totals].filter(([, total]) => total.gt(1)).map(([kpiId]) => kpiId);
}
