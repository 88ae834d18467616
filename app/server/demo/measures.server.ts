// Demo data for the measures feature (see index.server.ts for the order and DESIGN.md, "Demo workspace"):
// a French measure library with owners, groups, tags and financial values, and KPIs in the KPI rows
// of the two demo maps with 12 monthly values ending this month. The worked example of DESIGN.md
// depends on three of them: NPS at "Onboarding" (32 -> 42), "Taux de churn" at "Renouvellement"
// (8.5 -> 7.0) and "Durée moyenne de traitement" at "Support" (420 -> 360), each moving the good
// way over the last two months so that they read "on track".
import { and, eq, inArray } from 'drizzle-orm';
import { dec, toFixedString } from '~/domain/decimal';
import { STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import type { Family, HeartCategory, ImpactType, Role, Trend } from '~/domain/vocabulary';
import type { DemoContext } from './context.server';
import { card, journeyMap, kpi, kpiValue, lane, measure, measureTouchpoint, stage } from '#db/schema';

const PURCHASE = "Souscription d'un abonnement mobile";
const SUPPORT = 'Support et renouvellement';

interface DemoMeasure {
  name: string;
  description: string;
  unit: string;
  trend: Trend;
  valueAmount: string;
  valueStep: string;
  impactType: ImpactType;
  owner: Role;
  group: string;
  tags: string[];
  heart: HeartCategory | null;
  family: Family;
  gsmGoal?: string;
  gsmSignal?: string;
  systems?: string[];
}

const MEASURES: DemoMeasure[] = [
  {
    name: 'NPS',
    description: 'Net Promoter Score : % de promoteurs moins % de détracteurs, mesuré par enquête après chaque étape clé.',
    unit: 'pts',
    trend: 'up',
    valueAmount: '50000',
    valueStep: '10',
    impactType: 'revenue',
    owner: 'owner',
    group: 'Perception client',
    tags: ['enquête', 'satisfaction'],
    heart: 'happiness',
    family: 'customer_perception',
    gsmGoal: 'Les clients recommandent nos offres',
    gsmSignal: 'Réponses 9-10 à l’enquête de recommandation',
    systems: ['Outil d’enquête', 'CRM'],
  },
  {
    name: 'Taux de churn',
    description: 'Part des abonnés qui résilient dans le mois.',
    unit: '%',
    trend: 'down',
    valueAmount: '120000',
    valueStep: '1',
    impactType: 'revenue',
    owner: 'editor',
    group: 'Fidélisation',
    tags: ['résiliation', 'finance'],
    heart: 'retention',
    family: 'business_performance',
    gsmGoal: 'Les clients restent abonnés',
    gsmSignal: 'Résiliations du mois',
    systems: ['Facturation', 'CRM'],
  },
  {
    name: 'Durée moyenne de traitement',
    description: 'Temps moyen passé par un conseiller sur une demande, communication et suivi compris.',
    unit: 'seconds',
    trend: 'down',
    valueAmount: '2000',
    valueStep: '10',
    impactType: 'cost_saving',
    owner: 'editor',
    group: 'Service client',
    tags: ['centre de contacts', 'productivité'],
    heart: 'task_success',
    family: 'business_performance',
    systems: ['Plateforme téléphonique'],
  },
  {
    name: 'CSAT',
    description: 'Part des clients satisfaits ou très satisfaits de l’interaction.',
    unit: '%',
    trend: 'up',
    valueAmount: '30000',
    valueStep: '5',
    impactType: 'revenue',
    owner: 'owner',
    group: 'Perception client',
    tags: ['enquête', 'satisfaction'],
    heart: 'happiness',
    family: 'customer_perception',
    systems: ['Outil d’enquête'],
  },
  {
    name: 'CES',
    description: 'Customer Effort Score sur 7 : l’effort ressenti pour obtenir ce que le client voulait.',
    unit: 'pts',
    trend: 'down',
    valueAmount: '20000',
    valueStep: '0.5',
    impactType: 'cost_saving',
    owner: 'owner',
    group: 'Perception client',
    tags: ['enquête', 'effort'],
    heart: 'task_success',
    family: 'customer_perception',
  },
  {
    name: 'Taux de rétention',
    description: 'Part des nouveaux abonnés toujours actifs trois mois après la souscription.',
    unit: '%',
    trend: 'up',
    valueAmount: '100000',
    valueStep: '1',
    impactType: 'revenue',
    owner: 'editor',
    group: 'Fidélisation',
    tags: ['finance'],
    heart: 'retention',
    family: 'business_performance',
    systems: ['CRM'],
  },
  {
    name: 'Taux de renouvellement',
    description: 'Part des contrats arrivant à échéance qui sont renouvelés.',
    unit: '%',
    trend: 'up',
    valueAmount: '80000',
    valueStep: '1',
    impactType: 'revenue',
    owner: 'editor',
    group: 'Fidélisation',
    tags: ['finance', 'contrats'],
    heart: 'retention',
    family: 'business_performance',
    systems: ['Facturation'],
  },
  {
    name: 'Résolution au premier contact',
    description: 'Part des demandes résolues dès le premier contact, sans rappel.',
    unit: '%',
    trend: 'up',
    valueAmount: '40000',
    valueStep: '5',
    impactType: 'cost_saving',
    owner: 'editor',
    group: 'Service client',
    tags: ['centre de contacts'],
    heart: 'task_success',
    family: 'customer_perception',
    systems: ['Plateforme téléphonique', 'CRM'],
  },
  {
    name: 'Taux de conversion',
    description: 'Part des visites du comparateur qui aboutissent à une souscription.',
    unit: '%',
    trend: 'up',
    valueAmount: '150000',
    valueStep: '1',
    impactType: 'revenue',
    owner: 'owner',
    group: 'Ventes',
    tags: ['digital', 'acquisition'],
    heart: 'adoption',
    family: 'business_performance',
    systems: ['Plateforme e-commerce'],
  },
  {
    name: 'Nouveaux clients',
    description: 'Nombre de clients conquis dans le mois.',
    unit: 'count',
    trend: 'up',
    valueAmount: '60000',
    valueStep: '100',
    impactType: 'revenue',
    owner: 'owner',
    group: 'Ventes',
    tags: ['acquisition'],
    heart: 'adoption',
    family: 'business_performance',
    systems: ['CRM'],
  },
  {
    name: 'Taux de recommandation',
    description: 'Part des nouveaux clients arrivés sur recommandation d’un client existant.',
    unit: '%',
    trend: 'up',
    valueAmount: '25000',
    valueStep: '1',
    impactType: 'revenue',
    owner: 'owner',
    group: 'Marketing',
    tags: ['acquisition', 'parrainage'],
    heart: 'adoption',
    family: 'customer_perception',
  },
  {
    name: 'Abonnements payants',
    description: 'Nombre d’offres payantes souscrites dans le mois.',
    unit: 'count',
    trend: 'up',
    valueAmount: '36000',
    valueStep: '100',
    impactType: 'revenue',
    owner: 'editor',
    group: 'Ventes',
    tags: ['finance'],
    heart: 'adoption',
    family: 'business_performance',
    systems: ['Facturation'],
  },
];

/** Library measures of the starter catalogue that no map uses yet. */
const UNPLACED = ['retention_cost', 'customer_lifetime_value', 'email_open_rate', 'deliverability', 'average_wait_time', 'complaint_rate'];

interface DemoKpi {
  map: string;
  stage: string;
  measure: string;
  first: string;
  current: string;
  target: string;
  dp: number;
  note: string;
  /** How the last month moved: the good way (default), the bad way, or not at all. */
  last?: 'good' | 'bad' | 'flat';
}

const KPIS: DemoKpi[] = [
  {
    map: PURCHASE,
    stage: 'Découverte',
    measure: 'Taux de recommandation',
    first: '9',
    current: '12',
    target: '11.5',
    dp: 1,
    note: 'Nouveaux clients venus par le parrainage.',
  },
  {
    map: PURCHASE,
    stage: 'Comparaison',
    measure: 'Taux de conversion',
    first: '2.4',
    current: '3.1',
    target: '4',
    dp: 2,
    note: 'Visites du comparateur qui finissent en souscription.',
  },
  {
    map: PURCHASE,
    stage: 'Souscription',
    measure: 'Nouveaux clients',
    first: '1500',
    current: '1850',
    target: '2200',
    dp: 0,
    note: 'Souscriptions en ligne et en boutique.',
  },
  {
    map: PURCHASE,
    stage: 'Souscription',
    measure: 'Abonnements payants',
    first: '1300',
    current: '1620',
    target: '2000',
    dp: 0,
    note: 'Forfaits payants, hors offres d’essai.',
  },
  {
    map: PURCHASE,
    stage: 'Livraison',
    measure: 'CES',
    first: '4.1',
    current: '3.2',
    target: '2.5',
    dp: 1,
    note: 'Effort ressenti pour recevoir et activer la SIM.',
    last: 'bad',
  },
  { map: PURCHASE, stage: 'Activation', measure: 'CSAT', first: '72', current: '78', target: '85', dp: 1, note: 'Enquête envoyée après l’activation.' },
  {
    map: PURCHASE,
    stage: 'Onboarding',
    measure: 'NPS',
    first: '24',
    current: '32',
    target: '42',
    dp: 0,
    note: 'NPS mesuré 7 jours après l’activation de la ligne.',
  },
  {
    map: PURCHASE,
    stage: 'Premiers usages',
    measure: 'Taux de rétention',
    first: '85',
    current: '88',
    target: '92',
    dp: 1,
    note: 'Abonnés encore actifs à 3 mois.',
  },
  {
    map: SUPPORT,
    stage: 'Contact',
    measure: 'CSAT',
    first: '64',
    current: '71',
    target: '80',
    dp: 1,
    note: 'Satisfaction à chaud après l’appel.',
    last: 'flat',
  },
  {
    map: SUPPORT,
    stage: 'Support',
    measure: 'Durée moyenne de traitement',
    first: '510',
    current: '420',
    target: '360',
    dp: 0,
    note: 'Appels au support technique.',
  },
  {
    map: SUPPORT,
    stage: 'Résolution',
    measure: 'Résolution au premier contact',
    first: '61',
    current: '68',
    target: '75',
    dp: 1,
    note: 'Pannes résolues sans rappel.',
  },
  {
    map: SUPPORT,
    stage: 'Renouvellement',
    measure: 'Taux de churn',
    first: '10.2',
    current: '8.5',
    target: '7.0',
    dp: 1,
    note: 'Résiliations à l’échéance du contrat.',
  },
  {
    map: SUPPORT,
    stage: 'Renouvellement',
    measure: 'Taux de renouvellement',
    first: '76',
    current: '81',
    target: '85',
    dp: 1,
    note: 'Contrats renouvelés à l’échéance.',
  },
];

// Wobble of the early months (in steps of the average monthly move); the last three months move
// steadily the good way so the status reads "on track".
const WOBBLE = ['0', '0.6', '-0.4', '0.5', '-0.3', '0.4', '-0.5', '0.3', '0', '0', '0', '0'];

/** 12 monthly values from `first` to `current`, dated the 1st of each month, ending this month. */
export function demoHistory(first: string, current: string, dp: number, today = new Date(), last: 'good' | 'bad' | 'flat' = 'good') {
  const step = dec(current).minus(first).div(11);
  return WOBBLE.map((w, i) => {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11 + i, 1));
    let value = i === 11 ? dec(current) : dec(first).plus(step.times(i)).plus(step.abs().times(w));
    // The month before this one: past the current value for a slip back, equal to it for a flat month.
    if (i === 10 && last === 'bad') value = dec(current).plus(step.times(2));
    if (i === 10 && last === 'flat') value = dec(current);
    return { date: month.toISOString().slice(0, 10), value: toFixedString(value, dp) };
  });
}

