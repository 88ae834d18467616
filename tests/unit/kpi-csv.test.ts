import { describe, expect, it } from 'vitest';
import { isIsoDate, parseKpiCsv, planImport, readCsvNumber, resolveKpiPlaces, toKpiCsv, validateKpiRows, valueKey, type KpiCsvRecord } from '~/domain/kpi-csv';
import type { Locale } from '~/domain/vocabulary';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const known = new Set([A, B]);

function check(csv: string, locale: Locale = 'en') {
  const parsed = parseKpiCsv(csv);
  return { parsed, ...validateKpiRows(parsed.rows, { locale, knownKpiIds: known }) };
}

describe('isIsoDate', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['31/01/2025', false],
    ['2025-1-31', false],
    ['', false],
  ])('%s -> %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('dates of a French file', () => {
  it('a French file may write dd/mm/yyyy (as French Excel does); an English one must write ISO', () => {
    const csv = ['kpi_id;date;value', `${A};01/12/2026;31,5`, `${B};2026-11-30;12`, `${A};31/02/2026;1`].join('\n');
    const fr = check(csv, 'fr');
    expect(fr.values.map((v) => [v.date, v.value])).toEqual([
      ['2026-12-01', '31.5'],
      ['2026-11-30', '12'],
    ]);
    // 31 February does not exist: refused with what was typed.
    expect(fr.errors).toEqual([{ line: 4, column: 'date', code: 'bad_date', value: '31/02/2026' }]);
    const en = check(['kpi_id,date,value', `${A},01/12/2026,31.5`].join('\n'), 'en');
    expect(en.errors).toEqual([{ line: 2, column: 'date', code: 'bad_date', value: '01/12/2026' }]);
  });
});

describe('readCsvNumber', () => {
  it.each([
    ['8.5', 'fr', '8.5'],
    ['8,5', 'fr', '8.5'],
    ['1 234,5', 'fr', '1234.5'],
    ['1,234', 'en', '1234'],
    ['-3', 'en', '-3'],
    ['0.1234567', 'en', '0.123457'],
  ] as const)('%s (%s) -> %s', (cell, locale, value) => expect(readCsvNumber(cell, locale)).toEqual({ value }));
  it('refuses words and overflowing numbers', () => {
    expect(readCsvNumber('abc', 'en')).toEqual({ error: 'bad_number' });
    expect(readCsvNumber('1e5', 'en')).toEqual({ error: 'bad_number' });
    expect(readCsvNumber('100000000000000', 'en')).toEqual({ error: 'out_of_range' });
  });
});

describe('parseKpiCsv', () => {
  it('reads comma or semicolon files with any column order, a BOM and blank lines; lines count from the header', () => {
    const { rows, errors } = parseKpiCsv(`\uFEFFvalue;date;kpi_id\n\n"8,5";2025-01-31;${A}\n`);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 3, record: expect.objectContaining({ kpi_id: A, date: '2025-01-31', value: '8,5', target: '' }) }]);
  });
  it('names missing columns and empty files', () => {
    expect(parseKpiCsv('kpi_id,value\n1,2').errors).toEqual([{ line: 1, column: 'date', code: 'missing_column' }]);
    expect(parseKpiCsv('').errors).toEqual([{ line: 0, column: null, code: 'empty_file' }]);
    expect(parseKpiCsv('kpi_id,date,value\n').errors).toEqual([{ line: 0, column: null, code: 'empty_file' }]);
  });
});

describe('validateKpiRows', () => {
  it('keeps valid values, skips rows without date and value, collects targets', () => {
    const r = check(`kpi_id,date,value,target\n${A},2025-01-31,30,42\n${A},2025-02-28,32,42\n${B},,,7\n`);
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual([
      { line: 2, kpiId: A, date: '2025-01-31', value: '30' },
      { line: 3, kpiId: A, date: '2025-02-28', value: '32' },
    ]);
    expect(r.skipped).toBe(1);
    expect([...r.targets]).toEqual([
      [A, '42'],
      [B, '7'],
    ]);
  });
  it('reports each problem with its line and column', () => {
    const r = check(
      [
        'kpi_id,date,value,target',
        `${A.toUpperCase()},2025-01-31,30,`,
        `${A},2025-01-31,31,`,
        `nope,2025-01-31,1,`,
        `${B},2025-02-30,1,`,
        `${B},,1,`,
        `${B},2025-03-31,,`,
        `${B},2025-04-30,x,y`,
        `${A},2025-05-31,1,40`,
        `${A},2025-06-30,1,41`,
      ].join('\n'),
    );
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [3, 'date', 'duplicate', '2'],
      [4, 'kpi_id', 'unknown_kpi', 'nope'],
      [5, 'date', 'bad_date', '2025-02-30'],
      [6, 'date', 'missing_date', undefined],
      [7, 'value', 'missing_value', undefined],
      [8, 'value', 'bad_number', 'x'],
      [8, 'target', 'bad_number', 'y'],
      [10, 'target', 'conflicting_target', '9'],
    ]);
    expect(r.values.map((v) => v.line)).toEqual([2, 9]);
  });
});

