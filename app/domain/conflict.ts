// A refused save compared: the saved version ("theirs") and the user's ("yours"), field by field, as
// the conflict notice shows them. Only the fields where they differ are listed; values are compared
// as shown (text trimmed, as the server saves it), so "35,5" typed and 35.500000 stored are equal.

export interface ConflictField {
  name: string;
  label: string;
}

export interface ConflictRow {
  name: string;
  label: string;
  theirs: string;
  yours: string;
}

const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value)).trim();

/**
 * The rows of the comparison: each field, in the form's order, whose shown value differs between
 * the saved row and what the user sent. `show` turns a stored or typed value into its text.
 */
export function differingFields(
  fields: readonly ConflictField[],
  theirs: Readonly<Record<string, unknown>>,
  yours: Readonly<Record<string, unknown>>,
  show: (name: string, value: unknown) => string = (_name, value) => plain(value),
): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const { name, label } of fields) {
    const row = { name, label, theirs: show(name, theirs[name]).trim(), yours: show(name, yours[name]).trim() };
    if (row.theirs !== row.yours) rows.push(row);
  }
  return rows;
}
