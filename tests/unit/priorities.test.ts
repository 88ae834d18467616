import { describe, expect, it } from 'vitest';
import {
  defaultDirection,
  largestWithOthers,
  pageOf,
  rankByScore,
  sortPriorities,
  weightedScore,
  type PriorityRow,
  type ScoringCriterion,
} from '~/domain/priorities';

// The hand-worked example: strategic fit (weight 3, higher is better), risk (weight 2, lower is
// better), effort (weight 1, lower is better).
const FIT: ScoringCriterion = { id: 'fit', weight: '3', direction: 'higher_is_better' };
const RISK: ScoringCriterion = { id: 'risk', weight: '2', direction: 'lower_is_better' };
const EFFORT: ScoringCriterion = { id: 'effort', weight: '1', direction: 'lower_is_better' };
const CRITERIA = [FIT, RISK, EFFORT];

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('weightedScore', () => {
  // Worked by hand: each 1-5 score on a 0-1 scale, (s - 1) / 4 when higher is better, (5 - s) / 4
  // when lower is better; 100 x sum(weight x scaled) / sum(weight of the scored criteria).
  it.each([
    // fit 4 -> 0.75 x 3 = 2.25; risk 2 -> 0.75 x 2 = 1.5; effort 5 -> 0 x 1 = 0; 3.75 / 6 = 62.5 %
    ['the hand-worked example', CRITERIA, { fit: 4, risk: 2, effort: 5 }, { score: '62.5', scored: 3, weighted: 3 }],
    ['best on every criterion', CRITERIA, { fit: 5, risk: 1, effort: 1 }, { score: '100', scored: 3, weighted: 3 }],
    ['worst on every criterion', CRITERIA, { fit: 1, risk: 5, effort: 5 }, { score: '0', scored: 3, weighted: 3 }],
    ['the middle of every scale', CRITERIA, { fit: 3, risk: 3, effort: 3 }, { score: '50', scored: 3, weighted: 3 }],
    // Lower is better turns the scale over: effort 2 alone -> (5 - 2) / 4 = 75 %.
    ['one lower-is-better criterion', [EFFORT], { effort: 2 }, { score: '75', scored: 1, weighted: 1 }],
    // Risk missing: (2.25 + 0) / (3 + 1) = 56.25 %, rounded half up to one decimal.
    ['a missing score leaves its weight out', CRITERIA, { fit: 4, effort: 5 }, { score: '56.3', scored: 2, weighted: 3 }],
    // Equal weights, 2, 2, 3 higher is better: (0.25 + 0.25 + 0.5) / 3 = 33.333... %
    [
      'thirds round to one decimal',
      [
        { id: 'a', weight: '1', direction: 'higher_is_better' },
        { id: 'b', weight: '1', direction: 'higher_is_better' },
        { id: 'c', weight: '1', direction: 'higher_is_better' },
      ],
      { a: 2, b: 2, c: 3 },
      { score: '33.3', scored: 3, weighted: 3 },
    ],
    // Decimal weights are exact: 0.1 x 1 + 0.2 x 0 over 0.3 = 33.3 %, not 33.33333333333334.
    [
      'decimal weights',
      [
        { id: 'a', weight: '0.1', direction: 'higher_is_better' },
        { id: 'b', weight: '0.2', direction: 'higher_is_better' },
      ],
      { a: 5, b: 1 },
      { score: '33.3', scored: 2, weighted: 2 },
    ],
    ['no score at all', CRITERIA, {}, { score: null, scored: 0, weighted: 3 }],
    ['no criteria', [], {}, { score: null, scored: 0, weighted: 0 }],
    // A weight of 0 never counts, so zero total weight gives no score (never a division by zero).
    [
      'zero total weight',
      [
        { id: 'a', weight: '0', direction: 'higher_is_better' },
        { id: 'b', weight: '0.00', direction: 'lower_is_better' },
      ],
      { a: 5, b: 1 },
      { score: null, scored: 0, weighted: 0 },
    ],
    // The weight-0 criterion is ignored even when scored: only fit counts (4 -> 75 %).
    ['a weight-0 criterion is ignored', [FIT, { ...RISK, weight: '0' }], { fit: 4, risk: 5 }, { score: '75', scored: 1, weighted: 1 }],
    // Scores of criteria that no longer exist do not count.
    ['a score of a deleted criterion', [FIT], { fit: 5, gone: 1 }, { score: '100', scored: 1, weighted: 1 }],
  ])('%s', (_name, criteria, given, expected) => {
    expect(weightedScore(criteria as ScoringCriterion[], scores(given))).toEqual(expected);
  });
});

describe('rankByScore', () => {
  it('gives equal scores the same rank and skips the places they take ("1, 2, 2, 4"); no score, no rank', () => {
    const ranks = rankByScore([
      { id: 'c', score: '50' },
      { id: 'a', score: '80' },
      { id: 'none', score: null },
      { id: 'b', score: '50.0' },
      { id: 'd', score: '12.5' },
      { id: 'e', score: '0' },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 2, c: 2, d: 4, e: 5, none: null });
  });

  it('ranks everyone first when all tie, and nobody when nothing is scored', () => {
    expect(
      Object.fromEntries(
        rankByScore([
          { id: 'a', score: '40' },
          { id: 'b', score: '40' },
        ]),
      ),
    ).toEqual({ a: 1, b: 1 });
    expect(Object.fromEntries(rankByScore([{ id: 'a', score: null }]))).toEqual({ a: null });
    expect(rankByScore([]).size).toBe(0);
  });
});

