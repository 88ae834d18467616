import { describe, expect, it } from 'vitest';
import { computeBusinessCase, kpiContribution, type BusinessCase, type BusinessCaseInput } from '~/domain/business-case';
import { dec, toFixedString } from '~/domain/decimal';
import { annualImpact } from '~/domain/kpi';

// The worked example of DESIGN.md, built from the measures so the whole chain is exercised.
const workedExample: BusinessCaseInput = {
  horizonYears: 3,
  discountRate: '0.08',
  confidence: '0.8',
  rampUp: ['0.5', '1', '1'],
  costs: [
    { kind: 'one_off', amount: '60000.00' },
    { kind: 'recurring', amount: '10000.00' },
  ],
  kpis: [
    {
      id: 'nps',
      label: 'NPS at Onboarding',
      share: '1',
      impact: annualImpact({ mode: 'auto', current: '32', target: '42', trend: 'up', valueAmount: '50000', valueStep: '10' }).amount,
    },
    {
      id: 'churn',
      label: 'Churn rate at Renewal',
      share: '0.5',
      impact: annualImpact({ mode: 'auto', current: '8.5', target: '7.0', trend: 'down', valueAmount: '120000', valueStep: '1' }).amount,
    },
    {
      id: 'aht',
      label: 'Handling time at Support',
      share: '1',
      impact: annualImpact({ mode: 'auto', current: '420', target: '360', trend: 'down', valueAmount: '2000', valueStep: '10' }).amount,
    },
  ],
};

/** A plain project: one KPI worth `runRate` a year at 100 %, no discounting, full confidence. */
function simple(runRate: string, costs: BusinessCaseInput['costs'], extra: Partial<BusinessCaseInput> = {}): BusinessCaseInput {
  return {
    horizonYears: 3,
    discountRate: '0',
    confidence: '1',
    costs,
    kpis: [{ id: 'k', label: 'K', impact: runRate, share: '1' }],
    ...extra,
  };
}

const percent1dp = (fraction: string | null) => (fraction === null ? null : toFixedString(dec(fraction).times(100), 1));

describe('computeBusinessCase: worked example of DESIGN.md', () => {
  const bc = computeBusinessCase(workedExample);

  it.each<[keyof BusinessCase, string]>([
    ['runRateBenefit', '152000.00'],
    ['totalBenefit', '304000.00'],
    ['totalCost', '90000.00'],
    ['netBenefit', '214000.00'],
    ['pvBenefit', '257078.70'],
    ['pvCost', '85770.97'],
    ['npv', '171307.73'],
  ])('%s is %s to the cent', (field, expected) => {
    expect(toFixedString(bc[field] as string, 2)).toBe(expected);
  });

  it('shows ROI 237.8 %, ROI on PV 199.7 % and payback 13.0 months', () => {
    expect(percent1dp(bc.roi)).toBe('237.8');
    expect(percent1dp(bc.roiPv)).toBe('199.7');
    expect(toFixedString(bc.paybackMonths as string, 1)).toBe('13.0');
    // 12 + 9,200 / 111,600 x 12
    expect(bc.paybackMonths).toBe('12.9892473118');
  });

  it.each([
    [0, '0', '60000', '-60000', '1'],
    [1, '60800', '10000', '-9200', '0.9259259259'],
    [2, '121600', '10000', '102400', '0.8573388203'],
    [3, '121600', '10000', '214000', '0.793832241'],
  ])('year %i: benefit %s, cost %s, cumulative %s, discount factor %s', (year, benefit, cost, cumulative, factor) => {
    expect(bc.years[year]).toMatchObject({ year, benefit, cost, cumulative, discountFactor: factor });
  });

  it('ends the discounted cumulative at the NPV', () => {
    expect(bc.years).toHaveLength(4);
    expect(bc.years[3].cumulativeDiscounted).toBe(bc.npv);
    expect(toFixedString(bc.years[1].discountedBenefit, 2)).toBe('56296.30');
  });

  it('lists each KPI contribution (impact x share)', () => {
    expect(bc.kpiContributions.map((k) => [k.id, k.impact, k.share, k.contribution])).toEqual([
      ['nps', '50000', '1', '50000'],
      ['churn', '180000', '0.5', '90000'],
      ['aht', '12000', '1', '12000'],
    ]);
  });
});

