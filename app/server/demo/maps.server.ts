// Demo data for the maps feature (see index.server.ts for the order and DESIGN.md, "Demo workspace"):
// two French journey maps using every lane kind (the benchmarks' large map is no longer here:
// tests/bench makes it in a workspace of its own). The KPI rows stay empty here: the measures
// seeder fills them, finding maps and stages by these exact names.
import { MAP_EXPORT_FORMAT, MAP_EXPORT_VERSION, type MapExport } from '~/domain/map-export';
import type { Channel, LaneKind } from '~/domain/vocabulary';
import { writeMapDocument } from '~/server/maps-transfer.server';
import type { DemoContext } from './context.server';

/** A lane: per stage, its cards ([title, channel?, system?]) or, for emotions, its score. */
interface LaneSpec {
  kind: LaneKind;
  name: string;
  cells?: ([string, Channel?, string?][] | undefined)[];
  scores?: number[];
}

function buildMap(name: string, description: string, stages: { name: string; phase: string | null; description?: string }[], lanes: LaneSpec[]): MapExport {
  return {
    format: MAP_EXPORT_FORMAT,
    version: MAP_EXPORT_VERSION,
    map: { name, description, state: 'current', persona: null },
    stages: stages.map((s) => ({ name: s.name, description: s.description ?? '', phase: s.phase })),
    lanes: lanes.map((l) => ({ kind: l.kind, name: l.name })),
    cards: lanes.flatMap((l, lane) =>
      (l.cells ?? []).flatMap((cell, stage) =>
        (cell ?? []).map(([title, channel, system]) => ({ lane, stage, title, description: '', channel: channel ?? null, system: system ?? null })),
      ),
    ),
    emotions: lanes.flatMap((l, lane) => (l.scores ?? []).map((score, stage) => ({ lane, stage, score, note: '' }))),
    kpis: [],
  };
}

export const DEMO_MAP_NAMES = {
  purchase: "Souscription d'un abonnement mobile",
  support: 'Support et renouvellement',
} as const;

function purchaseMap() {
  const avant = 'Avant-vente';
  const achat = 'Achat';
  const apres = 'Après-vente';
  return buildMap(
    DEMO_MAP_NAMES.purchase,
    'Parcours d’une famille qui souscrit un forfait mobile en ligne, de la découverte aux premiers usages.',
    [
      { name: 'Découverte', phase: avant },
      { name: 'Comparaison', phase: avant },
      { name: 'Souscription', phase: achat },
      { name: 'Livraison', phase: achat },
      { name: 'Activation', phase: apres },
      { name: 'Onboarding', phase: apres },
      { name: 'Premiers usages', phase: apres },
    ],
    [
      {
        kind: 'touchpoints',
        name: 'Points de contact',
        cells: [
          [
            ['Publicité sur les réseaux sociaux', 'social'],
            ['Bouche-à-oreille', 'in_person'],
          ],
          [
            ['Comparateur de forfaits', 'web', 'Site vitrine'],
            ['Chat avec un conseiller', 'chat', 'Plateforme de chat'],
          ],
          [['Tunnel de souscription en ligne', 'web', 'Plateforme e-commerce']],
          [
            ['SMS de suivi de colis', 'mobile_app', 'Transporteur'],
            ['Retrait en boutique', 'store'],
          ],
          [['Activation de la carte SIM', 'mobile_app', 'Système d’activation']],
          [
            ['E-mail de bienvenue', 'email', 'CRM'],
            ['Application Mon Compte', 'mobile_app'],
          ],
          [['Première facture', 'email', 'Facturation']],
        ],
      },
      {
        kind: 'actions',
        name: 'Actions du client',
        cells: [
          [['Voit une offre famille']],
          [['Compare prix, data et engagement']],
          [['Choisit 3 lignes et paie en ligne']],
          [['Attend le colis']],
          [['Insère la SIM et active les lignes']],
          [['Installe l’application']],
          [['Consulte sa consommation']],
        ],
      },
      {
        kind: 'thoughts',
        name: 'Pensées',
        cells: [
          [['« Est-ce vraiment moins cher ? »']],
          [['« Il y a des frais cachés ? »']],
          [['« Pourvu que la portabilité marche »']],
          undefined,
          [['« Pourquoi ça ne capte pas ? »']],
          undefined,
          [['« La facture est claire »']],
        ],
      },
      { kind: 'emotions', name: 'Émotions', scores: [1, 0, -1, 0, -2, 1, 2] },
      {
        kind: 'pain_points',
        name: 'Irritants',
        cells: [
          undefined,
          [['Offres difficiles à comparer']],
          [['Justificatif de domicile refusé']],
          [['Créneau de livraison imposé']],
          [['Activation en 48 h au lieu de 2 h']],
        ],
      },
      {
        kind: 'opportunities',
        name: 'Opportunités',
        cells: [
          undefined,
          [['Simulateur de facture familiale']],
          [['Vérification d’identité instantanée']],
          undefined,
          [['eSIM activée immédiatement']],
          [['Parcours de bienvenue guidé']],
        ],
      },
      {
        kind: 'backstage',
        name: 'Coulisses',
        cells: [
          [['Campagnes marketing']],
          undefined,
          [['Contrôle anti-fraude', 'other', 'Scoring']],
          [['Logistique SIM', 'other', 'Entrepôt']],
          [['Provisioning réseau', 'other', 'OSS/BSS']],
          [['Équipe relation client']],
        ],
      },
      { kind: 'kpi', name: 'KPI' },
      {
        kind: 'text',
        name: 'Notes',
        cells: [undefined, undefined, [['Étape où l’abandon est le plus fort (voir analytics).']]],
      },
    ],
  );
}