const row = (over: Partial<PriorityRow> & { id: string }): PriorityRow => ({
  name: over.id,
  status: 'idea',
  npv: '0',
  runRateBenefit: '0',
  totalCost: '0',
  confidence: '1',
  score: null,
  ...over,
});

describe('sortPriorities', () => {
  const rows = [
    row({ id: 'b', name: 'Beta', status: 'planned', npv: '-5000', runRateBenefit: '100', totalCost: '9000', confidence: '0.5', score: '40' }),
    row({ id: 'a', name: 'Alpha', status: 'delivered', npv: '20000', runRateBenefit: '300', totalCost: '100', confidence: '0.9', score: null }),
    row({ id: 'c', name: 'Gamma', status: 'idea', npv: '1500.5', runRateBenefit: '300', totalCost: '2000', confidence: '0.7', score: '75' }),
    row({ id: 'd', name: 'Delta', status: 'in_progress', npv: '1500.5', runRateBenefit: '50', totalCost: '2000', confidence: '0.7', score: '40' }),
  ];
  const order = (key: Parameters<typeof sortPriorities>[1], dir: Parameters<typeof sortPriorities>[2]) => sortPriorities(rows, key, dir).map((r) => r.name);

  it.each([
    ['name', 'asc', ['Alpha', 'Beta', 'Delta', 'Gamma']],
    ['name', 'desc', ['Gamma', 'Delta', 'Beta', 'Alpha']],
    // The statuses' life-cycle order, not their alphabetical one.
    ['status', 'asc', ['Gamma', 'Beta', 'Delta', 'Alpha']],
    ['status', 'desc', ['Alpha', 'Delta', 'Beta', 'Gamma']],
    // Exact comparison of decimals (never '1500.5' < '20000' as text); ties by name.
    ['npv', 'desc', ['Alpha', 'Delta', 'Gamma', 'Beta']],
    ['npv', 'asc', ['Beta', 'Delta', 'Gamma', 'Alpha']],
    ['benefit', 'desc', ['Alpha', 'Gamma', 'Beta', 'Delta']],
    ['cost', 'asc', ['Alpha', 'Delta', 'Gamma', 'Beta']],
    ['confidence', 'desc', ['Alpha', 'Delta', 'Gamma', 'Beta']],
    // No score comes last whichever the direction.
    ['score', 'desc', ['Gamma', 'Beta', 'Delta', 'Alpha']],
    ['score', 'asc', ['Beta', 'Delta', 'Gamma', 'Alpha']],
  ] as const)('by %s %s', (key, dir, expected) => {
    expect(order(key, dir)).toEqual(expected);
  });

  it('reads names and statuses A to Z and figures largest first unless asked otherwise', () => {
    expect(defaultDirection('name')).toBe('asc');
    expect(defaultDirection('status')).toBe('asc');
    expect(defaultDirection('npv')).toBe('desc');
    expect(defaultDirection('score')).toBe('desc');
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 53 }, (_, i) => i);
  it.each([
    [1, { first: 0, length: 25, page: 1 }],
    [2, { first: 25, length: 25, page: 2 }],
    [3, { first: 50, length: 3, page: 3 }],
    // Past the end: the last page; nonsense: the first.
    [9, { first: 50, length: 3, page: 3 }],
    [0, { first: 0, length: 25, page: 1 }],
    [-4, { first: 0, length: 25, page: 1 }],
    [Number.NaN, { first: 0, length: 25, page: 1 }],
  ])('page %s', (page, expected) => {
    const p = pageOf(rows, page);
    expect({ first: p.rows[0], length: p.rows.length, page: p.page }).toEqual(expected);
    expect(p.pageCount).toBe(3);
    expect(p.total).toBe(53);
  });

  it('has one empty page for no rows', () => {
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe('largestWithOthers', () => {
  const project = (name: string, value: string, cost: string) => ({ name, value, cost });
  const pick = (rows: ReturnType<typeof project>[], limit: number) =>
    largestWithOthers(
      rows,
      (r) => r.value,
      (r) => r.cost,
      limit,
    );

  it('keeps the N largest by value either way and sums the rest into one line', () => {
    const rows = [
      project('Small', '100', '10'),
      project('Big loss', '-90000', '120000'),
      project('Big gain', '150000', '40000'),
      project('Medium', '20000.25', '5000'),
      project('Tiny', '-0.5', '1.5'),
    ];
    const { top, others } = pick(rows, 3);
    expect(top.map((r) => r.name)).toEqual(['Big gain', 'Big loss', 'Medium']);
    // Small + Tiny: 100 - 0.5 = 99.5 of value, 10 + 1.5 = 11.5 of cost.
    expect(others).toEqual({ count: 2, value: '99.5', cost: '11.5' });
  });

  it('has no "others" when every row fits; ties by name', () => {
    const { top, others } = pick([project('B', '5', '1'), project('A', '-5', '1')], 30);
    expect(top.map((r) => r.name)).toEqual(['A', 'B']);
    expect(others).toBeNull();
  });

  it('sends at most 30 bubbles by default', () => {
    const rows = Array.from({ length: 45 }, (_, i) => project(`P${String(i).padStart(2, '0')}`, String(i * 1000), '1'));
    const { top, others } = largestWithOthers(
      rows,
      (r) => r.value,
      (r) => r.cost,
    );
    expect(top).toHaveLength(30);
    expect(top[0]!.name).toBe('P44');
    // The 15 smallest: 0 + 1,000 + ... + 14,000 = 105,000.
    expect(others).toEqual({ count: 15, value: '105000', cost: '15' });
  });
});
