// Starts the production build (`npm run build` first) the way `npm start` does, on a free port and a
// database of its own, so HTTP tests see exactly what a browser or an attacker sees: our server
// module in front of Remix. Requests go through node:http so tests control every header, the body
// framing (chunked or not) and the client's own address (any 127.x.y.z is this machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(import.meta.dirname, '../..');

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** The body's bytes as they came (not decompressed). */
  body: Buffer;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent form-encoded; sets the method to POST unless given. */
  form?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Sends the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  cookie?: string;
  /** The client's own address, to be another client (127.0.0.2, 127.0.0.3, ...). */
  localAddress?: string;
  /** The Origin header of a non-GET request; same origin unless given, null to send none. */
  origin?: string | null;
}

export interface BuiltServer {
  baseUrl: string;
  port: number;
  /** Where its database is (DATABASE_URL or PGLITE_DIR). */
  databaseEnv: Record<string, string>;
  output(): string;
  http(path: string, options?: HttpOptions): Promise<HttpResult>;
  /** SIGTERM, then waits for the process to exit; returns the exit code and how long it took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

/** A database of its own: a fresh PostgreSQL database when DATABASE_URL is set, else a PGlite folder. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parcours-http-'));
    return { env: { PGLITE_DIR: path.join(dir, 'pglite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `parcours_http_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const sql = postgres(base, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

/**
 * `shareDatabaseWith`: a second app instance on the first one's PostgreSQL database (PGlite is one
 * process's: there it needs DATABASE_URL); the first one drops the database when it stops.
 */
export async function startBuiltServer(options: { env?: Record<string, string>; shareDatabaseWith?: BuiltServer } = {}): Promise<BuiltServer> {
  const port = await freePort();
  const shared = options.shareDatabaseWith;
  if (shared && !shared.databaseEnv.DATABASE_URL) throw new Error('two app instances share a PostgreSQL database only (DATABASE_URL)');
  const database = shared ? { env: shared.databaseEnv, drop: async () => {} } : await freshDatabase();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['server-build/index.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      SEED_DEMO: 'true',
      SECURE_COOKIES: 'false',
      ...database.env,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited during start:\n${output}`);
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the server did not answer /healthz within 90 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    // A server that never started (the boot tests want that) leaves no database behind.
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    await database.drop();
    throw error;
  }

  return {
    baseUrl,
    port,
    databaseEnv: database.env,
    output: () => output,
    http: (target, opts = {}) => send(port, target, opts),
    async stop() {
      const started = Date.now();
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      await database.drop();
      return { code, ms: Date.now() - started };
    },
  };
}

function send(port: number, target: string, options: HttpOptions): Promise<HttpResult> {
  const method = options.method ?? (options.form || options.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  if (method !== 'GET' && method !== 'HEAD' && options.origin !== null && !('Origin' in headers)) {
    headers.Origin = options.origin ?? `http://127.0.0.1:${port}`;
  }
  let body: string | Buffer | undefined = options.body;
  if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    body = params.toString();
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
  }
  if (body !== undefined && !options.chunked) headers['Content-Length'] = String(Buffer.byteLength(body));
  if (options.chunked) headers['Transfer-Encoding'] = 'chunked';

  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers, localAddress: options.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) h.append(key, v);
          else if (value !== undefined) h.set(key, value);
        }
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: h, text: bytes.toString('utf8'), body: bytes });
      });
      res.on('error', reject);
    });
    // Like curl, stop writing once the server has answered (a 413 comes before the body is read),
    // and wait for pending writes so a large body does not sit in memory.
    let answered = false;
    const response = new Promise((r) => req.once('response', r));
    req.on('response', () => (answered = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if ((error.code === 'EPIPE' || error.code === 'ECONNRESET') && answered) return;
      reject(error);
    });
    void (async () => {
      if (body !== undefined) {
        const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
        for (let i = 0; i < buffer.length && !answered && !req.destroyed; i += 64 * 1024) {
          if (!req.write(buffer.subarray(i, i + 64 * 1024))) await new Promise((r) => req.once('drain', r).once('close', r));
          // Past the smallest body limit, give the server time to refuse before writing on: a client
          // still writing when the server closes gets EPIPE instead of the answer.
          if (i === 64 * 1024) await Promise.race([response, new Promise((r) => setTimeout(r, 300))]);
        }
      }
      if (!req.destroyed) req.end();
    })();
  });
}

/** Signs in through the real /login form and returns the session cookie ("name=value"). */
export async function signInOverHttp(server: BuiltServer, email: string, password: string, localAddress?: string) {
  const res = await server.http('/login', { form: { email, password, redirectTo: '' }, localAddress });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const match = /parcours_session=([^;]+)/.exec(setCookie);
  if (res.status !== 302 || !match) throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 200)}`);
  return `parcours_session=${match[1]}`;
}

export const DEMO_OWNER = { email: 'demo@parcours.app', password: 'parcours-demo' };

/** The demo owner signed in (from `localAddress`), the demo workspace's slug, and a read_write API token made on its settings page. */
export async function demoOwnerWithToken(server: BuiltServer, localAddress: string, tokenName: string) {
  const cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, localAddress);
  const home = await server.http('/', { cookie });
  const slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)?.[1] ?? '';
  const created = await server.http(`/w/${slug}/settings/api`, { form: { intent: 'create', name: tokenName, scope: 'read_write', expiresOn: '' }, cookie });
  const secret = /pk_[A-Za-z0-9_-]{43}/.exec(created.text)?.[0] ?? '';
  if (created.status !== 200 || !secret) throw new Error(`creating a token answered ${created.status}`);
  return { cookie, slug, secret };
}
