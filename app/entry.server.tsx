// Server rendering: boots the database once (migrations, demo workspace), renders every page in the
// reader's language, and logs unexpected errors with a reference the error page shows.
import { Writable } from 'node:stream';
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ErrorReference } from '~/components/error-boundary';
import { NonceContext } from '~/lib/nonce';
import { boot, drain as drainBackground, shutdown as closeDatabase } from '~/server/boot.server';
import { isExpectedFailure } from '~/server/error-log.server';
import { i18nServer, translatorFor } from '~/server/i18n.server';

await boot();

/** Called by our HTTP server (server/index.ts) once in-flight requests are done. */
export const shutdown = closeDatabase;
/** Called by our HTTP server first on shutdown: ends live streams and stops background workers. */
export const drain = drainBackground;

const ABORT_DELAY = 10_000;

const errorReferences = new WeakMap<Request, string>();

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted || isExpectedFailure(error)) return;
  const reference = crypto.randomUUID().slice(0, 8);
  errorReferences.set(request, reference);
  console.error(`[error ${reference}] ${request.method} ${new URL(request.url).pathname}`, error);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The nonce of this response's Content-Security-Policy (set by server/app.ts).
  const nonce = loadContext?.cspNonce || undefined;
  const instance = await translatorFor(await i18nServer.getLocale(request));
  const reference = errorReferences.get(request) ?? null;

  return new Promise<Response>((resolve, reject) => {
    let didError = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <ErrorReference.Provider value={reference}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </ErrorReference.Provider>
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        // The whole page is rendered before it is sent (no streaming: the loaders' data is all there),
        // so it leaves as one buffer: one chunk through compression and one write to the socket, not
        // React's 2 KB pieces one by one (a third of the large map's server time was spent there).
        onAllReady() {
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: didError ? 500 : responseStatusCode }));
              done();
            },
          });
          pipe(page);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}
