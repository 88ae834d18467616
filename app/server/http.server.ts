// The one way expected failures leave the server: a response with a status and a message key that
// the shared error boundary translates. Unexpected errors are logged with an id (entry.server).
import { data } from '@remix-run/node';
import { env } from './env.server';

export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

export interface Failure {
  /** An i18n key in the "errors" namespace. */
  message: string;
  status: FailureStatus;
}

export function failure(status: FailureStatus, message: string) {
  return data<Failure>({ status, message }, { status });
}

export const notFound = (message = 'notFound') => failure(404, message);
export const forbidden = (message = 'forbidden') => failure(403, message);
export const conflict = (message = 'conflict') => failure(409, message);
export const badRequest = (message = 'badRequest') => failure(400, message);

/**
 * Refuses a state-changing request whose Origin is missing or another site's (CSRF). The HTTP
 * server (server/app.ts) refuses these before Remix; this second check keeps actions safe when they
 * are called some other way (tests, a future adapter).
 */
export function assertSameOrigin(request: Request) {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('Origin');
  const host = (env().TRUST_PROXY === 'true' && request.headers.get('X-Forwarded-Host')) || request.headers.get('Host') || new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw forbidden('crossOrigin');
}
