// The one guard of the public API: a Bearer token, usable (not revoked, not expired), whose scope
// allows the call, within its rate limit. The workspace is the token's, never the request's.
import type { ApiScope } from '~/domain/vocabulary';
import { problem } from './api.server';
import { findUsableToken, type UsableToken } from './api-tokens.server';
import { hit, type ThrottleRule } from './throttle.server';

/** Calls per token and minute, counted in the database so several app processes share the count. */
export const API_PER_TOKEN: ThrottleRule = { name: 'api:token', limit: 600, windowMs: 60 * 1000 };

const unauthorized = (detail: string) => problem(401, detail, { headers: { 'WWW-Authenticate': 'Bearer realm="parcours"' } });

export async function requireApiToken(request: Request, scope: ApiScope): Promise<UsableToken> {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Send an API token: Authorization: Bearer <token>.');
  const token = await findUsableToken(match[1]!);
  if (!token) throw unauthorized('The token is unknown, expired or revoked.');
  const counted = await hit(API_PER_TOKEN, token.id);
  if (counted.exceeded) throw problem(429, 'Too many requests for this token.', { headers: { 'Retry-After': String(counted.retryAfterSeconds) } });
  if (scope === 'read_write' && token.scope !== 'read_write') throw problem(403, 'This token may only read.');
  return token;
}
