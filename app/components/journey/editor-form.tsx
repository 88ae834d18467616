// The map editor's forms post plainly: the action parses every form with its zod schema anyway, so
// the browser ships neither zod nor Conform for them (they were a third of the editor's first-load
// JavaScript). A form takes the action's answer only when that answer names its intent and its row
// (see editorRowId): a refusal shows beside the right field of the right row, with or without
// JavaScript. `noValidate` keeps the browser's own bubbles out, so every message is the server's,
// translated, beside its field. The hooks run inside the forms, which render only when opened: the
// closed cards of a large map subscribe to nothing.
import { useActionData, useRevalidator } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ConflictNoticeProps } from '~/components/ui/conflict';
import { FieldErrors, FormErrors } from '~/components/ui/field-errors';
import { answerFor } from '~/lib/action-result';

const settled = new WeakSet<object>();

/** The user settled this conflict answer ("keep theirs"): no form shows it again. */
export const settle = (answer: object) => void settled.add(answer);
export const isSettled = (answer: object) => settled.has(answer);

/** The comparison of a refused save's two versions (components/ui/conflict), loaded when one happens. */
export const ConflictNotice = lazy(() => import('~/components/ui/conflict'));

/** The editor action's answer (see the route): its intent, the row it is about and how it went. */
export interface EditorAnswer {
  intent?: string;
  rowId?: string;
  status?: 'done' | 'invalid' | 'stale' | 'gone';
  /** Why a change was refused: a key in the "errors" namespace. */
  message?: string;
  /** A stale save's answer: the row as saved now (with `version`, `savedBy`, `savedAt`). */
  current?: Record<string, unknown>;
  result?: unknown;
}

/** An answer that refused a stale save of the form's row, to compare in place (unless settled). */
export type Conflict = EditorAnswer & { status: 'stale'; current: Record<string, unknown> };

/** The part of the server's submission reply (Conform's `reply()`) that a form shows. */
interface SubmissionReply {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
}

/** What went wrong with a change, as a message key; undefined when it landed. */
export function refusal(answer: EditorAnswer | undefined): string | undefined {
  if (!answer?.status || answer.status === 'done') return undefined;
  if (answer.status === 'stale') return 'staleVersion';
  return answer.message ?? 'badRequest';
}

/** A stale save of the map's settings, a card, stage or lane: its form shows both versions (see SaveOrConflict). */
export const comparedInPlace = (answer: EditorAnswer | undefined) =>
  answer?.status === 'stale' && ['updateMap', 'updateCard', 'updateStage', 'updateLane'].includes(answer.intent ?? '');

/** An invalid answer carrying field errors: the form that sent it shows them beside its fields. */
export function shownByForm(answer: EditorAnswer | undefined): boolean {
  if (answer?.status !== 'invalid') return false;
  const error = (answer.result as SubmissionReply | undefined)?.error;
  return !!error && Object.values(error).some((e) => e?.length);
}

export interface EditorField {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  /** What the field shows first: what was sent when the answer refused it, else the default. */
  initialValue?: string;
}

export interface EditorFormState {
  id: string;
  errorId: string;
  /** Every error of the answer, by field name ('' for the form's own). */
  allErrors: Record<string, string[]>;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /**
   * The version the form saves against: the one it was drawn from, or, after a refused stale save,
   * the one the comparison shows ("apply mine on top").
   */
  version?: number;
  conflict?: Conflict;
  /** The form's own save landed (its panel may close). */
  landed: boolean;
}