export async function seedDemoMeasures(ctx: DemoContext): Promise<void> {
  const { tx, workspaceId, users } = ctx;
  const catalogue = STARTER_CATALOGUE.filter((m) => UNPLACED.includes(m.key));
  const measures = await tx
    .insert(measure)
    .values([
      ...MEASURES.map((m) => ({
        workspaceId,
        name: m.name,
        description: m.description,
        unit: m.unit,
        trend: m.trend,
        valueAmount: m.valueAmount,
        valueStep: m.valueStep,
        impactType: m.impactType,
        ownerId: users[m.owner],
        group: m.group,
        tags: m.tags,
        heartCategory: m.heart,
        family: m.family,
        gsmGoal: m.gsmGoal ?? null,
        gsmSignal: m.gsmSignal ?? null,
        systems: m.systems ?? [],
      })),
      ...catalogue.map((m) => ({
        workspaceId,
        name: m.name.fr,
        description: m.description.fr,
        unit: m.unit,
        trend: m.trend,
        heartCategory: m.heart,
        family: m.family,
        group: m.group.fr,
        ownerId: users.owner,
      })),
    ])
    .returning({ id: measure.id, name: measure.name });
  const measureId = new Map(measures.map((m) => [m.name, m.id]));

  // The maps come from the maps seeder; without them there is nowhere to place KPIs.
  const maps = await tx
    .select({ id: journeyMap.id, name: journeyMap.name })
    .from(journeyMap)
    .where(and(eq(journeyMap.workspaceId, workspaceId), inArray(journeyMap.name, [PURCHASE, SUPPORT])));
  if (maps.length === 0) return;
  const mapIds = maps.map((m) => m.id);
  const [stages, lanes] = await Promise.all([
    tx
      .select({ id: stage.id, mapId: stage.mapId, name: stage.name })
      .from(stage)
      .where(and(eq(stage.workspaceId, workspaceId), inArray(stage.mapId, mapIds))),
    tx
      .select({ id: lane.id, mapId: lane.mapId, kind: lane.kind, position: lane.position })
      .from(lane)
      .where(and(eq(lane.workspaceId, workspaceId), inArray(lane.mapId, mapIds))),
  ]);
  const mapId = new Map(maps.map((m) => [m.name, m.id]));
  const kpiLane = new Map<string, string>();
  for (const l of lanes.filter((l) => l.kind === 'kpi').sort((a, b) => b.position - a.position)) kpiLane.set(l.mapId, l.id);
  const stageId = (map: string, name: string) => stages.find((s) => s.mapId === mapId.get(map) && s.name === name)?.id;

  const today = new Date();
  const targetDate = `${today.getUTCFullYear() + 1}-12-31`;
  const placed: { values: DemoKpi; cell: { mapId: string; laneId: string; stageId: string; measureId: string; position: number } }[] = [];
  const positions = new Map<string, number>();
  for (const k of KPIS) {
    const map = mapId.get(k.map);
    const laneId = map ? kpiLane.get(map) : undefined;
    const stg = stageId(k.map, k.stage);
    const m = measureId.get(k.measure);
    if (!map || !laneId || !stg || !m) continue;
    const key = `${laneId}|${stg}`;
    const position = positions.get(key) ?? 0;
    positions.set(key, position + 1);
    placed.push({ values: k, cell: { mapId: map, laneId, stageId: stg, measureId: m, position } });
  }
  if (placed.length === 0) return;
  const kpis = await tx
    .insert(kpi)
    .values(
      placed.map(({ values: k, cell }) => {
        const history = demoHistory(k.first, k.current, k.dp, today, k.last);
        return {
          workspaceId,
          ...cell,
          note: k.note,
          baselineValue: history[0]!.value,
          baselineDate: history[0]!.date,
          targetValue: k.target,
          targetDate,
        };
      }),
    )
    .returning({ id: kpi.id });
  await tx.insert(kpiValue).values(
    kpis.flatMap((row, i) => {
      const k = placed[i]!.values;
      return demoHistory(k.first, k.current, k.dp, today, k.last).map((p) => ({
        workspaceId,
        kpiId: row.id,
        date: p.date,
        value: p.value,
        source: 'import' as const,
      }));
    }),
  );

  // NPS and CSAT are collected on the welcome e-mail and the account app.
  const touchpoints = await tx
    .select({ id: card.id, title: card.title })
    .from(card)
    .innerJoin(lane, eq(lane.id, card.laneId))
    .where(and(eq(card.workspaceId, workspaceId), eq(lane.kind, 'touchpoints'), inArray(card.title, ['E-mail de bienvenue', 'Application Mon Compte'])));
  const links = touchpoints.flatMap((c) =>
    ['NPS', 'CSAT'].flatMap((name) => {
      const id = measureId.get(name);
      return id ? [{ workspaceId, measureId: id, cardId: c.id }] : [];
    }),
  );
  if (links.length) await tx.insert(measureTouchpoint).values(links).onConflictDoNothing();
}
