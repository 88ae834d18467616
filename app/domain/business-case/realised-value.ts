// Realised value over time: the plan (DESIGN.md's yearly benefits spread over months) beside what the
// linked KPIs have actually moved, month by month since a project's start, for one project, a
// portfolio, or an objective's projects.
//
// Months are calendar months. Month 1 is the calendar month of the start date (counted whole, wherever
// in it the project starts), month 12(t-1)+1 .. 12t make up year t, and the series stops at the last
// month whose last day is on or before today (a month counts once it is over), or at the horizon's end.
//
// - Planned benefit of month k in year t: b_t / 12, with b_t the yearly benefit of the cash flows
//   (B x confidence x ramp-up_t); cumulative planned after the 12th month of year t is b_1 + ... + b_t
//   exactly.
// - Realised benefit of month k: for each linked KPI, its value as of the month's last day (the newest
//   value dated on or before it; a month without a new value carries the last one) against its
//   baseline (the newest value on or before the start date): realised units (value - baseline) x s,
//   realised run-rate units x vpu x share (money a year), and the month earns run-rate / 12.
//   A KPI that moved the bad way realises a negative amount: it counts, as a loss, so the plan is
//   compared with the whole of reality. A KPI without a baseline (no value on or before the start)
//   or without a value per unit contributes nothing and is listed in `excluded`.
//
// Exactness: months carry annual rates (b_t, the sum of the KPIs' run-rates), which are exact; each
// monthly or cumulative amount divides a sum of rates by 12 once, so a year of planned months adds up
// to b_t to the last place, and portfolios sum rates before dividing.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from '../decimal';
import { trendSign, type ValuePoint } from '../kpi';
import type { Trend } from '../vocabulary';

/** One month of a series (a project's or a portfolio's). Amounts are decimal strings. */
export interface SeriesMonth {
  /** The calendar month, 'YYYY-MM'. */
  period: string;
  /** Its last day, 'YYYY-MM-DD': the date the KPI values are read at. */
  end: string;
  /** Planned benefit of the month: b_t / 12. */
  planned: string;
  /** Realised benefit of the month: the KPIs' realised run-rate as of the month's end / 12 (negative for a loss). */
  realised: string;
  cumulativePlanned: string;
  cumulativeRealised: string;
  /** The annual rates the month's amounts are twelfths of: b_t, and the realised run-rate at the month's end. */
  plannedRate: string;
  realisedRate: string;
}

/** A month of one project's series, with its place in the project's life. */
export interface ProjectMonth extends SeriesMonth {
  /** 1 for the start's month. */
  month: number;
  /** Cash-flow year, 1..H. */
  year: number;
}

/** A KPI linked to the project, as its realised benefit needs it. */
export interface RealisedKpi {
  kpiId: string;
  trend: Trend;
  /** Value per unit of its measure (value_amount / value_step); null when the measure has no financial value. */
  vpu: string | null;
  /** Attribution share as a fraction ('0.5' for 50 %). */
  share: string;
  /**
   * Its dated values, in any order: the whole history, or at least the newest value on or before the
   * start date and the last value of each month since (what the server reads).
   */
  history: readonly ValuePoint[];
}

export type RealisedExclusion = 'no_baseline' | 'no_financial_value';

export interface ProjectRealisedInput {
  /** ISO date; without one the project has no months (status 'no_start'). */
  startDate: string | null;
  horizonYears: number;
  /** Yearly benefits b_0..b_H, as BusinessCase.years[t].benefit (b_0 is not spread: it is 0). */
  yearlyBenefits: readonly string[];
  kpis: readonly RealisedKpi[];
  /** Today's date in the workspace's time zone, 'YYYY-MM-DD'. */
  today: string;
}

/**
 * 'no_start': no start date, nothing to compare; 'not_started': the first month is not over yet
 * (the start is in the current month or later); 'running': some months are over, more to come within
 * the horizon; 'ended': every month of the horizon is over.
 */
export type RealisedStatus = 'no_start' | 'not_started' | 'running' | 'ended';

export interface ProjectRealisedSeries {
  status: RealisedStatus;
  months: ProjectMonth[];
  /** Cumulative planned benefit of the months that are over ('0' when none is). */
  plannedToDate: string;
  /** Cumulative realised benefit of the months that are over ('0' when none is). */
  realisedToDate: string;
  /** Linked KPIs that realise nothing, and why. */
  excluded: { kpiId: string; reason: RealisedExclusion }[];
}

