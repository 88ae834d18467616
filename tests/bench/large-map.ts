// The benchmarks' large map, as a JSON export document (app/domain/map-export.ts): 20 stages and 10
// lanes (8 of cards, emotions, KPIs) with 3 cards per card cell, 480 cards, the size the README's
// figures were measured on. Optional KPIs (BENCH_KPIS) fill the KPI row, each with a year of values.
import { MAP_EXPORT_FORMAT, MAP_EXPORT_VERSION, MapExportSchema, type MapExportInput } from '~/domain/map-export';

export const LARGE_MAP = 'Benchmark — grande carte';

const STAGES = 20;
const CARDS_PER_CELL = 3;
const CARD_LANES = ['touchpoints', 'actions', 'thoughts', 'pain_points', 'opportunities', 'backstage', 'text', 'actions'] as const;
const CHANNELS = ['web', 'mobile_app', 'email', 'phone', 'chat', 'store'] as const;

export function largeMapDocument(kpiCount = 0): MapExportInput {
  const stages = Array.from({ length: STAGES }, (_, i) => ({ name: `Étape ${i + 1}`, description: '', phase: `Phase ${Math.floor(i / 5) + 1}` }));
  // Card lanes, with the emotion lane fourth and the KPI row last.
  const lanes: { kind: MapExportInput['lanes'][number]['kind']; name: string }[] = CARD_LANES.map((kind, l) => ({ kind, name: `Couloir ${l + 1}` }));
  lanes.splice(3, 0, { kind: 'emotions', name: 'Émotions' });
  lanes.push({ kind: 'kpi', name: 'KPI' });
  const cards: MapExportInput['cards'] = [];
  CARD_LANES.forEach((kind, l) => {
    const lane = l < 3 ? l : l + 1;
    for (let s = 0; s < STAGES; s++) {
      for (let c = 0; c < CARDS_PER_CELL; c++) {
        const title = `Carte ${l + 1}.${s + 1}.${c + 1}`;
        cards.push(kind === 'touchpoints' ? { lane, stage: s, title, channel: CHANNELS[(s + c) % CHANNELS.length], system: 'CRM' } : { lane, stage: s, title });
      }
    }
  });
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
    map: { name: LARGE_MAP, description: 'Carte volumineuse pour mesurer les performances de l’éditeur.', state: 'current', persona: null },
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
