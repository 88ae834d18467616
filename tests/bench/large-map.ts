// The benchmarks' maps, as JSON export documents (app/domain/map-export.ts), all of one shape: 20
// stages and 10 lanes (8 of cards, emotions, KPIs), the cards spread evenly over the 160 card cells
// (stage by stage, then lane by lane), an emotion score per stage, and KPIs with a year of values
// in the KPI row. The map of the budgets (the "large map") has 400 cards and 120 KPIs; the scaling
// budget adds 100 and 1,600 cards of the same shape (same KPIs).
import { MAP_EXPORT_FORMAT, MAP_EXPORT_VERSION, MapExportSchema, type MapExportInput } from '~/domain/map-export';

export const LARGE_MAP = 'Benchmark — grande carte';
export const LARGE_MAP_CARDS = 400;
export const LARGE_MAP_KPIS = 120;
/** The card counts of the scaling budget (the middle one is the large map). */
export const SCALING_CARDS = [100, 400, 1600] as const;

export const STAGES = 20;
const CARD_LANES = ['touchpoints', 'actions', 'thoughts', 'pain_points', 'opportunities', 'backstage', 'text', 'actions'] as const;
export const CARD_CELLS = STAGES * CARD_LANES.length;
const CHANNELS = ['web', 'mobile_app', 'email', 'phone', 'chat', 'store'] as const;

/** Lane names are "Couloir N" (card lanes 1-8), stage names "Étape N"; card N of a cell is "Carte lane.stage.N". */
export const laneName = (cardLane: number) => `Couloir ${cardLane + 1}`;
export const stageName = (stage: number) => `Étape ${stage + 1}`;
export const cardTitle = (cardLane: number, stage: number, index: number) => `Carte ${cardLane + 1}.${stage + 1}.${index + 1}`;

export function largeMapDocument({ cards: cardCount = LARGE_MAP_CARDS, kpis: kpiCount = LARGE_MAP_KPIS, name = LARGE_MAP } = {}): MapExportInput {
  const stages = Array.from({ length: STAGES }, (_, i) => ({ name: stageName(i), description: '', phase: `Phase ${Math.floor(i / 5) + 1}` }));
  // Card lanes, with the emotion lane fourth and the KPI row last: 10 lanes.
  const lanes: { kind: MapExportInput['lanes'][number]['kind']; name: string }[] = CARD_LANES.map((kind, l) => ({ kind, name: laneName(l) }));
  lanes.splice(3, 0, { kind: 'emotions', name: 'Émotions' });
  lanes.push({ kind: 'kpi', name: 'KPI' });
  const cards: MapExportInput['cards'] = [];
  // Card i goes to cell i mod 160 (stage first, then lane), as its (i div 160)-th card: 100 cards
  // fill the first five lanes one deep, 400 put 2 or 3 in every cell, 1,600 put 10.
  for (let i = 0; i < cardCount; i++) {
    const cell = i % CARD_CELLS;
    const s = cell % STAGES;
    const l = Math.floor(cell / STAGES);
    const c = Math.floor(i / CARD_CELLS);
    const kind = CARD_LANES[l]!;
    const lane = l < 3 ? l : l + 1;
    const title = cardTitle(l, s, c);
    cards.push(kind === 'touchpoints' ? { lane, stage: s, title, channel: CHANNELS[(s + c) % CHANNELS.length], system: 'CRM' } : { lane, stage: s, title });
  }
  // Cards of a cell in their order (the import keeps the document's order within a cell).
  cards.sort((a, b) => a.lane - b.lane || a.stage - b.stage);
  const emotions = stages.map((_, s) => ({ lane: 3, stage: s, score: ((s * 7) % 5) - 2 }));
  const kpiLane = lanes.length - 1;
  const kpis: NonNullable<MapExportInput['kpis']> = Array.from({ length: kpiCount }, (_, k) => ({
    lane: kpiLane,
    stage: k % STAGES,
    measure: { name: `Mesure ${k + 1}`, unit: '%', trend: k % 2 ? 'down' : 'up', valueAmount: '10000', valueStep: '1' },
    targetValue: '80',
    values: Array.from({ length: 12 }, (_, m) => ({ date: `2024-${String(m + 1).padStart(2, '0')}-01`, value: String(50 + ((k + m) % 30)) })),
  }));
  const doc: MapExportInput = {
    format: MAP_EXPORT_FORMAT,
    version: MAP_EXPORT_VERSION,
    map: { name, description: 'Carte volumineuse pour mesurer les performances de l’éditeur.', state: 'current', persona: null },
    stages,
    lanes,
    cards,
    emotions,
    kpis,
  };
  // Fail here, with the reason, rather than as a 400 from the server.
  MapExportSchema.parse(doc);
  return doc;
}