interface EditorFormOptions {
  /** Unique on the page, e.g. `edit-card-<id>`. */
  id: string;
  intent: string;
  /** The row the form is about, as the action's editorRowId names it. */
  rowId: string;
  defaultValue?: Record<string, unknown>;
  /**
   * Edit forms: the row's version. The form keeps the version and the values it opened with, so a
   * newer row arriving meanwhile never replaces what the user types: their save meets the conflict.
   */
  version?: number;
  /** Add forms: start empty again once the new item has landed. */
  resetOnDone?: boolean;
  /** The answer to read; by default the route's action data (plain `<Form>` posts). */
  answer?: EditorAnswer;
  /** Runs on submit, e.g. to save through a fetcher instead. */
  onSubmit?: (event: FormEvent<HTMLFormElement>, formData: FormData) => void;
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

export function useEditorForm({ id, intent, rowId, defaultValue, version, resetOnDone = false, answer, onSubmit }: EditorFormOptions) {
  const actionData = useActionData<EditorAnswer>();
  const [drawn] = useState(() => ({ defaultValue, version }));
  const mine = answerFor(answer ?? actionData, intent, rowId);
  // The conflict stays until the user settles it or saves: a revalidation meanwhile drops the answer.
  const [held, setHeld] = useState<Conflict>();
  const stale = mine?.status === 'stale' && mine.current ? (mine as Conflict) : undefined;
  if (stale && stale !== held && !isSettled(stale)) setHeld(stale);
  if (held && mine?.status === 'done') setHeld(undefined);
  const conflict = held && !isSettled(held) && mine?.status !== 'done' ? held : undefined;
  const reply =
    mine && mine.status !== 'done' && mine.status !== 'stale'
      ? (mine.result as SubmissionReply | undefined)
      : (conflict?.result as SubmissionReply | undefined);
  const allErrors: Record<string, string[]> = {};
  for (const [name, errors] of Object.entries(reply?.error ?? {})) if (errors?.length) allErrors[name] = errors;
  // An add form starts again once its item has landed (the DOM's own reset: its fields are uncontrolled).
  const landed = resetOnDone && mine?.status === 'done' ? mine : undefined;
  useEffect(() => {
    if (landed) (document.getElementById(id) as HTMLFormElement | null)?.reset();
  }, [landed, id]);

  const form: EditorFormState = {
    id,
    errorId: `${id}-form-error`,
    allErrors,
    // The button that sent it counts (a move menu's buttons carry the target).
    onSubmit: onSubmit ? (event) => onSubmit(event, new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter)) : undefined,
    version: conflict ? Number(conflict.current.version) : drawn.version,
    conflict,
    landed: mine?.status === 'done',
  };
  const field = (name: string): EditorField => ({
    id: `${id}-field-${name}`,
    name,
    errorId: `${id}-field-${name}-error`,
    errors: allErrors[name],
    initialValue: text(reply?.initialValue?.[name]) ?? text(drawn.defaultValue?.[name]),
  });
  return [form, field] as const;
}

/**
 * The form element's props: its id, its errors described, and no browser bubbles (see above). An
 * edit form says it holds a draft (`data-draft`) until its own save lands, and that the user typed
 * in it (`data-typed`, set on the element, outside React): its panel stays open when the row changes
 * under what the user typed, or while it shows a conflict.
 */
export function formProps(form: EditorFormState) {
  const invalid = !!form.allErrors['']?.length;
  return {
    id: form.id,
    noValidate: true,
    onSubmit: form.onSubmit,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? form.errorId : undefined,
    'data-draft': form.version === undefined || form.landed ? undefined : form.conflict ? 'conflict' : 'open',
    onInput: form.version === undefined ? undefined : (event: FormEvent<HTMLFormElement>) => void (event.currentTarget.dataset.typed = ''),
  };
}

/**
 * An edit form's save button or, after a refused stale save, the comparison of both versions with
 * "Keep theirs" and "Apply mine on top" (then the form's submit).
 */
export function SaveOrConflict({
  form,
  label,
  ...notice
}: { form: EditorFormState; label: string } & Pick<ConflictNoticeProps, 'fields' | 'show' | 'keepTheirsHref' | 'onKeepTheirs'>) {
  const save = (
    <button type="submit" className="small">
      {label}
    </button>
  );
  if (!form.conflict) return save;
  return (
    <Suspense fallback={save}>
      <ConflictNotice
        id={form.id}
        theirs={form.conflict.current}
        yours={(form.conflict.result as SubmissionReply | undefined)?.initialValue ?? {}}
        {...notice}
      />
    </Suspense>
  );
}

/**
 * An input's, a select's or a textarea's props: name, first value, errors described. Uncontrolled:
 * with JavaScript a refused submission leaves what was typed; without, the page comes back with it.
 */
export function controlProps(field: EditorField) {
  const invalid = !!field.errors?.length;
  return {
    id: field.id,
    name: field.name,
    defaultValue: field.initialValue,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? field.errorId : undefined,
  };
}

/**
 * The errors of a form that no visible field shows: the form's own and those of its hidden fields
 * (a malformed id, a version), so no refusal goes unsaid.
 */
export function UnshownErrors({ form, shown = [] }: { form: Pick<EditorFormState, 'allErrors' | 'errorId'>; shown?: readonly string[] }) {
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

/** "Keep theirs" in a panel: the refusal is settled, the panel closes, the map shows what is saved now. */
export function useKeepTheirs(form: EditorFormState, close: () => void) {
  const revalidator = useRevalidator();
  return () => {
    if (form.conflict) settle(form.conflict);
    close();
    revalidator.revalidate();
  };
}
