// POST /api/v1/kpi-values with a text/csv body: the KPI CSV template read by the import page's
// parser and checks (kpi-import.server), written like a JSON batch (source api, all or nothing,
// Idempotency-Key), with errors as problem+json naming the file's lines.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, kpi, kpiValue } from '../../db/schema';
import * as kpiValuesRoute from '~/routes/api.v1.kpi-values';
import { MAX_BATCH_VALUES } from '~/server/api-schemas.server';
import { createApiToken } from '~/server/api-tokens.server';
import { previewKpiImport } from '~/server/kpi-import.server';
import { call, makeUser, makeWorkspace, ORIGIN } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure } from '../support/project-fixtures';

const HEADER = 'kpi_id,map,stage,measure,unit,date,value,target';

async function setup(locale: 'en' | 'fr' = 'en') {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale });
  const { map, stages, lane } = await makeMapWithStages(ws.id, ['Discovery', 'Support']);
  const nps = await makeMeasure(ws.id, { name: 'NPS', unit: 'pts', trend: 'up' });
  const churn = await makeMeasure(ws.id, { name: 'Churn', unit: '%', trend: 'down' });
  const at = (i: number, measureId: string) => ({ mapId: map.id, laneId: lane.id, stageId: stages[i]!.id, measureId });
  const npsKpi = await makeKpi(ws.id, at(0, nps.id), { target: '40', values: [['2025-01-31', '30']] });
  const churnKpi = await makeKpi(ws.id, at(1, churn.id), { target: '2' });
  const write = await createApiToken(ws.id, owner.id, { name: 'Warehouse', scope: 'read_write', expiresAt: null });
  const read = await createApiToken(ws.id, owner.id, { name: 'Dashboard', scope: 'read', expiresAt: null });
  return { ws, map, npsKpi, churnKpi, write, read };
}

function postCsv(token: string, csv: string, headers: Record<string, string> = {}, type = 'text/csv') {
  const request = new Request(new URL('/api/v1/kpi-values', ORIGIN), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, ...headers },
    body: csv,
  });
  return call(kpiValuesRoute.action, { request });
}

const valueCount = async (workspaceId: string) => (await db.select({ n: count() }).from(kpiValue).where(eq(kpiValue.workspaceId, workspaceId)))[0]!.n;

