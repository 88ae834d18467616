// Business objectives (seed 001: "define and quantify the business objectives, then the tactics, then
// the measures"): the tree rules (at most three levels, no cycle), the progress of an objective
// against its target (money: planned and realised benefit of its projects; measure: the measure's
// current value) and the roll-up of money progress up the tree. The benefits themselves come from
// the business-case pipeline (app/domain/business-case: a project's total benefit over its horizon,
// and realised-value.ts's realised benefit to date); this module only compares and sums them, and
// the comparison with a money target is realised-value.ts's objectiveProgress.
import type Big from 'big.js';
import { objectiveProgress } from './business-case/realised-value';
import { dec, sum, toDecimalString } from './decimal';
import { trendSign } from './kpi';
import type { ObjectiveTargetKind, Trend } from './vocabulary';

/** Company -> CX programme -> team. */
export const MAX_OBJECTIVE_DEPTH = 3;

export interface ObjectiveNode {
  id: string;
  parentId: string | null;
}

export type ParentCheck = { ok: true } | { ok: false; reason: 'parent_missing' | 'cycle' | 'too_deep' };

/** Ancestors of a node, nearest first (stops at a missing parent or at a cycle already stored). */
function ancestors(byId: ReadonlyMap<string, ObjectiveNode>, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([id]);
  let next = byId.get(id)?.parentId ?? null;
  while (next !== null && byId.has(next) && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = byId.get(next)!.parentId;
  }
  return chain;
}

/** Levels of the subtree under `id`, itself included (a leaf is 1). */
function subtreeHeight(children: ReadonlyMap<string, readonly string[]>, id: string, seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  let below = 0;
  for (const child of children.get(id) ?? []) below = Math.max(below, subtreeHeight(children, child, seen));
  return 1 + below;
}

function childrenOf(nodes: readonly ObjectiveNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    let list = children.get(n.parentId);
    if (!list) children.set(n.parentId, (list = []));
    list.push(n.id);
  }
  return children;
}

/**
 * May objective `id` (null: a new one) sit under `parentId`? Refused when the parent is not among
 * `nodes` (another workspace's), when the parent is the objective itself or one of its descendants
 * (a cycle), or when the objective and everything under it would go deeper than three levels.
 */
export function checkParent(nodes: readonly ObjectiveNode[], id: string | null, parentId: string | null): ParentCheck {
  if (parentId === null) {
    // A root: only the subtree's own height matters.
    if (id === null) return { ok: true };
    return subtreeHeight(childrenOf(nodes), id) > MAX_OBJECTIVE_DEPTH ? { ok: false, reason: 'too_deep' } : { ok: true };
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (!byId.has(parentId)) return { ok: false, reason: 'parent_missing' };
  if (id !== null && (parentId === id || ancestors(byId, parentId).includes(id))) return { ok: false, reason: 'cycle' };
  const parentDepth = 1 + ancestors(byId, parentId).length;
  const height = id === null ? 1 : subtreeHeight(childrenOf(nodes), id);
  return parentDepth + height > MAX_OBJECTIVE_DEPTH ? { ok: false, reason: 'too_deep' } : { ok: true };
}

export interface TreeEntry<T extends ObjectiveNode> {
  node: T;
  /** 1 for a top-level objective. */
  depth: number;
  childCount: number;
}

/**
 * The objectives in reading order: each parent followed by its children, siblings in the order given
 * (sort them by name first). An objective whose parent is missing is shown at the top level.
 */
export function objectiveTree<T extends ObjectiveNode>(nodes: readonly T[]): TreeEntry<T>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    if (n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id) {
      let list = children.get(n.parentId);
      if (!list) children.set(n.parentId, (list = []));
      list.push(n);
    } else roots.push(n);
  }
  const out: TreeEntry<T>[] = [];
  const placed = new Set<string>();
  const walk = (n: T, depth: number) => {
    if (placed.has(n.id)) return;
    placed.add(n.id);
    const kids = children.get(n.id) ?? [];
    out.push({ node: n, depth, childCount: kids.length });
    for (const k of kids) walk(k, depth + 1);
  };
  for (const r of roots) walk(r, 1);
  // A cycle stored by mistake has no root: show its members at the top rather than losing them.
  for (const n of nodes) walk(n, 1);
  return out;
}

// ---------------------------------------------------------------- progress

