import { describe, expect, it } from 'vitest';
import {
  annualImpact,
  currentFromHistory,
  kpiGap,
  kpiStatus,
  realisedBenefit,
  valueOnOrBefore,
  valuePerUnit,
  type AnnualImpact,
  type AnnualImpactInput,
  type KpiStatusInput,
  type RealisedBenefit,
  type RealisedBenefitInput,
  type ValuePoint,
} from '../../app/domain/kpi';
import type { KpiStatus, Trend } from '../../app/domain/vocabulary';

const points = (...pairs: [string, string][]): ValuePoint[] => pairs.map(([date, value]) => ({ date, value }));

describe('valuePerUnit', () => {
  it.each<[string | null, string | null, string | null]>([
    ['50000', '10', '5000'], // NPS: 50,000 EUR per 10 pts
    ['120000', '1', '120000'], // churn: 120,000 EUR per pt
    ['2000', '10', '200'], // handling time: 2,000 EUR per 10 s
    ['50000.00', '0.5', '100000'],
    ['100', '3', '33.3333333333'],
    [null, '10', null],
    ['5000', null, null],
    ['', '10', null],
    ['5000', '0', null],
    ['5000', '0.00', null],
  ])('%s per %s units is %s per unit', (amount, step, expected) => {
    expect(valuePerUnit(amount, step)).toBe(expected);
  });
});

describe('kpiGap', () => {
  it.each<[string | null, string | null, Trend, string | null]>([
    ['32', '42', 'up', '10'],
    ['8.5', '7.0', 'down', '1.5'],
    ['420', '360', 'down', '60'],
    ['42', '32', 'up', '-10'],
    ['7', '8.5', 'down', '-1.5'],
    ['42', '42', 'up', '0'],
    [null, '1', 'up', null],
    ['1', null, 'down', null],
  ])('current %s, target %s, trend %s: gap %s', (current, target, trend, expected) => {
    expect(kpiGap(current, target, trend)).toBe(expected);
  });
});

describe('annualImpact', () => {
  const nps = { trend: 'up', valueAmount: '50000', valueStep: '10' } as const;
  const churn = { trend: 'down', valueAmount: '120000', valueStep: '1' } as const;
  const handlingTime = { trend: 'down', valueAmount: '2000', valueStep: '10' } as const;

  it.each<[string, AnnualImpactInput, AnnualImpact]>([
    ['worked example: NPS 32 -> 42', { mode: 'auto', current: '32', target: '42', ...nps }, { amount: '50000', gap: '10', vpu: '5000' }],
    [
      'worked example: churn 8.5 -> 7.0 (lower is better)',
      { mode: 'auto', current: '8.5', target: '7.0', ...churn },
      { amount: '180000', gap: '1.5', vpu: '120000' },
    ],
    [
      'worked example: handling time 420 -> 360 s (lower is better)',
      { mode: 'auto', current: '420', target: '360', ...handlingTime },
      { amount: '12000', gap: '60', vpu: '200' },
    ],
    [
      'target worse than today yields no benefit, not a negative one',
      { mode: 'auto', current: '7.0', target: '8.5', ...churn },
      { amount: '0', gap: '-1.5', vpu: '120000', reason: 'target_not_improvement' },
    ],
    [
      'target already reached yields no benefit',
      { mode: 'auto', current: '42', target: '42', ...nps },
      { amount: '0', gap: '0', vpu: '5000', reason: 'target_not_improvement' },
    ],
    [
      'multiplies before dividing: 50,000 per 3 pts for 3 pts is exactly 50,000',
      { mode: 'auto', current: '10', target: '13', trend: 'up', valueAmount: '50000', valueStep: '3' },
      { amount: '50000', gap: '3', vpu: '16666.6666666667' },
    ],
    [
      'manual mode takes the typed amount even when the gap says otherwise',
      { mode: 'manual', manualAmount: '25000.00', current: '42', target: '32', ...nps },
      { amount: '25000', gap: '-10', vpu: '5000' },
    ],
    [
      'manual mode works without a financial value on the measure',
      { mode: 'manual', manualAmount: '7500', current: null, target: null, trend: 'up', valueAmount: null, valueStep: null },
      { amount: '7500', gap: null, vpu: null },
    ],
    [
      'manual mode without an amount',
      { mode: 'manual', manualAmount: null, current: '32', target: '42', ...nps },
      { amount: null, gap: '10', vpu: '5000', reason: 'manual_amount_missing' },
    ],
    [
      'measure without a financial value',
      { mode: 'auto', current: '32', target: '42', trend: 'up', valueAmount: null, valueStep: '10' },
      { amount: null, gap: '10', vpu: null, reason: 'no_financial_value' },
    ],
    ['no target yet', { mode: 'auto', current: '32', target: null, ...nps }, { amount: null, gap: null, vpu: '5000', reason: 'missing_values' }],
    ['no current value yet', { mode: 'auto', current: undefined, target: '42', ...nps }, { amount: null, gap: null, vpu: '5000', reason: 'missing_values' }],
  ])('%s', (_name, input, expected) => {
    expect(annualImpact(input)).toEqual(expected);
  });
});