describe('planImport', () => {
  it('sorts values into new, updated and unchanged against what is stored (numerically)', () => {
    const values = [
      { line: 2, kpiId: A, date: '2025-01-31', value: '30' },
      { line: 3, kpiId: A, date: '2025-02-28', value: '32' },
      { line: 4, kpiId: B, date: '2025-02-28', value: '8.5' },
    ];
    const stored = new Map([
      [valueKey(A, '2025-01-31'), '30.000000'],
      [valueKey(B, '2025-02-28'), '9.000000'],
    ]);
    const plan = planImport(values, stored);
    expect(plan).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(plan.writes.map((w) => w.line)).toEqual([3, 4]);
  });
});

describe('toKpiCsv', () => {
  it('writes the header and quotes cells that need it, and reads back the same', () => {
    const record: KpiCsvRecord = {
      kpi_id: A,
      map: 'Support, renouvellement',
      stage: 'Résolution',
      measure: 'Taux "churn"',
      unit: '%',
      date: '',
      value: '',
      target: '7',
    };
    const csv = toKpiCsv([record]);
    // A byte-order mark first, so that Excel reads the accents as UTF-8.
    expect(csv.split('\n')[0]).toBe('\uFEFFkpi_id,map,stage,measure,unit,date,value,target');
    expect(parseKpiCsv(csv).rows[0]!.record).toEqual(record);
  });

  it('writes a French file for a French reader (French headers, ";" and decimal commas) that reads back the same', () => {
    const record: KpiCsvRecord = {
      kpi_id: A,
      map: 'Parcours',
      stage: 'Étape 1',
      measure: 'NPS',
      unit: 'points',
      date: '2026-12-01',
      value: '42.500000',
      target: '1234.5',
    };
    const csv = toKpiCsv([record], 'fr');
    const [header, line] = csv.split('\n');
    expect(header).toBe('\uFEFFid_kpi;parcours;étape;mesure;unité;date;valeur;cible');
    // Trailing zeros dropped, decimal commas: French Excel opens each value as a number in its column.
    expect(line).toBe(`${A};Parcours;Étape 1;NPS;points;2026-12-01;42,5;1234,5`);
    const parsed = parseKpiCsv(csv);
    expect(parsed.numberLocale).toBe('fr');
    expect(parsed.rows[0]!.record).toEqual({ ...record, value: '42,5', target: '1234,5' });
    // Read in an English workspace, the ';' file still means 1234.5, not 12345.
    const validated = validateKpiRows(parsed.rows, { locale: parsed.numberLocale ?? 'en', knownKpiIds: new Set([A]) });
    expect(validated.values[0]!.value).toBe('42.5');
    expect(validated.targets.get(A)).toBe('1234.5');
  });

  it('reads headers in either language, without case or accents', () => {
    const parsed = parseKpiCsv(`ID_KPI,Etape,Valeur,DATE\n${A},Support,3,2026-01-02\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.numberLocale).toBeNull();
    expect(parsed.rows[0]!.record).toMatchObject({ kpi_id: A, stage: 'Support', value: '3', date: '2026-01-02' });
  });
});

describe('resolveKpiPlaces', () => {
  const places = [
    { id: A, mapName: 'Parcours client', stageName: 'Onboarding', measureName: 'NPS' },
    { id: B, mapName: 'Parcours client', stageName: 'Support', measureName: 'NPS' },
    { id: B, mapName: 'Twice', stageName: 'Here', measureName: 'NPS' },
    { id: A, mapName: 'Twice', stageName: 'Here', measureName: 'NPS' },
  ];
  it('fills the id of a row that names its KPI by map, stage and measure (without case); rows with an id keep it', () => {
    const parsed = parseKpiCsv(
      `kpi_id,map,stage,measure,date,value\n,parcours CLIENT, support ,nps,2025-01-31,1\n${A},Parcours client,Support,NPS,2025-01-31,2\n,Nowhere,Support,NPS,2025-01-31,3\n,Twice,Here,NPS,2025-01-31,4\n`,
    );
    const { rows, errors } = resolveKpiPlaces(parsed.rows, places);
    expect(rows.map((r) => [r.line, r.record.kpi_id])).toEqual([
      [2, B],
      [3, A],
    ]);
    expect(errors).toEqual([
      { line: 4, column: 'measure', code: 'unknown_place', value: 'Nowhere / Support / NPS' },
      { line: 5, column: 'measure', code: 'ambiguous_place', value: 'Twice / Here / NPS' },
    ]);
  });
});

describe('the template and export for a spreadsheet', () => {
  it('write stored decimals without trailing zeros ("42.000000" -> "42")', () => {
    const csv = toKpiCsv([{ kpi_id: A, map: 'M', stage: 'S', measure: 'NPS', unit: 'pts', date: '2026-01-31', value: '31.500000', target: '42.000000' }]);
    expect(csv.split('\n')[1]).toBe(`${A},M,S,NPS,pts,2026-01-31,31.5,42`);
  });
});
