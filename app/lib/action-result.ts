// Reading an action's answer on the page (see server/result.server.ts `reply`): every answer names
// its intent, its status ('done', 'invalid', 'stale', ...) and, where many forms share an intent,
// the row it is about (`rowId`). A form takes the answer meant for it as Conform's lastResult, so an
// error shows beside the form that was submitted and nowhere else.
import type { SubmissionResult } from '@conform-to/react';

/** The shape every action answer shares; answers may carry more (current content, value...). */
export interface ActionReply {
  intent: string;
  status: 'done' | 'invalid' | 'stale' | 'gone';
  rowId?: string;
  result?: SubmissionResult<string[]>;
}

type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

const RESET = new WeakMap<object, SubmissionResult<string[]>>();

/** The answer when it is for this intent (or one of these) and, for a row form, this row. */
export function answerFor<A extends Answer>(answer: A, intent: string | readonly string[], rowId?: string): NonNullable<A> | undefined {
  if (!answer) return undefined;
  const intents: readonly unknown[] = typeof intent === 'string' ? [intent] : intent;
  if (!intents.includes(answer.intent) || (rowId !== undefined && answer.rowId !== rowId)) return undefined;
  return answer as NonNullable<A>;
}

/**
 * Conform's lastResult for the form that sent `answer` (same intent and row): the errors of a
 * refused answer; with `resetOnDone`, a done answer empties the form (one stable object per answer,
 * so the form resets once).
 */
export function lastResultFor(
  answer: Answer,
  intent: string | readonly string[],
  rowId?: string,
  { resetOnDone = false } = {},
): SubmissionResult<string[]> | undefined {
  const mine = answerFor(answer, intent, rowId);
  if (!mine) return undefined;
  if (mine.status === 'done') {
    if (!resetOnDone) return undefined;
    if (!RESET.has(mine)) RESET.set(mine, { initialValue: null });
    return RESET.get(mine);
  }
  return (mine.result as SubmissionResult<string[]> | undefined) ?? undefined;
}
