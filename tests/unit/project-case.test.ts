import { describe, expect, it } from 'vitest';
import { dec, toDecimalString, toFixedString } from '~/domain/decimal';
import {
  businessCaseCsvRows,
  caseWarnings,
  kpiLines,
  portfolioTotals,
  projectCase,
  rankProjects,
  topMeasures,
  type CaseCsvLabels,
  type LinkedKpi,
} from '~/domain/project-case';
import { computeBusinessCase } from '~/domain/business-case';

const TODAY = '2026-06-30';

function link(overrides: Partial<LinkedKpi>): LinkedKpi {
  return {
    kpiId: 'k',
    share: '1',
    measureId: 'm',
    measureName: 'NPS',
    stageName: 'Onboarding',
    mapId: 'map',
    mapName: 'Map',
    unit: 'pts',
    trend: 'up',
    valueAmount: '50000',
    valueStep: '10',
    impactMode: 'auto',
    manualAmount: null,
    target: '42',
    current: '32',
    lastValueDate: '2026-06-01',
    totalShare: '1',
    ...overrides,
  };
}

const workedExample = [
  link({ kpiId: 'nps' }),
  link({ kpiId: 'churn', measureId: 'churn', measureName: 'Churn', stageName: 'Renewal', unit: '%', trend: 'down', valueAmount: '120000', valueStep: '1', current: '8.5', target: '7.0', share: '0.5', totalShare: '0.5' }),
  link({ kpiId: 'aht', measureId: 'aht', measureName: 'AHT', stageName: 'Support', unit: 'seconds', trend: 'down', valueAmount: '2000', valueStep: '10', current: '420', target: '360' }),
];
const exampleAssumptions = { horizonYears: 3, discountRate: '0.08', confidence: '0.8', rampUp: ['0.5', '1', '1'] };
const exampleCosts = [
  { kind: 'one_off' as const, amount: '60000', year: 0 },
  { kind: 'recurring' as const, amount: '10000', year: 1 },
];

describe('kpiLines and projectCase', () => {
  it('reproduce the worked example of DESIGN.md to the cent', () => {
    const lines = kpiLines(workedExample, { projectStart: null, today: TODAY });
    expect(lines.map((l) => [l.delta, l.gap, l.vpu, l.impact, l.contribution])).toEqual([
      ['10', '10', '5000', '50000', '50000'],
      ['-1.5', '1.5', '120000', '180000', '90000'],
      ['-60', '60', '200', '12000', '12000'],
    ]);
    const bc = projectCase(exampleAssumptions, exampleCosts, lines);
    expect(bc.runRateBenefit).toBe('152000');
    expect(toFixedString(bc.pvBenefit, 2)).toBe('257078.70');
    expect(toFixedString(bc.npv, 2)).toBe('171307.73');
    expect(toFixedString(bc.paybackMonths!, 1)).toBe('13.0');
    expect(caseWarnings(lines, bc)).toEqual([]);
  });

  it.each([
    ['manual impact', link({ impactMode: 'manual', manualAmount: '7000', valueAmount: null, valueStep: null, share: '0.5' }), '7000', '3500', []],
    ['no financial value', link({ valueAmount: null, valueStep: null }), null, null, ['no_financial_value']],
    ['target not an improvement', link({ current: '45' }), '0', '0', ['target_not_improvement']],
    ['trend down, target worse', link({ trend: 'down', current: '10', target: '12' }), '0', '0', ['target_not_improvement']],
    ['no value for 90 days', link({ lastValueDate: '2026-03-31' }), '50000', '50000', ['stale_values']],
    ['a value exactly 90 days ago is not stale', link({ lastValueDate: '2026-04-01' }), '50000', '50000', []],
    ['no value at all', link({ current: null, lastValueDate: null }), null, null, ['stale_values']],
    ['shares above 100 % across projects', link({ share: '0.6', totalShare: '1.1' }), '50000', '30000', ['double_counting']],
    ['shares of exactly 100 %', link({ share: '0.6', totalShare: '1' }), '50000', '30000', []],
  ])('%s', (_name, input, impact, contribution, warnings) => {
    const [line] = kpiLines([input], { projectStart: null, today: TODAY });
    expect(line!.impact).toBe(impact);
    expect(line!.contribution).toBe(contribution);
    expect(line!.warnings).toEqual(warnings);
  });

  it('computes realised benefit from the newest value on or before the start date', () => {
    const history = [
      { date: '2026-01-01', value: '28' },
      { date: '2026-02-01', value: '30' },
      { date: '2026-06-01', value: '33' },
    ];
    const [line] = kpiLines([link({ share: '0.5', history })], { projectStart: '2026-02-15', today: TODAY });
    expect(line!.realised).toEqual({ baseline: '30', current: '33', units: '3', amount: '7500' });
    const [none] = kpiLines([link({ history })], { projectStart: '2025-12-01', today: TODAY });
    expect(none!.realised!.amount).toBeNull();
  });

  it('warns about costs after a shortened horizon', () => {
    const bc = projectCase({ ...exampleAssumptions, horizonYears: 1 }, [...exampleCosts, { kind: 'one_off', amount: '5', year: 3 }], []);
    expect(caseWarnings([], bc)).toEqual([{ code: 'costs_outside_horizon', count: 1 }]);
  });
});