describe('POST /api/v1/kpi-values as text/csv', () => {
  it('writes the rows of the template (by id or by names) with source api, answers the JSON counts, logs the token', async () => {
    const s = await setup();
    const csv = [
      HEADER,
      `${s.npsKpi.id},${s.map.name},Discovery,NPS,pts,2025-01-31,30,40`,
      `${s.npsKpi.id},${s.map.name},Discovery,NPS,pts,2025-02-28,33,40`,
      `,${s.map.name},support,churn,,2025-02-28,2.5,`,
    ].join('\n');
    const res = await postCsv(s.write.secret, csv, {}, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.data).toEqual({ received: 3, new: 2, changed: 0, unchanged: 1 });
    const rows = await db.select().from(kpiValue).where(eq(kpiValue.kpiId, s.churnKpi.id));
    expect(rows).toEqual([expect.objectContaining({ date: '2025-02-28', value: '2.500000', source: 'api' })]);
    const [logged] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'kpi_value')));
    expect(logged).toMatchObject({ actorId: null, apiTokenId: s.write.id, summary: expect.stringContaining('2 new') });
  });

  it('reads numbers in the workspace format and sets a target from the target column, as the import page does', async () => {
    const s = await setup('fr');
    // The second row is the template as downloaded (no date, no value): skipped, as on the import page.
    const csv = [HEADER, `${s.npsKpi.id},,,,,2025-03-31,"42,5",45`, `${s.churnKpi.id},,,,,,,`].join('\n');
    const res = await postCsv(s.write.secret, csv);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ received: 1, new: 1, changed: 0, unchanged: 0 });
    const [row] = await db
      .select()
      .from(kpiValue)
      .where(and(eq(kpiValue.kpiId, s.npsKpi.id), eq(kpiValue.date, '2025-03-31')));
    expect(row!.value).toBe('42.500000');
    const [target] = await db.select({ target: kpi.targetValue }).from(kpi).where(eq(kpi.id, s.npsKpi.id));
    expect(target!.target).toBe('45.000000');
  });

  it("all or nothing: one bad line (the last) and nothing is written; the errors are the import page's, on the file's lines", async () => {
    const s = await setup();
    // Lines 2 to 29 are good, 30 and 31 are not.
    const lines = [HEADER, ...Array.from({ length: 28 }, (_, i) => `${s.churnKpi.id},,,,,2024-01-${String(i + 1).padStart(2, '0')},${i},`)];
    lines.push(`${s.npsKpi.id},,,,,2025-02-30,abc,`);
    lines.push(`,${s.map.name},Discovery,Unknown measure,,2025-02-28,1,`);
    const csv = lines.join('\n');
    const res = await postCsv(s.write.secret, csv);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.data).toMatchObject({ status: 400, title: 'Bad request', detail: expect.stringContaining('No value was written') });
    expect(res.data.errors).toEqual([
      { path: '30.value', pointer: '/30/value', message: 'bad_number', line: 30, column: 'value' },
      { path: '30.date', pointer: '/30/date', message: 'bad_date', line: 30, column: 'date' },
      { path: '31.measure', pointer: '/31/measure', message: 'unknown_place', line: 31, column: 'measure' },
    ]);
    // The same checks as the import page: the same codes on the same lines.
    const preview = await previewKpiImport(s.ws.id, csv, 'en');
    expect(preview.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual(
      res.data.errors.map((e: { line: number; column: string; message: string }) => `${e.line}:${e.column}:${e.message}`),
    );
    expect(await valueCount(s.ws.id)).toBe(1);
  });

  it('a file without the required columns, or without rows, is refused with the line it names', async () => {
    const s = await setup();
    const missing = await postCsv(s.write.secret, `map,stage,measure,value\nA,B,C,1\n`);
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'kpi_id', message: 'missing_column' }),
      expect.objectContaining({ line: 1, column: 'date', message: 'missing_column' }),
    ]);
    const empty = await postCsv(s.write.secret, `${HEADER}\n`);
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual([{ path: '0', pointer: '/0', message: 'empty_file', line: 0 }]);
    expect(await valueCount(s.ws.id)).toBe(1);
  });

  it('Idempotency-Key: the same file replays the first answer without writing; another file with the key is 422', async () => {
    const s = await setup();
    const csv = `${HEADER}\n${s.npsKpi.id},,,,,2025-03-31,35,\n`;
    const first = await postCsv(s.write.secret, csv, { 'Idempotency-Key': 'nightly-2025-03-31' });
    expect(first.data).toEqual({ received: 1, new: 1, changed: 0, unchanged: 0 });
    await db.delete(kpiValue).where(and(eq(kpiValue.kpiId, s.npsKpi.id), eq(kpiValue.date, '2025-03-31')));
    const replay = await postCsv(s.write.secret, csv, { 'Idempotency-Key': 'nightly-2025-03-31' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.data).toEqual(first.data);
    expect(await valueCount(s.ws.id)).toBe(1); // replayed, not written again
    const other = await postCsv(s.write.secret, csv.replace(',35,', ',36,'), { 'Idempotency-Key': 'nightly-2025-03-31' });
    expect(other.status).toBe(422);
  });

  it('403 for a read token, 415 for another type, 413 over the limit, 400 past 10,000 rows; nothing written', async () => {
    const s = await setup();
    const csv = `${HEADER}\n${s.npsKpi.id},,,,,2025-03-31,35,\n`;
    expect((await postCsv(s.read.secret, csv)).status).toBe(403);
    const plain = await postCsv(s.write.secret, csv, {}, 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.data.detail).toMatch(/text\/csv/);
    const huge = await postCsv(s.write.secret, `${HEADER}\n${'x'.repeat(6 * 1024 * 1024)}`);
    expect(huge.status).toBe(413);
    const many = [HEADER, ...Array.from({ length: MAX_BATCH_VALUES + 1 }, (_, i) => `${s.npsKpi.id},,,,,2020-01-01,${i},`)].join('\n');
    const tooMany = await postCsv(s.write.secret, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.detail).toMatch(/10000 rows/);
    expect(await valueCount(s.ws.id)).toBe(1);
  });
});
