// The indicator plan (seed 000's cross-section of the organisation's indicators): measures banded by
// HEART category, the flags that say what a measure still lacks, and the finance view of a measure
// (what its KPIs are worth a year, and how much of that projects plan on). Pure and exact.
import { annualImpact, type ValuePoint } from './kpi';
import { dec, sum, toDecimalString } from './decimal';
import { HEART_CATEGORIES, type HeartCategory, type ImpactMode, type Trend } from './vocabulary';

/** The plan's bands, top to bottom: the HEART categories in their framework order, then measures without one. */
export const HEART_BANDS = [...HEART_CATEGORIES, 'none'] as const;
export type HeartBand = (typeof HEART_BANDS)[number];

/** What a measure of the plan can lack, in the order they are listed. */
export const MEASURE_FLAGS = ['no_category', 'no_owner', 'no_value'] as const;
export type MeasureFlag = (typeof MEASURE_FLAGS)[number];

export function heartBandOf(category: HeartCategory | null | undefined): HeartBand {
  return category ?? 'none';
}

interface Flaggable {
  heartCategory: HeartCategory | null;
  ownerId: string | null;
  valueAmount: string | null;
  valueStep: string | null;
}

/** A measure without a HEART category, an owner, or a financial value (amount and step) is flagged. */
export function measureFlags(m: Flaggable): MeasureFlag[] {
  const flags: MeasureFlag[] = [];
  if (!m.heartCategory) flags.push('no_category');
  if (!m.ownerId) flags.push('no_owner');
  if (!m.valueAmount || !m.valueStep || dec(m.valueStep).eq(0)) flags.push('no_value');
  return flags;
}

/** Rows grouped by HEART band in the plan's order; a band without rows is left out. Order within a band is kept. */
export function groupByHeartBand<T extends { heartCategory: HeartCategory | null }>(rows: readonly T[]): { band: HeartBand; rows: T[] }[] {
  const byBand = new Map<HeartBand, T[]>();
  for (const row of rows) {
    const band = heartBandOf(row.heartCategory);
    let list = byBand.get(band);
    if (!list) byBand.set(band, (list = []));
    list.push(row);
  }
  return HEART_BANDS.filter((band) => byBand.has(band)).map((band) => ({ band, rows: byBand.get(band)! }));
}

export interface PlanKpi {
  impactMode: ImpactMode;
  manualAmount: string | null;
  target: string | null;
  /** The KPI's newest value, null without one. */
  current: string | null;
  /** Sum of the attribution shares of the live projects linked to it, as a fraction ('1.5'); '0' when none. */
  projectShare: string;
}

export interface FinanceView {
  kpiCount: number;
  /** Annual impact of closing every KPI's gap to target, summed; null when none of its KPIs can be valued. */
  atStake: string | null;
  /** The part of it that live projects count on (impact x their shares, not capped); null as atStake. */
  planned: string | null;
  /** KPIs whose impact cannot be computed (no current value, no target, no financial value, no manual amount). */
  unvalued: number;
}

/** The finance/controlling column of one measure, from its KPIs (DESIGN.md "Annual impact"). */
export function financeView(measure: { trend: Trend; valueAmount: string | null; valueStep: string | null }, kpis: readonly PlanKpi[]): FinanceView {
  const impacts: string[] = [];
  const planned: string[] = [];
  let unvalued = 0;
  for (const k of kpis) {
    const impact = annualImpact({
      mode: k.impactMode,
      manualAmount: k.manualAmount,
      current: k.current,
      target: k.target,
      trend: measure.trend,
      valueAmount: measure.valueAmount,
      valueStep: measure.valueStep,
    });
    if (impact.amount === null) {
      unvalued++;
      continue;
    }
    impacts.push(impact.amount);
    planned.push(toDecimalString(dec(impact.amount).times(k.projectShare)));
  }
  return {
    kpiCount: kpis.length,
    atStake: impacts.length ? toDecimalString(sum(...impacts)) : null,
    planned: impacts.length ? toDecimalString(sum(...planned)) : null,
    unvalued,
  };
}

/** The newest value of a history given oldest first, or null. */
export function newestOf(history: readonly ValuePoint[] | undefined): string | null {
  return history && history.length ? history[history.length - 1]!.value : null;
}
