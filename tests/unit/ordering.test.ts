import { describe, expect, it } from 'vitest';
import { insertAt, moveAcross, moveWithin, normalise, toPositions } from '../../app/domain/ordering';

const abcd = ['a', 'b', 'c', 'd'];

describe('moveWithin', () => {
  it.each<[string, string, number, string[]]>([
    ['down', 'a', 2, ['b', 'c', 'a', 'd']],
    ['to the top', 'd', 0, ['d', 'a', 'b', 'c']],
    ['to the bottom', 'a', 3, ['b', 'c', 'd', 'a']],
    ['onto its own place', 'b', 1, ['a', 'b', 'c', 'd']],
    ['past the end is clamped', 'b', 99, ['a', 'c', 'd', 'b']],
    ['before the start is clamped', 'c', -5, ['c', 'a', 'b', 'd']],
    ['a fractional index is truncated', 'a', 1.7, ['b', 'a', 'c', 'd']],
    ['NaN goes to the end', 'a', Number.NaN, ['b', 'c', 'd', 'a']],
    ['an unknown id changes nothing', 'z', 0, ['a', 'b', 'c', 'd']],
  ])('%s', (_name, id, toIndex, expected) => {
    expect(moveWithin(abcd, id, toIndex)).toEqual(expected);
  });

  it('returns a new array and leaves the input alone', () => {
    const ids = ['a', 'b'];
    const moved = moveWithin(ids, 'z', 0);
    expect(moved).not.toBe(ids);
    moveWithin(ids, 'a', 1);
    expect(ids).toEqual(['a', 'b']);
  });

  it('handles one and zero items', () => {
    expect(moveWithin(['a'], 'a', 5)).toEqual(['a']);
    expect(moveWithin([], 'a', 0)).toEqual([]);
  });
});

describe('moveAcross', () => {
  it.each<[string, string[], string[], string, number, { from: string[]; to: string[] }]>([
    ['into the middle', ['a', 'b', 'c'], ['x', 'y'], 'b', 1, { from: ['a', 'c'], to: ['x', 'b', 'y'] }],
    ['into an empty cell', ['a'], [], 'a', 3, { from: [], to: ['a'] }],
    ['past the end is clamped', ['a', 'b'], ['x', 'y'], 'a', 10, { from: ['b'], to: ['x', 'y', 'a'] }],
    ['before the start is clamped', ['a', 'b'], ['x', 'y'], 'b', -1, { from: ['a'], to: ['b', 'x', 'y'] }],
    ['an id missing from the source changes nothing', ['a'], ['x'], 'z', 0, { from: ['a'], to: ['x'] }],
    ['a stale copy in the target is not duplicated', ['a', 'b'], ['b', 'x'], 'b', 2, { from: ['a'], to: ['x', 'b'] }],
  ])('%s', (_name, from, to, id, toIndex, expected) => {
    expect(moveAcross(from, to, id, toIndex)).toEqual(expected);
  });

  it('treats the same list as a move within it', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveAcross(ids, ids, 'a', 2)).toEqual({ from: ['b', 'c', 'a'], to: ['b', 'c', 'a'] });
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});

describe('insertAt', () => {
  it.each<[string, string[], string, number, string[]]>([
    ['a new id in the middle', ['a', 'b'], 'n', 1, ['a', 'n', 'b']],
    ['a new id at the end', ['a', 'b'], 'n', 2, ['a', 'b', 'n']],
    ['past the end is clamped', ['a', 'b'], 'n', 42, ['a', 'b', 'n']],
    ['before the start is clamped', ['a', 'b'], 'n', -3, ['n', 'a', 'b']],
    ['into an empty list', [], 'n', 0, ['n']],
    ['an id already there is moved, not duplicated', ['a', 'b', 'c'], 'a', 2, ['b', 'c', 'a']],
  ])('%s', (_name, ids, id, index, expected) => {
    expect(insertAt(ids, id, index)).toEqual(expected);
  });
});

describe('normalise', () => {
  it.each<[string, { id: string; position: number }[], string[]]>([
    [
      'already clean',
      [
        { id: 'b', position: 0 },
        { id: 'a', position: 1 },
      ],
      ['b', 'a'],
    ],
    [
      'gaps and shuffled rows',
      [
        { id: 'a', position: 7 },
        { id: 'c', position: -1 },
        { id: 'b', position: 3 },
      ],
      ['c', 'b', 'a'],
    ],
    [
      'ties are broken by id',
      [
        { id: 'z', position: 1 },
        { id: 'y', position: 1 },
        { id: 'zz', position: 0 },
      ],
      ['zz', 'y', 'z'],
    ],
    ['empty', [], []],
  ])('%s', (_name, items, expected) => {
    expect(normalise(items)).toEqual(expected);
  });
});

describe('toPositions', () => {
  it('numbers the ids 0..n-1 in order', () => {
    expect(toPositions(['c', 'a', 'b'])).toEqual([
      { id: 'c', position: 0 },
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });
});
