// The low / base / high scenarios of a project's business case: one row per kind once saved, the
// domain's defaults until then. Saving writes the three kinds in one transaction, each checked
// against the version it was read at; the arithmetic is app/domain/business-case/scenarios.ts.
import { and, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { project, projectScenario } from '#db/schema';
import { DEFAULT_SCENARIOS, type ScenarioOverrides } from '~/domain/business-case';
import { toDecimalString } from '~/domain/decimal';
import { SCENARIO_KINDS, type ScenarioKind } from '~/domain/vocabulary';
import type { ScenariosInput } from '~/lib/schemas/scenarios';
import { recordActivity } from './activity.server';
import { announce } from './live.server';
import { NOT_FOUND, ok, stale, type Result } from './result.server';

export interface SavedScenario extends ScenarioOverrides {
  /** 0 while the default is shown (no row yet). */
  version: number;
}

export type SavedScenarios = Record<ScenarioKind, SavedScenario>;

/** A project's scenarios in one query; kinds never saved are the defaults, at version 0. */
export async function loadScenarios(workspaceId: string, projectId: string, executor: Executor = db): Promise<SavedScenarios> {
  const rows = await executor
    .select({
      kind: projectScenario.kind,
      confidenceShift: projectScenario.confidenceShift,
      rampUp: projectScenario.rampUp,
      costChange: projectScenario.costChange,
      targetReach: projectScenario.targetReach,
      version: projectScenario.version,
    })
    .from(projectScenario)
    .where(and(eq(projectScenario.workspaceId, workspaceId), eq(projectScenario.projectId, projectId)));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return Object.fromEntries(
    SCENARIO_KINDS.map((kind): [ScenarioKind, SavedScenario] => {
      const row = byKind.get(kind);
      if (!row) return [kind, { ...DEFAULT_SCENARIOS[kind], version: 0 }];
      // Canonical decimals ('-0.200000' -> '-0.2'), as the domain and the form compare them.
      return [
        kind,
        {
          confidenceShift: toDecimalString(row.confidenceShift),
          rampUp: row.rampUp.map((r) => toDecimalString(r)),
          costChange: toDecimalString(row.costChange),
          targetReach: toDecimalString(row.targetReach),
          version: row.version,
        },
      ];
    }),
  ) as SavedScenarios;
}

/** Thrown inside the transaction to undo every kind already written when one of them is stale. */
class StaleScenario extends Error {}

/**
 * Saves the three scenarios. Not found when the project is not in the workspace; stale (with the
 * current scenarios) when any kind changed since it was read, and then nothing is written.
 */
export async function saveScenarios(
  workspaceId: string,
  actorId: string,
  projectId: string,
  input: ScenariosInput,
): Promise<Result<undefined, SavedScenarios>> {
  try {
    return await db.transaction(async (tx) => {
      const [p] = await tx
        .select({ name: project.name })
        .from(project)
        .where(and(eq(project.workspaceId, workspaceId), eq(project.id, projectId)));
      if (!p) return NOT_FOUND;
      for (const kind of SCENARIO_KINDS) {
        const { version, ...o } = input[kind];
        const values = { confidenceShift: o.confidenceShift, rampUp: [...o.rampUp], costChange: o.costChange, targetReach: o.targetReach };
        const [written] =
          version === 0
            ? await tx
                .insert(projectScenario)
                .values({ workspaceId, projectId, kind, ...values })
                .onConflictDoNothing({ target: [projectScenario.projectId, projectScenario.kind] })
                .returning({ kind: projectScenario.kind })
            : await tx
                .update(projectScenario)
                .set({ ...values, version: sql`${projectScenario.version} + 1`, updatedAt: new Date() })
                .where(
                  and(
                    eq(projectScenario.workspaceId, workspaceId),
                    eq(projectScenario.projectId, projectId),
                    eq(projectScenario.kind, kind),
                    eq(projectScenario.version, version),
                  ),
                )
                .returning({ kind: projectScenario.kind });
        if (!written) throw new StaleScenario();
      }
      await recordActivity(tx, { workspaceId, actorId, entityType: 'project_scenario', entityId: projectId, action: 'updated', summary: p.name });
      await announce(tx, workspaceId, [`project:${projectId}`]);
      return ok();
    });
  } catch (error) {
    if (!(error instanceof StaleScenario)) throw error;
    return stale(await loadScenarios(workspaceId, projectId));
  }
}
