// A project's business case as the product shows it: each linked KPI's annual impact (from its
// measure and values), the cash flows (computeBusinessCase), realised benefit, warnings; and the
// portfolio roll-up of several projects. Pure, so the server, the summary and the what-if panel in
// the browser all run the same code. No arithmetic here that business-case.ts or kpi.ts already do.
import type Big from 'big.js';
import {
  computeBusinessCase,
  doubleCounting,
  paybackMonths,
  type BusinessCase,
  type BusinessCaseCost,
} from './business-case';
import { dec, sum, toDecimalString, toFixedString } from './decimal';
import {
  annualImpact,
  realisedBenefit,
  type ImpactMode,
  type ImpactReason,
  type RealisedBenefit,
  type Trend,
  type ValuePoint,
} from './kpi';

/** The assumptions a what-if changes; fractions as decimal strings. */
export interface Assumptions {
  horizonYears: number;
  discountRate: string;
  confidence: string;
  /** Fractions for years 1..H; missing years run at full speed. */
  rampUp: readonly string[];
}

/** A KPI linked to a project, with what its impact needs. */
export interface LinkedKpi {
  kpiId: string;
  /** Attribution share as a fraction. */
  share: string;
  measureId: string;
  measureName: string;
  stageName: string;
  mapId: string;
  mapName: string;
  unit: string;
  trend: Trend;
  valueAmount: string | null;
  valueStep: string | null;
  impactMode: ImpactMode;
  manualAmount: string | null;
  target: string | null;
  /** Newest value and its date. */
  current: string | null;
  lastValueDate: string | null;
  /** Sum of this KPI's shares across all (non-archived) projects. */
  totalShare: string;
  /** Value history, when realised benefit is wanted (the business case page). */
  history?: readonly ValuePoint[];
}

export type WarningCode = 'double_counting' | 'no_financial_value' | 'stale_values' | 'target_not_improvement' | 'costs_outside_horizon';

export interface CaseWarning {
  code: WarningCode;
  kpiId?: string;
  /** "NPS at Onboarding" parts, for the message. */
  measureName?: string;
  stageName?: string;
  totalShare?: string;
  count?: number;
}

export interface KpiLine extends LinkedKpi {
  /** target - current, signed as the values move (for the sentence "32 -> 42 (+10)"). */
  delta: string | null;
  gap: string | null;
  vpu: string | null;
  /** Annual impact before the share; null when it cannot be computed. */
  impact: string | null;
  reason?: ImpactReason;
  /** impact x share. */
  contribution: string | null;
  realised: RealisedBenefit | null;
  warnings: WarningCode[];
}

/** Days a KPI may go without a new value before the business case warns it is stale. */
export const STALE_AFTER_DAYS = 90;

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function kpiLines(links: readonly LinkedKpi[], options: { projectStart: string | null; today: string }): KpiLine[] {
  const cutoff = daysBefore(options.today, STALE_AFTER_DAYS);
  const overShared = new Set(doubleCounting(links.map((l) => ({ kpiId: l.kpiId, projectId: '*', share: l.totalShare }))));
  return links.map((link) => {
    const result = annualImpact({
      mode: link.impactMode,
      manualAmount: link.manualAmount,
      current: link.current,
      target: link.target,
      trend: link.trend,
      valueAmount: link.valueAmount,
      valueStep: link.valueStep,
    });
    const vpu = result.vpu;
    const warnings: WarningCode[] = [];
    if (overShared.has(link.kpiId)) warnings.push('double_counting');
    if (link.impactMode === 'auto' && vpu === null) warnings.push('no_financial_value');
    if (link.lastValueDate === null || link.lastValueDate.slice(0, 10) < cutoff) warnings.push('stale_values');
    if (link.impactMode === 'auto' && result.reason === 'target_not_improvement') warnings.push('target_not_improvement');
    return {
      ...link,
      delta: link.current && link.target ? toDecimalString(dec(link.target).minus(link.current)) : null,
      gap: result.gap,
      vpu,
      impact: result.amount,
      reason: result.reason,
      contribution: result.amount === null ? null : toDecimalString(dec(result.amount).times(link.share)),
      realised: link.history
        ? realisedBenefit({ history: link.history, projectStart: options.projectStart, trend: link.trend, vpu, share: link.share })
        : null,
      warnings,
    };
  });
}

/** A KPI line as it travels to the browser (without its value history). */
export type KpiLineData = Omit<KpiLine, 'history'>;

export function projectCase(assumptions: Assumptions, costs: readonly BusinessCaseCost[], lines: readonly KpiLineData[]): BusinessCase {
  return computeBusinessCase({
    horizonYears: assumptions.horizonYears,
    discountRate: assumptions.discountRate,
    confidence: assumptions.confidence,
    rampUp: assumptions.rampUp,
    costs,
    kpis: lines.map((l) => ({ id: l.kpiId, label: `${l.measureName} @ ${l.stageName}`, impact: l.impact, share: l.share })),
  });
}

/** The warnings of one project, one entry per KPI and kind, in a stable order. */
export function caseWarnings(lines: readonly KpiLineData[], businessCase: BusinessCase): CaseWarning[] {
  const warnings: CaseWarning[] = [];
  for (const line of lines) {
    for (const code of line.warnings) {
      warnings.push({
        code,
        kpiId: line.kpiId,
        measureName: line.measureName,
        stageName: line.stageName,
        totalShare: code === 'double_counting' ? line.totalShare : undefined,
      });
    }
  }
  if (businessCase.costsOutsideHorizon > 0) warnings.push({ code: 'costs_outside_horizon', count: businessCase.costsOutsideHorizon });
  return warnings;
}

