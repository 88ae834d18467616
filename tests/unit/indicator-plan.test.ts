import { describe, expect, it } from 'vitest';
import { financeView, groupByHeartBand, heartBandOf, measureFlags, newestOf, type PlanKpi } from '~/domain/indicator-plan';
import { indicatorSearch, IndicatorFiltersSchema } from '~/lib/schemas/indicators';

const complete = { heartCategory: 'happiness' as const, ownerId: 'u1', valueAmount: '50000', valueStep: '10' };

describe('measureFlags', () => {
  it.each([
    ['a complete measure', complete, []],
    ['no HEART category', { ...complete, heartCategory: null }, ['no_category']],
    ['no owner', { ...complete, ownerId: null }, ['no_owner']],
    ['an amount without a step', { ...complete, valueStep: null }, ['no_value']],
    ['a step without an amount', { ...complete, valueAmount: null }, ['no_value']],
    ['a zero step', { ...complete, valueStep: '0' }, ['no_value']],
    ['nothing at all', { heartCategory: null, ownerId: null, valueAmount: null, valueStep: null }, ['no_category', 'no_owner', 'no_value']],
  ] as const)('%s', (_, measure, flags) => {
    expect(measureFlags(measure)).toEqual(flags);
  });
});

describe('groupByHeartBand', () => {
  it('orders bands as HEART does, keeps the order within a band, puts measures without a category last and leaves empty bands out', () => {
    const rows = [
      { name: 'Churn', heartCategory: 'retention' as const },
      { name: 'Deliverability', heartCategory: null },
      { name: 'NPS', heartCategory: 'happiness' as const },
      { name: 'CSAT', heartCategory: 'happiness' as const },
      { name: 'CES', heartCategory: 'task_success' as const },
    ];
    expect(groupByHeartBand(rows).map((b) => [b.band, b.rows.map((r) => r.name)])).toEqual([
      ['happiness', ['NPS', 'CSAT']],
      ['retention', ['Churn']],
      ['task_success', ['CES']],
      ['none', ['Deliverability']],
    ]);
    expect(groupByHeartBand([])).toEqual([]);
    expect(heartBandOf(undefined)).toBe('none');
  });
});

describe('financeView (hand-worked)', () => {
  const kpi = (over: Partial<PlanKpi>): PlanKpi => ({ impactMode: 'auto', manualAmount: null, target: null, current: null, projectShare: '0', ...over });
  // | measure | KPI | current | target | gap | vpu | impact | project share | planned |
  // | NPS up, 50,000 per 10 pts | A | 32 | 42 | 10 | 5,000 | 50,000 | 100 % + 50 % | 75,000 |
  // | NPS | B | 45 | 42 | -3 (met) | 5,000 | 0 | 0 | 0 |
  // | NPS | C | - | 42 | unknown | | not valued | | |
  // | NPS | D (manual) | | | | | 1,234.5 | 20 % | 246.9 |
  it('sums the KPIs’ annual impacts and what projects count on, and counts the KPIs it cannot value', () => {
    const nps = { trend: 'up' as const, valueAmount: '50000', valueStep: '10' };
    const view = financeView(nps, [
      kpi({ current: '32', target: '42', projectShare: '1.5' }),
      kpi({ current: '45', target: '42' }),
      kpi({ target: '42' }),
      kpi({ impactMode: 'manual', manualAmount: '1234.5', projectShare: '0.2' }),
    ]);
    expect(view).toEqual({ kpiCount: 4, atStake: '51234.5', planned: '75246.9', unvalued: 1 });
  });

  it('follows the trend: churn 8.5 -> 7.0 at 120,000 a point is 180,000 at stake', () => {
    expect(financeView({ trend: 'down', valueAmount: '120000', valueStep: '1' }, [kpi({ current: '8.5', target: '7.0', projectShare: '0.5' })])).toEqual({
      kpiCount: 1,
      atStake: '180000',
      planned: '90000',
      unvalued: 0,
    });
  });

  it('has nothing at stake without a financial value or without KPIs', () => {
    expect(financeView({ trend: 'up', valueAmount: null, valueStep: null }, [kpi({ current: '1', target: '2' })])).toEqual({
      kpiCount: 1,
      atStake: null,
      planned: null,
      unvalued: 1,
    });
    expect(financeView({ trend: 'up', valueAmount: '1', valueStep: '1' }, [])).toEqual({ kpiCount: 0, atStake: null, planned: null, unvalued: 0 });
  });

  it('is exact where floats are not (0.1 + 0.2)', () => {
    const view = financeView({ trend: 'up', valueAmount: '1', valueStep: '1' }, [kpi({ current: '0', target: '0.1' }), kpi({ current: '0', target: '0.2' })]);
    expect(view.atStake).toBe('0.3');
  });
});

describe('plan filters', () => {
  it('ignores unknown values and keeps the page a positive whole number', () => {
    expect(IndicatorFiltersSchema.parse({ family: 'user_adoption', tag: ' finance ', page: '3' })).toEqual({
      family: 'user_adoption',
      tag: 'finance',
      page: 3,
    });
    expect(IndicatorFiltersSchema.parse({ family: 'nope', tag: '', page: '-2' })).toEqual({ family: undefined, tag: undefined, page: 1 });
    expect(IndicatorFiltersSchema.parse({})).toEqual({ page: 1 });
  });
  it('writes the search of a page with the filters kept', () => {
    expect(indicatorSearch({ page: 1 })).toBe('');
    expect(indicatorSearch({ family: 'business_performance', tag: 'a&b', page: 1 }, 2)).toBe('?family=business_performance&tag=a%26b&page=2');
  });
  it('newestOf reads the last point', () => {
    expect(newestOf(undefined)).toBeNull();
    expect(
      newestOf([
        { date: '2025-01-01', value: '1' },
        { date: '2025-02-01', value: '2' },
      ]),
    ).toBe('2');
  });
});
