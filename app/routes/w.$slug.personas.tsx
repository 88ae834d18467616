// Personas: who the journey maps are about (name, description, goals, frustrations).
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field, FormErrors } from '~/components/ui/field';
import { DeletePersonaSchema, PersonaSchema } from '~/lib/schemas/maps';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import { createPersona, deletePersona, listPersonas, updatePersona } from '~/server/personas.server';
import { useWorkspace } from '~/lib/workspace';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return { personas: await listPersonas(workspace.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === 'delete') {
    const s = parseWithZod(formData, { schema: DeletePersonaSchema });
    if (s.status !== 'success') throw badRequest();
    if (!(await deletePersona(workspace.id, user.id, s.value.personaId))) throw notFound();
    return { intent, done: true as const };
  }
  const s = parseWithZod(formData, { schema: PersonaSchema });
  const formId = String(formData.get('personaId') ?? 'new');
  if (s.status !== 'success') return data({ intent, formId, result: s.reply() }, { status: 400 });
  const { personaId, version, name, description, goals, frustrations } = s.value;
  const input = { name, description, goals, frustrations };
  if (s.value.intent === 'create') {
    await createPersona(workspace.id, user.id, input);
    return { intent, formId, result: s.reply({ resetForm: true }) };
  }
  if (!personaId || version === undefined) throw badRequest();
  const outcome = await updatePersona(workspace.id, user.id, personaId, version, input);
  if (outcome.status === 'notFound') throw notFound();
  if (outcome.status === 'stale') return data({ intent, formId, stale: true as const, current: outcome.current }, { status: 409 });
  return { intent, formId, result: s.reply() };
}

type Persona = Awaited<ReturnType<typeof loader>>['personas'][number];

export default function PersonasRoute() {
  const { personas } = useLoaderData<typeof loader>();
  const { canEdit } = useWorkspace();
  const { t } = useTranslation('maps');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('personas.title')}</h1>
          <p className="muted">{t('personas.lead')}</p>
        </div>
      </div>
      {personas.length === 0 ? <p className="muted">{t('personas.empty')}</p> : null}
      <div className="persona-grid">
        {personas.map((p) => (
          <section key={p.id} className="panel" aria-labelledby={`persona-${p.id}`}>
            <h2 id={`persona-${p.id}`}>{p.name}</h2>
            <p className="muted small">{t('personas.usedBy', { count: p.mapCount })}</p>
            {canEdit ? <PersonaForm persona={p} /> : <PersonaView persona={p} />}
          </section>
        ))}
      </div>
      {canEdit ? (
        <section className="panel" aria-labelledby="new-persona">
          <h2 id="new-persona">{t('personas.new')}</h2>
          <PersonaForm />
        </section>
      ) : null}
    </>
  );
}

function PersonaView({ persona }: { persona: Persona }) {
  const { t } = useTranslation('maps');
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

function PersonaForm({ persona }: { persona?: Persona }) {
  const { t } = useTranslation('maps');
  const actionData = useActionData<typeof action>();
  const formId = persona?.id ?? 'new';
  const mine = actionData && 'formId' in actionData && actionData.formId === formId ? actionData : undefined;
  const [form, fields] = useForm({
    id: `persona-${formId}-${persona?.version ?? 0}`,
    lastResult: mine && 'result' in mine ? mine.result : undefined,
    defaultValue: persona ?? {},
    constraint: getZodConstraint(PersonaSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonaSchema }),
  });
  return (
    <>
      <Form method="post" {...getFormProps(form)} className="stack">
        {mine && 'stale' in mine ? <FormErrors errors={['staleVersion']} /> : null}
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value={persona ? 'update' : 'create'} />
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
