import { describe, expect, it } from 'vitest';
import { computeBusinessCase, doubleCounting, kpiLines, portfolioTotals, rankProjects, topMeasures, type KpiShare } from '~/domain/business-case';
import { dec, toDecimalString, toFixedString } from '~/domain/decimal';
import { exampleAssumptions, exampleCosts, link, TODAY, workedExample } from './fixtures';

describe('portfolio', () => {
  const a = computeBusinessCase({ ...exampleAssumptions, costs: exampleCosts, kpis: [{ id: 'x', label: 'x', impact: '152000', share: '1' }] });
  const b = computeBusinessCase({
    horizonYears: 1,
    discountRate: '0.1',
    confidence: '1',
    costs: [{ kind: 'one_off', amount: '1000' }],
    kpis: [{ id: 'y', label: 'y', impact: '1200', share: '1' }],
  });

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
    const free = computeBusinessCase({
      horizonYears: 2,
      discountRate: '0.1',
      confidence: '1',
      costs: [],
      kpis: [{ id: 'z', label: 'z', impact: '10', share: '1' }],
    });
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
    expect(
      topMeasures(
        [
          { projectId: 'p1', lines },
          { projectId: 'p2', lines: other },
        ],
        2,
      ),
    ).toEqual([
      { measureId: 'churn', measureName: 'Churn', value: '90000', projectCount: 1 },
      { measureId: 'm', measureName: 'NPS', value: '60000', projectCount: 2 },
    ]);
  });
});

describe('doubleCounting', () => {
  it.each<[string, KpiShare[], string[]]>([
    ['no links', [], []],
    ['one project at 100 %', [{ kpiId: 'k', projectId: 'p1', share: '1' }], []],
    [
      'exactly 100 % across projects is fine',
      [
        { kpiId: 'k', projectId: 'p1', share: '0.5' },
        { kpiId: 'k', projectId: 'p2', share: '0.5' },
      ],
      [],
    ],
    [
      'more than 100 % is flagged',
      [
        { kpiId: 'k', projectId: 'p1', share: '0.6' },
        { kpiId: 'k', projectId: 'p2', share: '0.5' },
        { kpiId: 'j', projectId: 'p1', share: '0.9' },
      ],
      ['k'],
    ],
    [
      'several KPIs at once',
      [
        { kpiId: 'a', projectId: 'p1', share: '1' },
        { kpiId: 'b', projectId: 'p1', share: '0.7' },
        { kpiId: 'a', projectId: 'p2', share: '0.01' },
        { kpiId: 'b', projectId: 'p2', share: '0.3' },
        { kpiId: 'b', projectId: 'p3', share: '0.1' },
      ],
      ['a', 'b'],
    ],
  ])('%s', (_name, shares, expected) => {
    expect(doubleCounting(shares)).toEqual(expected);
  });
});
