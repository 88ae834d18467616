// Demo data for the objectives feature (see index.server.ts for the order): seed 001's three steps in
// the demo's words. A company objective in money, a CX programme under it served by two of the demo
// projects and followed by their KPIs, and a team objective in a measure (NPS 45). Projects, KPIs and
// measures come from the earlier seeders; one they did not create is skipped rather than invented.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { kpi, measure, objective, objectiveKpi, objectiveMeasure, objectiveProject, project, stage } from '#db/schema';
import type { DemoContext } from './context.server';

export async function seedDemoObjectives(ctx: DemoContext): Promise<void> {
  const { tx, workspaceId, users } = ctx;
  const year = new Date().getUTCFullYear();
  const period = { startDate: `${year}-01-01`, endDate: `${year + 1}-12-31` };

  const projects = await tx
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), inArray(project.name, ['Self-service onboarding', 'Refonte du parcours de renouvellement'])));
  const measures = await tx
    .select({ id: measure.id, name: measure.name })
    .from(measure)
    .where(and(eq(measure.workspaceId, workspaceId), inArray(sql`lower(${measure.name})`, ['nps', 'taux de churn'])));
  const kpis = await tx
    .select({ id: kpi.id, measureName: measure.name, stageName: stage.name })
    .from(kpi)
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .where(
      and(eq(kpi.workspaceId, workspaceId), inArray(sql`lower(${measure.name} || '@' || ${stage.name})`, ['nps@onboarding', 'taux de churn@renouvellement'])),
    );
  const nps = measures.find((m) => m.name.toLowerCase() === 'nps');

  const [company] = await tx
    .insert(objective)
    .values({
      workspaceId,
      name: 'Augmenter le revenu des abonnés existants',
      description: 'Objectif de l’entreprise : plus de revenu par abonné, grâce à une expérience qui retient et fait recommander.',
      ownerId: users.owner,
      ...period,
      targetKind: 'money',
      targetAmount: '1500000',
      impactType: 'revenue',
    })
    .returning({ id: objective.id });
  const [programme] = await tx
    .insert(objective)
    .values({
      workspaceId,
      parentId: company!.id,
      name: 'Programme CX : fidéliser dès l’activation',
      description: 'Les tactiques du programme : un démarrage sans appel au support, puis un renouvellement sans friction.',
      ownerId: users.editor,
      ...period,
      targetKind: 'money',
      targetAmount: '600000',
      impactType: 'revenue',
    })
    .returning({ id: objective.id });
  if (nps) {
    await tx.insert(objective).values({
      workspaceId,
      parentId: programme!.id,
      name: 'Équipe onboarding : NPS 45',
      ownerId: users.editor,
      ...period,
      targetKind: 'measure',
      measureId: nps.id,
      targetValue: '45',
    });
  }
  const objectiveId = programme!.id;
  if (projects.length) await tx.insert(objectiveProject).values(projects.map((p) => ({ workspaceId, objectiveId, projectId: p.id })));
  if (kpis.length) await tx.insert(objectiveKpi).values(kpis.map((k) => ({ workspaceId, objectiveId, kpiId: k.id })));
  if (measures.length) await tx.insert(objectiveMeasure).values(measures.map((m) => ({ workspaceId, objectiveId, measureId: m.id })));
}
