import { describe, expect, it } from 'vitest';
import { dedupeByDate, groupHistory } from '~/domain/value-history';

describe('groupHistory', () => {
  it('groups value rows per KPI, keeping the order given', () => {
    const history = groupHistory([
      { kpiId: 'a', date: '2026-01-01', value: '30' },
      { kpiId: 'b', date: '2026-01-01', value: '7' },
      { kpiId: 'a', date: '2026-02-01', value: '32' },
    ]);
    expect([...history.keys()]).toEqual(['a', 'b']);
    expect(history.get('a')).toEqual([
      { date: '2026-01-01', value: '30' },
      { date: '2026-02-01', value: '32' },
    ]);
    expect(history.get('b')).toEqual([{ date: '2026-01-01', value: '7' }]);
  });

  it('gives an empty map for no rows', () => {
    expect(groupHistory([]).size).toBe(0);
  });
});

describe('dedupeByDate', () => {
  it('keeps one value per date, the later line winning, in first-seen date order', () => {
    const rows = [
      { date: '2026-01-01', value: '1' },
      { date: '2026-02-01', value: '2' },
      { date: '2026-01-01', value: '3' },
    ];
    expect(dedupeByDate(rows)).toEqual([
      { date: '2026-01-01', value: '3' },
      { date: '2026-02-01', value: '2' },
    ]);
  });
});
