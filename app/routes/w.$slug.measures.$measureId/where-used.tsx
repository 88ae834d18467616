// Every map and stage where the measure is placed, with current value, target and status.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { useMeasureValue } from '~/components/measures/unit';
import type { measureWhereUsed } from '~/server/measures.server';
import { useWorkspace } from '~/lib/workspace';
import { TableScroll } from '~/components/ui/table-scroll';

export function WhereUsed({ usedIn, unit }: { usedIn: Awaited<ReturnType<typeof measureWhereUsed>>; unit: string }) {
  const { t } = useTranslation(['measures', 'library']);
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}`;
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const num = (v: string | null) => measureValue(v, unit);
  return (
    <section className="panel" aria-labelledby="used-heading">
      <h2 id="used-heading">{t('measure.whereUsed', { count: usedIn.length })}</h2>
      {usedIn.length === 0 ? <p className="muted">{t('measure.unused')}</p> : null}
      {usedIn.length > 0 ? (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th>{t('measure.map')}</th>
                <th>{t('measure.stage')}</th>
                <th className="num">{t('kpi.current')}</th>
                <th className="num">{t('kpi.target')}</th>
                <th>{t('kpi.status')}</th>
                <th>
                  <span className="visually-hidden">{t('kpi.settings')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {usedIn.map((u) => (
                <tr key={u.kpiId}>
                  <td className="record-name">
                    <Link to={`${base}/maps/${u.mapId}`}>{u.mapName}</Link>
                  </td>
                  <td data-label={t('measure.stage')}>{u.stageName}</td>
                  <td className="num" data-label={t('kpi.current')}>
                    {num(u.current)}
                  </td>
                  <td className="num" data-label={t('kpi.target')}>
                    {num(u.target)}
                  </td>
                  <td data-label={t('kpi.status')}>
                    <KpiStatusChip status={u.status} />
                  </td>
                  <td className="record-actions">
                    <Link to={`${base}/maps/${u.mapId}/kpis/${u.kpiId}`} aria-label={t('measure.openKpi', { map: u.mapName, stage: u.stageName })}>
                      {t('kpi.settings')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
