// The order the editor shows: stages, lanes and each cell's items, from the loader's rows plus the
// moves still being saved (optimistic). Pure functions over ids, using the shared ordering rules.
import { moveAcross, moveWithin } from '~/domain/ordering';
import { cellKey, type MapEditorData } from './types';

export interface Arrangement {
  stages: string[];
  lanes: string[];
  /** `${laneId}:${stageId}` -> ids of the cards (or KPIs, on a KPI row) in display order. */
  cells: Map<string, string[]>;
}

export type Move =
  | { intent: 'moveStage' | 'moveLane'; id: string; toIndex: number }
  | { intent: 'moveCard' | 'moveKpi'; id: string; laneId: string; toStageId: string; toIndex: number };

export const MOVE_INTENTS = ['moveStage', 'moveLane', 'moveCard', 'moveKpi'] as const;

export function baseArrangement(editor: Pick<MapEditorData, 'stages' | 'lanes' | 'cards' | 'kpis'>): Arrangement {
  const cells = new Map<string, string[]>();
  const push = (key: string, id: string) => {
    const list = cells.get(key);
    if (list) list.push(id);
    else cells.set(key, [id]);
  };
  // Rows arrive sorted by position (cards) or by lane, stage, position (KPIs).
  for (const c of [...editor.cards].sort((a, b) => a.position - b.position)) push(cellKey(c.laneId, c.stageId), c.id);
  for (const k of [...editor.kpis].sort((a, b) => a.position - b.position)) push(cellKey(k.laneId, k.stageId), k.id);
  return { stages: editor.stages.map((s) => s.id), lanes: editor.lanes.map((l) => l.id), cells };
}

/** The arrangement after one move; untouched cells keep their arrays so memoised cells skip rendering. */
export function applyMove(arrangement: Arrangement, move: Move): Arrangement {
  if (!('laneId' in move)) {
    return move.intent === 'moveStage'
      ? { ...arrangement, stages: moveWithin(arrangement.stages, move.id, move.toIndex) }
      : { ...arrangement, lanes: moveWithin(arrangement.lanes, move.id, move.toIndex) };
  }
  const fromStage = arrangement.stages.find((s) => arrangement.cells.get(cellKey(move.laneId, s))?.includes(move.id));
  if (!fromStage) return arrangement;
  const fromKey = cellKey(move.laneId, fromStage);
  const toKey = cellKey(move.laneId, move.toStageId);
  const cells = new Map(arrangement.cells);
  const from = cells.get(fromKey) ?? [];
  if (fromKey === toKey) {
    cells.set(fromKey, moveWithin(from, move.id, move.toIndex));
  } else {
    const moved = moveAcross(from, cells.get(toKey) ?? [], move.id, move.toIndex);
    cells.set(fromKey, moved.from);
    cells.set(toKey, moved.to);
  }
  return { ...arrangement, cells };
}

/** Reads a move back from a pending submission's form data. */
export function moveFromForm(form: FormData, laneOf: (id: string) => string | undefined): Move | null {
  const intent = form.get('intent');
  const id = String(form.get('id') ?? '');
  const toIndex = Number(form.get('toIndex'));
  if (intent === 'moveStage' || intent === 'moveLane') return { intent, id, toIndex };
  if (intent === 'moveCard' || intent === 'moveKpi') {
    const laneId = laneOf(id);
    if (!laneId) return null;
    return { intent, id, laneId, toStageId: String(form.get('toStageId') ?? ''), toIndex };
  }
  return null;
}
