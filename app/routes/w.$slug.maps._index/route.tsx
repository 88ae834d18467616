// The maps list: create (blank or from a template), import a JSON export, edit a map's settings,
// duplicate, archive and restore, delete with confirmation.
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { parseMapExport } from '~/domain/map-export';
import { MAP_TEMPLATES } from '~/domain/map-templates';
import { CreateMapSchema, MapActionSchema, UpdateMapSchema } from '~/lib/schemas/maps';
import { useWorkspace } from '~/lib/workspace';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, failure, notFound } from '~/server/http.server';
import { createBlankMap, deleteMap, listMaps, listPersonaOptions, personaInWorkspace, setMapArchived, updateMap } from '~/server/maps.server';
import { createMapFromTemplate, duplicateMap, importMap } from '~/server/maps-transfer.server';
import { invalid, reply, replyInvalid } from '~/server/result.server';
import journeyStyles from '~/styles/journey.css?url';
import { CreateMap } from './create-map';
import { MapTable } from './map-table';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'maps');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: journeyStyles }];

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  const [maps, personas] = await Promise.all([listMaps(workspace.id, archived), listPersonaOptions(workspace.id)]);
  const lang = workspace.locale;
  return { archived, maps, personas, templates: MAP_TEMPLATES.map((t) => ({ id: t.id, name: t.name[lang], stages: t.stages.length })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const length = Number(request.headers.get('Content-Length') ?? 0);
  if (length > MAX_IMPORT_BYTES + 10_000) throw failure(413, 'maps.import.tooLarge');
  const formData = await readForm(request);
  const intent = formData.get('intent');
  const base = `/w/${workspace.slug}/maps`;
  switch (intent) {
    case 'create': {
      const s = parseWithZod(formData, { schema: CreateMapSchema });
      if (s.status !== 'success') return replyInvalid(intent, s);
      const v = s.value;
      if (v.personaId && !(await personaInWorkspace(workspace.id, v.personaId))) return reply(intent, invalid('personaId', 'field.choose'), s);
      const input = { name: v.name, description: v.description, personaId: v.personaId ?? null, state: v.state };
      const id = v.template
        ? await createMapFromTemplate(workspace.id, user.id, v.template, workspace.locale, input)
        : await createBlankMap(workspace.id, user.id, input);
      if (!id) throw badRequest();
      return redirect(`${base}/${id}`);
    }
    case 'import': {
      const refuse = (message: string) => data({ intent, status: 'invalid' as const, message }, { status: 400 });
      const file = formData.get('file');
      if (!(file instanceof File) || file.size === 0) return refuse('maps.import.noFile');
      if (file.size > MAX_IMPORT_BYTES) return refuse('maps.import.tooLarge');
      const parsed = parseMapExport(await file.text());
      if (!parsed.ok) return refuse(`maps.${parsed.error}`);
      return redirect(`${base}/${await importMap(workspace.id, user.id, parsed.value)}`);
    }
    case 'updateMap': {
      const mapId = formData.get('mapId');
      const extra = { rowId: typeof mapId === 'string' ? mapId.slice(0, 40) : '' };
      const s = parseWithZod(formData, { schema: UpdateMapSchema });
      if (s.status !== 'success') return replyInvalid(intent, s, extra);
      if (s.value.personaId && !(await personaInWorkspace(workspace.id, s.value.personaId))) throw badRequest();
      return reply(intent, await updateMap(workspace.id, user.id, { ...s.value, personaId: s.value.personaId ?? null }), s, extra);
    }
    case 'duplicate':
    case 'archive':
    case 'restore':
    case 'delete': {
      const s = parseWithZod(formData, { schema: MapActionSchema });
      if (s.status !== 'success') throw badRequest();
      const mapId = s.value.mapId;
      if (intent === 'duplicate') {
        const suffix = workspace.locale === 'fr' ? 'copie' : 'copy';
        const id = await duplicateMap(workspace.id, user.id, mapId, (name) => `${name} (${suffix})`);
        if (!id) throw notFound();
        return redirect(`${base}/${id}`);
      }
      const result =
        intent === 'delete' ? await deleteMap(workspace.id, user.id, mapId) : await setMapArchived(workspace.id, user.id, mapId, intent === 'archive');
      return reply(intent, result);
    }
    default:
      throw badRequest();
  }
}

export default function MapsIndex() {
  const { maps, personas, templates, archived } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('maps');
  const base = `/w/${workspace.slug}/maps`;
  return (
    <div className="journey-list">
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.lead')}</p>
        </div>
        <nav aria-label={t('list.filter')} className="row">
          <Link to={base} aria-current={!archived ? 'page' : undefined} className={`button ${archived ? 'secondary' : ''}`}>
            {t('list.active')}
          </Link>
          <Link to={`${base}?archived=1`} aria-current={archived ? 'page' : undefined} className={`button ${archived ? '' : 'secondary'}`}>
            {t('list.archived')}
          </Link>
        </nav>
      </div>
      {canEdit && !archived ? <CreateMap answer={answer} personas={personas} templates={templates} /> : null}
      <MapTable maps={maps} personas={personas} archived={archived} canEdit={canEdit} answer={answer} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
