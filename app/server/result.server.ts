// One result type for every server module that reads or changes an aggregate, and the one place
// where results become responses. Server modules never read a Request and never throw responses:
// they return a Result; routes pass it to `reply`, which answers the same way everywhere:
//   ok        -> { intent, status: 'done', value }                 200
//   invalid   -> { intent, status: 'invalid', result }  (Conform)   400, the message beside its field
//                (409 when it clashes with what is stored: a name taken, a measure in use, the last owner)
//   stale     -> { intent, status: 'stale', current }               409, with the fresh content
//                (replyWithDraft: and what was sent, for forms that compare both in place)
//   notFound  -> thrown 404 for the error boundary (another workspace's id looks like a missing one)
//   forbidden -> thrown 403
import type { SubmissionResult } from '@conform-to/react';
import { data } from '@remix-run/node';
import { forbidden, notFound } from './http.server';

export type Result<T = undefined, C = never> =
  | { status: 'ok'; value: T }
  | { status: 'notFound' }
  | { status: 'forbidden' }
  | { status: 'stale'; current: C }
  | { status: 'invalid'; field: string; message: string; conflict?: true };

export function ok(): Result<undefined, never>;
export function ok<T>(value: T): Result<T, never>;
export function ok<T>(value?: T): Result<T | undefined, never> {
  return { status: 'ok', value };
}

export const NOT_FOUND = { status: 'notFound' } as const satisfies Result<never, never>;
export const FORBIDDEN = { status: 'forbidden' } as const satisfies Result<never, never>;

export function stale<C>(current: C): Result<never, C> {
  return { status: 'stale', current };
}

/**
 * A refusal about one field (`''`: the whole form, as in Conform); `message` is a key in the "errors"
 * namespace. `conflict`: the input is fine but clashes with stored data (answered 409, not 400).
 */
export function invalid(field: string, message: string, options: { conflict?: boolean } = {}): Result<never, never> {
  return options.conflict ? { status: 'invalid', field, message, conflict: true } : { status: 'invalid', field, message };
}

/** The part of a Conform submission `reply` needs (any parsed submission has it). */
interface Replyable {
  reply(options?: { fieldErrors?: Record<string, string[]>; formErrors?: string[]; hideFields?: string[] }): SubmissionResult<string[]>;
}

/** An action's answer to a form that did not parse: 400 with Conform's errors beside the fields. */
export function replyInvalid(intent: string, submission: Replyable, extra: Record<string, string> = {}) {
  return data({ intent, ...extra, status: 'invalid' as const, result: submission.reply() }, { status: 400 });
}

/**
 * An action's answer to a server module's result. `extra` travels with every answer (e.g. the id of
 * the row a form edits, so the page knows which form the answer belongs to).
 */
export function reply<T, C>(intent: string, result: Result<T, C>, submission?: Replyable, extra: Record<string, string> = {}) {
  switch (result.status) {
    case 'ok':
      return data({ intent, ...extra, status: 'done' as const, value: result.value });
    case 'invalid':
      return data(
        {
          intent,
          ...extra,
          status: 'invalid' as const,
          result: submission ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : undefined,
          message: result.message,
        },
        { status: result.conflict ? 409 : 400 },
      );
    case 'stale':
      return data({ intent, ...extra, status: 'stale' as const, current: result.current }, { status: 409 });
    case 'notFound':
      throw notFound();
    case 'forbidden':
      throw forbidden();
  }
}

/**
 * Like `reply`, for the forms that resolve a conflict in place (the map editor, the KPI settings): a
 * stale answer also carries what was sent (`result`, Conform's reply), so the form shows the current
 * content and the user's side by side, and keeps the user's text, with or without JavaScript.
 */
export function replyWithDraft<T, C>(intent: string, result: Result<T, C>, submission?: Replyable, extra: Record<string, string> = {}) {
  if (result.status === 'stale') {
    return data({ intent, ...extra, status: 'stale' as const, current: result.current, result: submission?.reply() }, { status: 409 });
  }
  return reply(intent, result, submission, extra);
}

/** For loaders: the value, or the thrown 404/403 the error boundary shows. */
export function valueOr404<T, C>(result: Result<T, C>): T {
  if (result.status === 'ok') return result.value;
  if (result.status === 'forbidden') throw forbidden();
  throw notFound();
}
