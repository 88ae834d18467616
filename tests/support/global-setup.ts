// With DATABASE_URL, builds a template database from the committed migrations once per run; each
// test file then gets its own copy (setup-db.ts). With PGlite there is nothing to prepare.
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/client';

export function templateDatabaseName(url: string) {
  return `${new URL(url).pathname.slice(1) || 'postgres'}_tpl`;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const template = templateDatabaseName(url);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.unsafe(`create database "${template}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(url, template);
  const handle = openDatabase({ databaseUrl: templateUrl });
  await migrateDatabase(handle, templateUrl);
  await handle.close();
}