/** What the business case says of one linked project: what it plans and what it realised so far. */
export interface ProjectBenefit {
  /** Planned benefit over its horizon: the business case's total benefit (DESIGN.md "Totals"). */
  planned: string;
  /** Realised benefit to date (realised-value.ts); null when the project has not started. */
  realised: string | null;
}

export interface BenefitTotals {
  planned: string;
  /** Null when none of the projects has a realised figure yet. */
  realised: string | null;
  projectCount: number;
}

/** Planned and realised benefit of a set of projects, each counted once; unknown projects add nothing. */
export function benefitOf(projectIds: Iterable<string>, benefits: ReadonlyMap<string, ProjectBenefit>): BenefitTotals {
  const planned: Big[] = [];
  const realised: Big[] = [];
  let projectCount = 0;
  for (const id of new Set(projectIds)) {
    const b = benefits.get(id);
    if (!b) continue;
    projectCount++;
    planned.push(dec(b.planned));
    if (b.realised !== null) realised.push(dec(b.realised));
  }
  return { planned: toDecimalString(sum(...planned)), realised: realised.length ? toDecimalString(sum(...realised)) : null, projectCount };
}

export interface MoneyProgress {
  target: string;
  planned: string;
  realised: string | null;
  /** Target still uncovered by any project's plan: target - planned, never below 0. */
  gap: string;
  /** The projects' plans reach the target. */
  covered: boolean;
  /** What is still to realise: target - realised, never below 0. */
  remaining: string;
  /** What was realised reaches the target. */
  reached: boolean;
  /** planned / target as a fraction; null for a target of 0. */
  plannedShare: string | null;
  /** realised / target as a fraction; null without a realised figure or for a target of 0. */
  realisedShare: string | null;
}

/** A money target against its projects' planned and realised benefit (realised-value.ts's objectiveProgress). */
export function moneyProgress(target: string, planned: string, realised: string | null): MoneyProgress {
  const p = objectiveProgress({ target, planned, realised: realised ?? '0' });
  return {
    target: toDecimalString(target),
    planned: toDecimalString(planned),
    realised: realised === null ? null : toDecimalString(realised),
    gap: p.uncovered,
    covered: dec(p.uncovered).eq(0),
    remaining: p.remaining,
    reached: p.reached,
    plannedShare: p.plannedShare,
    realisedShare: realised === null ? null : p.realisedShare,
  };
}

/** The current value of a measure: the mean of its KPIs' newest values (null without any value). */
export function measureCurrent(newestValues: readonly string[]): string | null {
  if (newestValues.length === 0) return null;
  return toDecimalString(sum(...newestValues).div(newestValues.length));
}

export interface MeasureProgress {
  target: string;
  current: string | null;
  /** Units still to gain the good way, never below 0; null without a current value. */
  remaining: string | null;
  /** Null without a current value. */
  met: boolean | null;
}

export function measureProgress(target: string, current: string | null, trend: Trend): MeasureProgress {
  if (current === null) return { target: toDecimalString(target), current: null, remaining: null, met: null };
  const toGain = dec(target).minus(current).times(trendSign(trend));
  return {
    target: toDecimalString(target),
    current: toDecimalString(current),
    remaining: toDecimalString(toGain.gt(0) ? toGain : 0),
    met: toGain.lte(0),
  };
}

export interface RollUpNode extends ObjectiveNode {
  targetKind: ObjectiveTargetKind;
  projectIds: readonly string[];
}

/**
 * Planned and realised benefit of each objective with everything under it: the projects linked to
 * the money-target objectives of its subtree, each project counted once (a project linked to a
 * programme and to one of its teams is one plan, not two).
 */
export function rollUp(nodes: readonly RollUpNode[], benefits: ReadonlyMap<string, ProjectBenefit>): Map<string, BenefitTotals> {
  const children = childrenOf(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const projectsUnder = (id: string, seen: Set<string>): Set<string> => {
    const out = new Set<string>();
    if (seen.has(id)) return out;
    seen.add(id);
    const node = byId.get(id);
    if (node?.targetKind === 'money') for (const p of node.projectIds) out.add(p);
    for (const child of children.get(id) ?? []) for (const p of projectsUnder(child, seen)) out.add(p);
    return out;
  };
  return new Map(nodes.map((n) => [n.id, benefitOf(projectsUnder(n.id, new Set()), benefits)]));
}
