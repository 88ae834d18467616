// True once React runs in the browser. During hydration it is false (the server's markup), then
// true; a component mounted later (after a client-side navigation) is true from its first render,
// so it never swaps its markup under the user's first click.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
