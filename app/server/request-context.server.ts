// What our HTTP server (server/index.ts) hands every loader and action as Remix's load context:
// the request id of its log lines, the CSP nonce of the page and the client's address (the socket
// address, or the first X-Forwarded-For hop when TRUST_PROXY is on). Loaders and actions called
// directly (integration tests) get an empty context, so every field is optional there.
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
