// Scenarios, tornado and break-even, worked by hand from DESIGN.md's "Self-service onboarding"
// (run-rate 152,000 = NPS 50,000 + churn 90,000 + handling time 12,000; confidence 80 %; ramp-up
// 50/100/100; costs 60,000 + 10,000 a year; 8 %; PV(benefits) 257,078.70, PV(costs) 85,770.97,
// NPV 171,307.73). Each PV of benefits is proportional to run-rate x confidence x ramp-up, so
// PV(b) = 257,078.6973530458 x (reach x confidence / 0.8) when the ramp-up is the project's.
import { describe, expect, it } from 'vitest';
import {
  applyScenario,
  breakEvens,
  DEFAULT_SCENARIOS,
  kpiLines,
  NEUTRAL_SCENARIO,
  projectCaseInput,
  scenarioAnalysis,
  scenarioCases,
  tornado,
  type BusinessCaseInput,
  type ScenarioOverrides,
} from '~/domain/business-case';
import { dec, toFixedString } from '~/domain/decimal';
import { exampleAssumptions, exampleCosts, TODAY, workedExample } from './fixtures';

const example: BusinessCaseInput = projectCaseInput(exampleAssumptions, exampleCosts, kpiLines(workedExample, { projectStart: null, today: TODAY }));
const cents = (x: string | null) => (x === null ? null : toFixedString(x, 2));
const pct1 = (x: string | null) => (x === null ? null : toFixedString(dec(x).times(100), 1));

describe('scenario cases of the worked example', () => {
  const cases = scenarioCases(example, DEFAULT_SCENARIOS);

  it.each<[kind: 'low' | 'base' | 'high', totalBenefit: string, totalCost: string, npv: string, roi: string, payback: string]>([
    [
      'low',
      '159600.00',
      '108000.00',
      '32041.15',
      '47.8',
      '24.1',
      // confidence 80 - 20 = 60 %, reach 70 %: full speed 152,000 x 0.7 x 0.6 = 63,840; years 0 / 31,920 /
      // 63,840 / 63,840. Costs x 1.2: 72,000 + 3 x 12,000 = 108,000. ROI 51,600 / 108,000 = 47.8 %.
      // PV(b) = 257,078.70 x 0.42 / 0.8 = 134,966.32; PV(c) = 85,770.97 x 1.2 = 102,925.16.
      // Cumulative -72,000 / -52,080 / -240 -> payback 24 + 240 / 51,840 x 12 = 24.06 months.
    ],
    // DESIGN.md as it is
    ['base', '304000.00', '90000.00', '171307.73', '237.8', '13.0'],
    [
      'high',
      '376200.00',
      '81000.00',
      '240941.02',
      '364.4',
      '9.8',
      // confidence 90 %, reach 110 %: full speed 152,000 x 1.1 x 0.9 = 150,480; years 75,240 / 150,480 /
      // 150,480 = 376,200. Costs x 0.9: 54,000 + 3 x 9,000 = 81,000. ROI 295,200 / 81,000 = 364.4 %.
      // PV(b) = 257,078.70 x 0.99 / 0.8 = 318,134.89; PV(c) = 77,193.87. Payback 54,000 / 66,240 x 12 = 9.8.
    ],
  ])('%s: benefit %s, cost %s, NPV %s, ROI %s %%, payback %s months', (kind, totalBenefit, totalCost, npv, roi, payback) => {
    const c = cases[kind];
    expect([cents(c.totalBenefit), cents(c.totalCost), cents(c.npv), pct1(c.roi), toFixedString(c.paybackMonths!, 1)]).toEqual([
      totalBenefit,
      totalCost,
      npv,
      roi,
      payback,
    ]);
  });

  it('a neutral base case is the project itself', () => {
    expect(applyScenario(example, NEUTRAL_SCENARIO)).toEqual({ ...example, confidence: '0.8' });
  });
});

