// The shapes the map editor receives from its loader, inferred from the server function that reads
// them (`import type` is erased: no server code reaches the browser). Single fetch keeps Dates.
import type { MapEditorData } from '~/server/maps.server';

export type { MapEditorData };
export type StageData = MapEditorData['stages'][number];
export type LaneData = MapEditorData['lanes'][number];
export type CardData = MapEditorData['cards'][number];
export type EmotionData = MapEditorData['emotions'][number];

export const cellKey = (laneId: string, stageId: string) => `${laneId}:${stageId}`;
