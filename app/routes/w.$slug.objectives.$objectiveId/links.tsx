// What an objective is linked to: its projects (the tactics, with the planned and realised benefit the
// business case computes), its KPIs (with their status) and its measures. Editors unlink each one and
// link several at once from a picker of ticked boxes (one transaction: all or none).
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { useMeasureValue } from '~/components/measures/unit';
import { money, StatusChip, type Money } from '~/components/projects/figures';
import { ButtonForm } from '~/components/ui/button-form';
import { FieldErrors } from '~/components/ui/field';
import { TableScroll } from '~/components/ui/table-scroll';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { LinkSchema, UnlinkSchema, type ObjectiveLinkKind } from '~/lib/schemas/objectives';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectivePage } from '~/server/objectives.server';

function UnlinkButton({ kind, id, version, label }: { kind: ObjectiveLinkKind; id: string; version: number; label: string }) {
  const { t } = useTranslation('objectives');
  return (
    <ButtonForm id={`unlink-${kind}-${id}-${version}`} schema={UnlinkSchema} fields={{ intent: 'unlink', kind, id, version }}>
      <button type="submit" className="secondary small" aria-label={label}>
        {t('links.unlink')}
      </button>
    </ButtonForm>
  );
}

/** A list of ticked boxes and one button: links every ticked item at once. */
function LinkPicker({
  kind,
  version,
  legend,
  options,
  reply,
  children,
}: {
  kind: ObjectiveLinkKind;
  version: number;
  legend: string;
  options: readonly { id: string; label: ReactNode }[];
  reply?: ActionReply;
  children?: ReactNode;
}) {
  const { t } = useTranslation('objectives');
  const [form, fields] = useForm({
    id: `link-${kind}-${version}`,
    lastResult: lastResultFor(reply, 'link', kind),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="link-picker" preventScrollReset>
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={version} />
      <FormProvider context={form.context}>
        <fieldset aria-describedby={fields.ids.errors ? fields.ids.errorId : undefined}>
          <legend>{legend}</legend>
          {children}
          {options.length === 0 ? (
            <p className="muted small">{t('links.nothingToLink')}</p>
          ) : (
            <ul className="picker-options">
              {options.map((o) => (
                <li key={o.id}>
                  <label>
                    <input type="checkbox" name={fields.ids.name} value={o.id} /> {o.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors id={fields.ids.errorId} errors={fields.ids.errors} />
        </fieldset>
      </FormProvider>
      {options.length ? (
        <button type="submit" className="small">
          {t('links.linkSelected')}
        </button>
      ) : null}
    </Form>
  );
}

export function LinkedProjects({
  version,
  projects,
  options,
  canEdit,
  m,
  reply,
}: {
  version: number;
  projects: ObjectivePage['projects'];
  options: readonly { id: string; name: string }[];
  canEdit: boolean;
  m: Money;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const linked = new Set(projects.map((p) => p.id));
  return (
    <section className="panel" aria-labelledby="projects-heading">
      <h2 id="projects-heading">{t('links.projects', { count: projects.length })}</h2>
      {projects.length === 0 ? (
        <p className="muted">{t('links.noProjects')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th scope="col">{t('links.project')}</th>
                <th scope="col">{t('links.status')}</th>
                <th scope="col" className="num">
                  {t('progress.planned')}
                </th>
                <th scope="col" className="num">
                  {t('progress.realised')}
                </th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('links.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td className="record-name">
                    <Link to={`/w/${workspace.slug}/projects/${p.id}`}>{p.name}</Link>
                  </td>
                  <td data-label={t('links.status')}>
                    <StatusChip status={p.status} /> {p.archived ? <span className="chip neutral">{t('links.archived')}</span> : null}
                  </td>
                  <td className="num" data-label={t('progress.planned')}>
                    {p.archived ? <span className="muted">{t('links.notCounted')}</span> : money(p.planned, m)}
                  </td>
                  <td className="num" data-label={t('progress.realised')}>
                    {p.realised === null ? <span className="muted">{t('progress.notYet')}</span> : money(p.realised, m)}
                  </td>
                  {canEdit ? (
                    <td className="record-actions">
                      <UnlinkButton kind="project" id={p.id} version={version} label={t('links.unlinkNamed', { name: p.name })} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit ? (
        <LinkPicker
          kind="project"
          version={version}
          legend={t('links.pickProjects')}
          options={options.filter((o) => !linked.has(o.id)).map((o) => ({ id: o.id, label: o.name }))}
          reply={reply}
        />
      ) : null}
    </section>
  );
}

export interface KpiPickerData {
  q: string;
  shown: number;
  step: number;
  total: number;
  results: readonly { kpiId: string; measureName: string; stageName: string; mapName: string }[];
}

export function LinkedKpis({
  version,
  kpis,
  picker,
  canEdit,
  reply,
}: {
  version: number;
  kpis: ObjectivePage['kpis'];
  picker: KpiPickerData;
  canEdit: boolean;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const linked = new Set(kpis.map((k) => k.kpiId));
  const more = new URLSearchParams({ ...(picker.q ? { q: picker.q } : {}), shown: String(picker.shown + picker.step) });
  return (
    <section className="panel" aria-labelledby="kpis-heading">
      <h2 id="kpis-heading">{t('links.kpis', { count: kpis.length })}</h2>
      {kpis.length === 0 ? (
        <p className="muted">{t('links.noKpis')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th scope="col">{t('links.kpi')}</th>
                <th scope="col">{t('links.map')}</th>
                <th scope="col" className="num">
                  {t('links.current')}
                </th>
                <th scope="col" className="num">
                  {t('links.target')}
                </th>
                <th scope="col">{t('links.status')}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('links.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {kpis.map((k) => {
                const name = t('links.kpiAt', { measure: k.measureName, stage: k.stageName });
                return (
                  <tr key={k.kpiId}>
                    <td className="record-name">
                      <Link to={`/w/${workspace.slug}/maps/${k.mapId}/kpis/${k.kpiId}`}>{name}</Link>
                    </td>
                    <td data-label={t('links.map')}>{k.mapName}</td>
                    <td className="num" data-label={t('links.current')}>
                      {k.current === null ? '—' : measureValue(k.current, k.unit)}
                    </td>
                    <td className="num" data-label={t('links.target')}>
                      {k.target === null ? '—' : measureValue(k.target, k.unit)}
                    </td>
                    <td data-label={t('links.status')}>
                      <KpiStatusChip status={k.status} />
                    </td>
                    {canEdit ? (
                      <td className="record-actions">
                        <UnlinkButton kind="kpi" id={k.kpiId} version={version} label={t('links.unlinkNamed', { name })} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit ? (
        <>
          <Form method="get" className="row" role="search" preventScrollReset>
            <div className="field">
              <label htmlFor="kpi-search">{t('links.searchKpis')}</label>
              <input id="kpi-search" name="q" type="search" defaultValue={picker.q} />
            </div>
            <div className="field actions">
              <button type="submit" className="secondary">
                {t('links.search')}
              </button>
            </div>
          </Form>
          <LinkPicker
            kind="kpi"
            version={version}
            legend={t('links.pickKpis', { count: picker.total })}
            options={picker.results
              .filter((r) => !linked.has(r.kpiId))
              .map((r) => ({
                id: r.kpiId,
                label: (
                  <>
                    {t('links.kpiAt', { measure: r.measureName, stage: r.stageName })} <span className="muted small">· {r.mapName}</span>
                  </>
                ),
              }))}
            reply={reply}
          />
          {picker.results.length < picker.total ? (
            <p>
              <Link to={`?${more.toString()}`} preventScrollReset replace className="button secondary">
                {t('links.showMore')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function LinkedMeasures({
  version,
  measures,
  options,
  canEdit,
  reply,
}: {
  version: number;
  measures: ObjectivePage['measures'];
  options: readonly { id: string; name: string }[];
  canEdit: boolean;
  reply?: ActionReply;
}) {
  const { t } = useTranslation('objectives');
  const { workspace } = useWorkspace();
  const linked = new Set(measures.map((m) => m.measureId));
  return (
    <section className="panel" aria-labelledby="measures-heading">
      <h2 id="measures-heading">{t('links.measures', { count: measures.length })}</h2>
      {measures.length === 0 ? (
        <p className="muted">{t('links.noMeasures')}</p>
      ) : (
        <ul className="linked-measures">
          {measures.map((m) => (
            <li key={m.measureId}>
              <Link to={`/w/${workspace.slug}/measures/${m.measureId}`}>{m.name}</Link>
              {canEdit ? <UnlinkButton kind="measure" id={m.measureId} version={version} label={t('links.unlinkNamed', { name: m.name })} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <LinkPicker
          kind="measure"
          version={version}
          legend={t('links.pickMeasures')}
          options={options.filter((o) => !linked.has(o.id)).map((o) => ({ id: o.id, label: o.name }))}
          reply={reply}
        />
      ) : null}
    </section>
  );
}
