// KPI values in and out as CSV: the template (one row per KPI), the export of current values, and
// the import (validate every row, then write everything in one transaction, or nothing).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { ANALYZE_AFTER_ROWS, analyzeTables } from './table-statistics.server';
import { journeyMap, kpi, kpiValue, measure, stage, workspace } from '#db/schema';
import { dec, type NumberLocale } from '~/domain/decimal';
import {
  parseKpiCsv,
  planImport,
  resolveKpiPlaces,
  toKpiCsv,
  validateKpiRows,
  valueKey,
  type KpiCsvError,
  type KpiCsvRecord,
  type KpiCsvValue,
  type ParsedKpiCsv,
} from '~/domain/kpi-csv';
import type { ValueSource } from '~/domain/vocabulary';
import { actorColumns, recordActivity, type Actor } from './activity.server';
import { latestValues } from './kpi-history.server';
import { announce } from './live.server';
import { kpiWebhookEvents } from './webhook-events.server';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const CHUNK = 1000;

/** Every KPI of the workspace with where it sits: one query. */
async function workspaceKpis(workspaceId: string) {
  return db
    .select({
      id: kpi.id,
      mapName: journeyMap.name,
      stageName: stage.name,
      measureName: measure.name,
      unit: measure.unit,
      target: kpi.targetValue,
    })
    .from(kpi)
    .innerJoin(journeyMap, and(eq(journeyMap.id, kpi.mapId), eq(journeyMap.workspaceId, workspaceId)))
    .innerJoin(stage, and(eq(stage.id, kpi.stageId), eq(stage.workspaceId, workspaceId)))
    .innerJoin(measure, and(eq(measure.id, kpi.measureId), eq(measure.workspaceId, workspaceId)))
    .where(eq(kpi.workspaceId, workspaceId))
    .orderBy(asc(journeyMap.name), asc(stage.position), asc(kpi.position));
}

/** How the file is written for its reader: their language's headers, separator and decimal mark, unit names. */
export interface KpiCsvReader {
  locale: NumberLocale;
  unitName: (unit: string) => string;
}

/** The template: one row per KPI, date and value left for the user to fill in. */
export async function kpiTemplateCsv(workspaceId: string, reader: KpiCsvReader) {
  const rows = await workspaceKpis(workspaceId);
  return toKpiCsv(
    rows.map<KpiCsvRecord>((r) => ({
      kpi_id: r.id,
      map: r.mapName,
      stage: r.stageName,
      measure: r.measureName,
      unit: reader.unitName(r.unit),
      date: '',
      value: '',
      target: r.target ?? '',
    })),
    reader.locale,
  );
}

/** Current values (newest by date) in the template's format: re-importing it changes nothing. */
export async function kpiExportCsv(workspaceId: string, reader: KpiCsvReader) {
  const [rows, latest] = await Promise.all([workspaceKpis(workspaceId), latestValues(workspaceId, null, 1)]);
  return toKpiCsv(
    rows.map<KpiCsvRecord>((r) => {
      const current = latest.get(r.id)?.[0];
      return {
        kpi_id: r.id,
        map: r.mapName,
        stage: r.stageName,
        measure: r.measureName,
        unit: reader.unitName(r.unit),
        date: current?.date ?? '',
        value: current?.value ?? '',
        target: r.target ?? '',
      };
    }),
    reader.locale,
  );
}

export interface ImportPreview {
  rows: number;
  values: number;
  skipped: number;
  created: number;
  updated: number;
  unchanged: number;
  targets: number;
  errors: KpiCsvError[];
  /** The first values the import writes, as the file names their KPIs, for the person to check. */
  sample: { line: number; map: string; stage: string; measure: string; date: string; value: string; change: 'new' | 'changed' }[];
}

const SAMPLE_ROWS = 10;

interface Checked {
  preview: ImportPreview;
  writes: KpiCsvValue[];
  targetWrites: { kpiId: string; target: string }[];
}

async function checkImport(workspaceId: string, text: string, locale: NumberLocale): Promise<Checked> {
  return checkParsed(workspaceId, parseKpiCsv(text), locale);
}

async function checkParsed(workspaceId: string, parsed: ParsedKpiCsv, locale: NumberLocale): Promise<Checked> {
  const empty = { rows: parsed.rows.length, values: 0, skipped: 0, created: 0, updated: 0, unchanged: 0, targets: 0 };
  if (parsed.errors.length) return { preview: { ...empty, errors: parsed.errors, sample: [] }, writes: [], targetWrites: [] };
  // A ';' file comes from a spreadsheet that writes decimal commas, whatever the workspace's language.
  return checkRecords(workspaceId, parsed.rows, parsed.numberLocale ?? locale);
}

