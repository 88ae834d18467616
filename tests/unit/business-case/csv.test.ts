import { describe, expect, it } from 'vitest';
import {
  businessCaseCsvRows,
  kpiLines,
  portfolioTotals,
  projectCase,
  SUMMARY_CSV_COLUMNS,
  summaryCsvRows,
  type CaseCsvLabels,
  type SummaryCsvLabels,
} from '~/domain/business-case';
import { exampleAssumptions, exampleCosts, TODAY, workedExample } from './fixtures';

describe('businessCaseCsvRows', () => {
  it('writes machine decimals: money to the cent, ratios to 4 places, empty cells for not applicable', () => {
    const labels = new Proxy(
      {},
      { get: (_t, section: string) => new Proxy({}, { get: (_s, key: string) => `${section}.${key}` }) },
    ) as unknown as CaseCsvLabels;
    const lines = kpiLines(workedExample, { projectStart: null, today: TODAY });
    const bc = projectCase(exampleAssumptions, exampleCosts, lines);
    const rows = businessCaseCsvRows({ name: 'Self-service onboarding', assumptions: exampleAssumptions, businessCase: bc, lines }, labels);
    const byLabel = Object.fromEntries(rows.filter((r) => r.length === 2).map((r) => [r[0], r[1]]));
    expect(byLabel).toMatchObject({
      'assumptions.project': 'Self-service onboarding',
      'assumptions.rampUp': '0.5000 / 1.0000 / 1.0000',
      'figures.npv': '171307.73',
      'figures.roi': '2.3778',
      'figures.paybackMonths': '13.0',
    });
    expect(rows).toContainEqual(['3', '121600.00', '10000.00', '111600.00', '214000.00', '0.793832', '88591.68']);
    expect(rows).toContainEqual(['Churn @ Renewal', 'Map', '8.5', '7', '1.5', '120000.00', '180000.00', '0.5000', '90000.00', '', '']);
    const free = projectCase(exampleAssumptions, [], lines);
    const freeRows = businessCaseCsvRows({ name: 'x', assumptions: exampleAssumptions, businessCase: free, lines: [] }, labels);
    expect(freeRows).toContainEqual(['figures.roi', '']);
  });
});

describe('summaryCsvRows', () => {
  it('writes one row per ranked project, then the portfolio totals; empty cells when ROI or payback do not apply', () => {
    const a = projectCase(exampleAssumptions, exampleCosts, kpiLines(workedExample, { projectStart: null, today: TODAY }));
    const free = projectCase(exampleAssumptions, [], []);
    const row = (name: string, status: string, bc: typeof a) => ({ name, status, kpiCount: 3, warningCount: 1, ...bc });
    const labels = {
      columns: Object.fromEntries(SUMMARY_CSV_COLUMNS.map((k) => [k, `col.${k}`])) as SummaryCsvLabels['columns'],
      portfolio: 'Portfolio',
      status: (s: string) => `status.${s}`,
    };
    const rows = summaryCsvRows(
      { projects: [row('Self-service onboarding', 'in_progress', a), row('Free', 'idea', free)], totals: portfolioTotals([a, free]) },
      labels,
    );
    expect(rows).toEqual([
      SUMMARY_CSV_COLUMNS.map((k) => `col.${k}`),
      ['Self-service onboarding', 'status.in_progress', '3', '152000.00', '304000.00', '90000.00', '214000.00', '171307.73', '2.3778', '13.0', '1'],
      ['Free', 'status.idea', '3', '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.0', '1'],
      [],
      ['Portfolio', '', '', '152000.00', '304000.00', '90000.00', '214000.00', '171307.73', '2.3778', '13.0', ''],
    ]);
  });
});
