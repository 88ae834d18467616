// Server rendering: boots the database once (migrations, demo workspace), renders every page in the
// reader's language, and logs unexpected errors with a reference the error page shows.
import { PassThrough } from 'node:stream';
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance, type i18n } from 'i18next';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { ErrorReference } from '~/components/error-boundary';
import { NonceContext } from '~/lib/nonce';
import { i18nConfig } from '~/lib/i18n';
import { boot, drain as drainBackground, shutdown as closeDatabase } from '~/server/boot.server';
import { isExpectedFailure } from '~/server/error-log.server';
import { i18nServer, resources } from '~/server/i18n.server';

await boot();

/** Called by our HTTP server (server/index.ts) once in-flight requests are done. */
export const shutdown = closeDatabase;
/** Called by our HTTP server first on shutdown: ends live streams and stops background workers. */
export const drain = drainBackground;

const ABORT_DELAY = 10_000;

// One i18next instance per language, made once: a render only reads translations, and building an
// instance per request cost 1-2 ms (measured), a tenth of a small page's render.
const translators = new Map<string, Promise<i18n>>();
function translatorFor(lng: string) {
  let instance = translators.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng, resources })
      .then(() => created);
    translators.set(lng, instance);
  }
  return instance;
}
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
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
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
