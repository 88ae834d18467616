// One comment form (a new thread, a reply, an edit): the comment box with its mention list, checked
// in the browser with the action's own schema and posted plainly (it works before JavaScript). It
// takes the answer meant for it (same intent and row) for its errors, and a new thread or a reply
// starts empty again once it has landed.
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { FormErrors } from '~/components/ui/field-errors';
import type { Member } from '~/domain/comments';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { EditCommentSchema, ReplySchema, StartThreadSchema } from '~/lib/schemas/comments';
import { useWorkspace } from '~/lib/workspace';
import { MentionField } from './mention-field';

const SCHEMAS = { startThread: StartThreadSchema, reply: ReplySchema, editComment: EditCommentSchema };

export type CommentAnswer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

export function CommentForm({
  intent,
  rowId,
  hidden,
  label,
  submitLabel,
  members,
  answer,
  defaultBody,
  defaultPicked,
  children,
}: {
  intent: keyof typeof SCHEMAS;
  /** The thread replied to, the comment edited, or 'new'. */
  rowId: string;
  hidden: Record<string, string | number>;
  label: string;
  submitLabel: string;
  members: readonly Member[];
  answer: CommentAnswer;
  defaultBody?: string;
  defaultPicked?: readonly string[];
  /** More buttons beside the submit one (Cancel). */
  children?: ReactNode;
}) {
  const { workspace, user } = useWorkspace();
  const schema = SCHEMAS[intent];
  const [form, fields] = useForm({
    id: `comment-${intent}-${rowId}`,
    lastResult: lastResultFor(answer, intent, rowId, { resetOnDone: intent !== 'editComment' }),
    defaultValue: { body: defaultBody ?? '' },
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const stale = answerFor(answer, intent, rowId)?.status === 'stale';
  const others = members.filter((m) => m.id !== user.id);
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="comment-form stack">
      {stale ? <FormErrors errors={['staleVersion']} /> : null}
      <FormErrors errors={form.errors} />
      {Object.entries({ intent, ...hidden }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <MentionField
        key={fields.body.key}
        id={fields.body.id}
        errorId={fields.body.errorId}
        errors={fields.body.errors}
        label={label}
        members={others}
        defaultValue={defaultBody}
        defaultPicked={defaultPicked}
        locale={workspace.locale}
      />
      <div className="row">
        <button type="submit" className="small">
          {submitLabel}
        </button>
        {children}
      </div>
    </Form>
  );
}
