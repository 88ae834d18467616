// CSV rules for KPI values: the template / export columns, reading a file with papaparse, checking
// every row (line and column of each error) and sorting valid values into new / updated / unchanged
// against what is stored. Pure: the caller supplies the workspace's KPI ids and stored values.
import Papa from 'papaparse';
import { toCsv, unescapeCsvText } from './csv';
import { isIsoDate, readStoredDecimal } from './fields';
import { dec, type NumberLocale } from './decimal';

export { isIsoDate };

export const KPI_CSV_COLUMNS = ['kpi_id', 'map', 'stage', 'measure', 'unit', 'date', 'value', 'target'] as const;
export type KpiCsvColumn = (typeof KPI_CSV_COLUMNS)[number];
export type KpiCsvRecord = Record<KpiCsvColumn, string>;

/**
 * The header a reader sees, in the reader's language: a French file says "valeur" and "cible". Both
 * languages' names are read back on import (without case or accents), whatever the workspace.
 */
export const KPI_CSV_HEADERS: Record<NumberLocale, Record<KpiCsvColumn, string>> = {
  en: { kpi_id: 'kpi_id', map: 'map', stage: 'stage', measure: 'measure', unit: 'unit', date: 'date', value: 'value', target: 'target' },
  fr: { kpi_id: 'id_kpi', map: 'parcours', stage: 'étape', measure: 'mesure', unit: 'unité', date: 'date', value: 'valeur', target: 'cible' },
};

const headerKey = (name: string) =>
  name
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const COLUMN_BY_HEADER = new Map<string, KpiCsvColumn>(
  Object.values(KPI_CSV_HEADERS).flatMap((names) => KPI_CSV_COLUMNS.map((c) => [headerKey(names[c]), c] as const)),
);
const TEXT_COLUMNS: ReadonlySet<string> = new Set<KpiCsvColumn>(['map', 'stage', 'measure', 'unit']);

export type KpiCsvErrorCode =
  | 'empty_file'
  | 'missing_column'
  | 'unknown_kpi'
  | 'unknown_place'
  | 'ambiguous_place'
  | 'bad_number'
  | 'bad_date'
  | 'missing_date'
  | 'missing_value'
  | 'duplicate'
  | 'conflicting_target'
  | 'out_of_range';

export interface KpiCsvError {
  /** 1-based line of the file (the header is line 1); 0 for file-level errors. */
  line: number;
  column: KpiCsvColumn | null;
  code: KpiCsvErrorCode;
  /** The offending cell, or the first line for duplicates. */
  value?: string;
}

export interface KpiCsvValue {
  line: number;
  kpiId: string;
  date: string;
  value: string;
}

/** A number typed in a cell, read in the workspace locale by the rule every form uses (numeric(20,6)). */
export function readCsvNumber(cell: string, locale: NumberLocale): { value: string } | { error: 'bad_number' | 'out_of_range' } {
  const read = readStoredDecimal(cell, locale);
  if ('error' in read) return { error: read.error === 'field.range' ? 'out_of_range' : 'bad_number' };
  return read;
}

export interface ParsedKpiCsv {
  rows: { line: number; record: KpiCsvRecord }[];
  errors: KpiCsvError[];
  /**
   * 'fr' when the file separates its columns with ';': spreadsheets that do so write decimal commas
   * ('1,234' is then 1.234, not 1234). Null: read numbers in the workspace's locale.
   */
  numberLocale: NumberLocale | null;
}

/** Reads the file (comma or semicolon separated, with a header row naming the columns in English or French). */
export function parseKpiCsv(text: string): ParsedKpiCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const numberLocale = result.meta.delimiter === ';' ? 'fr' : null;
  const table = result.data;
  const headerIndex = table.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { rows: [], errors: [{ line: 0, column: null, code: 'empty_file' }], numberLocale };
  const header = table[headerIndex]!.map((c) => COLUMN_BY_HEADER.get(headerKey(c)) ?? null);
  const missing = (['kpi_id', 'date', 'value'] as const).filter((c) => !header.includes(c));
  if (missing.length) {
    return { rows: [], errors: missing.map((column) => ({ line: headerIndex + 1, column, code: 'missing_column' as const })), numberLocale };
  }
  const rows: ParsedKpiCsv['rows'] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const record = Object.fromEntries(KPI_CSV_COLUMNS.map((c) => [c, ''])) as KpiCsvRecord;
    header.forEach((name, j) => {
      if (name === null) return;
      const cell = (cells[j] ?? '').trim();
      // Names were written with a leading quote when they could start a formula (toKpiCsv).
      record[name] = TEXT_COLUMNS.has(name) ? unescapeCsvText(cell) : cell;
    });
    rows.push({ line: i + 1, record });
  }
  if (rows.length === 0) return { rows, errors: [{ line: 0, column: null, code: 'empty_file' }], numberLocale };
  return { rows, errors: [], numberLocale };
}

export interface ValidatedKpiCsv {
  values: KpiCsvValue[];
  /** Targets given in the file, per KPI (canonical decimal strings). */
  targets: Map<string, string>;
  /** Rows naming a KPI but with neither date nor value (the template as downloaded). */
  skipped: number;
  errors: KpiCsvError[];
}

/** Where a KPI sits, by the names the template writes beside its id. */
export interface KpiPlace {
  id: string;
  mapName: string;
  stageName: string;
  measureName: string;
}

const placeKey = (map: string, stage: string, measure: string) => [map, stage, measure].map((n) => n.trim().toLocaleLowerCase()).join('\u0000');

