import { describe, expect, it } from 'vitest';
import {
  monthsOver,
  objectiveProgress,
  portfolioRealisedSeries,
  portfolioRealisedToDate,
  projectRealisedSeries,
  realisedToDate,
  type ProjectRealisedInput,
  type RealisedKpi,
} from '~/domain/business-case';
import { realisedBenefit } from '~/domain/kpi';

// DESIGN.md's worked example: b_0..b_3 = 0 / 60,800 / 121,600 / 121,600, so every month of year 1
// plans 60,800 / 12 = 5,066.67 and every month of years 2-3 plans 121,600 / 12 = 10,133.33.
const WORKED_BENEFITS = ['0', '60800', '121600', '121600'];

// Its three KPIs with a few values around a start on 15 January 2026 (today 10 April 2026, so the
// months that are over are January, February and March; the value of 2 April is too late for March).
const nps: RealisedKpi = {
  kpiId: 'nps',
  trend: 'up',
  vpu: '5000',
  share: '1',
  history: [
    { date: '2025-12-31', value: '30' }, // baseline: the newest value on or before 15 January
    { date: '2026-01-20', value: '31' },
    { date: '2026-03-05', value: '33' }, // February carries 31
    { date: '2026-04-02', value: '34' },
  ],
};
const churn: RealisedKpi = {
  kpiId: 'churn',
  trend: 'down',
  vpu: '120000',
  share: '0.5',
  history: [
    { date: '2026-01-01', value: '8.5' }, // baseline
    { date: '2026-02-10', value: '8.3' },
    { date: '2026-03-31', value: '8.6' }, // worse than the baseline: a loss, counted
  ],
};
// No value on or before the start: no baseline, it realises nothing and is listed.
const aht: RealisedKpi = { kpiId: 'aht', trend: 'down', vpu: '200', share: '1', history: [{ date: '2026-02-01', value: '400' }] };

const worked: ProjectRealisedInput = {
  startDate: '2026-01-15',
  horizonYears: 3,
  yearlyBenefits: WORKED_BENEFITS,
  kpis: [nps, churn, aht],
  today: '2026-04-10',
};

