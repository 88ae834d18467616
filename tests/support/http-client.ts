// Making data in a running server over HTTP, the way a person would: sign up, sign in, create a
// workspace, import a map's JSON export. Used by the end-to-end fixtures and the benchmarks, which
// talk to the production build in another process and cannot write to its database themselves.
//
// Sign-up is throttled per client address (10 an hour) and these clients all run on the server's
// machine; so each sign-up comes from an address of its own in 127.0.0.0/8, which Linux routes to
// the loopback like 127.0.0.1 (node:http can choose its local address; fetch cannot).
import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import type { Locale } from '../../db/vocabulary';

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

interface Answer {
  status: number;
  location: string | null;
  /** "name=value" of the cookie the answer sets, if any. */
  cookie: string | null;
  body: string;
}

/** A form POST over node:http, optionally from a given local address and with a session. */
export function postForm(
  baseURL: string,
  path: string,
  form: Record<string, string>,
  options: { localAddress?: string; cookie?: string } = {},
): Promise<Answer> {
  const url = new URL(path, baseURL);
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        // An IPv4 address to connect to, so that an IPv4 local address can reach it.
        host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        localAddress: options.localAddress,
        headers: {
          Host: url.host,
          Origin: url.origin,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          ...(options.cookie ? { Cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const setCookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!.trim());
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            cookie: setCookie.find((c) => /^[^=]+=.+/.test(c)) ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A random address in 127.0.0.0/8, other than 127.0.0.1 (the browser's and fetch's). */
function loopbackAddress() {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Signs in through the sign-in action and returns the session cookie ("name=value"). */
export async function signInOverHttp(baseURL: string, email: string, password: string): Promise<string> {
  const res = await postForm(baseURL, '/login', { email, password });
  if (res.status !== 302 || !res.cookie) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return res.cookie;
}

/** A new account, signed up from an address of its own; returns it with its session cookie. */
export async function signUpOverHttp(baseURL: string, displayName: string): Promise<{ account: Account; cookie: string }> {
  const account = {
    email: `test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@example.com`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    displayName,
  };
  const res = await postForm(baseURL, '/signup', { ...account }, { localAddress: loopbackAddress() });
  if (res.status !== 302 || !res.cookie) throw new Error(`sign-up answered ${res.status}`);
  return { account, cookie: res.cookie };
}

/** Creates a workspace for the signed-in account; returns its slug. */
export async function createWorkspaceOverHttp(baseURL: string, cookie: string, input: { name: string; currency: string; locale: Locale }): Promise<string> {
  const res = await postForm(baseURL, '/workspaces/new', input, { cookie });
  const slug = /^\/w\/([^/?#]+)$/.exec(res.location ?? '')?.[1];
  if (res.status !== 302 || !slug) throw new Error(`workspace creation answered ${res.status} ${res.location}`);
  return slug;
}

/** Imports a map's JSON export into the workspace (the maps list's import form); returns the map's path. */
export async function importMapOverHttp(baseURL: string, cookie: string, slug: string, json: string): Promise<string> {
  const form = new FormData();
  form.set('intent', 'import');
  form.set('file', new Blob([json], { type: 'application/json' }), 'map.json');
  const url = new URL(`/w/${slug}/maps`, baseURL);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: cookie, Origin: url.origin } });
  const location = res.headers.get('Location');
  if (res.status !== 302 || !location) throw new Error(`map import answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return new URL(location, baseURL).pathname;
}

/** The JSON exports of a workspace's maps, by map name. */
export async function exportMapsOverHttp(baseURL: string, cookie: string, slug: string): Promise<Map<string, string>> {
  const list = await fetch(new URL(`/w/${slug}/maps`, baseURL), { headers: { Cookie: cookie } });
  if (list.status !== 200) throw new Error(`the maps list answered ${list.status}`);
  const ids = new Set([...(await list.text()).matchAll(new RegExp(`/w/${slug}/maps/([0-9a-f-]{36})`, 'g'))].map((m) => m[1]!));
  const byName = new Map<string, string>();
  for (const id of ids) {
    const res = await fetch(new URL(`/w/${slug}/maps/${id}/export`, baseURL), { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`the export of map ${id} answered ${res.status}`);
    const json = await res.text();
    byName.set((JSON.parse(json) as { map: { name: string } }).map.name, json);
  }
  return byName;
}

/** An API token made by the workspace's owner on the settings page, as a person would; returns its secret. */
export async function createApiTokenOverHttp(baseURL: string, cookie: string, slug: string, name: string, scope: 'read' | 'read_write' = 'read_write') {
  const res = await postForm(baseURL, `/w/${slug}/settings/api`, { intent: 'create', name, scope, expiresOn: '' }, { cookie });
  const secret = /pk_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
  if (res.status !== 200 || !secret) throw new Error(`token creation answered ${res.status}`);
  return secret;
}

/**
 * A second member of a workspace, the way people join: a new account signs up, the owner invites its
 * e-mail on the settings page and the account accepts the link. Returns the account and its cookie.
 */
export async function addMemberOverHttp(baseURL: string, ownerCookie: string, slug: string, displayName: string, role: 'editor' | 'viewer' = 'editor') {
  const { account, cookie } = await signUpOverHttp(baseURL, displayName);
  // Invitations are throttled per address, like sign-ups: one of its own.
  const invited = await postForm(
    baseURL,
    `/w/${slug}/settings`,
    { intent: 'invite', email: account.email, role },
    { cookie: ownerCookie, localAddress: loopbackAddress() },
  );
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(invited.body)?.[1];
  if (invited.status !== 200 || !token) throw new Error(`the invitation answered ${invited.status}`);
  const accepted = await postForm(baseURL, `/invite/${token}`, {}, { cookie, localAddress: loopbackAddress() });
  if (accepted.status !== 302 || accepted.location !== `/w/${slug}`)
    throw new Error(`accepting the invitation answered ${accepted.status} ${accepted.location}`);
  return { account, cookie };
}
