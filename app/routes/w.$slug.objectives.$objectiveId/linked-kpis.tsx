// An objective's KPIs with their status; editors unlink each one or link several at once from a
// searchable picker (one transaction: all or none).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { useMeasureValue } from '~/components/measures/unit';
import { TableScroll } from '~/components/ui/table-scroll';
import { type ActionReply } from '~/lib/action-result';
import { useWorkspace } from '~/lib/workspace';
import type { ObjectivePage } from '~/server/objectives.server';
import { UnlinkButton, LinkPicker } from './link-controls';

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
