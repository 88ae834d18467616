// A KPI's dated values as histories: rows grouped per KPI, and the one-value-per-date rule.
import type { ValuePoint } from './kpi';

/** Value rows (in the order given) as each KPI's history. */
export function groupHistory(values: readonly { kpiId: string; date: string; value: string }[]) {
  const history = new Map<string, ValuePoint[]>();
  for (const v of values) {
    let list = history.get(v.kpiId);
    if (!list) history.set(v.kpiId, (list = []));
    list.push({ date: v.date, value: v.value });
  }
  return history;
}

/** One value per date: a later line for the same date replaces the earlier one, as on entry. */
export function dedupeByDate<T extends { date: string }>(values: readonly T[]): T[] {
  return [...new Map(values.map((v) => [v.date, v])).values()];
}
