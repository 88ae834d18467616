import { describe, expect, it } from 'vitest';
import { caseWarnings, kpiLines, projectCase } from '~/domain/business-case';
import { toFixedString } from '~/domain/decimal';
import { exampleAssumptions, exampleCosts, link, TODAY, workedExample } from './fixtures';

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
