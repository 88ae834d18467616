// Personas: who the journey maps are about (name, description, goals, frustrations).
import { parseWithZod } from '@conform-to/zod';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { DeletePersonaSchema, PersonaSchema } from '~/lib/schemas/maps';
import { useWorkspace } from '~/lib/workspace';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { createPersona, deletePersona, listPersonas, updatePersona } from '~/server/personas.server';
import { reply, replyInvalid } from '~/server/result.server';
import { PersonaForm, PersonaView } from './persona-form';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'personas');

export const handle = { i18n: ['library'] };

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
    return reply(intent, await deletePersona(workspace.id, user.id, s.value.personaId));
  }
  // One form per persona (and one for a new one): the answer names the row it is about.
  const personaId = formData.get('personaId');
  const extra = { rowId: typeof personaId === 'string' && personaId ? personaId.slice(0, 40) : 'new' };
  const s = parseWithZod(formData, { schema: PersonaSchema });
  if (s.status !== 'success') return replyInvalid(String(intent), s, extra);
  const { version, name, description, goals, frustrations } = s.value;
  const input = { name, description, goals, frustrations };
  if (s.value.intent === 'create') return reply(s.value.intent, await createPersona(workspace.id, user.id, input), s, extra);
  if (!s.value.personaId || version === undefined) throw badRequest();
  return reply(s.value.intent, await updatePersona(workspace.id, user.id, s.value.personaId, version, input), s, extra);
}

export default function PersonasRoute() {
  const { personas } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { canEdit } = useWorkspace();
  const { t } = useTranslation(['maps', 'library']);
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
            {canEdit ? <PersonaForm persona={p} answer={answer} /> : <PersonaView persona={p} />}
          </section>
        ))}
      </div>
      {canEdit ? (
        <section className="panel" aria-labelledby="new-persona">
          <h2 id="new-persona">{t('personas.new')}</h2>
          <PersonaForm answer={answer} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