/** Sum of the realised run-rates that could be computed (null when none could). */
export function realisedTotal(lines: readonly KpiLineData[]): string | null {
  const amounts = lines.map((l) => l.realised?.amount).filter((a): a is string => typeof a === 'string');
  return amounts.length ? toDecimalString(sum(...amounts)) : null;
}

// ---------------------------------------------------------------- portfolio

export interface PortfolioYear {
  year: number;
  benefit: string;
  cost: string;
  net: string;
  cumulative: string;
}

export interface PortfolioTotals {
  years: PortfolioYear[];
  totalBenefit: string;
  totalCost: string;
  netBenefit: string;
  /** Sum of the projects' NPVs (each at its own discount rate). */
  npv: string;
  roi: string | null;
  paybackMonths: string | null;
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
  const net = totalBenefit.minus(totalCost);
  const payback = cases.length ? paybackMonths(nets) : null;
  return {
    years,
    totalBenefit: toDecimalString(totalBenefit),
    totalCost: toDecimalString(totalCost),
    netBenefit: toDecimalString(net),
    npv: toDecimalString(sum(...cases.map((c) => c.npv))),
    roi: totalCost.eq(0) ? null : toDecimalString(net.div(totalCost)),
    paybackMonths: payback === null ? null : toDecimalString(payback),
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

export interface MeasureValue {
  measureId: string;
  measureName: string;
  /** Sum of impact x share over every link of the measure's KPIs (run-rate per year). */
  value: string;
  projectCount: number;
}

/** The measures that carry the most run-rate value across the given projects' KPI lines. */
export function topMeasures(projects: readonly { projectId: string; lines: readonly KpiLine[] }[], limit = 5): MeasureValue[] {
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

// ---------------------------------------------------------------- CSV

/** Money and ratios in CSV cells: machine decimals, rounded for reading (2 places; ratios 4). */
export const csvMoney = (x: string | null) => (x === null ? '' : toFixedString(x, 2));
export const csvNumber = (x: string | null) => (x === null ? '' : toDecimalString(x, 6));
export const csvRatio = (x: string | null) => (x === null ? '' : toFixedString(x, 4));

export interface CaseCsvLabels {
  figures: Record<'runRate' | 'totalBenefit' | 'totalCost' | 'netBenefit' | 'roi' | 'npv' | 'pvBenefit' | 'pvCost' | 'roiPv' | 'paybackMonths', string>;
  years: Record<'year' | 'benefit' | 'cost' | 'net' | 'cumulative' | 'discountFactor' | 'discountedNet', string>;
  kpis: Record<'kpi' | 'map' | 'current' | 'target' | 'gap' | 'vpu' | 'impact' | 'share' | 'contribution' | 'baseline' | 'realised', string>;
  assumptions: Record<'project' | 'horizon' | 'discountRate' | 'confidence' | 'rampUp', string>;
}

/**
 * The business case as CSV rows (sections separated by a blank row). Numbers stay machine decimals
 * (money to the cent, ratios to 4 places) so spreadsheets read them exactly.
 */
export function businessCaseCsvRows(
  input: { name: string; assumptions: Assumptions; businessCase: BusinessCase; lines: readonly KpiLineData[] },
  labels: CaseCsvLabels,
): string[][] {
  const { assumptions: a, businessCase: bc } = input;
  const rows: string[][] = [
    [labels.assumptions.project, input.name],
    [labels.assumptions.horizon, String(a.horizonYears)],
    [labels.assumptions.discountRate, csvRatio(a.discountRate)],
    [labels.assumptions.confidence, csvRatio(a.confidence)],
    [labels.assumptions.rampUp, Array.from({ length: a.horizonYears }, (_, i) => csvRatio(a.rampUp[i] ?? '1')).join(' / ')],
    [],
    [labels.figures.runRate, csvMoney(bc.runRateBenefit)],
    [labels.figures.totalBenefit, csvMoney(bc.totalBenefit)],
    [labels.figures.totalCost, csvMoney(bc.totalCost)],
    [labels.figures.netBenefit, csvMoney(bc.netBenefit)],
    [labels.figures.roi, csvRatio(bc.roi)],
    [labels.figures.pvBenefit, csvMoney(bc.pvBenefit)],
    [labels.figures.pvCost, csvMoney(bc.pvCost)],
    [labels.figures.npv, csvMoney(bc.npv)],
    [labels.figures.roiPv, csvRatio(bc.roiPv)],
    [labels.figures.paybackMonths, bc.paybackMonths === null ? '' : toFixedString(bc.paybackMonths, 1)],
    [],
    [labels.years.year, labels.years.benefit, labels.years.cost, labels.years.net, labels.years.cumulative, labels.years.discountFactor, labels.years.discountedNet],
    ...bc.years.map((y) => [
      String(y.year),
      csvMoney(y.benefit),
      csvMoney(y.cost),
      csvMoney(y.net),
      csvMoney(y.cumulative),
      toFixedString(y.discountFactor, 6),
      csvMoney(y.discountedNet),
    ]),
    [],
    Object.values(labels.kpis),
  ];
  for (const l of input.lines) {
    rows.push([
      `${l.measureName} @ ${l.stageName}`,
      l.mapName,
      csvNumber(l.current),
      csvNumber(l.target),
      csvNumber(l.gap),
      l.vpu === null ? '' : csvMoney(l.vpu),
      csvMoney(l.impact),
      csvRatio(l.share),
      csvMoney(l.contribution),
      csvNumber(l.realised?.baseline ?? null),
      csvMoney(l.realised?.amount ?? null),
    ]);
  }
  return rows;
}
