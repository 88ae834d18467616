// Starts Parcours in production: validates the environment, loads the Remix build (which applies
// the migrations and, when asked, seeds the demo), serves it behind our HTTP edge (server/app.ts),
// and shuts down gracefully: stop accepting, finish in-flight requests, close the database, exit
// within 10 seconds.
import { serve } from '@hono/node-server';
import type { ServerBuild } from '@remix-run/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '../app/server/env.server';
import { createEdge } from './app';

process.env.NODE_ENV ??= 'production';
const SHUTDOWN_DEADLINE_MS = 10_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const build = (await import(path.join(root, 'build/server/index.js'))) as ServerBuild & {
  entry: { module: { shutdown?: () => Promise<void>; drain?: () => Promise<void> } };
};
const app = createEdge({ build, env, clientDir: path.relative(process.cwd(), path.join(root, 'build/client')) || '.' });

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : 'localhost';
  console.log(`Parcours: listening on http://${host}:${info.port}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Parcours: ${signal} received, finishing in-flight requests.`);
  const deadline = setTimeout(() => {
    console.error('Parcours: shutdown took longer than 10 s; exiting.');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS - 500);
  deadline.unref();
  // Live streams never finish on their own: end them (and stop background workers) first.
  const drained = build.entry.module.drain?.() ?? Promise.resolve();
  server.close(async () => {
    try {
      await drained;
      await build.entry.module.shutdown?.();
      console.log('Parcours: stopped.');
      process.exit(0);
    } catch (error) {
      console.error('Parcours: error while closing the database', error);
      process.exit(1);
    }
  });
  // Keep-alive connections with no request in flight would hold close() open.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