describe('applyScenario', () => {
  const one: BusinessCaseInput = {
    horizonYears: 2,
    discountRate: '0',
    confidence: '0.95',
    rampUp: ['0.5', '1'],
    costs: [{ kind: 'one_off', amount: '1000' }],
    kpis: [
      { id: 'a', label: 'A', impact: '2000', share: '0.5' },
      { id: 'b', label: 'B', impact: null, share: '1' },
    ],
  };
  it.each<[name: string, o: ScenarioOverrides, expected: Partial<BusinessCaseInput>]>([
    ['confidence is kept at most 100 %', { ...NEUTRAL_SCENARIO, confidenceShift: '0.1' }, { confidence: '1' }],
    ['confidence is kept at least 0 %', { ...NEUTRAL_SCENARIO, confidenceShift: '-1' }, { confidence: '0' }],
    ['a ramp-up of its own replaces the project one', { ...NEUTRAL_SCENARIO, rampUp: ['0.25'] }, { rampUp: ['0.25'] }],
    ['costs -10 %', { ...NEUTRAL_SCENARIO, costChange: '-0.1' }, { costs: [{ kind: 'one_off', amount: '900' }] }],
    [
      'reach scales each impact, an unknown impact stays unknown',
      { ...NEUTRAL_SCENARIO, targetReach: '0.38' },
      {
        kpis: [
          { id: 'a', label: 'A', impact: '760', share: '0.5' },
          { id: 'b', label: 'B', impact: null, share: '1' },
        ],
      },
    ],
  ])('%s', (_name, o, expected) => {
    expect(applyScenario(one, o)).toMatchObject(expected);
  });

  it('reach 110 % of a 1,000 gap with ramp-up 25 % then full speed (missing years run at 100 %)', () => {
    // run-rate 2,000 x 0.5 x 1.1 = 1,100, confidence 95 %: 1,045 at full speed -> 0 / 261.25 / 1,045
    const c = scenarioCases(one, { ...DEFAULT_SCENARIOS, high: { confidenceShift: '0', rampUp: ['0.25'], costChange: '0', targetReach: '1.1' } }).high;
    expect(c.years.map((y) => y.benefit)).toEqual(['0', '261.25', '1045']);
  });
});

describe('tornado of the worked example', () => {
  const { baseNpv, bars } = tornado(example);

  it('starts from the base NPV', () => expect(cents(baseNpv)).toBe('171307.73'));

  it('sorts the assumptions by how far NPV moves, biggest first', () => {
    expect(bars.map((b) => [b.kpiId ?? b.driver, cents(b.npvDown), cents(b.npvUp), cents(b.swing)])).toEqual([
      // confidence 64 % / 96 %: PV(b) x 0.8 / x 1.2 = 205,662.96 / 308,494.44, minus 85,770.97
      ['confidence', '119891.99', '222723.47', '102831.48'],
      // ramp-up 40/80/80 (the same as confidence x 0.8) / 60/100/100 (capped at 100 %): year 1 gains
      // 152,000 x 0.8 x 0.1 = 12,160, i.e. 11,259.26 at 8 %
      ['rampUp', '119891.99', '182566.99', '62675.00'],
      // churn's 90,000 of the run-rate +/- 18,000 at 80 %: +/- 30,443.53 of NPV
      ['churn', '140864.20', '201751.26', '60887.06'],
      // costs x 0.8 / x 1.2: PV(c) 68,616.78 / 102,925.16
      ['costs', '188461.92', '154153.53', '34308.39'],
      ['nps', '154394.66', '188220.80', '33826.14'],
      // discount rate 6.4 % / 9.6 %
      ['discountRate', '178971.27', '164024.34', '14946.93'],
      ['aht', '167248.59', '175366.86', '8118.27'],
    ]);
  });

  it('keeps equal swings in the order of the assumptions, and a 100 % confidence has no upside', () => {
    const flat: BusinessCaseInput = {
      horizonYears: 1,
      discountRate: '0',
      confidence: '1',
      costs: [],
      kpis: [
        { id: 'x', label: 'X', impact: '100', share: '1' },
        { id: 'y', label: 'Y', impact: '100', share: '1' },
      ],
    };
    const t = tornado(flat);
    // confidence and ramp-up: 160 / 200 (capped) -> swing 40; each KPI 180 / 220 -> 40; costs and rate 0
    expect(t.bars.map((b) => [b.kpiId ?? b.driver, b.npvDown, b.npvUp, b.swing])).toEqual([
      ['confidence', '160', '200', '40'],
      ['rampUp', '160', '200', '40'],
      ['x', '180', '220', '40'],
      ['y', '180', '220', '40'],
      ['costs', '200', '200', '0'],
      ['discountRate', '200', '200', '0'],
    ]);
  });

  it('without KPIs, only the project-wide assumptions remain', () => {
    const t = tornado({ ...example, kpis: [] });
    expect(t.bars.map((b) => b.driver)).toEqual(['costs', 'discountRate', 'confidence', 'rampUp']);
    expect(cents(t.baseNpv)).toBe('-85770.97');
  });
});