/** Checks rows (read from a file, or sent to the API) against the workspace's KPIs and stored values. */
async function checkRecords(workspaceId: string, given: ParsedKpiCsv['rows'], locale: NumberLocale): Promise<Checked> {
  // Rows that name their KPI by map, stage and measure instead of its id: one query for the places.
  const byName = given.some((r) => r.record.kpi_id === '' && (r.record.map !== '' || r.record.stage !== '' || r.record.measure !== ''));
  const places = byName ? resolveKpiPlaces(given, await workspaceKpis(workspaceId)) : { rows: given, errors: [] };
  const records = places.rows;
  // Only ids shaped like uuids reach the query; the rest are unknown by construction.
  const ids = [...new Set(records.map((r) => r.record.kpi_id.toLowerCase()))].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id),
  );
  const known = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .select({ id: kpi.id, target: kpi.targetValue })
      .from(kpi)
      .where(and(eq(kpi.workspaceId, workspaceId), inArray(kpi.id, ids.slice(i, i + CHUNK))));
    for (const r of rows) known.set(r.id, r.target);
  }
  const validated = validateKpiRows(records, { locale, knownKpiIds: new Set(known.keys()) });
  const stored = new Map<string, string>();
  const kpiIds = [...new Set(validated.values.map((v) => v.kpiId))];
  for (let i = 0; i < kpiIds.length; i += CHUNK) {
    const rows = await db
      .select({ kpiId: kpiValue.kpiId, date: kpiValue.date, value: kpiValue.value })
      .from(kpiValue)
      .where(and(eq(kpiValue.workspaceId, workspaceId), inArray(kpiValue.kpiId, kpiIds.slice(i, i + CHUNK))));
    for (const r of rows) stored.set(valueKey(r.kpiId, r.date), r.value);
  }
  const plan = planImport(validated.values, stored);
  const byLine = new Map(records.map((r) => [r.line, r.record]));
  const targetWrites = [...validated.targets]
    .filter(([id, target]) => {
      const before = known.get(id);
      return before === null || before === undefined || !dec(before).eq(target);
    })
    .map(([kpiId, target]) => ({ kpiId, target }));
  return {
    preview: {
      rows: given.length,
      values: validated.values.length,
      skipped: validated.skipped,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      targets: targetWrites.length,
      errors: [...places.errors, ...validated.errors].sort((a, b) => a.line - b.line),
      sample: plan.writes.slice(0, SAMPLE_ROWS).map((v) => {
        const record = byLine.get(v.line);
        const change = stored.has(valueKey(v.kpiId, v.date)) ? ('changed' as const) : ('new' as const);
        return { line: v.line, map: record?.map ?? '', stage: record?.stage ?? '', measure: record?.measure ?? '', date: v.date, value: v.value, change };
      }),
    },
    writes: plan.writes,
    targetWrites,
  };
}

/** Checks the file and reports what an import would do; writes nothing. */
export async function previewKpiImport(workspaceId: string, text: string, locale: NumberLocale) {
  return (await checkImport(workspaceId, text, locale)).preview;
}

/**
 * Imports the file when every row is valid: all values upserted (source 'import') and targets set
 * in one transaction, in chunks; one activity row for the whole import. Values equal to what is
 * stored are not written again, so importing the same file twice changes nothing the second time.
 */