/**
 * A row without a kpi_id names its KPI by the template's map, stage and measure columns (compared
 * without case): the id is filled in when exactly one KPI of the workspace sits there. Rows with an
 * id keep it (the names beside it are only for people). The rows that cannot be resolved come back
 * as errors (on the measure column) and are left out of `rows`.
 */
export function resolveKpiPlaces(rows: ParsedKpiCsv['rows'], places: readonly KpiPlace[]): { rows: ParsedKpiCsv['rows']; errors: KpiCsvError[] } {
  const byPlace = new Map<string, string[]>();
  for (const p of places) {
    const key = placeKey(p.mapName, p.stageName, p.measureName);
    byPlace.set(key, [...(byPlace.get(key) ?? []), p.id]);
  }
  const resolved: ParsedKpiCsv['rows'] = [];
  const errors: KpiCsvError[] = [];
  for (const row of rows) {
    const { record } = row;
    if (record.kpi_id !== '' || (record.map === '' && record.stage === '' && record.measure === '')) {
      resolved.push(row);
      continue;
    }
    const ids = byPlace.get(placeKey(record.map, record.stage, record.measure)) ?? [];
    const value = `${record.map} / ${record.stage} / ${record.measure}`;
    if (ids.length === 1) resolved.push({ line: row.line, record: { ...record, kpi_id: ids[0]! } });
    else errors.push({ line: row.line, column: 'measure', code: ids.length ? 'ambiguous_place' : 'unknown_place', value });
  }
  return { rows: resolved, errors };
}

/**
 * A date cell as ISO (yyyy-mm-dd). ISO is read in every language; a French file may also write
 * dd/mm/yyyy (as French Excel does). Anything else comes back as typed, to be refused as bad_date.
 */
export function csvDate(cell: string, locale: NumberLocale): string {
  const text = cell.trim();
  const french = locale === 'fr' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) : null;
  if (!french) return text;
  const [, d, m, y] = french as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function validateKpiRows(rows: ParsedKpiCsv['rows'], options: { locale: NumberLocale; knownKpiIds: ReadonlySet<string> }): ValidatedKpiCsv {
  const values: KpiCsvValue[] = [];
  const targets = new Map<string, string>();
  const targetLine = new Map<string, number>();
  const seen = new Map<string, number>();
  const errors: KpiCsvError[] = [];
  let skipped = 0;
  for (const { line, record } of rows) {
    const kpiId = record.kpi_id.toLowerCase();
    const date = csvDate(record.date, options.locale);
    const rowErrors: KpiCsvError[] = [];
    if (!options.knownKpiIds.has(kpiId)) rowErrors.push({ line, column: 'kpi_id', code: 'unknown_kpi', value: record.kpi_id });
    let value: string | null = null;
    if (record.value !== '') {
      const read = readCsvNumber(record.value, options.locale);
      if ('error' in read) rowErrors.push({ line, column: 'value', code: read.error, value: record.value });
      else value = read.value;
    }
    if (record.date !== '' && !isIsoDate(date)) rowErrors.push({ line, column: 'date', code: 'bad_date', value: record.date });
    if (date === '' && record.value !== '') rowErrors.push({ line, column: 'date', code: 'missing_date' });
    if (date !== '' && record.value === '') rowErrors.push({ line, column: 'value', code: 'missing_value' });
    if (record.target !== '') {
      const read = readCsvNumber(record.target, options.locale);
      if ('error' in read) rowErrors.push({ line, column: 'target', code: read.error, value: record.target });
      else if (targets.has(kpiId) && !dec(targets.get(kpiId)!).eq(read.value)) {
        rowErrors.push({ line, column: 'target', code: 'conflicting_target', value: String(targetLine.get(kpiId)) });
      } else if (!targets.has(kpiId)) {
        targets.set(kpiId, read.value);
        targetLine.set(kpiId, line);
      }
    }
    if (date !== '' && isIsoDate(date)) {
      const key = `${kpiId}|${date}`;
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push({ line, column: 'date', code: 'duplicate', value: String(first) });
      else seen.set(key, line);
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (date === '' && record.value === '') skipped++;
    else values.push({ line, kpiId, date, value: value! });
  }
  return { values, targets, skipped, errors };
}

export interface ImportPlan {
  /** Values to write (new or changed). */
  writes: KpiCsvValue[];
  created: number;
  updated: number;
  unchanged: number;
}

export const valueKey = (kpiId: string, date: string) => `${kpiId}|${date}`;

/** Compares the file with stored values (keyed by valueKey) so a second import writes nothing. */
export function planImport(values: readonly KpiCsvValue[], stored: ReadonlyMap<string, string>): ImportPlan {
  const writes: KpiCsvValue[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const v of values) {
    const before = stored.get(valueKey(v.kpiId, v.date));
    if (before === undefined) {
      created++;
      writes.push(v);
    } else if (dec(before).eq(v.value)) {
      unchanged++;
    } else {
      updated++;
      writes.push(v);
    }
  }
  return { writes, created, updated, unchanged };
}

/**
 * The template / export file in the reader's conventions: a header in their language and one row per
 * record (text cells escaped, numbers with the locale's decimal mark and ';' columns in French, see
 * csv.ts). Dates stay ISO, which every spreadsheet reads as a date.
 */
export function toKpiCsv(records: readonly KpiCsvRecord[], locale: NumberLocale = 'en'): string {
  const header = KPI_CSV_COLUMNS.map((c) => KPI_CSV_HEADERS[locale][c]);
  return toCsv([header, ...records.map((r) => KPI_CSV_COLUMNS.map((c) => r[c]))], { newline: '\n', finalNewline: true, bom: true, locale });
}
