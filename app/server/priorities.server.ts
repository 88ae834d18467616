// Prioritisation: the workspace's scoring criteria (owners manage them), the projects' scores on
// them (editors set them) and the prioritisation page's data. The business-case figures are the
// executive summary's roll-up (loadPortfolio, computed by app/domain/business-case); this module
// adds the scores, the ranking, the table's order and page and the matrix's largest bubbles
// (app/domain/priorities.ts). The page costs the roll-up's queries plus two, whatever its size.
import { and, asc, count, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { priorityCriterion, project, projectScore } from '#db/schema';
import { trimDecimal } from '~/domain/decimal';
import { groupBy } from '~/domain/group-by';
import { largestWithOthers, pageOf, rankByScore, sortPriorities, weightedScore, type OthersAggregate } from '~/domain/priorities';
import type { CriterionDirection } from '~/domain/vocabulary';
import { MAX_CRITERIA, type PrioritiesQuery } from '~/lib/schemas/priorities';
import { recordActivity } from './activity.server';
import { isUniqueViolation } from './measures.server';
import { loadPortfolio } from './portfolio.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';

// ---------------------------------------------------------------- reading

const criterionColumns = {
  id: priorityCriterion.id,
  name: priorityCriterion.name,
  weight: priorityCriterion.weight,
  direction: priorityCriterion.direction,
  version: priorityCriterion.version,
};

export type CriterionRow = { id: string; name: string; weight: string; direction: CriterionDirection; version: number };

/** The workspace's criteria in the order they were added (weights without trailing zeros: '2.5'). */
export async function listCriteria(workspaceId: string): Promise<CriterionRow[]> {
  const rows = await db
    .select(criterionColumns)
    .from(priorityCriterion)
    .where(eq(priorityCriterion.workspaceId, workspaceId))
    .orderBy(asc(priorityCriterion.position), asc(priorityCriterion.name));
  return rows.map((r) => ({ ...r, weight: trimDecimal(r.weight) }));
}

/** Every live project's confidence with its scores: one row per score, one row of nulls for a project without any. */
function listProjectScores(workspaceId: string) {
  return db
    .select({
      projectId: project.id,
      confidence: project.confidence,
      criterionId: projectScore.criterionId,
      score: projectScore.score,
      version: projectScore.version,
    })
    .from(project)
    .leftJoin(projectScore, and(eq(projectScore.workspaceId, workspaceId), eq(projectScore.projectId, project.id)))
    .where(and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt)));
}

export interface SavedScore {
  score: number;
  version: number;
}

/**
 * The prioritisation page: the criteria, one page of the table (in the asked order, each row with
 * its scores and rank by score) and the matrix's bubbles (the MATRIX_BUBBLES largest by the chosen
 * value, the rest as one "others" line). Rows are of the shown projects (status filter).
 */
