// The portfolio roll-up of the executive summary: several projects' cash flows summed year by year,
// their ranking, the KPIs counted more than once across projects and the measures worth the most.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from '../decimal';
import { cashFlowTotals, type BusinessCase, type CashFlowTotals, type CashFlowYear } from './cash-flows';

export type PortfolioYear = CashFlowYear;

export interface PortfolioTotals extends CashFlowTotals {
  years: PortfolioYear[];
  /** Sum of the projects' NPVs (each at its own discount rate). */
  npv: string;
  runRateBenefit: string;
}

/** The cash flows of several projects summed year by year (projects may have different horizons). */
export function portfolioTotals(cases: readonly BusinessCase[]): PortfolioTotals {
  const horizon = cases.reduce((h, c) => Math.max(h, c.years.length - 1), 0);
  const benefits: Big[] = Array.from({ length: horizon + 1 }, () => dec(0));
  const costs: Big[] = Array.from({ length: horizon + 1 }, () => dec(0));
  for (const c of cases) {
    for (const y of c.years) {
      benefits[y.year] = benefits[y.year].plus(y.benefit);
      costs[y.year] = costs[y.year].plus(y.cost);
    }
  }
  const totals = cashFlowTotals(benefits, costs);
  return {
    years: totals.years,
    totalBenefit: totals.totalBenefit,
    totalCost: totals.totalCost,
    netBenefit: totals.netBenefit,
    npv: toDecimalString(sum(...cases.map((c) => c.npv))),
    roi: totals.roi,
    // Without projects there is nothing to pay back (year 0 of nothing would read as "at once").
    paybackMonths: cases.length ? totals.paybackMonths : null,
    runRateBenefit: toDecimalString(sum(...cases.map((c) => c.runRateBenefit))),
  };
}

export const RANK_KEYS = ['npv', 'roi', 'payback', 'benefit'] as const;
export type RankKey = (typeof RANK_KEYS)[number];

interface Rankable {
  name: string;
  businessCase: Pick<BusinessCase, 'npv' | 'roi' | 'paybackMonths' | 'totalBenefit'>;
}

/**
 * Best first: highest NPV, ROI or benefit; shortest payback. Projects without a value for the key
 * (no ROI without costs, payback never reached) come last, then by name.
 */
export function rankProjects<T extends Rankable>(rows: readonly T[], key: RankKey): T[] {
  const value = (r: T): string | null =>
    key === 'npv' ? r.businessCase.npv : key === 'roi' ? r.businessCase.roi : key === 'payback' ? r.businessCase.paybackMonths : r.businessCase.totalBenefit;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1;
    const cmp = dec(va).cmp(dec(vb));
    if (cmp !== 0) return key === 'payback' ? cmp : -cmp;
    return a.name.localeCompare(b.name);
  });
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

export interface MeasureValue {
  measureId: string;
  measureName: string;
  /** Sum of impact x share over every link of the measure's KPIs (run-rate per year). */
  value: string;
  projectCount: number;
}

/** What topMeasures reads of a KPI line. */
interface MeasureContribution {
  measureId: string;
  measureName: string;
  contribution: string | null;
}

/** The measures that carry the most run-rate value across the given projects' KPI lines. */
export function topMeasures(projects: readonly { projectId: string; lines: readonly MeasureContribution[] }[], limit = 5): MeasureValue[] {
  const byMeasure = new Map<string, { name: string; value: Big; projects: Set<string> }>();
  for (const p of projects) {
    for (const line of p.lines) {
      if (line.contribution === null) continue;
      let entry = byMeasure.get(line.measureId);
      if (!entry) byMeasure.set(line.measureId, (entry = { name: line.measureName, value: dec(0), projects: new Set() }));
      entry.value = entry.value.plus(line.contribution);
      entry.projects.add(p.projectId);
    }
  }
  return [...byMeasure]
    .filter(([, e]) => e.value.gt(0))
    .sort(([, a], [, b]) => b.value.cmp(a.value) || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(([measureId, e]) => ({ measureId, measureName: e.name, value: toDecimalString(e.value), projectCount: e.projects.size }));
}
