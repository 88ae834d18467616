// KPI health on the workspace home: how many KPIs are met, on track, off track or without trend.
import { useTranslation } from 'react-i18next';
import { KPI_STATUSES, type KpiStatus } from '~/domain/vocabulary';
import { KpiStatusChip } from './kpi-chip';

export function KpiHealthPanel({ health }: { health: Record<KpiStatus, number> & { total: number } }) {
  const { t } = useTranslation('measures');
  return (
    <section className="panel" aria-labelledby="kpi-health-heading">
      <h2 id="kpi-health-heading">{t('health.title')}</h2>
      {health.total === 0 ? (
        <p className="muted">{t('health.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('health.total', { count: health.total })}</p>
          <ul className="kpi-health" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
            {KPI_STATUSES.map((status) => (
              <li key={status}>
                <KpiStatusChip status={status} /> <strong>{health[status]}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
