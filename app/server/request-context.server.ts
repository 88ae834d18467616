// What our HTTP server (server/index.ts) hands every loader and action as Remix's load context:
// the request id of its log lines, the CSP nonce of the page and the client's address (the socket
// address, or the first X-Forwarded-For hop when TRUST_PROXY is on). Loaders and actions called
// directly (integration tests) get an empty context, so every field is optional there.
//
// Remix hands each loader (and the render) a Request of its own, so what several of them need (the
// session, the membership) is shared through a request scope instead: an AsyncLocalStorage that our
// HTTP server opens around each reading request (GET, HEAD). Writes get none: an action may change
// what the loaders after it read (a role, a name, the session itself). The storage is kept on
// globalThis because the HTTP server and the Remix build are bundled apart.
import { AsyncLocalStorage } from 'node:async_hooks';
export interface RequestContext {
  requestId: string;
  cspNonce: string;
  clientAddress: string | null;
}

declare module '@remix-run/node' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends Partial<RequestContext> {}
}

export function clientAddressOf(context: Partial<RequestContext> | undefined): string | null {
  return context?.clientAddress ?? null;
}

type RequestScope = Map<string, Promise<unknown>>;
const globalForScope = globalThis as unknown as { __parcoursRequestScope?: AsyncLocalStorage<RequestScope> };
const requestScope = (globalForScope.__parcoursRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** Runs `handle` in a request scope of its own when the request only reads (GET, HEAD). */
export function inRequestScope<T>(method: string, handle: () => T): T {
  return method === 'GET' || method === 'HEAD' ? requestScope.run(new Map(), handle) : handle();
}

/** `compute()` once per request scope and `key` (a failure too); outside a scope, every time. */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  if (!scope) return compute();
  let pending = scope.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = compute();
    scope.set(key, pending);
  }
  return pending;
}