export interface PortfolioRealisedSeries {
  /** Every calendar month from the earliest project's start to the latest month that is over. */
  months: SeriesMonth[];
  plannedToDate: string;
  realisedToDate: string;
}

const day = (date: string) => date.slice(0, 10);

/** 'YYYY-MM' of the month `offset` months after the month of `date`. */
function periodAfter(date: string, offset: number): { period: string; end: string } {
  const year = Number(date.slice(0, 4));
  const month0 = Number(date.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(month0 / 12);
  const m = (((month0 % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { period: `${y}-${mm}`, end: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * The months of a project that are over: month k (1-based) from the start's month, up to 12 x the
 * horizon, while its last day is on or before today.
 */
export function monthsOver(startDate: string, horizonYears: number, today: string): { month: number; year: number; period: string; end: string }[] {
  const months = [];
  for (let k = 1; k <= 12 * horizonYears; k++) {
    const { period, end } = periodAfter(startDate, k - 1);
    if (end > day(today)) break;
    months.push({ month: k, year: Math.ceil(k / 12), period, end });
  }
  return months;
}

function sortedByDay(history: readonly ValuePoint[]): ValuePoint[] {
  // One value per day: a later entry for the same day replaces an earlier one (as kpi_value does).
  const latest = new Map<string, ValuePoint>();
  for (const p of history) latest.set(day(p.date), { date: day(p.date), value: p.value });
  return [...latest.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The newest value dated on or before `date` in a history sorted by day, or null. */
function newestOnOrBefore(sorted: readonly ValuePoint[], date: string): string | null {
  let found: string | null = null;
  for (const p of sorted) {
    if (p.date > date) break;
    found = p.value;
  }
  return found;
}

/**
 * A linked KPI's realised run-rate (money a year) as of each given date, or why it has none: the
 * baseline is the newest value on or before `startDate`, the value at each date the newest on or
 * before it. Dates ascending.
 */
export function kpiRealisedRates(kpi: RealisedKpi, startDate: string, dates: readonly string[]): { rates: Big[] } | { excluded: RealisedExclusion } {
  const sorted = sortedByDay(kpi.history);
  const baseline = newestOnOrBefore(sorted, day(startDate));
  if (baseline === null) return { excluded: 'no_baseline' };
  if (kpi.vpu === null || kpi.vpu === '') return { excluded: 'no_financial_value' };
  const perUnit = dec(kpi.vpu).times(kpi.share).times(trendSign(kpi.trend));
  const rates: Big[] = [];
  let i = 0;
  let value = baseline;
  for (const date of dates) {
    // The baseline is on or before the start, so on or before every month's end: carry forward.
    while (i < sorted.length && sorted[i]!.date <= date) value = sorted[i++]!.value;
    rates.push(dec(value).minus(baseline).times(perUnit));
  }
  return { rates };
}

const twelfth = (rate: Big) => toDecimalString(rate.div(12));

// Months from annual rates: amounts and running sums, each a single division of exact sums.
function withAmounts<T extends { period: string; end: string; plannedRate: Big; realisedRate: Big }>(
  rows: readonly T[],
): (Omit<T, 'plannedRate' | 'realisedRate'> & SeriesMonth)[] {
  let plannedRates = dec(0);
  let realisedRates = dec(0);
  return rows.map(({ plannedRate, realisedRate, ...rest }) => {
    plannedRates = plannedRates.plus(plannedRate);
    realisedRates = realisedRates.plus(realisedRate);
    return {
      ...rest,
      planned: twelfth(plannedRate),
      realised: twelfth(realisedRate),
      cumulativePlanned: twelfth(plannedRates),
      cumulativeRealised: twelfth(realisedRates),
      plannedRate: toDecimalString(plannedRate),
      realisedRate: toDecimalString(realisedRate),
    };
  });
}

/** One project's planned and realised benefit by month since its start (see the module's header). */
export function projectRealisedSeries(input: ProjectRealisedInput): ProjectRealisedSeries {
  const excluded: ProjectRealisedSeries['excluded'] = [];
  if (!input.startDate) return { status: 'no_start', months: [], plannedToDate: '0', realisedToDate: '0', excluded };
  const start = input.startDate;
  const over = monthsOver(start, input.horizonYears, input.today);
  const ends = over.map((m) => m.end);
  const realisedRates = over.map(() => dec(0));
  for (const kpi of input.kpis) {
    const result = kpiRealisedRates(kpi, start, ends);
    if ('excluded' in result) {
      excluded.push({ kpiId: kpi.kpiId, reason: result.excluded });
      continue;
    }
    result.rates.forEach((rate, i) => (realisedRates[i] = realisedRates[i]!.plus(rate)));
  }
  const months: ProjectMonth[] = withAmounts(
    over.map((m, i) => ({ ...m, plannedRate: dec(input.yearlyBenefits[m.year] ?? 0), realisedRate: realisedRates[i]! })),
  );
  const last = months[months.length - 1];
  const status: RealisedStatus = months.length === 0 ? 'not_started' : months.length === 12 * input.horizonYears ? 'ended' : 'running';
  return { status, months, plannedToDate: last?.cumulativePlanned ?? '0', realisedToDate: last?.cumulativeRealised ?? '0', excluded };
}

/** A project's realised benefit to date: the cumulative realised of its months that are over. */
export function realisedToDate(input: ProjectRealisedInput): string {
  return projectRealisedSeries(input).realisedToDate;
}

/**
 * Several projects' series summed by calendar month (projects start and end in different months; a
 * month no project runs in counts 0, so the axis has no holes). Sums the annual rates, then divides.
 */
export function portfolioRealisedSeries(series: readonly Pick<ProjectRealisedSeries, 'months'>[]): PortfolioRealisedSeries {
  const byPeriod = new Map<string, { planned: Big; realised: Big }>();
  for (const s of series) {
    for (const m of s.months) {
      const entry = byPeriod.get(m.period) ?? { planned: dec(0), realised: dec(0) };
      byPeriod.set(m.period, { planned: entry.planned.plus(m.plannedRate), realised: entry.realised.plus(m.realisedRate) });
    }
  }
  if (byPeriod.size === 0) return { months: [], plannedToDate: '0', realisedToDate: '0' };
  const periods = [...byPeriod.keys()].sort();
  const first = `${periods[0]}-01`;
  const lastPeriod = periods[periods.length - 1]!;
  const rows = [];
  for (let k = 0; ; k++) {
    const { period, end } = periodAfter(first, k);
    const entry = byPeriod.get(period);
    rows.push({ period, end, plannedRate: entry?.planned ?? dec(0), realisedRate: entry?.realised ?? dec(0) });
    if (period === lastPeriod) break;
  }
  const months = withAmounts(rows);
  const last = months[months.length - 1]!;
  return { months, plannedToDate: last.cumulativePlanned, realisedToDate: last.cumulativeRealised };
}

/** A portfolio's realised benefit to date: the sum of its projects' (exact, then rounded once). */
export function portfolioRealisedToDate(inputs: readonly ProjectRealisedInput[]): string {
  return portfolioRealisedSeries(inputs.map(projectRealisedSeries)).realisedToDate;
}

export interface ObjectiveProgressInput {
  /** The objective's quantified target, in money (> 0 to measure progress against). */
  target: string;
  /** Realised benefit to date of the objective's projects (e.g. a portfolio series' realisedToDate). */
  realised: string;
  /** Planned benefit of its projects over their horizons (the sum of their total benefits). */
  planned: string;
}

export interface ObjectiveProgress {
  /** realised / target as a fraction (may pass 1, or be negative after a loss); null when the target is not > 0. */
  realisedShare: string | null;
  /** planned / target as a fraction; null when the target is not > 0. */
  plannedShare: string | null;
  /** What is still to realise: max(target - realised, 0). */
  remaining: string;
  /** The gap no project covers: max(target - planned, 0). */
  uncovered: string;
  /** realised >= target (and target > 0). */
  reached: boolean;
}

/** Progress of a money objective: its projects' realised and planned benefit against its target. */
export function objectiveProgress({ target, realised, planned }: ObjectiveProgressInput): ObjectiveProgress {
  const goal = dec(target);
  const positive = goal.gt(0);
  const atLeastZero = (x: Big) => toDecimalString(x.lt(0) ? dec(0) : x);
  return {
    realisedShare: positive ? toDecimalString(dec(realised).div(goal)) : null,
    plannedShare: positive ? toDecimalString(dec(planned).div(goal)) : null,
    remaining: atLeastZero(goal.minus(realised)),
    uncovered: atLeastZero(goal.minus(planned)),
    reached: positive && dec(realised).gte(goal),
  };
}

/** Sum of realised-to-date amounts (projects of a portfolio or an objective), exact. */
export function sumRealised(amounts: readonly string[]): string {
  return toDecimalString(sum(...amounts));
}
