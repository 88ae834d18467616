import { describe, expect, it } from 'vitest';
import { FORBIDDEN, invalid, NOT_FOUND, ok, reply, replyWithDraft, stale, valueOr404 } from '~/server/result.server';

type Answer = { data: Record<string, unknown>; init: { status?: number } | null };
const fakeSubmission = {
  reply: (options?: { fieldErrors?: Record<string, string[]> }) => ({ status: 'error' as const, error: options?.fieldErrors ?? {} }),
};

function statusOfThrown(run: () => unknown) {
  try {
    run();
  } catch (thrown) {
    return (thrown as Answer).init?.status;
  }
  return undefined;
}

describe('reply: one mapping from results to answers', () => {
  it.each([
    ['ok', ok('id-1'), 200, { status: 'done', value: 'id-1' }],
    ['stale', stale({ version: 3 }), 409, { status: 'stale', current: { version: 3 } }],
    [
      'invalid',
      invalid('name', 'field.required'),
      400,
      { status: 'invalid', message: 'field.required', result: { status: 'error', error: { name: ['field.required'] } } },
    ],
  ] as const)('%s answers %i with the intent and what the page needs', (_label, result, status, body) => {
    const answer = reply('rename', result, fakeSubmission, { rowId: 'r1' }) as unknown as Answer;
    expect(answer.init?.status ?? 200).toBe(status);
    expect(answer.data).toEqual({ intent: 'rename', rowId: 'r1', ...body });
  });

  it('not found and forbidden are thrown for the error boundary (404, 403)', () => {
    expect(statusOfThrown(() => reply('x', NOT_FOUND))).toBe(404);
    expect(statusOfThrown(() => reply('x', FORBIDDEN))).toBe(403);
  });

  it('a conflicting refusal (name taken, in use, last owner) answers 409 with the message beside its field', () => {
    const answer = reply('create', invalid('name', 'measures.nameTaken', { conflict: true }), fakeSubmission) as unknown as Answer;
    expect(answer.init?.status).toBe(409);
    expect(answer.data).toMatchObject({
      intent: 'create',
      status: 'invalid',
      message: 'measures.nameTaken',
      result: { error: { name: ['measures.nameTaken'] } },
    });
    expect((reply('create', invalid('name', 'field.required'), fakeSubmission) as unknown as Answer).init?.status).toBe(400);
  });

  it('replyWithDraft: a stale answer also carries what was sent; any other answer is as reply gives it', () => {
    const sent = { reply: () => ({ status: 'error' as const, initialValue: { title: 'Mon titre' } }) };
    const staleAnswer = replyWithDraft('updateCard', stale({ title: 'Leur titre', version: 2 }), sent, { rowId: 'c1' }) as unknown as Answer;
    expect(staleAnswer.init?.status).toBe(409);
    expect(staleAnswer.data).toEqual({
      intent: 'updateCard',
      rowId: 'c1',
      status: 'stale',
      current: { title: 'Leur titre', version: 2 },
      result: { status: 'error', initialValue: { title: 'Mon titre' } },
    });
    expect((replyWithDraft('updateCard', ok(), sent) as unknown as Answer).data).toEqual({ intent: 'updateCard', status: 'done', value: undefined });
    expect((reply('updateCard', stale({ version: 2 }), sent) as unknown as Answer).data).not.toHaveProperty('result');
  });

  it('loaders get the value or a thrown 404/403', () => {
    expect(valueOr404(ok(42))).toBe(42);
    expect(statusOfThrown(() => valueOr404(NOT_FOUND))).toBe(404);
    expect(statusOfThrown(() => valueOr404(stale(1)))).toBe(404);
    expect(statusOfThrown(() => valueOr404(FORBIDDEN))).toBe(403);
  });
});
