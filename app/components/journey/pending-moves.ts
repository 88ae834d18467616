// Moves saved from this tab whose answer has not come back yet, kept in sessionStorage. A reload
// aborts a save in flight (the request may never reach the server) and the reloaded page may be read
// before a save that did reach it commits. So a move is written down when it is sent and crossed off
// when the server answers; a page that loads with moves still written down (younger than
// PENDING_MOVE_TTL_MS) shows them at once and sends them again. A move names its absolute target
// (stage and index), so sending it twice lands it in the same place.
import { MOVE_INTENTS } from './arrangement';

const STORAGE_KEY = 'parcours:pending-moves';
export const PENDING_MOVE_TTL_MS = 30_000;
/** Set on <html> before the map is drawn when moves are waiting, so the old places never show. */
export const PENDING_ATTRIBUTE = 'data-moves-pending';
/** The longest the map stays hidden if the page's JavaScript never starts. */
const HIDE_AT_MOST_MS = 3_000;
const FIELDS = ['intent', 'id', 'toStageId', 'toIndex'] as const;

export interface PendingMove {
  key: string;
  mapId: string;
  /** The submitted form's fields (intent, id, toStageId, toIndex). */
  fields: Record<string, string>;
  /** When it was sent (ms since the epoch). */
  at: number;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage disabled (privacy settings): moves are saved as before, without the safety net.
    return null;
  }
}

function isPendingMove(x: unknown): x is PendingMove {
  if (!x || typeof x !== 'object') return false;
  const m = x as Record<string, unknown>;
  return (
    typeof m.key === 'string' &&
    typeof m.mapId === 'string' &&
    typeof m.at === 'number' &&
    !!m.fields &&
    typeof m.fields === 'object' &&
    (MOVE_INTENTS as readonly unknown[]).includes((m.fields as Record<string, unknown>).intent)
  );
}

function read(): PendingMove[] {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(isPendingMove) : [];
  } catch {
    return [];
  }
}

function write(list: PendingMove[]) {
  const s = storage();
  if (!s) return;
  try {
    if (list.length) s.setItem(STORAGE_KEY, JSON.stringify(list));
    else s.removeItem(STORAGE_KEY);
  } catch {
    // Quota exceeded: nothing to do, the save itself is under way.
  }
}

/** Writes a move down as it is sent; older entries are dropped on the way. */
export function rememberMove(key: string, mapId: string, form: FormData, now = Date.now()) {
  const fields: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    if (typeof value === 'string') fields[name] = value;
  }
  write([...read().filter((m) => now - m.at < PENDING_MOVE_TTL_MS), { key, mapId, fields, at: now }]);
}

/** Crosses moves off once the server has answered them. */
export function forgetMoves(keys: readonly string[]) {
  if (keys.length === 0) return;
  const list = read();
  const rest = list.filter((m) => !keys.includes(m.key));
  if (rest.length !== list.length) write(rest);
}

/** The moves of a map still unanswered and young enough to send again, oldest first. */
export function pendingMovesOf(mapId: string, now = Date.now()): PendingMove[] {
  return read()
    .filter((m) => m.mapId === mapId && now - m.at < PENDING_MOVE_TTL_MS && now >= m.at)
    .sort((a, b) => a.at - b.at);
}

export function formOf(move: PendingMove): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(move.fields)) form.set(name, value);
  return form;
}

/**
 * A script run while the page is parsed, before the map is drawn: with moves of this map waiting,
 * it marks <html> so the stylesheet hides the grid until the page shows them (see journey.css). It
 * reads the same storage as pendingMovesOf; the mark goes away by itself if the app never starts.
 */
export function hideWhilePendingScript(mapId: string) {
  const args = [STORAGE_KEY, mapId, PENDING_MOVE_TTL_MS, PENDING_ATTRIBUTE, HIDE_AT_MOST_MS].map((a) => JSON.stringify(a)).join(',');
  return `(function(k,m,t,a,h){try{var l=JSON.parse(sessionStorage.getItem(k)||'[]'),n=Date.now();if(Array.isArray(l)&&l.some(function(x){return x&&x.mapId===m&&n-x.at<t&&n>=x.at})){var d=document.documentElement;d.setAttribute(a,'');setTimeout(function(){d.removeAttribute(a)},h)}}catch(e){}})(${args.replace(/</g, '\\u003c')})`;
}

export function showMap() {
  document.documentElement.removeAttribute(PENDING_ATTRIBUTE);
}
