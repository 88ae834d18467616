// Live updates in the browser. The workspace layout opens one EventSource on /w/:slug/live; a page
// says what it shows (useLiveData) and, when a committed change concerns it, reloads its data
// through Remix revalidation: at once, or as soon as the user stops editing, and only while the tab
// is visible. A change made by someone else shows a discreet "Updated" cue (a polite status).
// A map page says which map it shows (usePresence): the stream is opened again for that map
// (?map=), which lists the user among its viewers, and it brings the map's viewers.
import { useFetchers, useNavigation, useParams, useRevalidator } from '@remix-run/react';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { concerns, type LiveInterest } from '~/domain/live-topics';

type Listener = (topics: string[]) => void;

export interface Viewer {
  id: string;
  name: string;
}

interface Live {
  subscribe: (listener: Listener) => () => void;
  showCue: () => void;
  /** The map the page shows (null: none). */
  view: (mapId: string | null) => void;
}

const LiveContext = createContext<Live | null>(null);
const PresenceContext = createContext<Viewer[]>([]);

/** How long after a local save a change is taken as the user's own (no cue). */
const OWN_CHANGE_MS = 1_500;
const CUE_MS = 4_000;
/** Changes arriving together (a batch, a save and its echo) make one reload. */
const GATHER_MS = 150;
const RETRY_MS = 1_000;
/** When the page's map changes, the stream before stays this long beside the new one: no change falls between. */
const SWITCH_MS = 1_500;

export function LiveUpdates({ slug, children }: { slug: string; children: ReactNode }) {
  const { t } = useTranslation();
  const listeners = useRef(new Set<Listener>());
  const [cue, setCue] = useState(0);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const showCue = useCallback(() => setCue(Date.now()), []);
  // A page opened at a map's address shows that map: its first stream is opened for it at once,
  // rather than for no map and again when the page says so (usePresence).
  const params = useParams();
  const [viewing, setViewing] = useState<string | null>(() => params.mapId ?? null);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [live] = useState<Live>(() => ({ subscribe, showCue, view: setViewing }));

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/w/${slug}/live${viewing ? `?map=${viewing}` : ''}`);
    let lost = false;
    let retired = false;
    setViewers([]);
    const emit = (topics: string[]) => {
      for (const listener of [...listeners.current]) listener(topics);
    };
    source.addEventListener('change', (event) => {
      try {
        const { topics } = JSON.parse((event as MessageEvent<string>).data) as { topics?: unknown };
        if (Array.isArray(topics)) emit(topics.filter((x): x is string => typeof x === 'string'));
      } catch {
        // Not ours: ignore.
      }
    });
    source.addEventListener('presence', (event) => {
      try {
        // The server's own list ({id, name} each, see live.server.ts).
        const { viewers: list } = JSON.parse((event as MessageEvent<string>).data) as { viewers?: Viewer[] };
        if (!retired && Array.isArray(list)) setViewers(list);
      } catch {
        // Not ours: ignore.
      }
    });
    source.addEventListener('error', () => {
      lost = true;
    });
    // Back after a drop (a restart, a network change): changes may have been missed.
    source.addEventListener('open', () => {
      if (lost && !retired) emit(['*']);
      lost = false;
    });
    return () => {
      retired = true;
      setTimeout(() => source.close(), SWITCH_MS);
    };
  }, [slug, viewing]);

  useEffect(() => {
    if (!cue) return;
    const timer = setTimeout(() => setCue(0), CUE_MS);
    return () => clearTimeout(timer);
  }, [cue]);

  return (
    <LiveContext.Provider value={live}>
      <PresenceContext.Provider value={viewers}>{children}</PresenceContext.Provider>
      <p className="live-cue" role="status" data-shown={cue ? 'true' : undefined}>
        {cue ? t('live.updated') : ''}
      </p>
    </LiveContext.Provider>
  );
}

/** Is the user typing in a field of the page? (the default "mid-edit") */
export function isTyping() {
  const focused = document.activeElement;
  return !!focused && !!focused.closest('#main') && /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName);
}

/**
 * Keeps the page's data current: when a change concerns `interest`, the loaders run again. `busy`
 * tells when the user is mid-edit (a reload then waits, so nothing they type is lost).
 */
export function useLiveData(interest: LiveInterest, busy: () => boolean = isTyping) {
  const live = useContext(LiveContext);
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const localBusy = navigation.state !== 'idle' || fetchers.some((f) => f.state !== 'idle');

  const state = useRef({ interest, busy, revalidator, localBusy, lastLocal: 0 });
  state.current.interest = interest;
  state.current.busy = busy;
  state.current.revalidator = revalidator;
  state.current.localBusy = localBusy;
  useEffect(() => {
    if (localBusy) state.current.lastLocal = Date.now();
    else if (state.current.lastLocal) state.current.lastLocal = Date.now();
  }, [localBusy]);

  useEffect(() => {
    if (!live) return;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      if (!pending) return;
      const s = state.current;
      if (document.visibilityState !== 'visible' || s.localBusy || s.revalidator.state !== 'idle' || s.busy()) {
        timer = setTimeout(run, RETRY_MS);
        return;
      }
      pending = false;
      const own = Date.now() - s.lastLocal < OWN_CHANGE_MS;
      s.revalidator.revalidate();
      if (!own) live.showCue();
    };
    const unsubscribe = live.subscribe((topics) => {
      if (!concerns(topics, state.current.interest)) return;
      pending = true;
      timer ??= setTimeout(run, GATHER_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [live]);
}

/** Says that the page shows this map (its viewers then list the user) and returns who views it. */
export function usePresence(mapId: string): Viewer[] {
  const live = useContext(LiveContext);
  useEffect(() => {
    live?.view(mapId);
    return () => live?.view(null);
  }, [live, mapId]);
  return useContext(PresenceContext);
}