describe('portfolio', () => {
  const a = computeBusinessCase({ ...exampleAssumptions, costs: exampleCosts, kpis: [{ id: 'x', label: 'x', impact: '152000', share: '1' }] });
  const b = computeBusinessCase({ horizonYears: 1, discountRate: '0.1', confidence: '1', costs: [{ kind: 'one_off', amount: '1000' }], kpis: [{ id: 'y', label: 'y', impact: '1200', share: '1' }] });

  it('sums cash flows by year across horizons; payback of the summed flows; ROI not applicable without cost', () => {
    const totals = portfolioTotals([a, b]);
    expect(totals.years.map((y) => [y.benefit, y.cost, y.cumulative])).toEqual([
      ['0', '61000', '-61000'],
      ['62000', '10000', '-9000'],
      ['121600', '10000', '102600'],
      ['121600', '10000', '214200'],
    ]);
    expect(totals).toMatchObject({ totalBenefit: '305200', totalCost: '91000', netBenefit: '214200', runRateBenefit: '153200' });
    expect(totals.npv).toBe(toDecimalString(dec(a.npv).plus(b.npv)));
    // Cumulative -61,000 then +52,000 in year 1 (-9,000), +111,600 in year 2: 12 + 9,000 / 111,600 x 12 months.
    expect(toFixedString(totals.paybackMonths!, 4)).toBe('12.9677');
    const free = computeBusinessCase({ horizonYears: 2, discountRate: '0.1', confidence: '1', costs: [], kpis: [{ id: 'z', label: 'z', impact: '10', share: '1' }] });
    expect(portfolioTotals([free])).toMatchObject({ roi: null, paybackMonths: '0' });
    expect(portfolioTotals([])).toMatchObject({ totalBenefit: '0', roi: null, paybackMonths: null, years: [{ year: 0, benefit: '0' }] });
  });

  it('ranks best first and puts projects without a value last', () => {
    const rows = [
      { name: 'B', businessCase: { npv: '10', roi: null, paybackMonths: null, totalBenefit: '5' } },
      { name: 'A', businessCase: { npv: '-3', roi: '0.5', paybackMonths: '20', totalBenefit: '50' } },
      { name: 'C', businessCase: { npv: '10', roi: '2', paybackMonths: '3.5', totalBenefit: '7' } },
    ];
    expect(rankProjects(rows, 'npv').map((r) => r.name)).toEqual(['B', 'C', 'A']);
    expect(rankProjects(rows, 'roi').map((r) => r.name)).toEqual(['C', 'A', 'B']);
    expect(rankProjects(rows, 'payback').map((r) => r.name)).toEqual(['C', 'A', 'B']);
    expect(rankProjects(rows, 'benefit').map((r) => r.name)).toEqual(['A', 'C', 'B']);
  });

  it('sums impact x share per measure for the top measures', () => {
    const lines = kpiLines(workedExample, { projectStart: null, today: TODAY });
    const other = kpiLines([link({ kpiId: 'nps2', share: '0.2' })], { projectStart: null, today: TODAY });
    expect(topMeasures([{ projectId: 'p1', lines }, { projectId: 'p2', lines: other }], 2)).toEqual([
      { measureId: 'churn', measureName: 'Churn', value: '90000', projectCount: 1 },
      { measureId: 'm', measureName: 'NPS', value: '60000', projectCount: 2 },
    ]);
  });
});

describe('businessCaseCsvRows', () => {
  it('writes machine decimals: money to the cent, ratios to 4 places, empty cells for not applicable', () => {
    const labels = new Proxy({}, { get: (_t, section: string) => new Proxy({}, { get: (_s, key: string) => `${section}.${key}` }) }) as unknown as CaseCsvLabels;
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
