// Demo data for the projects feature (see index.server.ts for the order and DESIGN.md, "Demo workspace"):
// three projects with costs and linked KPIs. "Self-service onboarding" is the worked example of
// DESIGN.md; the renewal project takes a share of the churn KPI that, with the first one, adds up to
// more than 100 %, so the double-counting warning has something to show. KPIs come from the measures
// seeder; a KPI it did not create is skipped rather than invented here.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CostKind } from '~/domain/vocabulary';
import type { DemoContext } from './context.server';
import { kpi, measure, project, projectCost, projectKpi, stage } from '#db/schema';

type KpiKey = `${string}@${string}`;

const isoMonthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

interface DemoProject {
  values: Omit<typeof project.$inferInsert, 'workspaceId'>;
  costs: { label: string; kind: CostKind; amount: string; year: number }[];
  links: { kpi: KpiKey; share: string }[];
}

export async function seedDemoProjects(ctx: DemoContext): Promise<void> {
  const { tx, workspaceId, users } = ctx;
  const projects: DemoProject[] = [
    {
      values: {
        name: 'Self-service onboarding',
        description: 'Un parcours d’activation en libre-service (application et web) pour que les nouveaux abonnés démarrent sans appeler le support.',
        ownerId: users.editor,
        status: 'in_progress',
        startDate: isoMonthsAgo(3),
        horizonYears: 3,
        discountRate: '0.08',
        confidence: '0.8',
        rampUp: ['0.5', '1', '1'],
      },
      costs: [
        { label: 'Conception et développement', kind: 'one_off', amount: '60000', year: 0 },
        { label: 'Exploitation et évolutions', kind: 'recurring', amount: '10000', year: 1 },
      ],
      links: [
        { kpi: 'NPS@Onboarding', share: '1' },
        { kpi: 'Taux de churn@Renouvellement', share: '0.5' },
        { kpi: 'Durée moyenne de traitement@Support', share: '1' },
      ],
    },
    {
      values: {
        name: 'Refonte du parcours de renouvellement',
        description: 'Relances personnalisées avant l’échéance et renouvellement en un clic, avec une offre adaptée à l’usage réel.',
        ownerId: users.owner,
        status: 'planned',
        startDate: isoMonthsAgo(-1),
        horizonYears: 4,
        discountRate: '0.1',
        confidence: '0.7',
        rampUp: ['0.3', '0.8', '1', '1'],
      },
      costs: [
        { label: 'Refonte UX et développement', kind: 'one_off', amount: '120000', year: 0 },
        { label: 'Formation des conseillers', kind: 'one_off', amount: '20000', year: 1 },
        { label: 'Maintenance et campagnes', kind: 'recurring', amount: '15000', year: 1 },
      ],
      links: [
        // With the 50 % of "Self-service onboarding", 110 %: shown as double counting.
        { kpi: 'Taux de churn@Renouvellement', share: '0.6' },
        { kpi: 'Taux de renouvellement@Renouvellement', share: '1' },
      ],
    },
    {
      values: {
        name: 'Chatbot support niveau 1',
        description: 'Un assistant conversationnel qui traite les demandes simples (facture, suivi de commande, réinitialisation) 24 h/24.',
        ownerId: users.editor,
        status: 'idea',
        startDate: null,
        horizonYears: 3,
        discountRate: '0.1',
        confidence: '0.6',
        rampUp: ['0.4', '1', '1'],
      },
      costs: [
        { label: 'Intégration du chatbot', kind: 'one_off', amount: '45000', year: 0 },
        { label: 'Licence et supervision', kind: 'recurring', amount: '18000', year: 1 },
      ],
      links: [
        { kpi: 'Résolution au premier contact@Résolution', share: '1' },
        { kpi: 'CSAT@Contact', share: '0.5' },
      ],
    },
  ];

  const wanted = [...new Set(projects.flatMap((p) => p.links.map((l) => l.kpi)))];
  const measureNames = [...new Set(wanted.map((k) => k.split('@')[0]!.toLowerCase()))];
  // One query: every KPI of the wanted measures, keyed by "measure@stage" (the first one per cell).
  const rows = await tx
    .select({ id: kpi.id, measureName: measure.name, stageName: stage.name })
    .from(kpi)
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .where(and(eq(kpi.workspaceId, workspaceId), inArray(sql`lower(${measure.name})`, measureNames)))
    .orderBy(kpi.position);
  const kpiIds = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.measureName}@${r.stageName}`.toLowerCase();
    if (!kpiIds.has(key)) kpiIds.set(key, r.id);
  }

  const inserted = await tx
    .insert(project)
    .values(projects.map((p) => ({ ...p.values, workspaceId })))
    .returning({ id: project.id });
  const costRows = projects.flatMap((p, i) => p.costs.map((c) => ({ ...c, workspaceId, projectId: inserted[i]!.id })));
  if (costRows.length) await tx.insert(projectCost).values(costRows);
  const linkRows = projects.flatMap((p, i) =>
    p.links.flatMap((l) => {
      const kpiId = kpiIds.get(l.kpi.toLowerCase());
      return kpiId ? [{ workspaceId, projectId: inserted[i]!.id, kpiId, share: l.share }] : [];
    }),
  );
  if (linkRows.length) await tx.insert(projectKpi).values(linkRows);
}
