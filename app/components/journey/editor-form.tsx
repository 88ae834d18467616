// The map editor's forms as Conform forms: each is checked in the browser with the schema the
// action parses, and takes as its lastResult the action's answer only when that answer names its
// intent and its row (see editorRowId), so a refusal shows beside the right field of the right row.
// The hooks run inside the forms, which render only when opened: the 480 closed cards of a large
// map subscribe to nothing.
import { useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useActionData } from '@remix-run/react';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { lastResultFor } from '~/lib/action-result';

/** The editor action's answer (see the route): its intent, the row it is about and how it went. */
export interface EditorAnswer {
  intent?: string;
  rowId?: string;
  status?: 'done' | 'invalid' | 'stale' | 'gone';
  /** Why a change was refused: a key in the "errors" namespace. */
  message?: string;
  current?: Record<string, unknown>;
  result?: unknown;
}

/** What went wrong with a change, as a message key; undefined when it landed. */
export function refusal(answer: EditorAnswer | undefined): string | undefined {
  if (!answer?.status || answer.status === 'done') return undefined;
  if (answer.status === 'stale') return 'staleVersion';
  return answer.message ?? 'badRequest';
}

/** An invalid answer carrying Conform errors: the form that sent it shows them beside its fields. */
export function shownByForm(answer: EditorAnswer | undefined): boolean {
  if (answer?.status !== 'invalid') return false;
  const error = (answer.result as SubmissionResult<string[]> | undefined)?.error;
  return !!error && Object.values(error).some((e) => e?.length);
}

interface EditorFormOptions<S extends z.ZodTypeAny> {
  /** Unique on the page, e.g. `edit-card-<id>`. */
  id: string;
  schema: S;
  intent: string;
  /** The row the form is about, as the action's editorRowId names it. */
  rowId: string;
  defaultValue?: Record<string, unknown>;
  /** Add forms: start empty again once the new item has landed. */
  resetOnDone?: boolean;
  /** The answer to read; by default the route's action data (plain `<Form>` posts). */
  answer?: EditorAnswer;
  /** Runs when the form is valid, e.g. to save through a fetcher instead. */
  onSubmit?: (event: FormEvent<HTMLFormElement>, formData: FormData) => void;
}

/** The form's fields; a preprocessed schema (MoveMenuSchema) takes any record. */
type FormShape<S extends z.ZodTypeAny> = z.input<S> extends Record<string, unknown> ? z.input<S> : Record<string, unknown>;

export function useEditorForm<S extends z.ZodTypeAny>({
  id,
  schema,
  intent,
  rowId,
  defaultValue,
  resetOnDone = false,
  answer,
  onSubmit,
}: EditorFormOptions<S>) {
  const actionData = useActionData<EditorAnswer>();
  return useForm<FormShape<S>, z.output<S>>({
    id,
    lastResult: lastResultFor(answer ?? actionData, intent, rowId, { resetOnDone }),
    defaultValue: defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema, disableAutoCoercion: intent.startsWith('move') }),
    onSubmit: onSubmit ? (event, { formData }) => onSubmit(event, formData) : undefined,
  });
}

/**
 * The errors of a form that no visible field shows: the form's own and those of its hidden fields
 * (a malformed id, a version), so no refusal goes unsaid.
 */
export function UnshownErrors({ form, shown = [] }: { form: Pick<FormMetadata, 'allErrors' | 'errorId'>; shown?: readonly string[] }) {
  const errors = [
    ...new Set(
      Object.entries(form.allErrors)
        .filter(([name]) => !shown.includes(name))
        .flatMap(([, e]) => e),
    ),
  ];
  return <FormErrors id={form.errorId} errors={errors} />;
}

/** A labelled control with its errors under it (outside the label, which names the control only). */
export function Labelled({ label, field, children }: { label: ReactNode; field: { errorId: string; errors?: string[] }; children: ReactNode }) {
  return (
    <div className="editor-field">
      <label>
        {label}
        {children}
      </label>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