describe('break-even reach', () => {
  /** One KPI worth `impact` a year, one year, no discounting, full confidence. */
  const oneYear = (impact: string, cost: string, more: BusinessCaseInput['kpis'] = []): BusinessCaseInput => ({
    horizonYears: 1,
    discountRate: '0',
    confidence: '1',
    costs: cost === '0' ? [] : [{ kind: 'one_off', amount: cost }],
    kpis: [{ id: 'churn', label: 'Churn', impact, share: '1' }, ...more],
  });

  it.each<[name: string, input: BusinessCaseInput, o: ScenarioOverrides, expected: [string, string | null][]]>([
    // NPV = 100,000 x reach - 38,000 >= 0 from 38 %
    ['the issue example: 38 %', oneYear('100000', '38000'), NEUTRAL_SCENARIO, [['atLeast', '38.0']]],
    // with a second KPI worth 20,000 at 100 %: 100,000 x reach + 20,000 - 38,000 >= 0 from 18 %
    [
      'other KPIs stay at their reach',
      oneYear('100000', '38000', [{ id: 'nps', label: 'NPS', impact: '20000', share: '1' }]),
      NEUTRAL_SCENARIO,
      [
        ['atLeast', '18.0'],
        // NPS: 100,000 + 20,000 x reach >= 38,000 at any reach
        ['always', null],
      ],
    ],
    // ... and at the scenario's reach: 70 % of 20,000 is 14,000 -> 100,000 x reach >= 24,000 from 24 %
    [
      'other KPIs take the scenario reach',
      oneYear('100000', '38000', [{ id: 'nps', label: 'NPS', impact: '20000', share: '1' }]),
      { ...NEUTRAL_SCENARIO, targetReach: '0.7' },
      [
        ['atLeast', '24.0'],
        ['always', null],
      ],
    ],
    ['never within 0-200 %: costs above twice the gain', oneYear('100000', '250000'), NEUTRAL_SCENARIO, [['never', null]]],
    ['always, even at 0 %: zero costs', oneYear('100000', '0'), NEUTRAL_SCENARIO, [['always', null]]],
    ['a KPI that gains nothing: never when costs remain', oneYear('0', '10'), NEUTRAL_SCENARIO, [['never', null]]],
    // a manual impact of -50,000 with another KPI worth 80,000 and costs 20,000: 60,000 - 50,000 x reach >= 0 up to 120 %
    [
      'a negative impact pays back up to a reach',
      oneYear('-50000', '20000', [{ id: 'x', label: 'X', impact: '80000', share: '1' }]),
      NEUTRAL_SCENARIO,
      [
        ['atMost', '120.0'],
        // X: 80,000 x reach - 50,000 - 20,000 >= 0 from 87.5 %
        ['atLeast', '87.5'],
      ],
    ],
  ])('%s', (_name, input, o, expected) => {
    expect(breakEvens(input, o).map((b) => [b.status, b.reach === null ? null : toFixedString(dec(b.reach).times(100), 1)])).toEqual(expected);
  });

  it('is within the tolerance of the exact crossing, on the side that pays back', () => {
    const [b] = breakEvens(oneYear('100000', '38000'));
    expect(dec(b!.reach!).gte('0.38')).toBe(true);
    expect(dec(b!.reach!).minus('0.38').lte('0.0001')).toBe(true);
  });

  it('the worked example pays back whatever the reach of any one KPI', () => {
    expect(breakEvens(example).map((b) => b.status)).toEqual(['always', 'always', 'always']);
  });

  it('in the low case of the worked example, churn must reach 41.9 % and NPS 19.5 %', () => {
    // low: confidence 60 %, costs PV 102,925.16, others at 70 %. PV of one unit of run-rate at 60 %:
    // 0.6 x (0.5 / 1.08 + 1 / 1.08^2 + 1 / 1.08^3) = 1.26848042. Churn: 1.26848042 x (35,000 + 8,400 +
    // 90,000 x reach) - 102,925.16 >= 0 from reach = 47,873.11 / 114,163.24 = 41.93 %.
    // NPS: 1.26848042 x (63,000 + 8,400 + 50,000 x reach) >= 102,925.16 from 19.48 %. AHT: always.
    expect(breakEvens(example, DEFAULT_SCENARIOS.low).map((b) => [b.kpiId, b.status, b.reach && toFixedString(dec(b.reach).times(100), 1)])).toEqual([
      ['nps', 'atLeast', '19.5'],
      ['churn', 'atLeast', '41.9'],
      ['aht', 'always', null],
    ]);
  });

  it('no KPIs, no break-even', () => expect(breakEvens({ ...example, kpis: [] })).toEqual([]));
});

describe('scenarioAnalysis', () => {
  it('the tornado and the break-evens start from the base case', () => {
    const base = { confidenceShift: '-0.2', rampUp: [], costChange: '0.2', targetReach: '0.7' };
    const a = scenarioAnalysis(example, { ...DEFAULT_SCENARIOS, base });
    expect(cents(a.tornado.baseNpv)).toBe('32041.15');
    expect(cents(a.cases.base.npv)).toBe('32041.15');
    expect(a.breakEvens.map((b) => b.status)).toEqual(['atLeast', 'atLeast', 'always']);
  });
});
