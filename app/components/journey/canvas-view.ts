// How the map canvas is viewed: its zoom (50-150 %) and density, remembered in localStorage per
// user and map. The server always renders 100 % and normal density; the stored view is applied
// after hydration, so the first render matches the server's markup.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 1.5;
const ZOOM_STEP = 0.1;
/** The canvas at 100 %: the lane names' column and each stage's column, in CSS pixels (journey.css). */
const LANE_HEAD = 190;
const COLUMN = 220;

export interface CanvasView {
  zoom: number;
  compact: boolean;
}

const DEFAULT_VIEW: CanvasView = { zoom: 1, compact: false };

export const clampZoom = (zoom: number) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(zoom * 100) / 100));

/** One step up or down, landing on a multiple of 10 % (a zoom set by "fit" is between steps). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const steps = zoom / ZOOM_STEP;
  const next = direction > 0 ? Math.floor(steps + 1e-6) + 1 : Math.ceil(steps - 1e-6) - 1;
  return clampZoom(next * ZOOM_STEP);
}

/** The largest zoom at which every stage fits a box this wide (rounded down to a whole percent). */
export function fitZoom(boxWidth: number, stageCount: number): number {
  const width = LANE_HEAD + Math.max(stageCount, 1) * COLUMN;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.floor((boxWidth / width) * 100) / 100));
}

const storageKey = (userId: string, mapId: string) => `parcours:map-view:${userId}:${mapId}`;

function readView(key: string): CanvasView {
  try {
    const raw = JSON.parse(window.localStorage.getItem(key) ?? 'null') as Partial<CanvasView> | null;
    if (!raw || typeof raw !== 'object') return DEFAULT_VIEW;
    return {
      zoom: typeof raw.zoom === 'number' && Number.isFinite(raw.zoom) ? clampZoom(raw.zoom) : 1,
      compact: raw.compact === true,
    };
  } catch {
    return DEFAULT_VIEW;
  }
}

export function useCanvasView(userId: string, mapId: string) {
  const key = storageKey(userId, mapId);
  const [view, setView] = useState<CanvasView>(DEFAULT_VIEW);
  // Which map's stored view is in `view`: nothing is written back before it has been read.
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  useEffect(() => {
    setView(readView(key));
    setLoadedKey(key);
  }, [key]);
  useEffect(() => {
    if (loadedKey !== key) return;
    try {
      window.localStorage.setItem(key, JSON.stringify(view));
    } catch {
      // Storage full or refused (private mode): the view simply is not remembered.
    }
  }, [key, loadedKey, view]);
  const setZoom = useCallback((zoom: number) => setView((v) => ({ ...v, zoom: clampZoom(zoom) })), []);
  const setCompact = useCallback((compact: boolean) => setView((v) => ({ ...v, compact })), []);
  return { view, setZoom, setCompact };
}

/**
 * Ctrl/Cmd + and - zoom the map instead of the page, but only while the map has focus or the
 * pointer is over it; elsewhere the browser's own zoom is left alone.
 */
export function useZoomKeys(box: RefObject<HTMLElement>, zoom: number, setZoom: (zoom: number) => void) {
  const current = useRef(zoom);
  current.current = zoom;
  useEffect(() => {
    let pointerOver = false;
    const el = box.current;
    if (!el) return;
    const enter = () => (pointerOver = true);
    const leave = () => (pointerOver = false);
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const direction = event.key === '+' || event.key === '=' ? 1 : event.key === '-' || event.key === '_' ? -1 : 0;
      if (!direction) return;
      const focused = document.activeElement;
      if (!pointerOver && !(focused && el.contains(focused))) return;
      event.preventDefault();
      setZoom(stepZoom(current.current, direction));
    };
    el.addEventListener('pointerenter', enter);
    el.addEventListener('pointerleave', leave);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerenter', enter);
      el.removeEventListener('pointerleave', leave);
      window.removeEventListener('keydown', onKey);
    };
  }, [box, setZoom]);
}