export async function loadPriorities(workspaceId: string, query: PrioritiesQuery, today: string) {
  const [portfolio, criteria, scoreRows] = await Promise.all([
    loadPortfolio(workspaceId, { sort: 'npv', status: query.status, today }),
    listCriteria(workspaceId),
    listProjectScores(workspaceId),
  ]);
  const byProject = groupBy(scoreRows, (r) => r.projectId);

  // A project created between the queries has no row here yet: it shows on the next load.
  const rows = portfolio.projects.flatMap((p) => {
    const mine = byProject.get(p.id);
    if (!mine) return [];
    const saved: Record<string, SavedScore> = {};
    for (const r of mine) if (r.criterionId !== null && r.score !== null && r.version !== null) saved[r.criterionId] = { score: r.score, version: r.version };
    const { score, scored, weighted } = weightedScore(criteria, new Map(Object.entries(saved).map(([id, s]) => [id, s.score])));
    return [
      {
        id: p.id,
        name: p.name,
        status: p.status,
        npv: p.npv,
        runRateBenefit: p.runRateBenefit,
        totalCost: p.totalCost,
        confidence: trimDecimal(mine[0]!.confidence),
        warningCount: p.warningCount,
        score,
        scored,
        weighted,
        saved,
      },
    ];
  });
  const ranks = rankByScore(rows);
  const sharing = new Map<number, number>();
  for (const rank of ranks.values()) if (rank !== null) sharing.set(rank, (sharing.get(rank) ?? 0) + 1);
  const page = pageOf(sortPriorities(rows, query.sort, query.dir), query.page);
  const valueOf = (r: (typeof rows)[number]) => (query.value === 'npv' ? r.npv : r.runRateBenefit);
  const { top, others } = largestWithOthers(rows, valueOf, (r) => r.totalCost);

  return {
    criteria,
    rows: page.rows.map(({ saved, ...r }) => {
      const rank = ranks.get(r.id) ?? null;
      return { ...r, rank, tied: rank !== null && (sharing.get(rank) ?? 0) > 1, scores: saved };
    }),
    page: { page: page.page, pageCount: page.pageCount, total: page.total },
    bubbles: top.map((r) => ({ id: r.id, name: r.name, status: r.status, cost: r.totalCost, value: valueOf(r), confidence: r.confidence, score: r.score })),
    others: others satisfies OthersAggregate | null,
    scoredCount: rows.filter((r) => r.score !== null).length,
    counts: portfolio.counts,
  };
}

export type Priorities = Awaited<ReturnType<typeof loadPriorities>>;

// ---------------------------------------------------------------- criteria (owners)

export interface CriterionInput {
  name: string;
  /** Decimal string, 0 to 100. */
  weight: string;
  direction: CriterionDirection;
}

const NAME_TAKEN = invalid('name', 'priorities.nameTaken', { conflict: true });

export async function createCriterion(workspaceId: string, actorId: string, input: CriterionInput): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ n: count(), last: max(priorityCriterion.position) })
      .from(priorityCriterion)
      .where(eq(priorityCriterion.workspaceId, workspaceId));
    if ((existing?.n ?? 0) >= MAX_CRITERIA) return invalid('', 'priorities.tooManyCriteria', { conflict: true });
    const [row] = await tx
      .insert(priorityCriterion)
      .values({ workspaceId, ...input, position: (existing?.last ?? -1) + 1 })
      .onConflictDoNothing()
      .returning({ id: priorityCriterion.id });
    if (!row) return NAME_TAKEN;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'priority_criterion', entityId: row.id, action: 'created', summary: input.name });
    return ok(row.id);
  });
}

export async function updateCriterion(
  workspaceId: string,
  actorId: string,
  criterionId: string,
  version: number,
  input: CriterionInput,
): Promise<Result<undefined, CriterionRow>> {
  try {
    return await db.transaction(async (tx): Promise<Result<undefined, CriterionRow>> => {
      const [clash] = await tx
        .select({ id: priorityCriterion.id })
        .from(priorityCriterion)
        .where(
          and(
            eq(priorityCriterion.workspaceId, workspaceId),
            ne(priorityCriterion.id, criterionId),
            sql`lower(${priorityCriterion.name}) = lower(${input.name})`,
          ),
        );
      if (clash) return NAME_TAKEN;
      const where = and(eq(priorityCriterion.workspaceId, workspaceId), eq(priorityCriterion.id, criterionId));
      const [row] = await tx
        .update(priorityCriterion)
        .set({ ...input, version: sql`${priorityCriterion.version} + 1` })
        .where(and(where, eq(priorityCriterion.version, version)))
        .returning({ id: priorityCriterion.id });
      if (!row) {
        // Gone, or saved by someone else since: the current content comes back with the refusal.
        const [current] = await tx.select(criterionColumns).from(priorityCriterion).where(where);
        return current ? stale(current) : NOT_FOUND;
      }
      await recordActivity(tx, { workspaceId, actorId, entityType: 'priority_criterion', entityId: criterionId, action: 'updated', summary: input.name });
      return ok();
    });
  } catch (error) {
    // A rename racing another one to the same name.
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Deletes a criterion and every project's score on it. */
export async function deleteCriterion(workspaceId: string, actorId: string, criterionId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(priorityCriterion)
      .where(and(eq(priorityCriterion.workspaceId, workspaceId), eq(priorityCriterion.id, criterionId)))
      .returning({ name: priorityCriterion.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'priority_criterion', entityId: criterionId, action: 'deleted', summary: row.name });
    return ok();
  });
}

