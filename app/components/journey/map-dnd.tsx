// The map's drag and drop (dnd-kit), in a chunk of its own that loads on the first drag: a pointer
// over or on a grip, or Space on an item of the keyboard grid (see map-board.tsx). Until then the
// board is plain markup, so neither the first load nor hydration pays for it. One DndContext for
// stages (columns), lanes (rows) and the items of each cell (cards, KPIs).
import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { accepts, type DragData } from './drag-data';

// Only places where the dragged thing may land are candidates: a card stays in its lane, a stage
// among stages. Items win over their cell so a drop lands before the item under the pointer.
const collisionDetection: CollisionDetection = (args) => {
  const active = args.active.data.current as DragData | undefined;
  const scoped = { ...args, droppableContainers: args.droppableContainers.filter((c) => accepts(active, c.data.current as DragData)) };
  if (active?.type === 'stage' || active?.type === 'lane') return closestCenter(scoped);
  const within = pointerWithin(scoped);
  if (within.length) {
    const items = within.filter((c) => (scoped.droppableContainers.find((d) => d.id === c.id)?.data.current as DragData | undefined)?.type !== 'cell');
    return items.length ? items : within;
  }
  return closestCorners(scoped);
};

// The keyboard moves between the same candidates as the pointer.
const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const containers = args.context.droppableContainers;
  const active = args.context.active?.data.current as DragData | undefined;
  const scoped = {
    getEnabled: () => containers.getEnabled().filter((c) => accepts(active, c.data.current as DragData)),
    get: (id: UniqueIdentifier) => containers.get(id),
  };
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: scoped as unknown as typeof containers } });
};

// Stable sensor options: new objects on every render would give every drag handle new listeners.
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };
// Space picks up and drops (Enter also drops); Enter on an item that is not dragged edits it.
const KEYBOARD_OPTIONS = {
  coordinateGetter: keyboardCoordinates,
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};

export function DndBoard({
  id,
  announcements,
  instructions,
  onDragStart,
  onDragEnd,
  onDragCancel,
  overlay,
  children,
}: {
  id: string;
  announcements: Announcements;
  instructions: string;
  onDragStart: (event: DragStartEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
  /** What follows the pointer while dragging. */
  overlay: ReactNode;
  children: ReactNode;
}) {
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      {children}
      {/* Outside the grid's markup (a grid holds rows only). */}
      {createPortal(<DragOverlay dropAnimation={null}>{overlay}</DragOverlay>, document.body)}
    </DndContext>
  );
}

/** The items of a cell, or the stages, or the lanes, in their order. */
export function SortableList({ id, items, axis, children }: { id?: string; items: string[]; axis: 'x' | 'y'; children: ReactNode }) {
  return (
    <SortableContext id={id} items={items} strategy={axis === 'x' ? horizontalListSortingStrategy : verticalListSortingStrategy}>
      {children}
    </SortableContext>
  );
}

/** The keyboard half of a sortable's listeners, for the item itself: Space picks it up there. */
function keyboardListeners(listeners: Record<string, unknown> | undefined) {
  const onKeyDown = listeners?.onKeyDown as ((event: KeyboardEvent<HTMLElement>) => void) | undefined;
  if (!onKeyDown) return undefined;
  // Only keys pressed on the item itself: typing a space in its inline editor is not a pick-up.
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.target === event.currentTarget) onKeyDown(event);
  };
}

/**
 * A sortable item: its node ref and style, whether it is being dragged, the props of the item
 * itself (described by the instructions; Space picks it up) and the grip's pointer listeners.
 */
export function useSortableItem(id: string, data: DragData) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, data });
  // The grid gives the item its role and roving tabindex.
  const { role: _role, tabIndex: _tabIndex, ...described } = attributes;
  return {
    ref: setNodeRef,
    style: { transform: CSS.Translate.toString(transform), transition },
    dragging: isDragging,
    itemProps: { ...described, onKeyDown: keyboardListeners(listeners) },
    listeners,
  };
}

/** A cell as a drop target: its node ref and whether something is over it. */
export function useDropCell(kind: 'card' | 'kpi', laneId: string, stageId: string) {
  const { setNodeRef, isOver } = useDroppable({
    id: `cell:${laneId}:${stageId}`,
    data: { type: 'cell', cellKind: kind, laneId, stageId } satisfies DragData,
  });
  return { ref: setNodeRef, isOver };
}
