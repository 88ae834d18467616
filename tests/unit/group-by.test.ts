import { describe, expect, it } from 'vitest';
import { groupBy } from '~/domain/group-by';

describe('groupBy', () => {
  it('groups rows by key, keeping first-seen key order and row order within a group', () => {
    const rows = [
      { k: 'b', n: 1 },
      { k: 'a', n: 2 },
      { k: 'b', n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.k);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.n)).toEqual([2]);
  });

  it('is empty for no rows', () => {
    expect(groupBy([], () => 'x').size).toBe(0);
  });
});
