// Runs before every integration test file: a database of its own, built from the committed
// migrations, and a rule that any console.error fails the test.
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { openDatabase, setDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { templateDatabaseName, withDatabase } from './global-setup';

process.env.SEED_DEMO = 'false';
const baseUrl = process.env.DATABASE_URL;
let handle: DatabaseHandle;
let fileDatabase: string | undefined;
let adminUrl: string | undefined;

beforeAll(async () => {
  if (baseUrl) {
    adminUrl = baseUrl;
    fileDatabase = `${templateDatabaseName(baseUrl)}_${process.env.VITEST_POOL_ID ?? '0'}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${fileDatabase}" template "${templateDatabaseName(baseUrl)}"`);
    } finally {
      await admin.end();
    }
    handle = openDatabase({ databaseUrl: withDatabase(baseUrl, fileDatabase) });
  } else {
    handle = openDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(handle);
  }
  setDatabase(handle);
});

afterAll(async () => {
  setDatabase(undefined);
  await handle?.close();
  if (adminUrl && fileDatabase) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${fileDatabase}" with (force)`);
    } finally {
      await admin.end();
    }
  }
});

const consoleError = vi.spyOn(console, 'error');
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockClear();
  if (calls.length) throw new Error(`console.error was called during the test:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
});
