import { describe, expect, it } from 'vitest';
import { chunkStages, PRINT_COLUMN, PRINT_LANE_HEAD, PRINTABLE_WIDTH, stagesPerPage } from '../../app/domain/print-pages';

const stages = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('stagesPerPage', () => {
  it('fits the lane labels and whole stage columns at 100 % in the printable width', () => {
    expect(stagesPerPage('a4')).toBe(4);
    expect(stagesPerPage('a3')).toBe(6);
    for (const paper of ['a4', 'a3'] as const) {
      const n = stagesPerPage(paper);
      expect(PRINT_LANE_HEAD + n * PRINT_COLUMN).toBeLessThanOrEqual(PRINTABLE_WIDTH[paper]);
      expect(PRINT_LANE_HEAD + (n + 1) * PRINT_COLUMN).toBeGreaterThan(PRINTABLE_WIDTH[paper]);
    }
  });
});

describe('chunkStages', () => {
  it.each<[string, number, number, number[][]]>([
    ['no stage: no page', 0, 4, []],
    ['fewer than a page: one page', 3, 4, [[1, 2, 3]]],
    ['exactly a page', 4, 4, [[1, 2, 3, 4]]],
    [
      'the demo map on A4: 4 + 3',
      7,
      4,
      [
        [1, 2, 3, 4],
        [5, 6, 7],
      ],
    ],
    [
      'balanced rather than a lone last stage',
      9,
      4,
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ],
    ['one a page', 3, 1, [[1], [2], [3]]],
    ['a page size below one counts as one', 2, 0, [[1], [2]]],
  ])('%s', (_, n, perPage, expected) => {
    expect(chunkStages(stages(n), perPage)).toEqual(expected);
  });

  it('keeps every stage once, in order, and no page wider than allowed', () => {
    for (let n = 1; n <= 40; n++) {
      for (let perPage = 1; perPage <= 8; perPage++) {
        const chunks = chunkStages(stages(n), perPage);
        expect(chunks.flat()).toEqual(stages(n));
        expect(chunks).toHaveLength(Math.ceil(n / perPage));
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(perPage);
        const sizes = chunks.map((c) => c.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});
