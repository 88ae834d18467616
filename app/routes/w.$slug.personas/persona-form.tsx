// One persona: read-only for viewers, a form for editors (one form per persona, and one for a new
// one; each takes only the answer meant for it), with its delete button.
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormErrors } from '~/components/ui/field';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { PersonaSchema } from '~/lib/schemas/maps';
import type { listPersonas } from '~/server/personas.server';

type Persona = Awaited<ReturnType<typeof listPersonas>>[number];
type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

export function PersonaView({ persona }: { persona: Persona }) {
  const { t } = useTranslation(['maps', 'library']);
  return (
    <dl>
      <dt>{t('personas.description')}</dt>
      <dd>{persona.description || '—'}</dd>
      <dt>{t('persona.goals')}</dt>
      <dd>{persona.goals || '—'}</dd>
      <dt>{t('persona.frustrations')}</dt>
      <dd>{persona.frustrations || '—'}</dd>
    </dl>
  );
}

export function PersonaForm({ persona, answer }: { persona?: Persona; answer: Answer }) {
  const { t } = useTranslation(['maps', 'library']);
  const intent = persona ? 'update' : 'create';
  const rowId = persona?.id ?? 'new';
  const stale = answerFor(answer, intent, rowId)?.status === 'stale';
  const [form, fields] = useForm({
    id: `persona-${rowId}-${persona?.version ?? 0}`,
    lastResult: lastResultFor(answer, intent, rowId, { resetOnDone: !persona }),
    defaultValue: persona ?? {},
    constraint: getZodConstraint(PersonaSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonaSchema }),
  });
  return (
    <>
      <Form method="post" {...getFormProps(form)} className="stack">
        {stale ? <FormErrors errors={['staleVersion']} /> : null}
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value={intent} />
        {persona ? (
          <>
            <input type="hidden" name="personaId" value={persona.id} />
            <input type="hidden" name="version" value={persona.version} />
          </>
        ) : null}
        <Field label={t('personas.name')} field={fields.name} />
        <Field label={t('personas.description')} field={fields.description} />
        <Field label={t('persona.goals')} field={fields.goals} />
        <Field label={t('persona.frustrations')} field={fields.frustrations} />
        <div className="row">
          <button type="submit">{persona ? t('actions.save') : t('personas.create')}</button>
        </div>
      </Form>
      {persona ? (
        <Form
          method="post"
          className="inline-form"
          onSubmit={(e) => {
            if (!window.confirm(t('personas.deleteConfirm', { name: persona.name }))) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="personaId" value={persona.id} />
          <button type="submit" className="danger small">
            {t('personas.delete')}
          </button>
        </Form>
      ) : null}
    </>
  );
}
