// Where a webhook may send: the SSRF guard at save time (the URL's literal address, or every address
// its name resolves to) and at connect time (a DNS lookup hook that refuses a private address, so a
// name that changes its answer after the save, DNS rebinding, still cannot reach one), and the one
// POST the delivery worker makes: node:http(s), no redirects followed, a hard timeout.
import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, classifyAddress, isAllowedAddress, WEBHOOK_TIMEOUT_MS, type WebhookUrlProblem } from '~/domain/webhooks';
import { env } from './env.server';

/** Private targets (http, loopback, private ranges) only when WEBHOOK_ALLOW_PRIVATE_TARGETS=true. */
export const allowPrivateTargets = () => env().WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true';

const LOOKUP_TIMEOUT_MS = 3000;

export type Resolver = (hostname: string) => Promise<string[]>;

const resolveAll: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('lookup timed out')), LOOKUP_TIMEOUT_MS);
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });

/**
 * Checks a URL an owner saves. A name is resolved and every address checked; a name that does not
 * resolve (yet) is accepted, as every delivery checks again when it connects and logs the failure.
 */
export async function checkWebhookTarget(raw: string, allowPrivate = allowPrivateTargets(), resolve: Resolver = resolveAll): Promise<WebhookUrlProblem | null> {
  const checked = checkWebhookUrl(raw, allowPrivate);
  if (!checked.ok) return checked.problem;
  if (allowPrivate || !checked.needsLookup) return null;
  let addresses: string[];
  try {
    addresses = await resolve(checked.url.hostname);
  } catch {
    return null;
  }
  return addresses.every((a) => isAllowedAddress(a, false)) ? null : 'privateAddress';
}

class RefusedAddressError extends Error {
  code = 'EREFUSEDADDRESS';
}

export type DnsLookup = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A `lookup` for node:net that fails when a resolved address may not be reached (`base` resolves; tests pass their own). */
export function guardedLookup(allowPrivate: boolean, base: DnsLookup = dns.lookup): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allowPrivate));
      if (refused || addresses.length === 0) {
        const what = refused ? `${refused.address} (${classifyAddress(refused.address)})` : 'no address';
        return callback(new RefusedAddressError(`refused: ${hostname} resolves to ${what}`));
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as unknown as LookupFunction;
}

export type PostOutcome = { httpStatus: number } | { error: string };

/**
 * POSTs `body` to `target` once: the answer's status, or what went wrong (refused address, DNS,
 * connection, timeout). A redirect is an answer like any other (3xx), never followed.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number; signal?: AbortSignal; lookup?: DnsLookup },
): Promise<PostOutcome> {
  const checked = checkWebhookUrl(target, options.allowPrivate);
  if (!checked.ok) return Promise.resolve({ error: `refused: ${checked.problem === 'privateAddress' ? 'private address' : `URL (${checked.problem})`}` });
  const url = checked.url;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate, options.lookup),
        agent: false,
        signal: options.signal,
      },
      (res) => {
        // The answer's body is not kept; reading it lets the connection finish cleanly.
        res.resume();
        res.on('end', () => finish({ httpStatus: res.statusCode ?? 0 }));
        res.on('error', () => finish({ httpStatus: res.statusCode ?? 0 }));
      },
    );
    const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    const timer = setTimeout(() => {
      finish({ error: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const text = error instanceof RefusedAddressError ? error.message : error.name === 'AbortError' ? 'aborted' : (error.code ?? error.message);
      finish({ error: text });
    });
    req.end(body);
  });
}
