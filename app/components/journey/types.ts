// The shapes the map editor receives from its loader (plain data, no server imports).
import type { KpiChipData } from '~/lib/kpi-chip';

export type LaneKind = 'touchpoints' | 'actions' | 'thoughts' | 'emotions' | 'pain_points' | 'opportunities' | 'backstage' | 'kpi' | 'text';
export type Channel = 'web' | 'mobile_app' | 'email' | 'phone' | 'chat' | 'store' | 'social' | 'mail' | 'in_person' | 'other';

export interface StageData {
  id: string;
  name: string;
  description: string;
  phase: string | null;
  position: number;
  version: number;
}

export interface LaneData {
  id: string;
  kind: LaneKind;
  name: string;
  position: number;
  version: number;
}

export interface CardData {
  id: string;
  laneId: string;
  stageId: string;
  title: string;
  description: string;
  channel: Channel | null;
  system: string | null;
  position: number;
  version: number;
}

export interface EmotionData {
  id: string;
  laneId: string;
  stageId: string;
  score: number;
  note: string;
  version: number;
}

export interface MapEditorData {
  map: {
    id: string;
    name: string;
    description: string;
    state: 'current' | 'future';
    personaId: string | null;
    archivedAt: Date | string | null;
    version: number;
    persona: { name: string | null; description: string | null; goals: string | null; frustrations: string | null } | null;
  };
  stages: StageData[];
  lanes: LaneData[];
  cards: CardData[];
  emotions: EmotionData[];
  kpis: KpiChipData[];
  personas: { id: string; name: string }[];
}

export const CARD_KINDS: readonly LaneKind[] = ['touchpoints', 'actions', 'thoughts', 'pain_points', 'opportunities', 'backstage', 'text'];
export const CHANNEL_LIST: readonly Channel[] = ['web', 'mobile_app', 'email', 'phone', 'chat', 'store', 'social', 'mail', 'in_person', 'other'];
export const LANE_KIND_LIST: readonly LaneKind[] = [
  'touchpoints',
  'actions',
  'thoughts',
  'emotions',
  'pain_points',
  'opportunities',
  'backstage',
  'kpi',
  'text',
];

export const cellKey = (laneId: string, stageId: string) => `${laneId}:${stageId}`;
