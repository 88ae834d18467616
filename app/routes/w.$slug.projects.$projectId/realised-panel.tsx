// Planned vs realised on the business case: what the project has realised so far beside what its
// plan expected by now, and the month-by-month chart with its table. The series is computed on the
// server from the saved assumptions (the what-if panel does not change it).
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import { RealisedChart, type RealisedMonth } from '~/components/projects/realised-chart';
import type { RealisedExclusion, RealisedStatus } from '~/domain/business-case';
import { formatDate } from '~/lib/format';

export interface ProjectRealisedData {
  status: RealisedStatus;
  excluded: { kpiId: string; reason: RealisedExclusion }[];
  months: RealisedMonth[];
  plannedToDate: string;
  realisedToDate: string;
}

export function RealisedPanel({
  series,
  startDate,
  kpiNames,
  m,
}: {
  series: ProjectRealisedData;
  startDate: string | null;
  /** "NPS @ Onboarding" by KPI id, for the KPIs that count for nothing. */
  kpiNames: ReadonlyMap<string, string>;
  m: Money;
}) {
  const { t } = useTranslation('projects');
  return (
    <section className="panel" aria-labelledby="realised-heading">
      <h2 id="realised-heading">{t('realisedValue.title')}</h2>
      {series.status === 'no_start' ? (
        <p className="muted">{t('realised.noStart')}</p>
      ) : series.status === 'not_started' ? (
        <p className="muted">{t('realisedValue.notStarted', { date: formatDate(startDate ?? '', m.locale) })}</p>
      ) : (
        <>
          <dl className="headline-figures">
            <div className="figure">
              <dt>{t('realisedValue.toDate')}</dt>
              <dd>{money(series.realisedToDate, m)}</dd>
            </div>
            <div className="figure">
              <dt>{t('realisedValue.plannedToDate')}</dt>
              <dd>{money(series.plannedToDate, m)}</dd>
            </div>
          </dl>
          <p className="muted">{t('realisedValue.explain')}</p>
          <RealisedChart months={series.months} m={m} caption={t('realisedValue.projectCaption')} />
        </>
      )}
      {series.status !== 'no_start' && series.excluded.length > 0 ? (
        <ul className="realised-excluded">
          {series.excluded.map((x) => (
            <li key={x.kpiId}>
              {t(x.reason === 'no_baseline' ? 'realisedValue.excludedNoBaseline' : 'realisedValue.excludedNoValue', { kpi: kpiNames.get(x.kpiId) ?? '' })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
