// What a draggable or a drop target of the map is, and which drops are allowed: shared by the board
// (which saves a drop) and the drag-and-drop layer that loads on the first drag (map-dnd.tsx).

export type DragData =
  | { type: 'stage' }
  | { type: 'lane' }
  | { type: 'card' | 'kpi'; laneId: string; stageId: string }
  | { type: 'cell'; cellKind: 'card' | 'kpi'; laneId: string; stageId: string };

/** A card stays in its lane (a KPI in its KPI lane), a stage among stages, a lane among lanes. */
export function accepts(active: DragData | undefined, over: DragData | undefined): boolean {
  if (!active || !over) return false;
  if (active.type === 'stage' || active.type === 'lane') return over.type === active.type;
  if (active.type === 'card' || active.type === 'kpi') {
    const sameLane = 'laneId' in over && over.laneId === active.laneId;
    return sameLane && (over.type === active.type || (over.type === 'cell' && over.cellKind === active.type));
  }
  return false;
}
