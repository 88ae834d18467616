// The business case and the executive summary as CSV rows (the writer is domain/csv.ts). Numbers stay
// machine decimals, money to the cent, ratios to 4 places and months to 1, so spreadsheets read them
// exactly; a figure that does not apply is an empty cell. Labels come translated from the caller.
import { toDecimalString, toFixedString } from '../decimal';
import type { Assumptions, BusinessCase } from './cash-flows';
import type { KpiLineData } from './kpi-lines';
import type { PortfolioTotals } from './portfolio';

export const csvMoney = (x: string | null) => (x === null ? '' : toFixedString(x, 2));
export const csvNumber = (x: string | null) => (x === null ? '' : toDecimalString(x, 6));
export const csvRatio = (x: string | null) => (x === null ? '' : toFixedString(x, 4));
export const csvMonths = (x: string | null) => (x === null ? '' : toFixedString(x, 1));

export const CASE_CSV_KEYS = {
  figures: ['runRate', 'totalBenefit', 'totalCost', 'netBenefit', 'roi', 'npv', 'pvBenefit', 'pvCost', 'roiPv', 'paybackMonths'],
  years: ['year', 'benefit', 'cost', 'net', 'cumulative', 'discountFactor', 'discountedNet'],
  kpis: ['kpi', 'map', 'current', 'target', 'gap', 'vpu', 'impact', 'share', 'contribution', 'baseline', 'realised'],
  assumptions: ['project', 'horizon', 'discountRate', 'confidence', 'rampUp'],
} as const;

type Keys = typeof CASE_CSV_KEYS;
export type CaseCsvLabels = { [S in keyof Keys]: Record<Keys[S][number], string> };

/** The business case as CSV rows (sections separated by a blank row). */
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
    [labels.figures.paybackMonths, csvMonths(bc.paybackMonths)],
    [],
    [
      labels.years.year,
      labels.years.benefit,
      labels.years.cost,
      labels.years.net,
      labels.years.cumulative,
      labels.years.discountFactor,
      labels.years.discountedNet,
    ],
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
    CASE_CSV_KEYS.kpis.map((k) => labels.kpis[k]),
  ];
  for (const l of input.lines) {
    rows.push([
      `${l.measureName} @ ${l.stageName}`,
      l.mapName,
      csvNumber(l.current),
      csvNumber(l.target),
      csvNumber(l.gap),
      csvMoney(l.vpu),
      csvMoney(l.impact),
      csvRatio(l.share),
      csvMoney(l.contribution),
      csvNumber(l.realised?.baseline ?? null),
      csvMoney(l.realised?.amount ?? null),
    ]);
  }
  return rows;
}

export const SUMMARY_CSV_COLUMNS = [
  'project',
  'status',
  'kpis',
  'runRate',
  'totalBenefit',
  'totalCost',
  'netBenefit',
  'npv',
  'roi',
  'paybackMonths',
  'warnings',
] as const;

export interface SummaryCsvLabels {
  columns: Record<(typeof SUMMARY_CSV_COLUMNS)[number], string>;
  /** The first cell of the totals row. */
  portfolio: string;
  status: (status: string) => string;
}

/** One ranked project of the summary, as the CSV reads it. */
export interface SummaryCsvProject {
  name: string;
  status: string;
  kpiCount: number;
  runRateBenefit: string;
  totalBenefit: string;
  totalCost: string;
  netBenefit: string;
  npv: string;
  roi: string | null;
  paybackMonths: string | null;
  warningCount: number;
}

/** The summary CSV's header row. */
export const summaryCsvHeader = (labels: SummaryCsvLabels): string[] => SUMMARY_CSV_COLUMNS.map((k) => labels.columns[k]);

/** One ranked project as a row of the summary CSV. */
export function summaryCsvProjectRow(p: SummaryCsvProject, labels: SummaryCsvLabels): string[] {
  return [
    p.name,
    labels.status(p.status),
    String(p.kpiCount),
    csvMoney(p.runRateBenefit),
    csvMoney(p.totalBenefit),
    csvMoney(p.totalCost),
    csvMoney(p.netBenefit),
    csvMoney(p.npv),
    csvRatio(p.roi),
    csvMonths(p.paybackMonths),
    String(p.warningCount),
  ];
}

/** The summary CSV's last rows: a blank row, then the portfolio totals. */
export function summaryCsvTotalRows(totals: PortfolioTotals, labels: SummaryCsvLabels): string[][] {
  return [
    [],
    [
      labels.portfolio,
      '',
      '',
      csvMoney(totals.runRateBenefit),
      csvMoney(totals.totalBenefit),
      csvMoney(totals.totalCost),
      csvMoney(totals.netBenefit),
      csvMoney(totals.npv),
      csvRatio(totals.roi),
      csvMonths(totals.paybackMonths),
      '',
    ],
  ];
}

/** The summary as CSV rows: one row per ranked project, then the portfolio totals. */
export function summaryCsvRows(portfolio: { projects: readonly SummaryCsvProject[]; totals: PortfolioTotals }, labels: SummaryCsvLabels): string[][] {
  return [summaryCsvHeader(labels), ...portfolio.projects.map((p) => summaryCsvProjectRow(p, labels)), ...summaryCsvTotalRows(portfolio.totals, labels)];
}
