// The HTTP edge of Parcours: everything that happens to a request before Remix sees it, and to a
// response after. Request ids, body limits, the origin check, malformed URLs, security headers with
// a per-request CSP nonce, caching rules, compression and static files all live here, once.
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { Env } from '../app/server/env.server';
import { inRequestScope, type RequestContext } from '../app/server/request-context.server';

/** Form posts are small; only the CSV and JSON upload routes take files. */
export const FORM_BODY_LIMIT = 64 * 1024;
export const UPLOAD_BODY_LIMIT = 6 * 1024 * 1024;
const UPLOAD_ROUTES = /^\/w\/[^/]+\/(?:kpis\/(?:import|check)|maps|maps\/[^/]+\/kpis\/[^/]+)(?:\.data)?$/;
/** The public API: Bearer tokens, JSON bodies, no cookies. The batch of KPI values takes 6 MB, as JSON or CSV. */
const API_PREFIX = '/api/';
const API_UPLOAD_ROUTES = /^\/api\/v1\/kpi-values$/;
const API_CSV_ROUTES = /^\/api\/v1\/kpi-values$/;
const isApi = (c: AppContext) => new URL(c.req.url).pathname.startsWith(API_PREFIX);
/** Read-only share pages, opened by a token in the path (app/routes/s.$token). */
const SHARE_PREFIX = '/s/';

/** Invitations, accepted by a token in the path (app/routes/invite.$token). */
const INVITE_PREFIX = '/invite/';

/**
 * The path as the log writes it: a share token is a key to a page and an invitation's token a key
 * to a workspace, so both are left out.
 */
export function loggedPath(pathname: string) {
  for (const prefix of [SHARE_PREFIX, INVITE_PREFIX]) if (pathname.startsWith(prefix)) return `${prefix}…`;
  return pathname;
}

/** Content types a browser form (or Remix's fetchers) can send. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const SESSION_COOKIE = 'parcours_session';

type Variables = { requestId: string; secureHeadersNonce?: string; started: number };
type AppContext = Context<{ Variables: Variables }>;

export interface EdgeOptions {
  build: ServerBuild;
  env: Env;
  /** Where the client build lives (static files). */
  clientDir: string;
  log?: (line: string) => void;
}

function plain(c: AppContext, status: 400 | 403 | 405 | 413 | 415, message: string) {
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  // The rest of an oversized body is not parsed: @hono/node-server discards what arrives in the
  // next 500 ms (so the client reads this answer) and then closes the connection.
  return c.body(message, status, headers);
}

/** The host the browser addressed: the Host header, or X-Forwarded-Host behind a trusted proxy. */
function requestHost(c: AppContext, trustProxy: boolean) {
  return (trustProxy && c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim()) || c.req.header('Host') || new URL(c.req.url).host;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientAddress(c: AppContext, trustProxy: boolean) {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

function hasControlCharacters(value: string) {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** 400 for a path or query that does not decode, or that decodes to control characters (NUL...). */
const wellFormedUrl: MiddlewareHandler<{ Variables: Variables }> = async (c, next) => {
  const url = new URL(c.req.url);
  try {
    const path = decodeURIComponent(url.pathname);
    const query = decodeURIComponent(url.search.replace(/\+/g, ' '));
    if (hasControlCharacters(path) || hasControlCharacters(query)) return plain(c, 400, 'Bad request: control characters in the address.');
  } catch {
    return plain(c, 400, 'Bad request: the address is not valid percent-encoding.');
  }
  return next();
};

/**
 * Refuses a state-changing request that another site could have made (CSRF): its Origin must be
 * ours. Browsers send Origin on every POST; a missing or "null" Origin is refused too.
 */
function sameOrigin(trustProxy: boolean): MiddlewareHandler<{ Variables: Variables }> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    // The API authenticates with a Bearer token, never a cookie (they are dropped below), so another
    // site cannot borrow a person's session there: no origin to check, but JSON only (and the CSV
    // template where a route reads it).
    if (isApi(c)) {
      const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type === 'text/csv' && API_CSV_ROUTES.test(new URL(c.req.url).pathname)) return next();
      if (type !== 'application/json') return plain(c, 415, 'Unsupported media type: send application/json.');
      return next();
    }
    const origin = c.req.header('Origin');
    let originHost: string | null = null;
    try {
      originHost = origin && origin !== 'null' ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== requestHost(c, trustProxy)) return plain(c, 403, 'Forbidden: this request did not come from a Parcours page.');
    // Parcours' forms and fetchers only ever post.
    if (method !== 'POST') return plain(c, 405, 'Method not allowed.');
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (!type || !FORM_TYPES.includes(type)) return plain(c, 415, 'Unsupported media type: send a form.');
    return next();
  };
}

