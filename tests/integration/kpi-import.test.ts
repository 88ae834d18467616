import { and, count, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, kpi, kpiValue } from '../../db/schema';
import * as checkRoute from '~/routes/w.$slug.kpis.check';
import * as exportRoute from '~/routes/w.$slug.kpis.export';
import * as importRoute from '~/routes/w.$slug.kpis.import/route';
import * as templateRoute from '~/routes/w.$slug.kpis.template';
import { placeKpi } from '~/server/kpis.server';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale: 'fr' });
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const fixture = await makeMapWithKpiLane(ws.id);
  const kpiIds: string[] = [];
  for (const [i, name] of ['NPS', 'Taux de churn'].entries()) {
    const placedResult = await placeKpi(ws.id, owner.id, { mapId: fixture.map.id, laneId: fixture.lane.id, stageId: fixture.stages[i]!.id }, { name });
    if (placedResult.status !== 'ok') throw new Error('placing failed');
    const placed = placedResult.value;
    kpiIds.push(placed.kpiId);
  }
  return { owner, viewer, ws, ...fixture, kpiIds };
}

type Setup = Awaited<ReturnType<typeof setup>>;

function upload(s: Setup, csv: string, intent: 'preview' | 'import', user = s.owner, slug = s.ws.slug) {
  const form = new FormData();
  form.set('intent', intent);
  form.set('file', new File([csv], 'values.csv', { type: 'text/csv' }));
  return call(importRoute.action, { request: request(`/w/${slug}/kpis/import`, { user, body: form }), params: { slug } });
}

const storedValues = async (workspaceId: string) => {
  const [row] = await db.select({ n: count() }).from(kpiValue).where(eq(kpiValue.workspaceId, workspaceId));
  return row!.n;
};

const csvOf = (rows: string[][]) => ['kpi_id,map,stage,measure,unit,date,value,target', ...rows.map((r) => r.join(','))].join('\n');

describe('CSV template and export', () => {
  it('the template lists every KPI with empty date and value; the export carries current values', async () => {
    const s = await setup();
    const template = await call(templateRoute.loader, { request: request(`/w/${s.ws.slug}/kpis/template`, { user: s.viewer }), params: { slug: s.ws.slug } });
    expect(template.status).toBe(200);
    expect(template.headers.get('Content-Type')).toMatch(/text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(template.data as string, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['kpi_id', 'map', 'stage', 'measure', 'unit', 'date', 'value', 'target']);
    expect(parsed.data.map((r) => [r.kpi_id, r.stage, r.measure, r.date, r.value])).toEqual([
      [s.kpiIds[0], 'Discovery', 'NPS', '', ''],
      [s.kpiIds[1], 'Onboarding', 'Taux de churn', '', ''],
    ]);
    await db.insert(kpiValue).values([
      { workspaceId: s.ws.id, kpiId: s.kpiIds[0]!, date: '2025-01-31', value: '30' },
      { workspaceId: s.ws.id, kpiId: s.kpiIds[0]!, date: '2025-02-28', value: '32' },
    ]);
    const exported = await call(exportRoute.loader, { request: request(`/w/${s.ws.slug}/kpis/export`, { user: s.viewer }), params: { slug: s.ws.slug } });
    const rows = Papa.parse<Record<string, string>>(exported.data as string, { header: true, skipEmptyLines: true }).data;
    expect(rows[0]).toMatchObject({ kpi_id: s.kpiIds[0], date: '2025-02-28' });
    expect(rows[0]!.value).toMatch(/^32/);
    // Re-importing the export changes nothing.
    const again = await upload(s, exported.data as string, 'import');
    expect(again.data.preview).toMatchObject({ created: 0, updated: 0, unchanged: 1, skipped: 1 });
  });

  it('a French reader gets French headers, ";" columns and decimal commas, and the filled-in file imports into an English workspace', async () => {
    const owner = await makeUser({ locale: 'fr' });
    const ws = await makeWorkspace(owner, { locale: 'en' });
    const fixture = await makeMapWithKpiLane(ws.id);
    const placed = await placeKpi(
      ws.id,
      owner.id,
      { mapId: fixture.map.id, laneId: fixture.lane.id, stageId: fixture.stages[0]!.id },
      { name: 'Handling time' },
    );
    if (placed.status !== 'ok') throw new Error('placing failed');
    const template = await call(templateRoute.loader, { request: request(`/w/${ws.slug}/kpis/template`, { user: owner }), params: { slug: ws.slug } });
    const text = template.data as string;
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['id_kpi', 'parcours', 'étape', 'mesure', 'unité', 'date', 'valeur', 'cible']);
    expect(parsed.data[0]).toMatchObject({ id_kpi: placed.value.kpiId, mesure: 'Handling time' });
    expect(parsed.data[0]!['unité']).not.toMatch(/^(count|pts|seconds)$/);
    // Filled in as French Excel saves it: dd/mm/yyyy and a decimal comma. 1 234,5 is read as 1234.5.
    const filled = text.replace(/;;;$/m, `;01/12/2026;1 234,5;`);
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new File([filled], 'valeurs.csv', { type: 'text/csv' }));
    const imported = await call(importRoute.action, { request: request(`/w/${ws.slug}/kpis/import`, { user: owner, body: form }), params: { slug: ws.slug } });
    expect(imported.data.preview).toMatchObject({ created: 1, errorCount: 0 });
    const [stored] = await db.select({ date: kpiValue.date, value: kpiValue.value }).from(kpiValue).where(eq(kpiValue.workspaceId, ws.id));
    expect(stored).toMatchObject({ date: '2026-12-01' });
    expect(Number(stored!.value)).toBe(1234.5);
  });
});

