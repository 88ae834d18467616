// Demo data for prioritisation (see index.server.ts for the order): three weighted criteria and the
// demo projects' scores on them, so the score ranking of /w/demo-telecom/priorities has something
// true to show. Strategic fit 3 (higher is better), risk 2 and effort 1 (lower is better).
import { and, eq, inArray } from 'drizzle-orm';
import { priorityCriterion, project, projectScore } from '#db/schema';
import type { DemoContext } from './context.server';

const CRITERIA = [
  { name: 'Alignement stratégique', weight: '3', direction: 'higher_is_better' },
  { name: 'Risque', weight: '2', direction: 'lower_is_better' },
  { name: 'Effort', weight: '1', direction: 'lower_is_better' },
] as const;

/** Scores per project name, in the order of CRITERIA: weighted scores 70.8, 66.7 and 62.5. */
const SCORES: Record<string, [number, number, number]> = {
  'Self-service onboarding': [4, 2, 3],
  'Refonte du parcours de renouvellement': [5, 3, 5],
  'Chatbot support niveau 1': [3, 2, 2],
};

export async function seedDemoPriorities(ctx: DemoContext): Promise<void> {
  const { tx, workspaceId } = ctx;
  const criteria = await tx
    .insert(priorityCriterion)
    .values(CRITERIA.map((c, position) => ({ ...c, workspaceId, position })))
    .returning({ id: priorityCriterion.id });
  const projects = await tx
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), inArray(project.name, Object.keys(SCORES))));
  const rows = projects.flatMap((p) => SCORES[p.name]!.map((score, i) => ({ workspaceId, projectId: p.id, criterionId: criteria[i]!.id, score })));
  if (rows.length) await tx.insert(projectScore).values(rows);
}
