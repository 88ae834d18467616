// The database handle. PostgreSQL through postgres.js when DATABASE_URL is set; otherwise PGlite
// (embedded Postgres) in a local data folder, so a new user needs no database server.
// One instance per process (kept on globalThis so dev-server reloads do not open a second PGlite).
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import postgres from 'postgres';
import { databaseEnv } from './env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: server modules accept both. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /**
   * LISTENs on a channel: `onPayload` gets each NOTIFY payload (sent by any connection, any app
   * instance, delivered on commit). Resolves to the function that stops listening.
   */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}

/** Counts SQL statements; tests and benchmarks read it to prove a fixed number of queries. */
export const queryCounter = { count: 0 };
const logger = {
  logQuery() {
    queryCounter.count += 1;
  },
};

export function openDatabase(options: { databaseUrl?: string; pgliteDir?: string; poolSize?: number }): DatabaseHandle {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      // postgres.js keeps one dedicated connection for all LISTENs and re-listens after a reconnect.
      listen: async (channel, onPayload) => {
        const subscription = await client.listen(channel, onPayload);
        return () => subscription.unlisten();
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? './data/pglite';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

const globalForDb = globalThis as unknown as { __parcoursDb?: DatabaseHandle };

/** The process-wide handle, opened on first use from the environment. */
export function database(): DatabaseHandle {
  if (!globalForDb.__parcoursDb) {
    const e = databaseEnv();
    globalForDb.__parcoursDb = openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, poolSize: e.DATABASE_POOL_SIZE });
  }
  return globalForDb.__parcoursDb;
}

/** Replaces the process-wide handle (tests open one database per worker). */
export function setDatabase(handle: DatabaseHandle | undefined) {
  globalForDb.__parcoursDb = handle;
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = database().db as unknown as Record<string | symbol, unknown>;
    const value = real[property];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});