describe('currentFromHistory and valueOnOrBefore', () => {
  const history = points(['2024-03-01', '36'], ['2023-12-01', '30'], ['2024-01-01', '32']);

  it('takes the newest value by date, not by position', () => {
    expect(currentFromHistory(history)).toBe('36');
    expect(currentFromHistory([])).toBeNull();
  });

  it('lets a later entry for the same date replace the earlier one', () => {
    expect(currentFromHistory(points(['2024-01-01', '1'], ['2024-01-01', '2']))).toBe('2');
  });

  it.each<[string, string | null]>([
    ['2024-01-01', '32'], // on the day
    ['2024-02-15', '32'],
    ['2023-12-31', '30'],
    ['2024-12-31', '36'],
    ['2023-11-30', null],
    ['2024-01-01T00:00:00.000Z', '32'],
  ])('on or before %s: %s', (date, expected) => {
    expect(valueOnOrBefore(history, date)).toBe(expected);
  });

  it('counts a timestamped value on the start day as on the start date', () => {
    expect(valueOnOrBefore(points(['2024-01-01T16:30:00Z', '5']), '2024-01-01')).toBe('5');
    expect(valueOnOrBefore(points(['2024-01-01T16:30:00Z', '5']), '2024-01-01T09:00:00Z')).toBe('5');
    expect(valueOnOrBefore(points(['2024-01-02T00:00:00Z', '5']), '2024-01-01T23:59:59Z')).toBeNull();
  });
});

describe('kpiStatus', () => {
  it.each<[string, KpiStatusInput, KpiStatus]>([
    ['met, higher is better', { current: '42', target: '42', trend: 'up', history: [] }, 'met'],
    ['beyond target, higher is better', { current: '45', target: '42', trend: 'up', history: [] }, 'met'],
    ['met, lower is better', { current: '6.9', target: '7.0', trend: 'down', history: [] }, 'met'],
    ['met even when the last move was bad', { current: '43', target: '42', trend: 'up', history: points(['2024-01-01', '45'], ['2024-02-01', '43']) }, 'met'],
    [
      'current falls back to the newest history value',
      { current: null, target: '42', trend: 'up', history: points(['2024-01-01', '40'], ['2024-02-01', '44']) },
      'met',
    ],
    ['on track, higher is better', { current: '35', target: '42', trend: 'up', history: points(['2024-01-01', '32'], ['2024-02-01', '35']) }, 'on_track'],
    ['off track, higher is better', { current: '32', target: '42', trend: 'up', history: points(['2024-01-01', '35'], ['2024-02-01', '32']) }, 'off_track'],
    ['on track, lower is better', { current: '8.1', target: '7', trend: 'down', history: points(['2024-01-01', '8.5'], ['2024-02-01', '8.1']) }, 'on_track'],
    ['off track, lower is better', { current: '8.5', target: '7', trend: 'down', history: points(['2024-01-01', '8.1'], ['2024-02-01', '8.5']) }, 'off_track'],
    [
      'uses the newest two by date, whatever the order given',
      {
        current: '30',
        target: '42',
        trend: 'up',
        history: points(['2024-03-01', '30'], ['2024-01-01', '40'], ['2024-02-01', '20']),
      },
      'on_track',
    ],
    [
      'a second value for a date replaces the first',
      {
        current: '5',
        target: '42',
        trend: 'up',
        history: points(['2024-01-01', '10'], ['2024-02-01', '20'], ['2024-02-01', '5']),
      },
      'off_track',
    ],
    ['no trend with a single value', { current: '32', target: '42', trend: 'up', history: points(['2024-01-01', '32']) }, 'no_trend'],
    ['no trend without history', { current: '32', target: '42', trend: 'up', history: [] }, 'no_trend'],
    [
      'no trend when the value did not change',
      { current: '32', target: '42', trend: 'up', history: points(['2024-01-01', '32.0'], ['2024-02-01', '32']) },
      'no_trend',
    ],
    [
      'without a target it can only be a trend',
      { current: '99', target: null, trend: 'up', history: points(['2024-01-01', '98'], ['2024-02-01', '99']) },
      'on_track',
    ],
  ])('%s', (_name, input, expected) => {
    expect(kpiStatus(input)).toBe(expected);
  });
});

describe('realisedBenefit', () => {
  it.each<[string, RealisedBenefitInput, RealisedBenefit]>([
    [
      'NPS up 4 pts since the start, at 5,000 per pt',
      {
        history: points(['2023-12-01', '30'], ['2024-01-01', '32'], ['2024-06-01', '36']),
        projectStart: '2024-01-01',
        trend: 'up',
        vpu: '5000',
        share: '1',
      },
      { baseline: '32', current: '36', units: '4', amount: '20000' },
    ],
    [
      'churn down 0.5 pt, half attributed to the project',
      {
        history: points(['2023-12-31', '8.5'], ['2024-05-01', '8.0']),
        projectStart: '2024-01-15',
        trend: 'down',
        vpu: '120000',
        share: '0.5',
      },
      { baseline: '8.5', current: '8.0', units: '0.5', amount: '30000' },
    ],
    [
      'a KPI that got worse shows a negative realised benefit',
      {
        history: points(['2023-12-31', '8.5'], ['2024-05-01', '9']),
        projectStart: '2024-01-15',
        trend: 'down',
        vpu: '120000',
        share: '0.5',
      },
      { baseline: '8.5', current: '9', units: '-0.5', amount: '-30000' },
    ],
    [
      'no value on or before the start: no baseline',
      {
        history: points(['2024-02-01', '33'], ['2024-03-01', '35']),
        projectStart: '2024-01-01',
        trend: 'up',
        vpu: '5000',
        share: '1',
      },
      { baseline: null, current: '35', units: null, amount: null },
    ],
    [
      'no start date: no baseline',
      { history: points(['2024-02-01', '33']), projectStart: null, trend: 'up', vpu: '5000', share: '1' },
      { baseline: null, current: '33', units: null, amount: null },
    ],
    [
      'units without a value per unit',
      {
        history: points(['2024-01-01', '420'], ['2024-04-01', '400']),
        projectStart: '2024-01-01',
        trend: 'down',
        vpu: null,
        share: '1',
      },
      { baseline: '420', current: '400', units: '20', amount: null },
    ],
  ])('%s', (_name, input, expected) => {
    expect(realisedBenefit(input)).toEqual(expected);
  });
});
