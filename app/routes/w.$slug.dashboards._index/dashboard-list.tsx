// The dashboards a member can see: name, audience, visibility, creator and size.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '~/components/ui/table-scroll';
import { audienceText } from '~/domain/dashboards';
import { useWorkspace } from '~/lib/workspace';
import type { DashboardListRow } from '~/server/dashboards.server';

export function DashboardList({ dashboards }: { dashboards: readonly Omit<DashboardListRow, 'updatedAt'>[] }) {
  const { t } = useTranslation('indicators');
  const { workspace } = useWorkspace();
  return (
    <section className="panel" aria-labelledby="dashboards-heading">
      <h2 id="dashboards-heading">{t('dashboards.listTitle')}</h2>
      {dashboards.length === 0 ? (
        <p className="muted">{t('dashboards.empty')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th scope="col">{t('dashboards.name')}</th>
                <th scope="col">{t('dashboards.audience')}</th>
                <th scope="col">{t('dashboards.visibility')}</th>
                <th scope="col">{t('dashboards.createdBy')}</th>
                <th scope="col" className="num">
                  {t('dashboards.measures')}
                </th>
              </tr>
            </thead>
            <tbody>
              {dashboards.map((d) => (
                <tr key={d.id}>
                  <td className="record-name">
                    <Link to={`/w/${workspace.slug}/dashboards/${d.id}`}>{d.name}</Link>
                  </td>
                  <td data-label={t('dashboards.audience')}>{audienceText(d.audience, d.customAudience, (a) => t(`audience.${a}`))}</td>
                  <td data-label={t('dashboards.visibility')}>{d.shared ? t('dashboards.isShared') : t('dashboards.isPrivate')}</td>
                  <td data-label={t('dashboards.createdBy')}>{d.ownerName ?? t('dashboards.someone')}</td>
                  <td className="num" data-label={t('dashboards.measures')}>
                    {t('dashboards.measureCount', { count: d.measureCount })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
