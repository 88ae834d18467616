// The maps list: create (blank or from a template), import a JSON export, edit a map's settings,
// duplicate, archive and restore, delete with confirmation.
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field, FormErrors, SelectField } from '~/components/ui/field';
import { parseMapExport } from '~/domain/map-export';
import { MAP_TEMPLATES } from '~/domain/map-templates';
import { formatDate } from '~/lib/format';
import { CreateMapSchema, MapActionSchema, UpdateMapSchema } from '~/lib/schemas/maps';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, failure, notFound } from '~/server/http.server';
import { createBlankMap, deleteMap, listMaps, listPersonaOptions, personaInWorkspace, setMapArchived, updateMap } from '~/server/maps.server';
import { createMapFromTemplate, duplicateMap, importMap } from '~/server/maps-transfer.server';
import journeyStyles from '~/styles/journey.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: journeyStyles }];

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  const [maps, personas] = await Promise.all([listMaps(workspace.id, archived), listPersonaOptions(workspace.id)]);
  const lang = workspace.locale;
  return {
    archived,
    maps,
    personas,
    templates: MAP_TEMPLATES.map((t) => ({ id: t.id, name: t.name[lang], stages: t.stages.length })),
  };
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
      if (s.status !== 'success') return data({ intent, result: s.reply() }, { status: 400 });
      const v = s.value;
      if (v.personaId && !(await personaInWorkspace(workspace.id, v.personaId))) {
        return data({ intent, result: s.reply({ fieldErrors: { personaId: ['field.choose'] } }) }, { status: 400 });
      }
      const input = { name: v.name, description: v.description, personaId: v.personaId ?? null, state: v.state };
      const id = v.template
        ? await createMapFromTemplate(workspace.id, user.id, v.template, workspace.locale, input)
        : await createBlankMap(workspace.id, user.id, input);
      if (!id) throw badRequest();
      return redirect(`${base}/${id}`);
    }
    case 'import': {
      const file = formData.get('file');
      if (!(file instanceof File) || file.size === 0) return data({ intent, importError: 'maps.import.noFile' }, { status: 400 });
      if (file.size > MAX_IMPORT_BYTES) return data({ intent, importError: 'maps.import.tooLarge' }, { status: 400 });
      const parsed = parseMapExport(await file.text());
      if (!parsed.ok) return data({ intent, importError: `maps.${parsed.error}` }, { status: 400 });
      const id = await importMap(workspace.id, user.id, parsed.value);
      return redirect(`${base}/${id}`);
    }
    case 'updateMap': {
      const s = parseWithZod(formData, { schema: UpdateMapSchema });
      if (s.status !== 'success') return data({ intent, result: s.reply() }, { status: 400 });
      if (s.value.personaId && !(await personaInWorkspace(workspace.id, s.value.personaId))) throw badRequest();
      const outcome = await updateMap(workspace.id, user.id, { ...s.value, personaId: s.value.personaId ?? null });
      if (outcome.status === 'notFound') throw notFound();
      if (outcome.status === 'stale') return data({ intent, stale: true as const, current: outcome.current }, { status: 409 });
      return { intent, done: true as const };
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
      const outcome =
        intent === 'delete' ? await deleteMap(workspace.id, user.id, mapId) : await setMapArchived(workspace.id, user.id, mapId, intent === 'archive');
      if (outcome.status === 'notFound') throw notFound();
      return { intent, done: true as const };
    }
    default:
      throw badRequest();
  }
}

