import { describe, expect, it } from 'vitest';
import { npsFromAnswers, parseNpsAnswers, type NpsResult } from '../../app/domain/nps';

describe('npsFromAnswers', () => {
  it.each<[string, number[], NpsResult]>([
    [
      'ten answers: 5 promoters, 2 passives, 3 detractors',
      [10, 10, 9, 9, 9, 8, 7, 6, 3, 0],
      { promoters: 5, passives: 2, detractors: 3, total: 10, nps: '20' },
    ],
    ['ten answers that cancel out', [10, 9, 9, 10, 8, 7, 6, 5, 0, 3], { promoters: 4, passives: 2, detractors: 4, total: 10, nps: '0' }],
    ['a third is kept to 4 places', [10, 9, 8], { promoters: 2, passives: 1, detractors: 0, total: 3, nps: '66.6667' }],
    ['negative score', [0, 0, 10], { promoters: 1, passives: 0, detractors: 2, total: 3, nps: '-33.3333' }],
    ['all promoters', [9, 10, 10], { promoters: 3, passives: 0, detractors: 0, total: 3, nps: '100' }],
    ['all detractors', [0, 6], { promoters: 0, passives: 0, detractors: 2, total: 2, nps: '-100' }],
    ['passives only', [7, 8], { promoters: 0, passives: 2, detractors: 0, total: 2, nps: '0' }],
    ['boundaries 6 / 7 / 8 / 9', [6, 7, 8, 9], { promoters: 1, passives: 2, detractors: 1, total: 4, nps: '0' }],
    ['seven answers', [10, 10, 10, 9, 5, 8, 2], { promoters: 4, passives: 1, detractors: 2, total: 7, nps: '28.5714' }],
    ['no answers', [], { promoters: 0, passives: 0, detractors: 0, total: 0, nps: null }],
  ])('%s', (_name, answers, expected) => {
    expect(npsFromAnswers(answers)).toEqual(expected);
  });

  it.each([[11], [-1], [7.5], [Number.NaN]])('refuses the answer %s', (bad) => {
    expect(() => npsFromAnswers([9, bad])).toThrow(RangeError);
  });
});

describe('parseNpsAnswers', () => {
  it.each<[string, number[]]>([
    ['10, 9; 8\n7\t6  5', [10, 9, 8, 7, 6, 5]],
    ['10\r\n9\r\n0\r\n', [10, 9, 0]],
    ['9,10,', [9, 10]],
    [';;,  ', []],
    ['', []],
    ['7,5', [7, 5]],
  ])('%j reads %j', (text, answers) => {
    expect(parseNpsAnswers(text)).toEqual({ answers, errors: [] });
  });

  it('reports each bad token with its position and keeps the good ones', () => {
    const { answers, errors } = parseNpsAnswers('10, 11 x;-1\n7.5 3');
    expect(answers).toEqual([10, 3]);
    expect(errors.map(({ index, token, code }) => ({ index, token, code }))).toEqual([
      { index: 1, token: '11', code: 'out_of_range' },
      { index: 2, token: 'x', code: 'not_integer' },
      { index: 3, token: '-1', code: 'not_integer' },
      { index: 4, token: '7.5', code: 'not_integer' },
    ]);
    expect(errors.every((e) => e.message.includes(e.token))).toBe(true);
  });
});
