// A large map sends the cards of the stages on screen only (see loadMapEditor). As the map scrolls
// sideways (or zooms), the window of loaded stages follows: when a stage comes into view whose
// cells were not sent, the address's ?from=&to= is replaced (no history entry, no scroll reset) and
// Remix reloads the editor's data for the new window. Saves and live updates revalidate the same
// address, so they always refresh what is on screen.
import { useSearchParams } from '@remix-run/react';
import { useEffect, useRef, type RefObject } from 'react';

/** Stages loaded beyond each edge of the view, so a short scroll never shows empty cells. */
const MARGIN = 2;

/** The first and last stage index wholly or partly in view in the scroll box (null when none). */
export function stagesInView(box: HTMLElement): { first: number; last: number } | null {
  const heads = box.querySelectorAll<HTMLElement>('[data-stage-id]');
  const frame = box.getBoundingClientRect();
  // The sticky lane names cover the box's left edge.
  const laneHead = box.querySelector<HTMLElement>('.lane-header')?.getBoundingClientRect().width ?? 0;
  const left = frame.left + (laneHead < frame.width / 2 ? laneHead : 0);
  let first = -1;
  let last = -1;
  heads.forEach((head, i) => {
    const r = head.getBoundingClientRect();
    if (r.right > left + 1 && r.left < frame.right - 1) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first, last };
}

/** The window to load for a view: the view plus a margin each side, within the map. */
export function windowFor(view: { first: number; last: number }, stageCount: number): { from: number; to: number } {
  const from = Math.max(0, view.first - MARGIN);
  return { from, to: Math.min(stageCount, view.last + 1 + MARGIN) };
}

export function useStageWindow(scroller: RefObject<HTMLElement>, stageCount: number, loaded: { from: number; to: number }) {
  const [, setSearchParams] = useSearchParams();
  const current = useRef(loaded);
  current.current = loaded;
  const asked = useRef<string | null>(null);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    let frame = 0;
    const check = () => {
      frame = 0;
      const view = stagesInView(box);
      if (!view) return;
      const have = current.current;
      if (view.first >= have.from && view.last < have.to) return;
      const next = windowFor(view, stageCount);
      const key = `${next.from}-${next.to}`;
      if (asked.current === key) return;
      asked.current = key;
      setSearchParams(
        (params) => {
          params.set('from', String(next.from));
          params.set('to', String(next.to));
          return params;
        },
        { replace: true, preventScrollReset: true },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    check();
    box.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, stageCount, setSearchParams]);
  // A new window arrived: a later scroll may ask again for one already asked for.
  useEffect(() => {
    asked.current = null;
  }, [loaded.from, loaded.to]);
}
