// How the map editor saves moves: each move is a fetcher submission with its own key (saves in flight
// do not cancel each other), written down in sessionStorage until the server answers (see
// pending-moves.ts). When the page loads with moves of this map still unanswered, they are shown at
// once (`restored`, applied by the board like pending fetchers) and sent again.
import { useFetchers, useSubmit } from '@remix-run/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { forgetMoves, formOf, pendingMovesOf, rememberMove, showMap } from './pending-moves';

// Layout effects run before the browser paints, so a restored move never shows its old place; on the
// server (which runs no effects) a plain effect avoids React's warning.
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function useMoveSaver(mapId: string, action: string) {
  const submit = useSubmit();
  const [lastKey, setLastKey] = useState('move:none');
  const sequence = useRef(0);

  const submitMove = useCallback(
    (form: FormData) => {
      const key = `move:${Date.now()}:${sequence.current++}`;
      rememberMove(key, mapId, form);
      setLastKey(key);
      // flushSync: the page renders the save in flight at once (not as a transition React may skip),
      // so the board moves the item before the next paint and the answer below is always noticed.
      submit(form, { method: 'post', action, navigate: false, fetcherKey: key, preventScrollReset: true, flushSync: true });
      return key;
    },
    [submit, action, mapId],
  );

  // Moves found unanswered at load: shown before the first paint, then sent again from a task of
  // their own (the router's provider subscribes in an effect of its own, and flushSync cannot run
  // inside an effect).
  const [restored, setRestored] = useState<{ key: string; form: FormData }[]>([]);
  useBeforePaint(() => {
    const moves = pendingMovesOf(mapId);
    showMap();
    if (moves.length === 0) return;
    setRestored(moves.map((m) => ({ key: m.key, form: formOf(m) })));
    const timer = setTimeout(() => {
      forgetMoves(moves.map((m) => m.key));
      const keys = new Map(moves.map((m) => [m.key, submitMove(formOf(m))]));
      setRestored((list) => list.map((r) => ({ ...r, key: keys.get(r.key) ?? r.key })));
    });
    return () => clearTimeout(timer);
    // Once per map: submitMove changes with the action URL, which is the map's.
  }, [mapId]);

  // A move is crossed off once its answer is back: its fetcher was seen sending and now holds the
  // server's answer. A save cut off without an answer (the page reloading or leaving aborts it) stays
  // written down, to be sent again by the next page. A restored move gives way to its fetcher as soon
  // as that one shows (both land in the same place).
  const fetchers = useFetchers();
  const sending = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set(fetchers.filter((f) => f.key.startsWith('move:') && f.state === 'submitting').map((f) => f.key));
    const answered = new Set(fetchers.filter((f) => f.data !== undefined).map((f) => f.key));
    forgetMoves([...sending.current].filter((key) => !now.has(key) && answered.has(key)));
    sending.current = now;
    const shown = new Set(fetchers.map((f) => f.key));
    setRestored((list) => (list.some((r) => shown.has(r.key)) ? list.filter((r) => !shown.has(r.key)) : list));
  }, [fetchers]);

  return { submitMove, lastKey, restored };
}
