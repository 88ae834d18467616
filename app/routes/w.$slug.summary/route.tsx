import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { WarningList, money, usePayback, useRatio } from '~/components/projects/figures';
import { PortfolioChart } from '~/components/projects/portfolio-chart';
import { TopProjects } from '~/components/projects/top-projects';
import { summaryQuery, summarySearch } from '~/lib/schemas/projects';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { loadPortfolio } from '~/server/portfolio.server';
import styles from '~/styles/projects.css?url';
import { useLiveData } from '~/lib/live';
import { useWorkspace } from '~/lib/workspace';
import { SummaryFilters, type SortLabels } from './filters';
import { RankingTable } from './ranking-table';
import { TopMeasures } from './top-measures';
import { pageTitle } from '~/lib/page-title';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'summary');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = summaryQuery(new URL(request.url).searchParams);
  const portfolio = await loadPortfolio(workspace.id, { ...query, today: todayIn(workspace.timeZone) });
  return { ...portfolio, query };
}

export default function SummaryRoute() {
  const { totals, projects, topMeasures, topByNpv, realisedBenefit, warnings, counts, positiveNpv, query } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  useLiveData({ figures: true });
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const ratio = useRatio();
  const payback = usePayback();
  const m = useMemo(() => ({ currency: workspace.currency, locale: workspace.locale }), [workspace.currency, workspace.locale]);
  const base = `/w/${workspace.slug}`;
  const sortLabel: SortLabels = { npv: t('figures.npv'), roi: t('figures.roi'), payback: t('figures.payback'), benefit: t('figures.totalBenefit') };
  const chartProjects = useMemo(() => projects.map((p) => ({ id: p.id, name: p.name, totalBenefit: p.totalBenefit, totalCost: p.totalCost })), [projects]);

  // The portfolio NPV leads; the other figures follow it.
  const figures: [string, string][] = [
    [t('summary.totals.investment'), money(totals.totalCost, m)],
    [t('summary.totals.benefits'), money(totals.totalBenefit, m)],
    [t('summary.totals.net'), money(totals.netBenefit, m)],
    [t('figures.roi'), ratio(totals.roi, m.locale)],
    [t('figures.payback'), payback(totals.paybackMonths)],
    [t('figures.runRate'), money(totals.runRateBenefit, m)],
  ];
  const flagged = warnings.length;

  return (
    <div className="summary">
      <div className="page-header">
        <div>
          <h1>{t('summary.title')}</h1>
          <p>
            {t('summary.lead', { count: counts.shown })} {counts.shown > 0 ? t('summary.positive', { count: positiveNpv, total: counts.shown }) : null}
          </p>
        </div>
        <div className="row no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <a className="button secondary" href={`${base}/summary/csv?${summarySearch(query)}`} download>
            {t('exportCsv')}
          </a>
        </div>
      </div>

      {counts.all > 0 ? <SummaryFilters query={query} sortLabel={sortLabel} /> : null}

      {counts.all === 0 ? (
        <section className="panel" aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('summary.emptyTitle')}</h2>
          <p>{t('summary.emptyLead')}</p>
          <Link className="button" to={`${base}/projects`}>
            {t('summary.emptyAction')}
          </Link>
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">{query.status ? t('summary.totalsFor', { status: tc(`projectStatus.${query.status}`) }) : t('summary.totalsTitle')}</h2>
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
                <TopProjects projects={topByNpv} slug={workspace.slug} currency={m.currency} locale={m.locale} summaryLink={false} />
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

          {projects.length > 0 ? (
            <section className="panel" aria-labelledby="chart-heading">
              <h2 id="chart-heading">{t('summary.chart.title')}</h2>
              <PortfolioChart projects={chartProjects} years={totals.years} m={m} />
            </section>
          ) : null}

          <RankingTable projects={projects} counts={counts} query={query} sortLabel={sortLabel} m={m} base={base} />

          <section className="panel" aria-labelledby="summary-warnings-heading">
            <h2 id="summary-warnings-heading">{t('warnings.title')}</h2>
            {warnings.length === 0 ? <p className="muted">{t('warnings.none')}</p> : null}
            {warnings.map((w) => (
              <div key={w.projectId} className="project-warnings">
                <h3>
                  <Link to={`${base}/projects/${w.projectId}`}>{w.projectName}</Link>
                </h3>
                <WarningList warnings={w.warnings} locale={workspace.locale} />
              </div>
            ))}
          </section>

          <TopMeasures topMeasures={topMeasures} m={m} base={base} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
