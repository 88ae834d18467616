// Writing CSV files, the one way every export does it (summary, business case, KPI template and
// values). A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or
// a carriage return) is written with a leading single quote, so `=HYPERLINK(...)` in a measure name
// opens as text, not as a live link (OWASP "CSV injection"). Numbers are left as they are: numeric
// values (JS numbers, or the plain decimal strings the app writes to keep every digit, e.g. "-12.5")
// cannot hold a formula, and the KPI import must read them back.
import Papa from 'papaparse';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The cell as written: text that could start a formula gets a leading quote. */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) return `'${cell}`;
  return cell;
}

/** Reads back a text cell written by escapeCsvCell (a quote followed by a formula start is dropped). */
export function unescapeCsvText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvOptions {
  /** Starts the file with a byte-order mark so that Excel reads UTF-8. */
  bom?: boolean;
  /**
   * The reader's conventions: French spreadsheets split columns on ';' and read '12,5' as a number,
   * so a French export uses both. Default: ',' and '12.5'.
   */
  locale?: 'en' | 'fr';
  newline?: '\r\n' | '\n';
  /** Ends the file with a newline. */
  finalNewline?: boolean;
}

/** A number as a spreadsheet reads it: no trailing zeros ("42.000000" -> "42"), the locale's decimal mark. */
function numberCell(cell: string, locale: 'en' | 'fr') {
  const trimmed = /[.]\d*$/.test(cell) && !/[eE]/.test(cell) ? cell.replace(/0+$/, '').replace(/[.]$/, '') : cell;
  return locale === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

/** The rows as one CSV text, every cell through escapeCsvCell; numbers written for the reader's locale. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const newline = options.newline ?? '\r\n';
  const locale = options.locale ?? 'en';
  const cell = (value: CsvCell) => {
    const text = escapeCsvCell(value);
    return typeof value === 'number' || PLAIN_NUMBER.test(text) ? numberCell(text, locale) : text;
  };
  const text = Papa.unparse(
    rows.map((row) => row.map(cell)),
    { newline, delimiter: locale === 'fr' ? ';' : ',', escapeFormulae: false },
  );
  return `${options.bom ? '\uFEFF' : ''}${text}${options.finalNewline ? newline : ''}`;
}

/** A safe ASCII file name for Content-Disposition ("Refonte du parcours" -> "refonte-du-parcours"). */
export function csvFileName(name: string) {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'export';
}
