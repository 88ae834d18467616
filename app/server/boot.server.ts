// Start-up: apply the committed migrations (then refresh the planner's statistics), create the demo workspace on an empty database, start
// the webhook delivery worker (stopped on drain).
import { database } from '#db/client';
import { migrateDatabase } from '#db/migrate';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from './demo/index.server';
import { env } from './env.server';
import { analyzeAfterMigrations } from './table-statistics.server';
import { startWebhookWorker } from './webhook-worker.server';

let booted: Promise<void> | undefined;

export function boot() {
  booted ??= (async () => {
    const e = env();
    const handle = database();
    await migrateDatabase(handle);
    await analyzeAfterMigrations(handle.db, handle.kind);
    const where = handle.kind === 'pglite' ? `embedded PGlite in ${e.PGLITE_DIR}` : 'PostgreSQL (DATABASE_URL)';
    console.log(`Parcours: database ready on ${where}.`);
    if (e.SEED_DEMO === 'true') {
      const created = await seedDemoIfEmpty(handle.db);
      if (created) console.log('Parcours: demo workspace "Demo Telecom" created.');
      console.log(`Parcours: demo sign-in: ${DEMO_USERS.owner.email} / ${DEMO_PASSWORD}`);
    }
    // Webhook deliveries wait in the database; this process sends its share until it drains.
    const worker = startWebhookWorker();
    onDrain(() => worker.stop());
  })();
  return booted;
}

type Stopper = () => Promise<void> | void;
const drainers: Stopper[] = [];

/**
 * Registers work to stop when the process shuts down, before the HTTP server waits for its open
 * requests: long-lived responses (live update streams) end, background workers stop claiming work.
 */
export function onDrain(stop: Stopper) {
  drainers.push(stop);
}

/** Runs every registered stopper (server/index.ts calls it first on SIGTERM). */
export async function drain() {
  await Promise.allSettled(drainers.map(async (stop) => stop()));
}

/** Closes the database (the postgres.js pool, or PGlite) once the HTTP server has stopped. */
export async function shutdown() {
  await database().close();
}
