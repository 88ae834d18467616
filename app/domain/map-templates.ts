// Starter journey maps offered when a map is created: realistic stages (grouped in phases), lanes of
// several kinds including a KPI row, and a few cards. Names in English and French; the workspace
// locale picks one. A template becomes an export document, so creation reuses the import path.
import { MAP_EXPORT_FORMAT, MAP_EXPORT_VERSION, type MapExport } from './map-export';
import type { Channel, LaneKind, Locale as Lang } from './vocabulary';

type Text = Record<Lang, string>;
const tx = (en: string, fr: string): Text => ({ en, fr });

interface TemplateLane {
  kind: LaneKind;
  name: Text;
  cards?: { stage: number; title: Text; channel?: Channel; system?: string }[];
  scores?: number[];
}

export interface MapTemplate {
  id: 'subscription' | 'ecommerce' | 'b2b_onboarding';
  name: Text;
  description: Text;
  stages: { name: Text; phase: Text }[];
  lanes: TemplateLane[];
}

const before = tx('Before', 'Avant');
const during = tx('During', 'Pendant');
const after = tx('After', 'Après');

export const MAP_TEMPLATES: readonly MapTemplate[] = [
  {
    id: 'subscription',
    name: tx('Subscription purchase', "Souscription d'un abonnement"),
    description: tx('From first interest to the first month of use.', "Du premier intérêt au premier mois d'usage."),
    stages: [
      { name: tx('Discover', 'Découverte'), phase: before },
      { name: tx('Compare offers', 'Comparaison des offres'), phase: before },
      { name: tx('Subscribe', 'Souscription'), phase: during },
      { name: tx('Activate', 'Activation'), phase: after },
      { name: tx('First month', 'Premier mois'), phase: after },
    ],
    lanes: [
      {
        kind: 'touchpoints',
        name: tx('Touchpoints', 'Points de contact'),
        cards: [
          { stage: 0, title: tx('Social media ad', 'Publicité réseaux sociaux'), channel: 'social' },
          { stage: 1, title: tx('Offer comparison page', 'Page comparateur d’offres'), channel: 'web', system: 'CMS' },
          { stage: 2, title: tx('Online checkout', 'Tunnel de souscription'), channel: 'web', system: 'E-commerce' },
          { stage: 3, title: tx('Welcome email', 'E-mail de bienvenue'), channel: 'email', system: 'CRM' },
          { stage: 4, title: tx('Customer app', 'Application client'), channel: 'mobile_app' },
        ],
      },
      {
        kind: 'actions',
        name: tx('Customer actions', 'Actions du client'),
        cards: [
          { stage: 1, title: tx('Compares prices and options', 'Compare prix et options') },
          { stage: 2, title: tx('Fills in the form and pays', 'Remplit le formulaire et paie') },
        ],
      },
      { kind: 'emotions', name: tx('Emotions', 'Émotions'), scores: [1, 0, -1, 1, 2] },
      {
        kind: 'pain_points',
        name: tx('Pain points', 'Irritants'),
        cards: [{ stage: 2, title: tx('Identity check rejected', "Justificatif d'identité refusé") }],
      },
      { kind: 'kpi', name: tx('KPI', 'KPI') },
    ],
  },
  {
    id: 'ecommerce',
    name: tx('E-commerce order', 'Commande en ligne'),
    description: tx('Browse, buy, receive, return.', 'Parcourir, acheter, recevoir, retourner.'),
    stages: [
      { name: tx('Browse', 'Navigation'), phase: before },
      { name: tx('Basket', 'Panier'), phase: during },
      { name: tx('Payment', 'Paiement'), phase: during },
      { name: tx('Delivery', 'Livraison'), phase: after },
      { name: tx('Returns', 'Retours'), phase: after },
    ],
    lanes: [
      {
        kind: 'touchpoints',
        name: tx('Touchpoints', 'Points de contact'),
        cards: [
          { stage: 0, title: tx('Product page', 'Fiche produit'), channel: 'web' },
          { stage: 2, title: tx('Payment page', 'Page de paiement'), channel: 'web', system: 'PSP' },
          { stage: 3, title: tx('Tracking SMS', 'SMS de suivi'), channel: 'mobile_app', system: 'WMS' },
          { stage: 4, title: tx('Return in store', 'Retour en magasin'), channel: 'store' },
        ],
      },
      {
        kind: 'thoughts',
        name: tx('Thoughts', 'Pensées'),
        cards: [{ stage: 1, title: tx('“Are delivery fees included?”', '« Les frais de port sont-ils compris ? »') }],
      },
      { kind: 'emotions', name: tx('Emotions', 'Émotions'), scores: [1, 0, -1, 1, -1] },
      {
        kind: 'backstage',
        name: tx('Backstage', 'Coulisses'),
        cards: [{ stage: 3, title: tx('Warehouse picking', "Préparation à l'entrepôt") }],
      },
      { kind: 'kpi', name: tx('KPI', 'KPI') },
    ],
  },
  {
    id: 'b2b_onboarding',
    name: tx('B2B onboarding', 'Onboarding B2B'),
    description: tx('From signed contract to a team using the product.', 'Du contrat signé à une équipe qui utilise le produit.'),
    stages: [
      { name: tx('Contract signed', 'Contrat signé'), phase: tx('Set-up', 'Mise en place') },
      { name: tx('Kick-off', 'Lancement'), phase: tx('Set-up', 'Mise en place') },
      { name: tx('Configuration', 'Paramétrage'), phase: tx('Set-up', 'Mise en place') },
      { name: tx('Training', 'Formation'), phase: tx('Adoption', 'Adoption') },
      { name: tx('First value', 'Premiers résultats'), phase: tx('Adoption', 'Adoption') },
      { name: tx('Quarterly review', 'Revue trimestrielle'), phase: tx('Growth', 'Développement') },
    ],
    lanes: [
      {
        kind: 'touchpoints',
        name: tx('Touchpoints', 'Points de contact'),
        cards: [
          { stage: 1, title: tx('Kick-off meeting', 'Réunion de lancement'), channel: 'in_person' },
          { stage: 2, title: tx('Admin console', "Console d'administration"), channel: 'web', system: 'SaaS' },
          { stage: 3, title: tx('Webinar', 'Webinaire'), channel: 'web' },
          { stage: 5, title: tx('Business review call', 'Point trimestriel'), channel: 'phone', system: 'CRM' },
        ],
      },
      {
        kind: 'actions',
        name: tx('Customer actions', 'Actions du client'),
        cards: [{ stage: 2, title: tx('Imports users', 'Importe les utilisateurs') }],
      },
      { kind: 'emotions', name: tx('Emotions', 'Émotions'), scores: [2, 1, -1, 0, 1, 1] },
      {
        kind: 'opportunities',
        name: tx('Opportunities', 'Opportunités'),
        cards: [{ stage: 2, title: tx('Guided set-up checklist', 'Check-list de paramétrage guidé') }],
      },
      { kind: 'kpi', name: tx('KPI', 'KPI') },
      { kind: 'text', name: tx('Notes', 'Notes') },
    ],
  },
];

export function findTemplate(id: string): MapTemplate | undefined {
  return MAP_TEMPLATES.find((t) => t.id === id);
}

/** The template as an export document in one language, named `name`. */
export function templateToExport(template: MapTemplate, lang: Lang, name: string): MapExport {
  return {
    format: MAP_EXPORT_FORMAT,
    version: MAP_EXPORT_VERSION,
    map: { name, description: template.description[lang], state: 'current', persona: null },
    stages: template.stages.map((s) => ({ name: s.name[lang], description: '', phase: s.phase[lang] })),
    lanes: template.lanes.map((l) => ({ kind: l.kind, name: l.name[lang] })),
    cards: template.lanes.flatMap((l, lane) =>
      (l.cards ?? []).map((c) => ({ lane, stage: c.stage, title: c.title[lang], description: '', channel: c.channel ?? null, system: c.system ?? null })),
    ),
    emotions: template.lanes.flatMap((l, lane) => (l.scores ?? []).map((score, stage) => ({ lane, stage, score, note: '' }))),
    kpis: [],
  };
}