/** Body limits before anything reads the body, chunked bodies included. */
const limitBody: MiddlewareHandler<{ Variables: Variables }> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const path = new URL(c.req.url).pathname;
  const maxSize = UPLOAD_ROUTES.test(path) || API_UPLOAD_ROUTES.test(path) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
  return bodyLimit({ maxSize, onError: (ctx) => plain(ctx as AppContext, 413, 'Payload too large.') })(c, next);
};

export function createEdge({ build, env, clientDir, log = console.log }: EdgeOptions) {
  const production = env.NODE_ENV === 'production';
  const trustProxy = env.TRUST_PROXY === 'true';
  const handleRemix = createRequestHandler(build, env.NODE_ENV);
  const app = new Hono<{ Variables: Variables }>();

  // A request id on every response and in every log line about the request.
  app.use(async (c, next) => {
    const id = crypto.randomUUID();
    c.set('requestId', id);
    c.set('started', performance.now());
    await next();
    c.res.headers.set('X-Request-Id', id);
    const ms = (performance.now() - c.get('started')).toFixed(1);
    log(`[${id}] ${c.req.method} ${loggedPath(new URL(c.req.url).pathname)} ${c.res.status} ${ms} ms`);
  });

  // Share pages (/s/<token>: the page, its data requests, its password form and its 404s) are never
  // indexed, never named in a Referer sent elsewhere, and never kept by a cache, so a revoked link
  // stops at once. Registered before the security headers, whose Referrer-Policy it replaces here.
  app.use(`${SHARE_PREFIX}*`, async (c, next) => {
    await next();
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'private, no-store');
  });

  // Security headers on every response: documents, data requests, downloads, static files,
  // redirects and error pages alike. Scripts run only from our origin or with this request's nonce.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
      strictTransportSecurity: production ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    }),
  );

  app.use(wellFormedUrl);
  app.use(sameOrigin(trustProxy));
  app.use(limitBody);
  app.use(compress());

  // Fingerprinted build assets never change; other public files are cached for an hour.
  app.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      // The build wrote each file's .br and .gz beside it (vite.config.ts): sent as they are.
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use(
    '*',
    serveStatic({
      root: clientDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=3600');
      },
    }),
  );

  app.all('*', async (c) => {
    // NONCE() set the nonce when the CSP header was prepared; read it back for <Scripts nonce>.
    const context: AppLoadContext & RequestContext = {
      requestId: c.get('requestId'),
      cspNonce: c.get('secureHeadersNonce') ?? '',
      clientAddress: clientAddress(c, trustProxy),
    };
    let request = c.req.raw;
    if (isApi(c) && request.headers.has('Cookie')) {
      const headers = new Headers(request.headers);
      headers.delete('Cookie');
      request = new Request(request, { headers, duplex: 'half' } as RequestInit);
    }
    // A reading request checks the session and the membership once for all its loaders.
    const response = await inRequestScope(request.method, () => handleRemix(request, context));
    // Pages and data for a signed-in person are private to them: never stored by a shared cache.
    const cookie = c.req.header('Cookie') ?? '';
    if (cookie.includes(`${SESSION_COOKIE}=`) || response.headers.get('Set-Cookie')?.includes(`${SESSION_COOKIE}=`)) {
      response.headers.set('Cache-Control', 'private, no-store');
    }
    return response;
  });

  return app;
}
