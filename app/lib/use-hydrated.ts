// True once React runs in the browser. During hydration it is false (the server's markup), then
// true; a component mounted later (after a client-side navigation) is true from its first render,
// so it never swaps its markup under the user's first click.
//
// One flag for the page, switched in a transition: every component that changes once hydrated
// (the map's grips and keyboard grid, wide tables' scroll boxes, ...) renders again in one
// interruptible render that yields to the browser. A useSyncExternalStore flag did the same in one
// synchronous task: on the large map, 125 ms of script after hydration (500 ms at a 4x CPU slowdown).
import { createContext, createElement, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';

const Hydrated = createContext(false);

/** Around the page (root.tsx): switches the flag once hydration is done. */
export function HydratedProvider({ children }: { children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    startTransition(() => setHydrated(true));
  }, []);
  // Marks the page as taken over by React once every component has drawn its hydrated form: tests
  // and scripts wait for it rather than for a control that the server's markup already shows.
  useEffect(() => {
    if (hydrated) document.documentElement.dataset.hydrated = 'true';
  }, [hydrated]);
  return createElement(Hydrated.Provider, { value: hydrated }, children);
}

export function useHydrated() {
  return useContext(Hydrated);
}
