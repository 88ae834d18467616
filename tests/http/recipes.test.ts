// The README's connector recipes run as written against the production build: each fenced block
// after its `<!-- recipe: name -->` marker is taken from the README and run (curl in bash, the Node
// script with node), and the values it pushed are read back through the API. The warehouse is a
// throwaway database on the local PostgreSQL, dropped afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTokenOverHttp } from '../support/http-client';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const WAREHOUSE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function recipe(name: string, language: 'sh' | 'js') {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- recipe: ${name} -->\\s*\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README has no ${language} block after <!-- recipe: ${name} -->`);
  return match[1]!;
}

let server: BuiltServer;
let token: string;
// A folder inside the project, so that the Node recipe's `import 'postgres'` finds our node_modules.
let dir: string;
let kpi: { id: string; mapName: string; stageName: string; measureName: string };

beforeAll(async () => {
  server = await startBuiltServer();
  const cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.21');
  token = await createApiTokenOverHttp(server.baseUrl, cookie, 'demo-telecom', 'Recipes');
  const kpis = await server.http('/api/v1/kpis?limit=1', { headers: { Authorization: `Bearer ${token}` } });
  kpi = JSON.parse(kpis.text).data[0];
  dir = mkdtempSync(path.join(root, '.recipe-'));
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

async function valuesOf(id: string) {
  const res = await server.http(`/api/v1/kpis/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { values: { date: string; value: string; source: string }[] }).values;
}

const env = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production' as const,
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  PARCOURS_URL: server.baseUrl,
  PARCOURS_TOKEN: token,
  ...extra,
});

/** The counts the script printed (`200 { received: 2, new: 1, ... }`), whatever their order. */
const counts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/(\w+): (\d+)/g)].map((m) => [m[1], Number(m[2])]));

describe('README connector recipes', () => {
  it('curl-csv: pushes the values of a CSV file (the template) with curl', async () => {
    const csv = [
      'kpi_id,map,stage,measure,unit,date,value,target',
      `${kpi.id},,,,,2024-11-30,41,`,
      `,"${kpi.mapName}","${kpi.stageName}","${kpi.measureName}",,2024-12-31,43,`,
    ].join('\n');
    writeFileSync(path.join(dir, 'values.csv'), `${csv}\n`);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', recipe('curl-csv', 'sh')], { cwd: dir, env: env() });
    expect(JSON.parse(stdout)).toEqual({ received: 2, new: 2, changed: 0, unchanged: 0 });
    const values = await valuesOf(kpi.id);
    expect(values).toEqual(
      expect.arrayContaining([
        { date: '2024-11-30', value: '41.000000', source: 'api' },
        { date: '2024-12-31', value: '43.000000', source: 'api' },
      ]),
    );
  });

  it('warehouse-node: pushes the rows of a warehouse query with postgres.js and fetch', async () => {
    const name = `parcours_warehouse_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(WAREHOUSE_ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(WAREHOUSE_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const warehouse = postgres(url.toString(), { max: 1, onnotice: () => {} });
      await warehouse`create table kpi_daily (measure text, map text, stage text, day date, value numeric)`;
      await warehouse`insert into kpi_daily values
        (${kpi.measureName}, ${kpi.mapName}, ${kpi.stageName}, current_date - 1, 12.5),
        (${kpi.measureName}, ${kpi.mapName}, ${kpi.stageName}, current_date - 2, 11),
        (${kpi.measureName}, ${kpi.mapName}, ${kpi.stageName}, current_date - 30, 99)`;
      const [days] = await warehouse`select to_char(current_date - 1, 'YYYY-MM-DD') as d1, to_char(current_date - 2, 'YYYY-MM-DD') as d2`;
      await warehouse.end();

      const script = path.join(dir, 'push-kpis.mjs');
      writeFileSync(script, recipe('warehouse-node', 'js'));
      const first = await run(process.execPath, [script], { cwd: dir, env: env({ WAREHOUSE_URL: url.toString() }) });
      // Two rows of the last week (the demo may already hold a value on one of those days).
      expect(first.stdout).toMatch(/^200 \{ received: 2, new: \d, changed: \d, unchanged: 0 \}/);
      // Run twice the same day: the Idempotency-Key replays the first answer.
      const again = await run(process.execPath, [script], { cwd: dir, env: env({ WAREHOUSE_URL: url.toString() }) });
      expect(again.stdout).toMatch(/^200 /);
      expect(counts(again.stdout)).toEqual(counts(first.stdout));

      const values = await valuesOf(kpi.id);
      expect(values).toEqual(
        expect.arrayContaining([
          { date: days!.d1, value: '12.500000', source: 'api' },
          { date: days!.d2, value: '11.000000', source: 'api' },
        ]),
      );
      expect(values.map((v) => v.value)).not.toContain('99.000000');
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