describe('computeBusinessCase: edge cases', () => {
  it.each<[string, BusinessCaseInput, Partial<BusinessCase>]>([
    [
      'no costs: ROI is unknown, never Infinity or NaN, and payback is immediate',
      simple('1000', []),
      { totalCost: '0', pvCost: '0', roi: null, roiPv: null, paybackMonths: '0', totalBenefit: '3000' },
    ],
    ['payback inside year 1: 100 spent at the start, 1,200 a year back', simple('1200', [{ kind: 'one_off', amount: '100' }]), { paybackMonths: '1' }],
    ['payback exactly at the end of year 1', simple('1200', [{ kind: 'one_off', amount: '1200', year: 0 }]), { paybackMonths: '12' }],
    ['payback in year 3', simple('100', [{ kind: 'one_off', amount: '250' }]), { paybackMonths: '30' }],
    ['payback never reached within the horizon', simple('100', [{ kind: 'one_off', amount: '500' }]), { paybackMonths: null, netBenefit: '-200', roi: '-0.4' }],
    ['nothing spent in year 0 means payback at 0 months', simple('100', [{ kind: 'recurring', amount: '50' }]), { paybackMonths: '0', totalCost: '150' }],
    [
      'a target that is no improvement brings no benefit',
      simple('0', [{ kind: 'one_off', amount: '100' }]),
      { runRateBenefit: '0', totalBenefit: '0', paybackMonths: null, roi: '-1', npv: '-100' },
    ],
    ['confidence scales every year', simple('1000', [], { confidence: '0.5' }), { runRateBenefit: '1000', totalBenefit: '1500' }],
    [
      'a zero discount rate makes present values equal to totals',
      simple('1000', [{ kind: 'one_off', amount: '600' }]),
      { pvBenefit: '3000', pvCost: '600', npv: '2400', roiPv: '4', roi: '4' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(computeBusinessCase(input)).toMatchObject(expected);
  });

  it.each<[string, Partial<BusinessCaseInput>, string[]]>([
    ['ramp-up per year', { rampUp: ['0.25', '0.75', '1'] }, ['0', '25', '75', '100']],
    ['missing ramp-up years run at full speed', { rampUp: ['0.25'] }, ['0', '25', '100', '100']],
    ['blank ramp-up entries run at full speed', { rampUp: ['', null, '0.5'] }, ['0', '100', '100', '50']],
    ['ramp-up beyond the horizon is ignored', { horizonYears: 1, rampUp: ['1', '0'] }, ['0', '100']],
    ['no ramp-up at all', {}, ['0', '100', '100', '100']],
  ])('%s', (_name, extra, benefits) => {
    expect(computeBusinessCase(simple('100', [], extra)).years.map((y) => y.benefit)).toEqual(benefits);
  });

  it.each<[string, BusinessCaseInput['costs'], string[], number]>([
    ['a one-off cost defaults to year 0', [{ kind: 'one_off', amount: '5' }], ['5', '0', '0', '0'], 0],
    ['a one-off cost falls in its year', [{ kind: 'one_off', amount: '5', year: 2 }], ['0', '0', '5', '0'], 0],
    ['a recurring cost defaults to years 1..H', [{ kind: 'recurring', amount: '5' }], ['0', '5', '5', '5'], 0],
    ['a recurring cost from year 2', [{ kind: 'recurring', amount: '5', year: 2 }], ['0', '0', '5', '5'], 0],
    ['a recurring cost from year 0', [{ kind: 'recurring', amount: '5', year: 0 }], ['5', '5', '5', '5'], 0],
    [
      'costs after the horizon are counted out, not spread',
      [
        { kind: 'one_off', amount: '5', year: 4 },
        { kind: 'recurring', amount: '7', year: 5 },
        { kind: 'one_off', amount: '1', year: 3 },
      ],
      ['0', '0', '0', '1'],
      2,
    ],
    [
      'costs in the same year add up',
      [
        { kind: 'one_off', amount: '0.10' },
        { kind: 'one_off', amount: '0.20' },
        { kind: 'recurring', amount: '1', year: 3 },
      ],
      ['0.3', '0', '0', '1'],
      0,
    ],
  ])('%s', (_name, costs, expected, outside) => {
    const bc = computeBusinessCase(simple('0', costs));
    expect(bc.years.map((y) => y.cost)).toEqual(expected);
    expect(bc.costsOutsideHorizon).toBe(outside);
  });

  it('sums KPI impacts by share and leaves out unknown impacts', () => {
    const bc = computeBusinessCase({
      ...simple('0', []),
      kpis: [
        { id: 'a', label: 'A', impact: '1000', share: '0.25' },
        { id: 'b', label: 'B', impact: null, share: '1' },
        { id: 'c', label: 'C', impact: '300', share: '1' },
      ],
    });
    expect(bc.runRateBenefit).toBe('550');
    expect(bc.kpiContributions.map((k) => k.contribution)).toEqual(['250', null, '300']);
  });

  it('has no benefit without linked KPIs', () => {
    expect(computeBusinessCase({ ...simple('0', []), kpis: [] }).runRateBenefit).toBe('0');
  });

  it.each<[string, Partial<BusinessCaseInput>]>([
    ['horizon 0', { horizonYears: 0 }],
    ['horizon 11', { horizonYears: 11 }],
    ['fractional horizon', { horizonYears: 2.5 }],
    ['discount rate of -100 %', { discountRate: '-1' }],
    ['negative cost year', { costs: [{ kind: 'one_off', amount: '1', year: -1 }] }],
  ])('refuses %s', (_name, extra) => {
    expect(() => computeBusinessCase(simple('100', [], extra))).toThrow(RangeError);
  });
});

describe('kpiContribution', () => {
  it.each<[string | null, string, string | null]>([
    ['50000', '1', '50000'],
    ['180000', '0.5', '90000'],
    ['12000', '0', '0'],
    [null, '1', null],
  ])('%s x %s is %s', (impact, share, expected) => {
    expect(kpiContribution(impact, share)).toBe(expected);
  });

  it('the run-rate sums the exact products, not the rounded contributions', () => {
    const kpis = ['a', 'b'].map((id) => ({ id, label: id, impact: '0.0000000001', share: '0.5' }));
    const bc = computeBusinessCase({ horizonYears: 1, discountRate: '0', confidence: '1', costs: [], kpis });
    expect(bc.kpiContributions.map((k) => k.contribution)).toEqual(['0.0000000001', '0.0000000001']);
    expect(bc.runRateBenefit).toBe('0.0000000001');
    expect(dec(bc.totalBenefit).eq('0.0000000001')).toBe(true);
  });
});
