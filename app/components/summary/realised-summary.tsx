// The summary's realised value: the headline tile "Realised benefit to date" of the portfolio beside
// what the plans expected by now, and the month-by-month chart with its table. The series arrives
// summed by the server (loadPortfolioRealised): no project's history reaches the browser.
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import { RealisedChart, type RealisedMonth } from '~/components/projects/realised-chart';

export interface PortfolioRealisedData {
  months: RealisedMonth[];
  plannedToDate: string;
  realisedToDate: string;
  excludedCount: number;
}

export function RealisedSummary({ realised, m }: { realised: PortfolioRealisedData; m: Money }) {
  const { t } = useTranslation('projects');
  return (
    <section className="panel" aria-labelledby="realised-heading">
      <h2 id="realised-heading">{t('realisedValue.title')}</h2>
      <dl className="headline-figures">
        <div className="figure">
          <dt>{t('realisedValue.toDate')}</dt>
          <dd>{money(realised.realisedToDate, m)}</dd>
        </div>
        <div className="figure">
          <dt>{t('realisedValue.plannedToDate')}</dt>
          <dd>{money(realised.plannedToDate, m)}</dd>
        </div>
      </dl>
      {realised.months.length === 0 ? (
        <p className="muted">{t('realisedValue.noMonths')}</p>
      ) : (
        <>
          <RealisedChart months={realised.months} m={m} caption={t('realisedValue.portfolioCaption')} />
          <p className="muted realised-explain">{t('realisedValue.explain')}</p>
        </>
      )}
      {realised.excludedCount > 0 ? <p className="muted">{t('realisedValue.excluded', { count: realised.excludedCount })}</p> : null}
    </section>
  );
}