function supportMap() {
  return buildMap(
    DEMO_MAP_NAMES.support,
    'Parcours d’un artisan dont la ligne tombe en panne, jusqu’au renouvellement de son contrat.',
    [
      { name: 'Incident', phase: 'Panne' },
      { name: 'Contact', phase: 'Panne' },
      { name: 'Support', phase: 'Traitement' },
      { name: 'Résolution', phase: 'Traitement' },
      { name: 'Facturation', phase: 'Fidélisation' },
      { name: 'Renouvellement', phase: 'Fidélisation' },
    ],
    [
      {
        kind: 'touchpoints',
        name: 'Points de contact',
        cells: [
          [['Notification de coupure', 'mobile_app']],
          [
            ['Service client téléphonique', 'phone', 'Centre d’appels'],
            ['Chat de l’espace client', 'chat'],
          ],
          [['Conseiller technique', 'phone', 'Outil de ticketing']],
          [['SMS de résolution', 'mobile_app', 'Outil de ticketing']],
          [['Facture en ligne', 'web', 'Facturation']],
          [
            ['Offre de renouvellement', 'email', 'CRM'],
            ['Conseiller en boutique', 'store'],
          ],
        ],
      },
      {
        kind: 'actions',
        name: 'Actions du client',
        cells: [
          [['Constate qu’il n’a plus de réseau']],
          [['Appelle le service client']],
          [['Redémarre, teste une autre SIM']],
          [['Vérifie que la ligne fonctionne']],
          [['Conteste un geste commercial absent']],
          [['Compare avec la concurrence']],
        ],
      },
      {
        kind: 'thoughts',
        name: 'Pensées',
        cells: [
          [['« Je perds des clients »']],
          [['« Encore 20 minutes d’attente… »']],
          undefined,
          [['« Enfin ! »']],
          undefined,
          [['« Je reste si on me fait un geste »']],
        ],
      },
      { kind: 'emotions', name: 'Émotions', scores: [-2, -2, -1, 1, -1, 0] },
      {
        kind: 'pain_points',
        name: 'Irritants',
        cells: [undefined, [['Temps d’attente élevé']], [['Répéter son problème à chaque conseiller']], undefined, [['Pas de compensation automatique']]],
      },
      {
        kind: 'opportunities',
        name: 'Opportunités',
        cells: [
          [['Alerte proactive de panne']],
          [['Rappel automatique']],
          [['Historique partagé entre conseillers']],
          undefined,
          [['Avoir automatique après incident']],
          [['Offre de fidélité personnalisée']],
        ],
      },
      {
        kind: 'backstage',
        name: 'Coulisses',
        cells: [
          [['Supervision réseau', 'other', 'NOC']],
          undefined,
          [['Support niveau 2']],
          [['Clôture du ticket', 'other', 'Outil de ticketing']],
          [['Équipe facturation']],
          [['Équipe fidélisation']],
        ],
      },
      { kind: 'kpi', name: 'KPI' },
      { kind: 'text', name: 'Notes', cells: [undefined, undefined, [['40 % des appels concernent une panne réseau locale.']]] },
    ],
  );
}

export async function seedDemoMaps(ctx: DemoContext): Promise<void> {
  await writeMapDocument(ctx.tx, ctx.workspaceId, purchaseMap(), { personaId: ctx.personas.family });
  await writeMapDocument(ctx.tx, ctx.workspaceId, supportMap(), { personaId: ctx.personas.pro });
}
