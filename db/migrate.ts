// Applies the committed migrations in drizzle/ to the open database. On PostgreSQL an advisory
// lock makes concurrent starts of several web processes wait for one another.
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import postgres from 'postgres';
import type { DatabaseHandle } from './client';
import { databaseEnv } from './env';

export const migrationsFolder = path.resolve(databaseEnv().MIGRATIONS_DIR);
const LOCK_ID = 7_240_311;

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl = databaseEnv().DATABASE_URL) {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error('DATABASE_URL is required to migrate PostgreSQL');
  // A dedicated single connection, so the advisory lock and the migration share one session.
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client });
    await db.execute(sql`select pg_advisory_lock(${LOCK_ID})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${LOCK_ID})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