export default function MapsIndex() {
  const { maps, personas, templates, archived } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('maps');
  const { t: te } = useTranslation('errors');
  const [form, fields] = useForm({
    id: 'create-map',
    lastResult: actionData?.intent === 'create' && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { state: 'current', template: '' },
    constraint: getZodConstraint(CreateMapSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateMapSchema }),
  });
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

      {actionData && 'stale' in actionData ? <FormErrors errors={['staleVersion']} /> : null}

      {canEdit && !archived ? (
        <section className="panel" aria-labelledby="new-map">
          <h2 id="new-map">{t('list.new')}</h2>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="create" />
            <div className="row">
              <Field label={t('map.name')} field={fields.name} />
              <SelectField
                label={t('list.template')}
                field={fields.template}
                options={[
                  { value: '', label: t('list.blank') },
                  ...templates.map((tp) => ({ value: tp.id, label: t('list.templateOption', { name: tp.name, count: tp.stages }) })),
                ]}
              />
              <SelectField
                label={t('map.persona')}
                field={fields.personaId}
                options={[{ value: '', label: t('map.noPersona') }, ...personas.map((p) => ({ value: p.id, label: p.name }))]}
              />
              <SelectField
                label={t('map.state')}
                field={fields.state}
                options={[
                  { value: 'current', label: t('state.current') },
                  { value: 'future', label: t('state.future') },
                ]}
              />
            </div>
            <Field label={t('map.description')} field={fields.description} />
            <button type="submit">{t('list.create')}</button>
          </Form>
          <details className="import">
            <summary>{t('list.import')}</summary>
            <Form method="post" encType="multipart/form-data" className="row">
              <input type="hidden" name="intent" value="import" />
              <div className="field">
                <label htmlFor="import-file">{t('list.importFile')}</label>
                <input id="import-file" type="file" name="file" accept="application/json,.json" required />
                {actionData && 'importError' in actionData ? (
                  <p className="field-errors" role="alert">
                    {te(actionData.importError)}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <button type="submit" className="secondary">
                  {t('list.importSubmit')}
                </button>
              </div>
            </Form>
          </details>
        </section>
      ) : null}

      <section className="panel" aria-label={t('list.title')}>
        {maps.length === 0 ? <p className="muted">{archived ? t('list.noArchived') : t('list.empty')}</p> : null}
        {maps.length ? (
          <table className="data">
            <thead>
              <tr>
                <th>{t('map.name')}</th>
                <th>{t('map.persona')}</th>
                <th>{t('map.state')}</th>
                <th>{t('list.size')}</th>
                <th>{t('list.updated')}</th>
                {canEdit ? (
                  <th>
                    <span className="visually-hidden">{t('list.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {maps.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`${base}/${m.id}`}>{m.name}</Link>
                    {m.description ? <div className="muted small">{m.description}</div> : null}
                  </td>
                  <td>{m.personaName ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className={`chip ${m.state === 'future' ? 'warn' : 'neutral'}`}>{t(`state.${m.state}`)}</span>
                  </td>
                  <td>{t('list.sizeValue', { stages: m.stageCount, cards: m.cardCount })}</td>
                  <td>{formatDate(m.updatedAt, workspace.locale)}</td>
                  {canEdit ? (
                    <td>
                      <div className="map-actions">
                        <details className="edit">
                          <summary aria-label={t('list.editNamed', { name: m.name })}>{t('actions.edit')}</summary>
                          <Form method="post" className="stack">
                            <input type="hidden" name="intent" value="updateMap" />
                            <input type="hidden" name="mapId" value={m.id} />
                            <input type="hidden" name="version" value={m.version} />
                            <label>
                              {t('map.name')}
                              <input name="name" required maxLength={120} defaultValue={m.name} />
                            </label>
                            <label>
                              {t('map.description')}
                              <input name="description" maxLength={2000} defaultValue={m.description} />
                            </label>
                            <label>
                              {t('map.persona')}
                              <select name="personaId" defaultValue={m.personaId ?? ''}>
                                <option value="">{t('map.noPersona')}</option>
                                {personas.map((p) => (
                                  <option key={p.id} value={p.id}>
                                    {p.name}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <label>
                              {t('map.state')}
                              <select name="state" defaultValue={m.state}>
                                <option value="current">{t('state.current')}</option>
                                <option value="future">{t('state.future')}</option>
                              </select>
                            </label>
                            <button type="submit" className="small">
                              {t('actions.save')}
                            </button>
                          </Form>
                        </details>
                        <MapButton intent="duplicate" mapId={m.id} label={t('list.duplicate')} aria={t('list.duplicateNamed', { name: m.name })} />
                        {archived ? (
                          <MapButton intent="restore" mapId={m.id} label={t('list.restore')} aria={t('list.restoreNamed', { name: m.name })} />
                        ) : (
                          <MapButton intent="archive" mapId={m.id} label={t('list.archive')} aria={t('list.archiveNamed', { name: m.name })} />
                        )}
                        <details className="edit delete">
                          <summary aria-label={t('list.deleteNamed', { name: m.name })}>{t('list.delete')}</summary>
                          <Form method="post" className="stack">
                            <p>{t('list.deleteConfirmText', { name: m.name, stages: m.stageCount, cards: m.cardCount })}</p>
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="mapId" value={m.id} />
                            <button type="submit" className="danger small">
                              {t('list.deleteConfirm')}
                            </button>
                          </Form>
                        </details>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

function MapButton({ intent, mapId, label, aria }: { intent: string; mapId: string; label: string; aria: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="mapId" value={mapId} />
      <button type="submit" className="secondary small" aria-label={aria}>
        {label}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