describe('projectRealisedSeries', () => {
  it('spreads the worked example over its months and reads the KPIs at each month end', () => {
    // Realised run-rates by hand (units x vpu x share):
    //            NPS              churn                            AHT          total
    //   Jan  (31-30)x5000=5000  (8.5-8.5)x-1x120000x0.5=0        no baseline   5,000
    //   Feb  (31-30)x5000=5000  (8.3-8.5)x-1x60000=12000                      17,000
    //   Mar  (33-30)x5000=15000 (8.6-8.5)x-1x60000=-6000                       9,000
    // Each month realises a twelfth: 416.67 / 1,416.67 / 750; cumulative 5,000/12, 22,000/12, 31,000/12.
    const series = projectRealisedSeries(worked);
    expect(series.status).toBe('running');
    expect(
      series.months.map((m) => [m.month, m.year, m.period, m.end, m.planned, m.cumulativePlanned, m.realisedRate, m.realised, m.cumulativeRealised]),
    ).toEqual([
      [1, 1, '2026-01', '2026-01-31', '5066.6666666667', '5066.6666666667', '5000', '416.6666666667', '416.6666666667'],
      [2, 1, '2026-02', '2026-02-28', '5066.6666666667', '10133.3333333333', '17000', '1416.6666666667', '1833.3333333333'],
      [3, 1, '2026-03', '2026-03-31', '5066.6666666667', '15200', '9000', '750', '2583.3333333333'],
    ]);
    expect(series.plannedToDate).toBe('15200');
    expect(series.realisedToDate).toBe('2583.3333333333');
    expect(series.excluded).toEqual([{ kpiId: 'aht', reason: 'no_baseline' }]);
    expect(realisedToDate(worked)).toBe('2583.3333333333');
  });

  it('adds a year of planned months up to b_t exactly, and moves to year 2 in month 13', () => {
    const series = projectRealisedSeries({ ...worked, kpis: [], today: '2027-03-10' });
    expect(series.months).toHaveLength(14);
    expect(series.months[11]).toMatchObject({ month: 12, year: 1, period: '2026-12', cumulativePlanned: '60800' });
    expect(series.months[12]).toMatchObject({ month: 13, year: 2, period: '2027-01', planned: '10133.3333333333', cumulativePlanned: '70933.3333333333' });
    // 60,800 + 2 x 121,600 / 12 = 81,066.67
    expect(series.plannedToDate).toBe('81066.6666666667');
    expect(series.realisedToDate).toBe('0');
  });

  it('matches the realised run-rate of DESIGN.md in the last month', () => {
    const series = projectRealisedSeries({ ...worked, kpis: [nps], today: '2026-04-30' });
    const design = realisedBenefit({ history: nps.history, projectStart: worked.startDate, trend: 'up', vpu: '5000', share: '1' });
    expect(series.months.at(-1)!.realisedRate).toBe(design.amount); // (34 - 30) x 5,000 = 20,000
  });

  it.each([
    ['no start date: no months', { startDate: null }, 'no_start', 0, '0', '0'],
    ['a start in the current month: nothing is over yet', { startDate: '2026-04-01' }, 'not_started', 0, '0', '0'],
    ['a start in the future', { startDate: '2026-09-01' }, 'not_started', 0, '0', '0'],
    // A start on the month's last day: month 1 is over that very day, the values are the baseline.
    ['a start on the last day of the month', { startDate: '2026-03-31', kpis: [nps] }, 'running', 1, '5066.6666666667', '0'],
    // Horizon 1 year, long over: twelve months, planned 60,800; NPS stays at 34 from April: by hand
    // (5,000 + 5,000 + 15,000 + 9 x 20,000) / 12 = 205,000 / 12.
    ['the horizon is over', { horizonYears: 1, kpis: [nps], today: '2028-01-01' }, 'ended', 12, '60800', '17083.3333333333'],
  ] as const)('%s', (_name, overrides, status, months, planned, realised) => {
    const series = projectRealisedSeries({ ...worked, ...overrides });
    expect(series.status).toBe(status);
    expect(series.months).toHaveLength(months);
    expect(series.plannedToDate).toBe(planned);
    expect(series.realisedToDate).toBe(realised);
  });

  it.each([
    // Trend down, 25 % share: 120 s -> 100 s is 20 units x 2 EUR x 0.25 = 10 a year, 0.8333 a month.
    ['trend down, share 25 %', { trend: 'down', vpu: '2', share: '0.25' }, ['120', '100'], ['0', '10'], '0.8333333333'],
    // Trend up, the KPI fell: a loss of (90 - 100) x 3 = -30 a year, counted as such.
    ['trend up, the value fell (a loss)', { trend: 'up', vpu: '3', share: '1' }, ['100', '90'], ['0', '-30'], '-2.5'],
    // No financial value: realises nothing, listed.
    ['no value per unit', { trend: 'up', vpu: null, share: '1' }, ['100', '110'], ['0', '0'], '0'],
  ] as const)('%s', (_name, kpi, [before, after], rates, toDate) => {
    const series = projectRealisedSeries({
      startDate: '2026-01-01',
      horizonYears: 1,
      yearlyBenefits: ['0', '1200'],
      today: '2026-02-28',
      kpis: [
        {
          kpiId: 'k',
          ...kpi,
          history: [
            { date: '2026-01-01T08:30:00Z', value: before }, // a timestamp on the start day counts as on it
            { date: '2026-02-14', value: after },
          ],
        },
      ],
    });
    expect(series.months.map((m) => m.realisedRate)).toEqual(rates);
    expect(series.months.map((m) => m.planned)).toEqual(['100', '100']);
    expect(series.realisedToDate).toBe(toDate);
    expect(series.excluded).toEqual(kpi.vpu === null ? [{ kpiId: 'k', reason: 'no_financial_value' }] : []);
  });

  it('keeps the last value of a day when a day has two', () => {
    const series = projectRealisedSeries({
      startDate: '2026-01-01',
      horizonYears: 1,
      yearlyBenefits: ['0', '0'],
      today: '2026-01-31',
      kpis: [
        {
          kpiId: 'k',
          trend: 'up',
          vpu: '12',
          share: '1',
          history: [
            { date: '2025-12-01', value: '1' },
            { date: '2026-01-05', value: '2' },
            { date: '2026-01-05', value: '3' },
          ],
        },
      ],
    });
    expect(series.months.map((m) => m.realised)).toEqual(['2']); // (3 - 1) x 12 / 12
  });
});

