// What a page reads from an action's answer (see server/result.server.ts `reply`): which form it
// answers (`intent`, and `rowId` for one form per row), and how it went. Components pick the Conform
// `lastResult` of their own form here, so an error shows beside the form that was submitted.
import type { SubmissionResult } from '@conform-to/react';

export interface ActionReply {
  intent: string;
  status: 'done' | 'invalid' | 'stale';
  rowId?: string;
  result?: SubmissionResult<string[]>;
}

/** The answer, when it answers this intent (one of them) and, for a row form, this row. */
export function replyFor(reply: ActionReply | undefined, intent: string | readonly string[], rowId?: string): ActionReply | undefined {
  if (!reply) return undefined;
  const intents: readonly string[] = typeof intent === 'string' ? [intent] : intent;
  if (!intents.includes(reply.intent)) return undefined;
  if (rowId !== undefined && reply.rowId !== rowId) return undefined;
  return reply;
}

/** Conform's `lastResult` for this form: the refused submission that came from it, if any. */
export function lastResultFor(reply: ActionReply | undefined, intent: string | readonly string[], rowId?: string) {
  const mine = replyFor(reply, intent, rowId);
  return mine?.status === 'invalid' ? mine.result : undefined;
}
