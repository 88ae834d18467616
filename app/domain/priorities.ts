// Prioritisation of the project portfolio: the weighted score of a project on the workspace's
// criteria, its rank, the table's sort order and pages, and the matrix's "largest N + others".
// Pure and exact (big.js through decimal.ts); the business-case figures it orders come from
// ./business-case, never computed here.
//
// Weighted score (0-100, one decimal, half up): each criterion scored 1-5 counts on a 0-1 scale,
// (score - 1) / 4 when higher is better, (5 - score) / 4 when lower is better (effort, risk); the
// score is 100 x sum(weight x that) / sum(weight) over the criteria the project has a score for.
// A criterion left unscored is left out of both sums (the score says how the project does on what
// is known; `scored` says on how much). Criteria of weight 0 never count. With no weighted
// criterion scored there is no score (null), which ranks after every score.
import type Big from 'big.js';
import { dec, sum, toDecimalString } from './decimal';
import { MAX_CRITERION_SCORE, MIN_CRITERION_SCORE, PROJECT_STATUSES, type CriterionDirection, type ProjectStatus } from './vocabulary';

export interface ScoringCriterion {
  id: string;
  /** Decimal string, 0 to 100. */
  weight: string;
  direction: CriterionDirection;
}

export interface WeightedScore {
  /** 0-100 with at most one decimal ('62.5'), or null when no weighted criterion is scored. */
  score: string | null;
  /** Weighted criteria (weight > 0) the project has a score for. */
  scored: number;
  /** Weighted criteria of the workspace. */
  weighted: number;
}

const SPAN = MAX_CRITERION_SCORE - MIN_CRITERION_SCORE;

/** A 1-5 score on the 0-1 scale where 1 is best, for the criterion's direction. */
export function normalisedScore(score: number, direction: CriterionDirection): Big {
  const above = dec(score - MIN_CRITERION_SCORE).div(SPAN);
  return direction === 'higher_is_better' ? above : dec(1).minus(above);
}

/** The weighted score of one project: `scores` maps criterion ids to 1-5 (missing: not scored). */
export function weightedScore(criteria: readonly ScoringCriterion[], scores: ReadonlyMap<string, number>): WeightedScore {
  const weighted = criteria.filter((c) => dec(c.weight).gt(0));
  const counted = weighted.filter((c) => scores.has(c.id));
  const totalWeight = sum(...counted.map((c) => c.weight));
  if (totalWeight.eq(0)) return { score: null, scored: 0, weighted: weighted.length };
  const points = sum(...counted.map((c) => dec(c.weight).times(normalisedScore(scores.get(c.id)!, c.direction))));
  return { score: toDecimalString(points.times(100).div(totalWeight), 1), scored: counted.length, weighted: weighted.length };
}

/**
 * Competition ranking by score, best first ("1, 2, 2, 4"): equal scores share a rank, the next
 * rank skips as many places. Rows without a score get no rank (null).
 */
export function rankByScore<T extends { id: string; score: string | null }>(rows: readonly T[]): Map<string, number | null> {
  const ranks = new Map<string, number | null>(rows.map((r) => [r.id, null]));
  const scored = rows.flatMap((r) => (r.score === null ? [] : [{ id: r.id, score: dec(r.score) }])).sort((a, b) => b.score.cmp(a.score));
  scored.forEach((r, i) => {
    const previous = scored[i - 1];
    ranks.set(r.id, previous && previous.score.eq(r.score) ? ranks.get(previous.id)! : i + 1);
  });
  return ranks;
}

// ---------------------------------------------------------------- the table's order and pages

export const PRIORITY_SORT_KEYS = ['name', 'status', 'npv', 'benefit', 'cost', 'confidence', 'score'] as const;
export type PrioritySortKey = (typeof PRIORITY_SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Names and statuses read A to Z (the statuses in their life-cycle order); figures largest first. */
export function defaultDirection(key: PrioritySortKey): SortDirection {
  return key === 'name' || key === 'status' ? 'asc' : 'desc';
}

export interface PriorityRow {
  id: string;
  name: string;
  status: ProjectStatus;
  npv: string;
  runRateBenefit: string;
  totalCost: string;
  /** Fraction, '0.8' for 80 %. */
  confidence: string;
  score: string | null;
}

function sortValue(row: PriorityRow, key: Exclude<PrioritySortKey, 'name' | 'status'>): string | null {
  switch (key) {
    case 'npv':
      return row.npv;
    case 'benefit':
      return row.runRateBenefit;
    case 'cost':
      return row.totalCost;
    case 'confidence':
      return row.confidence;
    case 'score':
      return row.score;
  }
}

const byName = (a: PriorityRow, b: PriorityRow) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The table's order: by the key in the direction asked; rows without a value (no score) last either way; ties by name. */
export function sortPriorities<T extends PriorityRow>(rows: readonly T[], key: PrioritySortKey, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    if (key === 'status') return sign * (PROJECT_STATUSES.indexOf(a.status) - PROJECT_STATUSES.indexOf(b.status)) || byName(a, b);
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * dec(va).cmp(dec(vb)) || byName(a, b);
  });
}

export const PRIORITY_PAGE_SIZE = 25;

/** One page of rows (pages count from 1; a page past the end shows the last one). */
export function pageOf<T>(rows: readonly T[], page: number, size = PRIORITY_PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pageCount, total: rows.length };
}

// ---------------------------------------------------------------- the matrix

export const MATRIX_BUBBLES = 30;

export interface OthersAggregate {
  count: number;
  /** Sums over the projects not drawn. */
  value: string;
  cost: string;
}

/**
 * The `limit` rows that matter most by value, either way (a large loss is as much worth seeing as a
 * large gain), largest first and then by name; the rest summed into one "others" line (null when
 * every row fits).
 */
export function largestWithOthers<T extends { name: string }>(
  rows: readonly T[],
  value: (row: T) => string,
  cost: (row: T) => string,
  limit = MATRIX_BUBBLES,
): { top: T[]; others: OthersAggregate | null } {
  const ordered = [...rows].sort(
    (a, b) =>
      dec(value(b))
        .abs()
        .cmp(dec(value(a)).abs()) || a.name.localeCompare(b.name),
  );
  const rest = ordered.slice(limit);
  return {
    top: ordered.slice(0, limit),
    others: rest.length ? { count: rest.length, value: toDecimalString(sum(...rest.map(value))), cost: toDecimalString(sum(...rest.map(cost))) } : null,
  };
}
