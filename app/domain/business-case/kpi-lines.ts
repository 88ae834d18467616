// The KPI lines of a business case: each linked KPI's gap, value per unit, annual impact, share,
// contribution and realised benefit (the KPI arithmetic itself is kpi.ts), with its warnings; and the
// bridge from a project's lines, costs and assumptions to its cash flows.
import { dec, sum, toDecimalString } from '../decimal';
import { annualImpact, realisedBenefit, type ImpactReason, type RealisedBenefit, type ValuePoint } from '../kpi';
import type { ImpactMode, Trend } from '../vocabulary';
import { computeBusinessCase, kpiContribution, type Assumptions, type BusinessCase, type BusinessCaseCost, type BusinessCaseInput } from './cash-flows';
import { doubleCounting } from './portfolio';

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

/** A KPI line as it travels to the browser (without its value history). */
export type KpiLineData = Omit<KpiLine, 'history'>;

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
      contribution: kpiContribution(result.amount, link.share),
      realised: link.history ? realisedBenefit({ history: link.history, projectStart: options.projectStart, trend: link.trend, vpu, share: link.share }) : null,
      warnings,
    };
  });
}

/** Sum of the realised run-rates that could be computed (null when none could). */
export function realisedTotal(lines: readonly KpiLineData[]): string | null {
  const amounts = lines.map((l) => l.realised?.amount).filter((a): a is string => typeof a === 'string');
  return amounts.length ? toDecimalString(sum(...amounts)) : null;
}

/** A project's cash flows from its assumptions, costs and KPI lines (the server and the what-if panel). */
export function projectCase(assumptions: Assumptions, costs: readonly BusinessCaseCost[], lines: readonly KpiLineData[]): BusinessCase {
  return computeBusinessCase(projectCaseInput(assumptions, costs, lines));
}

/** The input of computeBusinessCase for a project (the scenarios start from it too). */
export function projectCaseInput(assumptions: Assumptions, costs: readonly BusinessCaseCost[], lines: readonly KpiLineData[]): BusinessCaseInput {
  return {
    horizonYears: assumptions.horizonYears,
    discountRate: assumptions.discountRate,
    confidence: assumptions.confidence,
    rampUp: assumptions.rampUp,
    costs,
    kpis: lines.map((l) => ({ id: l.kpiId, label: `${l.measureName} @ ${l.stageName}`, impact: l.impact, share: l.share })),
  };
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
