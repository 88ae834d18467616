// The maps of the list with, for editors, each map's settings form (one Conform form per map: its
// answer names the map), duplicate, archive or restore, and delete with confirmation.
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { formatDayOf } from '~/lib/format';
import { UpdateMapSchema } from '~/lib/schemas/maps';
import { useWorkspace } from '~/lib/workspace';
import type { listMaps } from '~/server/maps.server';
import { TableScroll } from '~/components/ui/table-scroll';

type MapRow = Awaited<ReturnType<typeof listMaps>>[number];
type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;
type Persona = { id: string; name: string };

export function MapTable({
  maps,
  personas,
  archived,
  canEdit,
  answer,
}: {
  maps: MapRow[];
  personas: Persona[];
  archived: boolean;
  canEdit: boolean;
  answer: Answer;
}) {
  const { t } = useTranslation('maps');
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/maps`;
  return (
    <>
      {answerFor(answer, 'updateMap')?.status === 'stale' ? <FormErrors errors={['staleVersion']} /> : null}
      <section className="panel" aria-label={t('list.title')}>
        {maps.length === 0 ? <p className="muted">{archived ? t('list.noArchived') : t('list.empty')}</p> : null}
        {maps.length ? (
          <TableScroll>
            <table className="data records">
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
                    <td className="record-name">
                      <Link to={`${base}/${m.id}`}>{m.name}</Link>
                      {m.description ? <div className="muted small">{m.description}</div> : null}
                    </td>
                    <td data-label={t('map.persona')}>{m.personaName ?? <span className="muted">—</span>}</td>
                    <td data-label={t('map.state')}>
                      <span className={`chip ${m.state === 'future' ? 'warn' : 'neutral'}`}>{t(`state.${m.state}`)}</span>
                    </td>
                    <td data-label={t('list.size')}>
                      {t('list.sizeValue', { stages: t('list.stageCount', { count: m.stageCount }), cards: t('list.cardCount', { count: m.cardCount }) })}
                    </td>
                    <td data-label={t('list.updated')}>{formatDayOf(m.updatedAt, workspace.locale, workspace.timeZone)}</td>
                    {canEdit ? (
                      <td className="record-actions">
                        <MapActions map={m} personas={personas} archived={archived} answer={answer} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}

function MapActions({ map: m, personas, archived, answer }: { map: MapRow; personas: Persona[]; archived: boolean; answer: Answer }) {
  const { t } = useTranslation('maps');
  return (
    <div className="map-actions">
      <details className="edit">
        <summary aria-label={t('list.editNamed', { name: m.name })}>{t('actions.edit')}</summary>
        <MapSettingsForm key={m.version} map={m} personas={personas} answer={answer} />
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
          <p>
            {t('list.deleteConfirmText', {
              name: m.name,
              stages: t('list.stageCount', { count: m.stageCount }),
              cards: t('list.cardCount', { count: m.cardCount }),
            })}
          </p>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="mapId" value={m.id} />
          <button type="submit" className="danger small">
            {t('list.deleteConfirm')}
          </button>
        </Form>
      </details>
    </div>
  );
}

function MapSettingsForm({ map: m, personas, answer }: { map: MapRow; personas: Persona[]; answer: Answer }) {
  const { t } = useTranslation('maps');
  const [form, fields] = useForm({
    id: `map-settings-${m.id}`,
    lastResult: lastResultFor(answer, 'updateMap', m.id),
    defaultValue: { name: m.name, description: m.description, personaId: m.personaId ?? '', state: m.state },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateMapSchema }),
  });
  const name = getInputProps(fields.name, { type: 'text' });
  const description = getInputProps(fields.description, { type: 'text' });
  const persona = getSelectProps(fields.personaId);
  const state = getSelectProps(fields.state);
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="updateMap" />
      <input type="hidden" name="mapId" value={m.id} />
      <input type="hidden" name="version" value={m.version} />
      <label>
        {t('map.name')}
        <input {...name} key={name.key} maxLength={120} />
      </label>
      <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
      <label>
        {t('map.description')}
        <input {...description} key={description.key} maxLength={2000} />
      </label>
      <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
      <label>
        {t('map.persona')}
        <select {...persona} key={persona.key}>
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
        <select {...state} key={state.key}>
          <option value="current">{t('state.current')}</option>
          <option value="future">{t('state.future')}</option>
        </select>
      </label>
      <button type="submit" className="small">
        {t('actions.save')}
      </button>
    </Form>
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
