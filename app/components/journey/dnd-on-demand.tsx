// Loads the map's drag and drop (map-dnd.tsx, dnd-kit) on the first sign of a drag instead of at
// hydration: a pointer over or on a grip, or Space on an item of the keyboard grid. The board then
// draws its items again as sortables (the grid's content is mounted anew under the DndContext): the
// scroll position and the focused item are kept, and the gesture that asked for it is replayed on
// the new markup, so the press (or Space) that started it still picks the item up.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode, type RefObject } from 'react';
import type { DndKit } from './dnd-kit-context';

interface Replay {
  selector: string;
  kind: 'pointer' | 'key';
  init: PointerEventInit | KeyboardEventInit;
}

/** A selector that finds the same grid place again once it has been drawn anew. */
function placeSelector(from: Element): string | null {
  const place = from.closest<HTMLElement>('[data-nav]');
  if (!place) return null;
  const { cardId, kpiId, stageId, cell } = place.dataset;
  if (cardId) return `[data-nav][data-card-id="${CSS.escape(cardId)}"]`;
  if (kpiId) return `[data-nav][data-kpi-id="${CSS.escape(kpiId)}"]`;
  if (stageId) return `[data-nav][data-stage-id="${CSS.escape(stageId)}"]`;
  if (cell) return `[data-nav][data-cell="${CSS.escape(cell)}"]`;
  const laneId = place.closest<HTMLElement>('[data-lane-id]')?.dataset.laneId;
  if (laneId && place.getAttribute('role') === 'rowheader') return `[data-lane-id="${CSS.escape(laneId)}"] > [role="rowheader"]`;
  return null;
}

/** The grid place, or its grip when that is what has the focus. */
function focusSelector(element: Element): string | null {
  const place = placeSelector(element);
  return place && element.classList.contains('drag-handle') ? `${place} .drag-handle` : place;
}

/** What, in a pointer or key event on the grid, asks for drag and drop; the gesture to replay. */
function gesture(event: Event): Replay | 'load' | null {
  const target = event.target as HTMLElement;
  if (event.type === 'pointerover' || event.type === 'pointerdown') {
    const handle = target.closest('.drag-handle');
    if (!handle) return null;
    const e = event as PointerEvent;
    if (event.type === 'pointerover' || !e.isPrimary || e.button !== 0) return 'load';
    const place = placeSelector(handle);
    if (!place) return 'load';
    const { clientX, clientY, screenX, screenY, pointerId, pointerType } = e;
    return {
      selector: `${place} .drag-handle`,
      kind: 'pointer',
      init: {
        bubbles: true,
        cancelable: true,
        composed: true,
        isPrimary: true,
        button: 0,
        buttons: 1,
        clientX,
        clientY,
        screenX,
        screenY,
        pointerId,
        pointerType,
      },
    };
  }
  if (event.type === 'keydown') {
    const e = event as KeyboardEvent;
    const nav = target.dataset.nav;
    const handle = target.classList.contains('drag-handle');
    if (e.code !== 'Space' || e.repeat || e.altKey || e.ctrlKey || e.metaKey || (nav !== 'item' && nav !== 'head' && !handle)) return null;
    // Space on the item itself, or on its grip when something focused it (it is out of the Tab order).
    const place = focusSelector(target);
    if (!place) return null;
    // The Space is the pick-up's, not the page's (it would scroll).
    e.preventDefault();
    e.stopPropagation();
    return { selector: place, kind: 'key', init: { bubbles: true, cancelable: true, key: ' ', code: 'Space' } };
  }
  return null;
}

export function useDndKitOnDemand(enabled: boolean, grid: RefObject<HTMLElement>, scroller: RefObject<HTMLElement>) {
  const [kit, setKit] = useState<DndKit | null>(null);
  const loading = useRef(false);
  const replay = useRef<Replay | null>(null);
  const restore = useRef<{ focus: string | null; left: number; top: number } | null>(null);

  const loadKitFor = useCallback(
    (event: Event) => {
      if (!enabled) return;
      const asked = gesture(event);
      if (!asked) return;
      if (asked !== 'load') {
        replay.current = asked;
        // A press let go before the drag layer is there is a click, not a drag.
        if (asked.kind === 'pointer') {
          window.addEventListener(
            'pointerup',
            () => {
              if (replay.current === asked) replay.current = null;
            },
            { once: true, capture: true },
          );
        }
      }
      if (loading.current) return;
      loading.current = true;
      import('./map-dnd')
        .then((loaded) => {
          const focused = document.activeElement;
          restore.current = {
            focus: focused && grid.current?.contains(focused) ? focusSelector(focused) : null,
            left: scroller.current?.scrollLeft ?? 0,
            top: scroller.current?.scrollTop ?? 0,
          };
          setKit(loaded);
        })
        .catch(() => {
          // Offline or a new deployment: the next gesture tries again.
          loading.current = false;
        });
    },
    [enabled, grid, scroller],
  );

  // The grid's content was mounted anew: the same scroll position and the same focused place.
  useLayoutEffect(() => {
    const was = restore.current;
    if (!kit || !was) return;
    restore.current = null;
    if (scroller.current) {
      scroller.current.scrollLeft = was.left;
      scroller.current.scrollTop = was.top;
    }
    if (was.focus) grid.current?.querySelector<HTMLElement>(was.focus)?.focus({ preventScroll: true });
  }, [kit, grid, scroller]);

  // Then the gesture, on the sortables (their nodes are registered by now: children's effects run first).
  useEffect(() => {
    const r = replay.current;
    replay.current = null;
    if (!kit || !r) return;
    const target = grid.current?.querySelector<HTMLElement>(r.selector);
    if (!target) return;
    target.dispatchEvent(r.kind === 'pointer' ? new PointerEvent('pointerdown', r.init) : new KeyboardEvent('keydown', r.init));
  }, [kit, grid]);

  return { kit, loadKitFor };
}

type BoardProps = Omit<ComponentProps<DndKit['DndBoard']>, 'children'>;

/** The grid's content under the DndContext once drag and drop has loaded; as it is before. */
export function DndLayer({ kit, children, ...props }: BoardProps & { kit: DndKit | null; children: ReactNode }) {
  return kit ? <kit.DndBoard {...props}>{children}</kit.DndBoard> : <>{children}</>;
}

/** The stages or the lanes in their order, sortable once drag and drop has loaded. */
export function Sortable({ kit, items, axis, children }: { kit: DndKit | null; items: string[]; axis: 'x' | 'y'; children: ReactNode }) {
  return kit ? (
    <kit.SortableList items={items} axis={axis}>
      {children}
    </kit.SortableList>
  ) : (
    <>{children}</>
  );
}
