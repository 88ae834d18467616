// Table statistics for the query planner. PGlite never analyses by itself (and a PostgreSQL without
// autovacuum neither): with no statistics the planner takes every table for tiny and picks nested
// loops that scan a workspace's whole index once per project (the 3,000-project summary: one query
// 7.5 s). So the database is analysed after migrations, after the demo seed and after bulk writes.
import { sql } from 'drizzle-orm';
import type { Executor } from '#db/client';

/** Rows a write must reach before it refreshes the statistics (ANALYZE samples, so it stays cheap). */
export const ANALYZE_AFTER_ROWS = 500;

/** The tables a bulk write touched, analysed (after its transaction committed). */
export async function analyzeTables(executor: Executor, tables: readonly ('kpi' | 'kpi_value' | 'card' | 'stage' | 'lane' | 'measure')[]) {
  if (tables.length === 0) return;
  await executor.execute(sql.raw(`analyze ${[...new Set(tables)].map((t) => `"${t}"`).join(', ')}`));
}

/** The whole database (after the demo seed, or after migrations on PGlite). */
export async function analyzeDatabase(executor: Executor) {
  await executor.execute(sql`analyze`);
}

/**
 * After migrations: PGlite is analysed whole (it never does it itself; sampling keeps it short); on
 * PostgreSQL, autovacuum keeps statistics up to date, so only the tables never analysed (new ones,
 * or a server without autovacuum) are, and a restart of a large database stays quick.
 */
export async function analyzeAfterMigrations(executor: Executor, kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') return analyzeDatabase(executor);
  const rows = await executor.execute<{ relname: string }>(
    sql`select relname from pg_stat_user_tables where schemaname = current_schema() and last_analyze is null and last_autoanalyze is null`,
  );
  const names = (Array.isArray(rows) ? rows : (rows as { rows: { relname: string }[] }).rows).map((r) => r.relname);
  if (names.length) await executor.execute(sql.raw(`analyze ${names.map((n) => `"${n.replaceAll('"', '""')}"`).join(', ')}`));
}
