// On a KPI's settings page: the projects that count on this KPI, with their attribution shares, and
// a warning when the shares of the live projects add up to more than 100 % (double counting).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { doubleCounting } from '~/domain/business-case';
import { sum, toDecimalString } from '~/domain/decimal';
import { formatPercent } from '~/lib/format';
import { StatusChip } from './figures';

/** What listProjectsForKpi (app/server/projects.server.ts) returns for each project. */
export interface KpiProjectLink {
  id: string;
  name: string;
  status: string;
  /** Fraction. */
  share: string;
  archived: boolean;
}

export function KpiProjects({ kpiId, projects, slug, locale }: { kpiId: string; projects: readonly KpiProjectLink[]; slug: string; locale: string }) {
  const { t } = useTranslation('projects');
  const live = projects.filter((p) => !p.archived);
  const total = toDecimalString(sum(...live.map((p) => p.share)));
  const overShared = doubleCounting(live.map((p) => ({ kpiId, projectId: p.id, share: p.share }))).length > 0;
  return (
    <section className="panel" aria-labelledby="kpi-projects-heading">
      <h2 id="kpi-projects-heading">{t('kpiProjects.title')}</h2>
      {projects.length === 0 ? (
        <p className="muted">{t('kpiProjects.none')}</p>
      ) : (
        <>
          <ul>
            {projects.map((p) => (
              <li key={p.id}>
                <Link to={`/w/${slug}/projects/${p.id}`}>{p.name}</Link> <StatusChip status={p.status} />{' '}
                {t('kpiProjects.share', { share: formatPercent(p.share, locale, 1) })}
                {p.archived ? (
                  <>
                    {' '}
                    <span className="chip neutral">{t('archived')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {overShared ? (
            <p className="notice warn" role="status">
              <span className="chip warn">{t('warnings.chip.double_counting')}</span> {t('kpiProjects.overShared', { total: formatPercent(total, locale, 1) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