// ---------------------------------------------------------------- scores (editors)

export interface ScoreEntry {
  criterionId: string;
  /** 1-5, or null to clear the score. */
  score: number | null;
  /** The version of the score the form showed; null when it showed none. */
  version: number | null;
}

/**
 * Sets a live project's scores on the given criteria, all or nothing. Each entry carries the version
 * of the score its form showed: when any stored score has changed since (or appeared, or gone), the
 * save is refused with the project's current scores. A project or criterion of another workspace
 * (or an archived project) is not found.
 */
export async function setProjectScores(
  workspaceId: string,
  actorId: string,
  projectId: string,
  entries: readonly ScoreEntry[],
): Promise<Result<undefined, Record<string, SavedScore>>> {
  try {
    return await db.transaction(async (tx): Promise<Result<undefined, Record<string, SavedScore>>> => {
      // The project row's lock makes two saves of one project's scores take turns.
      const [target] = await tx
        .select({ id: project.id, name: project.name })
        .from(project)
        .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId), isNull(project.archivedAt)))
        .for('update');
      if (!target) return NOT_FOUND;
      const criterionIds = entries.map((e) => e.criterionId);
      if (criterionIds.length) {
        const known = await tx
          .select({ id: priorityCriterion.id })
          .from(priorityCriterion)
          .where(and(eq(priorityCriterion.workspaceId, workspaceId), inArray(priorityCriterion.id, criterionIds)));
        if (known.length !== new Set(criterionIds).size) return NOT_FOUND;
      }
      const stored = await tx
        .select({ criterionId: projectScore.criterionId, score: projectScore.score, version: projectScore.version })
        .from(projectScore)
        .where(and(eq(projectScore.workspaceId, workspaceId), eq(projectScore.projectId, projectId)));
      const current = Object.fromEntries(stored.map((s) => [s.criterionId, { score: s.score, version: s.version }]));
      if (entries.some((e) => (current[e.criterionId]?.version ?? null) !== e.version)) return stale(current);

      const cleared = entries.filter((e) => e.score === null && current[e.criterionId]).map((e) => e.criterionId);
      const changed = entries.filter((e): e is ScoreEntry & { score: number } => e.score !== null && current[e.criterionId]?.score !== e.score);
      if (cleared.length === 0 && changed.length === 0) return ok();
      if (cleared.length) {
        await tx
          .delete(projectScore)
          .where(and(eq(projectScore.workspaceId, workspaceId), eq(projectScore.projectId, projectId), inArray(projectScore.criterionId, cleared)));
      }
      if (changed.length) {
        await tx
          .insert(projectScore)
          .values(changed.map((e) => ({ workspaceId, projectId, criterionId: e.criterionId, score: e.score })))
          .onConflictDoUpdate({
            target: [projectScore.workspaceId, projectScore.projectId, projectScore.criterionId],
            set: { score: sql`excluded.score`, version: sql`${projectScore.version} + 1`, updatedAt: sql`now()` },
          });
      }
      await recordActivity(tx, { workspaceId, actorId, entityType: 'project_score', entityId: projectId, action: 'updated', summary: target.name });
      return ok();
    });
  } catch (error) {
    // A criterion deleted while its score was being saved (its foreign key is gone).
    if (isForeignKeyViolation(error)) return NOT_FOUND;
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23503') return true;
  }
  return false;
}