export async function applyKpiImport(workspaceId: string, actorId: string, text: string, locale: NumberLocale) {
  const checked = await checkImport(workspaceId, text, locale);
  if (checked.preview.errors.length) return { imported: false, preview: checked.preview };
  await writeChecked(workspaceId, { userId: actorId }, checked, 'import');
  return { imported: true, preview: checked.preview };
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** A PostgreSQL array literal of checked values (uuids, ISO dates, plain decimals: nothing to quote). */
const pgArray = (items: readonly string[]) => `{${items.join(',')}}`;

/**
 * Every value in one set-based statement, however many: three array parameters unnested into rows,
 * inserted or, for a date the KPI already has, replaced. (One insert of bound rows per 1,000 values
 * cost most of a 10,000-value batch in building the statements and their 50,000 parameters.)
 */
async function upsertValues(tx: Tx, workspaceId: string, writes: readonly KpiCsvValue[], source: ValueSource) {
  const col = (c: { name: string }) => sql.identifier(c.name);
  await tx.execute(sql`
    insert into ${kpiValue} (${col(kpiValue.workspaceId)}, ${col(kpiValue.kpiId)}, ${col(kpiValue.date)}, ${col(kpiValue.value)}, ${col(kpiValue.source)}, ${col(kpiValue.createdAt)})
    select ${workspaceId}::uuid, v.kpi_id, v.date, v.value, ${source}::value_source, now()
    from unnest(${pgArray(writes.map((v) => v.kpiId))}::uuid[], ${pgArray(writes.map((v) => v.date))}::date[], ${pgArray(writes.map((v) => v.value))}::numeric[]) as v(kpi_id, date, value)
    on conflict (${col(kpiValue.kpiId)}, ${col(kpiValue.date)}) do update
      set ${col(kpiValue.value)} = excluded.${col(kpiValue.value)}, ${col(kpiValue.source)} = excluded.${col(kpiValue.source)}, ${col(kpiValue.createdAt)} = excluded.${col(kpiValue.createdAt)}
      -- The kpi_id was checked against this workspace; this keeps a stray row from ever crossing.
      where ${kpiValue}.${col(kpiValue.workspaceId)} = ${workspaceId}::uuid
  `);
}

/**
 * Writes a checked batch in one transaction: values upserted with their source, targets
 * set, one activity row for the whole batch. Nothing to write, nothing written (not even activity).
 */
async function writeChecked(workspaceId: string, actor: Actor, checked: Checked, source: ValueSource) {
  if (checked.writes.length || checked.targetWrites.length) {
    await db.transaction(async (tx) => {
      const webhooks = await kpiWebhookEvents(tx, workspaceId, [...checked.writes.map((v) => v.kpiId), ...checked.targetWrites.map((t) => t.kpiId)]);
      if (checked.writes.length) await upsertValues(tx, workspaceId, checked.writes, source);
      for (const t of checked.targetWrites) {
        await tx
          .update(kpi)
          .set({ targetValue: t.target, version: sql`${kpi.version} + 1` })
          .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.id, t.kpiId)));
      }
      const p = checked.preview;
      await recordActivity(tx, {
        workspaceId,
        ...actorColumns(actor),
        entityType: 'kpi_value',
        entityId: workspaceId,
        action: 'imported',
        summary: `${p.created} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.targets} targets`,
      });
      const kpiIds = [...checked.writes, ...checked.targetWrites].map((w) => w.kpiId);
      await announce(tx, workspaceId, [...kpiIds.map((id) => `kpi:${id}` as const), 'figures']);
      await webhooks.written(
        source,
        checked.writes.map((v) => ({ kpiId: v.kpiId, date: v.date, value: v.value })),
      );
    });
    // A bulk write: fresh statistics for the planner (PGlite never analyses by itself).
    if (checked.writes.length >= ANALYZE_AFTER_ROWS) await analyzeTables(db, ['kpi_value']);
  }
}

/**
 * The API's batch of values: the CSV import's checks and writes for rows sent as JSON, source 'api'.
 * All or nothing: one invalid row and nothing is written. Errors carry the row's index as `line`.
 * A row may name its KPI by map, stage and measure instead of its id, as a CSV row can.
 */
export async function applyKpiValueBatch(
  workspaceId: string,
  actor: Actor,
  rows: readonly { kpi?: string; measure?: string; map?: string; stage?: string; date: string; value: string }[],
) {
  const records = rows.map((r, line) => ({
    line,
    record: { kpi_id: r.kpi ?? '', map: r.map ?? '', stage: r.stage ?? '', measure: r.measure ?? '', unit: '', date: r.date, value: r.value, target: '' },
  }));
  const checked = await checkRecords(workspaceId, records, 'en');
  if (checked.preview.errors.length) return { written: false, preview: checked.preview };
  await writeChecked(workspaceId, actor, checked, 'api');
  return { written: true, preview: checked.preview };
}

/**
 * The API's batch sent as CSV: the import page's file format, parser and checks (numbers read in the
 * workspace's format, errors on the file's lines with the header as line 1, a target column sets
 * targets), written like a JSON batch with source 'api'. All or nothing. A file of more than
 * `maxRows` rows is refused before any check (`tooMany`).
 */
export async function applyKpiValueCsv(workspaceId: string, actor: Actor, text: string, maxRows: number) {
  const parsed = parseKpiCsv(text);
  if (parsed.rows.length > maxRows) return { written: false, tooMany: true, preview: null } as const;
  const [row] = await db.select({ locale: workspace.locale }).from(workspace).where(eq(workspace.id, workspaceId));
  const checked = await checkParsed(workspaceId, parsed, row?.locale ?? 'en');
  if (checked.preview.errors.length) return { written: false, tooMany: false, preview: checked.preview } as const;
  await writeChecked(workspaceId, actor, checked, 'api');
  return { written: true, tooMany: false, preview: checked.preview } as const;
}

/** Errors listed in a preview; the count says how many more there are. */
const SHOWN_ERRORS = 300;

function shown(preview: ImportPreview) {
  return { ...preview, errors: preview.errors.slice(0, SHOWN_ERRORS), errorCount: preview.errors.length };
}

/** The preview step: what an import would do, and the CSV to post back when every row is valid. */
export async function checkCsvUpload(workspaceId: string, csv: string, locale: NumberLocale) {
  const preview = await previewKpiImport(workspaceId, csv, locale);
  return { preview: shown(preview), csv: preview.errors.length === 0 ? csv : null };
}

/** The confirm step: imports when every row is valid (`imported` says whether it did). */
export async function importCsvUpload(workspaceId: string, actorId: string, csv: string, locale: NumberLocale) {
  const outcome = await applyKpiImport(workspaceId, actorId, csv, locale);
  return { preview: shown(outcome.preview), imported: outcome.imported };
}