describe('monthsOver', () => {
  it('counts calendar months from the start month, over once their last day has come', () => {
    expect(monthsOver('2024-01-31', 1, '2024-03-30').map((m) => m.end)).toEqual(['2024-01-31', '2024-02-29']);
    expect(monthsOver('2025-11-10', 2, '2026-01-31').map((m) => m.period)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('portfolioRealisedSeries', () => {
  // B starts in March 2026: b_1 = 12,000 (1,000 a month); one KPI, baseline 100 on 1 March, 110 at
  // the end of March: (110 - 100) x 10 = 100 a year.
  const b: ProjectRealisedInput = {
    startDate: '2026-03-01',
    horizonYears: 1,
    yearlyBenefits: ['0', '12000'],
    today: '2026-04-10',
    kpis: [
      {
        kpiId: 'b',
        trend: 'up',
        vpu: '10',
        share: '1',
        history: [
          { date: '2026-03-01', value: '100' },
          { date: '2026-03-31', value: '110' },
        ],
      },
    ],
  };

  it('sums projects by calendar month, rates first', () => {
    const portfolio = portfolioRealisedSeries([projectRealisedSeries(worked), projectRealisedSeries(b)]);
    // Planned rates Jan/Feb 60,800, Mar 60,800 + 12,000; realised rates 5,000 / 17,000 / 9,000 + 100.
    expect(portfolio.months.map((m) => [m.period, m.planned, m.realised, m.cumulativePlanned, m.cumulativeRealised])).toEqual([
      ['2026-01', '5066.6666666667', '416.6666666667', '5066.6666666667', '416.6666666667'],
      ['2026-02', '5066.6666666667', '1416.6666666667', '10133.3333333333', '1833.3333333333'],
      // (3 x 60,800 + 12,000) / 12 = 16,200; (31,000 + 100) / 12 = 2,591.67
      ['2026-03', '6066.6666666667', '758.3333333333', '16200', '2591.6666666667'],
    ]);
    expect(portfolio.realisedToDate).toBe('2591.6666666667');
    expect(portfolioRealisedToDate([worked, b])).toBe('2591.6666666667');
  });

  it('fills the months no project runs in with zeros, and is empty without months', () => {
    const early: ProjectRealisedInput = { startDate: '2025-11-01', horizonYears: 1, yearlyBenefits: ['0', '1200'], kpis: [], today: '2025-12-31' };
    const months = portfolioRealisedSeries([projectRealisedSeries(early), projectRealisedSeries(b)]).months;
    expect(months.map((m) => [m.period, m.planned])).toEqual([
      ['2025-11', '100'],
      ['2025-12', '100'],
      ['2026-01', '0'],
      ['2026-02', '0'],
      ['2026-03', '1000'],
    ]);
    expect(portfolioRealisedSeries([projectRealisedSeries({ ...worked, startDate: null })])).toEqual({ months: [], plannedToDate: '0', realisedToDate: '0' });
  });
});

describe('objectiveProgress', () => {
  it.each([
    // "Reduce cost to serve by 400,000": 100,000 realised, 300,000 planned.
    ['on its way', '400000', '100000', '300000', { realisedShare: '0.25', plannedShare: '0.75', remaining: '300000', uncovered: '100000', reached: false }],
    ['reached and more', '400000', '450000', '500000', { realisedShare: '1.125', plannedShare: '1.25', remaining: '0', uncovered: '0', reached: true }],
    ['after a loss', '1000', '-200', '1000', { realisedShare: '-0.2', plannedShare: '1', remaining: '1200', uncovered: '0', reached: false }],
    ['no target', '0', '10', '10', { realisedShare: null, plannedShare: null, remaining: '0', uncovered: '0', reached: false }],
  ] as const)('%s', (_name, target, realised, planned, expected) => {
    expect(objectiveProgress({ target, realised, planned })).toEqual(expected);
  });
});