describe('CSV import', () => {
  it('the check route (used for upload progress) answers the preview as JSON and writes nothing', async () => {
    const s = await setup();
    const check = (csv: string, user = s.owner) => {
      const form = new FormData();
      form.set('file', new File([csv], 'values.csv', { type: 'text/csv' }));
      return call(checkRoute.action, { request: request(`/w/${s.ws.slug}/kpis/check`, { user, body: form }), params: { slug: s.ws.slug } });
    };
    const good = await check(csvOf([[s.kpiIds[0]!, '', '', '', '', '2025-01-31', '30', '']]));
    expect(good.status).toBe(200);
    expect(good.headers.get('Content-Type')).toMatch(/application\/json/);
    expect(good.data).toMatchObject({ preview: { created: 1, errorCount: 0 }, csv: expect.stringContaining('2025-01-31') });
    const bad = await check(csvOf([[s.kpiIds[0]!, '', '', '', '', 'yesterday', '30', '']]));
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ preview: { errorCount: 1, errors: [{ line: 2, column: 'date', code: 'bad_date' }] }, csv: null });
    expect((await check('kpi_id,date,value\n' + 'x'.repeat(5 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await check('kpi_id,date,value\n', s.viewer)).status).toBe(403);
    expect(await storedValues(s.ws.id)).toBe(0);
  });

  it('previews without writing, then imports all rows in one go; the same file twice changes nothing', async () => {
    const s = await setup();
    const [nps, churn] = s.kpiIds as [string, string];
    const csv = csvOf([
      [nps, 'Subscription', 'Discovery', 'NPS', 'pts', '2025-01-31', '30', '42'],
      [nps, 'Subscription', 'Discovery', 'NPS', 'pts', '2025-02-28', '32', '42'],
      [churn, 'Subscription', 'Onboarding', 'Taux de churn', '%', '2025-02-28', '"8,5"', '7'],
      [churn, 'Subscription', 'Onboarding', 'Taux de churn', '%', '', '', ''],
    ]);
    const preview = await upload(s, csv, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.data.preview).toMatchObject({ rows: 4, values: 3, skipped: 1, created: 3, updated: 0, unchanged: 0, targets: 2, errorCount: 0 });
    expect(preview.data.csv).toBe(csv);
    expect(await storedValues(s.ws.id)).toBe(0);

    const first = await upload(s, csv, 'import');
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ imported: true, preview: { created: 3, updated: 0, unchanged: 0 } });
    const rows = await db.select().from(kpiValue).where(eq(kpiValue.kpiId, churn));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2025-02-28', source: 'import' });
    expect(rows[0]!.value).toMatch(/^8\.50*$/);
    const [target] = await db.select({ t: kpi.targetValue, v: kpi.version }).from(kpi).where(eq(kpi.id, churn));
    expect(target!.t).toMatch(/^7(\.0+)?$/);

    const second = await upload(s, csv, 'import');
    expect(second.data.preview).toMatchObject({ created: 0, updated: 0, unchanged: 3, targets: 0 });
    const [after] = await db.select({ v: kpi.version }).from(kpi).where(eq(kpi.id, churn));
    expect(after!.v).toBe(target!.v);
    expect(await storedValues(s.ws.id)).toBe(3);

    // A changed value updates in place (one value per KPI and date).
    const changed = await upload(s, csvOf([[nps, '', '', '', '', '2025-02-28', '33', '']]), 'import');
    expect(changed.data.preview).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await storedValues(s.ws.id)).toBe(3);
    const imports = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.action, 'imported')));
    // One activity row per import that wrote something; the idempotent one wrote nothing.
    expect(imports.map((a) => a.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^3 new, 0 updated, 0 unchanged/), expect.stringMatching(/^0 new, 1 updated/)]),
    );
    expect(imports).toHaveLength(2);
  });

  it('reports every error by line and column and writes nothing when one row is wrong', async () => {
    const s = await setup();
    const [nps, churn] = s.kpiIds as [string, string];
    const csv = csvOf([
      [nps, '', '', '', '', '2025-01-31', '30', ''],
      [nps, '', '', '', '', '2025-13-01', '31', ''],
      [churn, '', '', '', '', '2025-01-31', 'beaucoup', ''],
      ['00000000-0000-4000-8000-000000000000', '', '', '', '', '2025-01-31', '1', ''],
      ['not-an-id', '', '', '', '', '2025-01-31', '1', ''],
      [nps, '', '', '', '', '2025-01-31', '30', ''],
      [churn, '', '', '', '', '2025-02-28', '', ''],
    ]);
    const res = await upload(s, csv, 'import');
    expect(res.status).toBe(400);
    expect(res.data.preview.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [3, 'date', 'bad_date'],
      [4, 'value', 'bad_number'],
      [5, 'kpi_id', 'unknown_kpi'],
      [6, 'kpi_id', 'unknown_kpi'],
      [7, 'date', 'duplicate'],
      [8, 'value', 'missing_value'],
    ]);
    expect(await storedValues(s.ws.id)).toBe(0);
    const noColumns = await upload(s, 'id;when;what\n1;2;3', 'preview');
    expect(noColumns.status).toBe(400);
    expect(noColumns.data.preview.errors.map((e: { code: string; column: string }) => `${e.code}:${e.column}`)).toEqual([
      'missing_column:kpi_id',
      'missing_column:date',
      'missing_column:value',
    ]);
    const empty = await call(importRoute.action, {
      request: request(`/w/${s.ws.slug}/kpis/import`, { user: s.owner, form: { intent: 'preview' } }),
      params: { slug: s.ws.slug },
    });
    expect(empty.status).toBe(400);
  });

  it("refuses another workspace's KPI ids as unknown and writes nothing in either workspace", async () => {
    const s = await setup();
    const other = await setup();
    const csv = csvOf([
      [s.kpiIds[0]!, '', '', '', '', '2025-01-31', '30', ''],
      [other.kpiIds[0]!, '', '', '', '', '2025-01-31', '99', ''],
    ]);
    const res = await upload(s, csv, 'import');
    expect(res.status).toBe(400);
    expect(res.data.preview.errors).toEqual([{ line: 3, column: 'kpi_id', code: 'unknown_kpi', value: other.kpiIds[0] }]);
    expect(await storedValues(s.ws.id)).toBe(0);
    expect(await storedValues(other.ws.id)).toBe(0);
  });

  it('imports 10,000 rows in one transaction', async () => {
    const s = await setup();
    const start = Date.UTC(2000, 0, 1);
    const rows: string[][] = [];
    for (let i = 0; i < 5000; i++) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      for (const id of s.kpiIds) rows.push([id, 'Subscription', 'Stage', 'Measure', 'pts', date, `${i % 97}.5`, i === 4999 ? '70' : '']);
    }
    const csv = csvOf(rows);

    // Row 9,999 passes every check but the database refuses it (a trigger installed for this test):
    // the nine chunks of 1,000 written before it, the targets and the activity row must all go.
    const [failingKpi, , , , , failingDate] = rows[9_998]!;
    await db.execute(
      sql.raw(`create function refuse_row_9999() returns trigger language plpgsql as $$
        begin
          if new.kpi_id = '${failingKpi}' and new.date = '${failingDate}' then raise exception 'row 9999 refused'; end if;
          return new;
        end $$`),
    );
    await db.execute(sql.raw('create trigger refuse_row_9999 before insert on kpi_value for each row execute function refuse_row_9999()'));
    try {
      const failure = await upload(s, csv, 'import').then(
        () => new Error('the import succeeded'),
        (error: Error) => error,
      );
      // drizzle wraps the database's error ("Failed query: ...") and keeps it as the cause.
      expect(String(failure.cause ?? failure)).toMatch(/row 9999 refused/);
    } finally {
      await db.execute(sql.raw('drop trigger refuse_row_9999 on kpi_value'));
      await db.execute(sql.raw('drop function refuse_row_9999()'));
    }
    expect(await storedValues(s.ws.id)).toBe(0);
    expect((await db.select({ target: kpi.targetValue }).from(kpi).where(eq(kpi.workspaceId, s.ws.id))).map((k) => k.target)).toEqual([null, null]);
    expect(
      await db
        .select()
        .from(activity)
        .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.action, 'imported'))),
    ).toEqual([]);

    const begun = Date.now();
    const res = await upload(s, csv, 'import');
    const elapsed = Date.now() - begun;
    expect(res.status).toBe(200);
    expect(res.data.preview).toMatchObject({ rows: 10_000, created: 10_000, targets: 2 });
    expect(await storedValues(s.ws.id)).toBe(10_000);
    expect((await db.select({ target: kpi.targetValue }).from(kpi).where(eq(kpi.workspaceId, s.ws.id))).map((k) => Number(k.target))).toEqual([70, 70]);
    const again = await upload(s, csv, 'import');
    expect(again.data.preview).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    console.info(`10,000-row import: ${elapsed} ms (first run), ${Date.now() - begun - elapsed} ms (idempotent re-run)`);
  }, 120_000);

  it('refuses files over 5 MB with 413, viewers with 403, strangers with 404', async () => {
    const s = await setup();
    const big = 'kpi_id,date,value\n' + 'x'.repeat(5 * 1024 * 1024 + 10);
    const tooLarge = await upload(s, big, 'preview');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.data).toMatchObject({ status: 'invalid', message: 'measures.fileTooLarge' });
    const declaredLarge = await call(importRoute.action, {
      request: request(`/w/${s.ws.slug}/kpis/import`, { user: s.owner, form: { intent: 'preview' }, headers: { 'Content-Length': String(6 * 1024 * 1024) } }),
      params: { slug: s.ws.slug },
    });
    expect(declaredLarge.status).toBe(413);
    const csv = csvOf([[s.kpiIds[0]!, '', '', '', '', '2025-01-31', '30', '']]);
    expect((await upload(s, csv, 'import', s.viewer)).status).toBe(403);
    const stranger = await makeUser();
    await makeWorkspace(stranger);
    expect((await upload(s, csv, 'import', stranger)).status).toBe(404);
    for (const route of [templateRoute, exportRoute, importRoute]) {
      const res = await call(route.loader, { request: request(`/w/${s.ws.slug}/kpis/template`, { user: stranger }), params: { slug: s.ws.slug } });
      expect(res.status).toBe(404);
    }
    expect(await storedValues(s.ws.id)).toBe(0);
  });
});
