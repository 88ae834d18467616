// The summary's first screen: the portfolio NPV, realised against planned, the top projects by NPV,
// the headline figures and how many projects need attention; all over every shown project.
import { useTranslation } from 'react-i18next';
import { money, usePayback, useRatio, type Money } from '~/components/projects/figures';
import { TopProjects } from '~/components/projects/top-projects';
import type { ProjectStatus } from '~/domain/vocabulary';
import type { SummaryPage } from '~/server/portfolio.server';

type Headline = Pick<SummaryPage, 'totals' | 'realisedBenefit' | 'topByNpv' | 'warnings'>;

export function SummaryHeadline({ summary, status, m, slug }: { summary: Headline; status?: ProjectStatus; m: Money; slug: string | null }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const ratio = useRatio();
  const payback = usePayback();
  const { totals, realisedBenefit, topByNpv, warnings } = summary;
  const figures: [string, string][] = [
    [t('summary.totals.investment'), money(totals.totalCost, m)],
    [t('summary.totals.benefits'), money(totals.totalBenefit, m)],
    [t('summary.totals.net'), money(totals.netBenefit, m)],
    [t('figures.roi'), ratio(totals.roi, m.locale)],
    [t('figures.payback'), payback(totals.paybackMonths)],
    [t('figures.runRate'), money(totals.runRateBenefit, m)],
  ];
  const flagged = warnings.flaggedProjects;
  return (
    <section className="panel" aria-labelledby="totals-heading">
      <h2 id="totals-heading">{status ? t('summary.totalsFor', { status: tc(`projectStatus.${status}`) }) : t('summary.totalsTitle')}</h2>
      <div className="summary-lead">
        <div>
          <div className="lead-figure">
            <span className="lead-label">{t('figures.npv')}</span>
            <span className="lead-value">{money(totals.npv, m)}</span>
          </div>
          <p className="realised-line">
            {realisedBenefit === null
              ? t('summary.noRealised')
              : t('realised.total', { amount: money(realisedBenefit, m), plan: t('realised.amount', { amount: money(totals.runRateBenefit, m) }) })}
          </p>
        </div>
        <div className="summary-top">
          <TopProjects projects={topByNpv} slug={slug} currency={m.currency} locale={m.locale} summaryLink={false} />
        </div>
      </div>
      <dl className="headline-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className={flagged ? 'notice warn' : 'muted'}>
        {flagged ? (
          <>
            {t('summary.attention', { count: flagged })} <a href="#summary-warnings-heading">{t('summary.seeWarnings')}</a>
          </>
        ) : (
          t('summary.noAttention')
        )}
      </p>
    </section>
  );
}
