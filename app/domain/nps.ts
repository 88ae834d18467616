// Net Promoter Score from raw 0-10 answers (seed 004): 0-6 detractors, 7-8 passives, 9-10 promoters,
// NPS = % promoters - % detractors. Also reads answers pasted as free text.
import { dec, toDecimalString } from './decimal';

/** Places kept on the score: enough that re-deriving it from a displayed value never drifts. */
export const NPS_DP = 4;

export interface NpsResult {
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
  /** -100..100 as a decimal string with at most 4 places; null when there are no answers. */
  nps: string | null;
}

function isAnswer(a: number): boolean {
  return Number.isInteger(a) && a >= 0 && a <= 10;
}

/** @throws RangeError when an answer is not an integer 0..10 (parse text with parseNpsAnswers). */
export function npsFromAnswers(answers: readonly number[]): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const a of answers) {
    if (!isAnswer(a)) throw new RangeError(`NPS answer out of range 0..10: ${a}`);
    if (a >= 9) promoters++;
    else if (a >= 7) passives++;
    else detractors++;
  }
  const total = answers.length;
  const nps =
    total === 0
      ? null
      : toDecimalString(
          dec(promoters - detractors)
            .times(100)
            .div(total),
          NPS_DP,
        );
  return { promoters, passives, detractors, total, nps };
}

export interface NpsParseError {
  /** 0-based position of the token among all tokens read. */
  index: number;
  token: string;
  code: 'not_integer' | 'out_of_range';
  message: string;
}

/**
 * Splits on commas, semicolons and any whitespace. A comma is a separator here, so '7,5' reads as the
 * two answers 7 and 5, which is what a pasted survey column means far more often than a decimal.
 */
export function parseNpsAnswers(text: string): { answers: number[]; errors: NpsParseError[] } {
  const answers: number[] = [];
  const errors: NpsParseError[] = [];
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  tokens.forEach((token, index) => {
    if (!/^\d+$/.test(token)) {
      errors.push({ index, token, code: 'not_integer', message: `"${token}" is not a whole number from 0 to 10` });
      return;
    }
    const value = Number(token);
    if (!isAnswer(value)) {
      errors.push({ index, token, code: 'out_of_range', message: `${token} is outside 0 to 10` });
      return;
    }
    answers.push(value);
  });
  return { answers, errors };
}
