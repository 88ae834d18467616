import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { StatusChip, WarningList, money, usePayback, useRatio } from '~/components/projects/figures';
import { PortfolioChart } from '~/components/projects/portfolio-chart';
import { RANK_KEYS } from '~/domain/business-case';
import { formatNumber } from '~/lib/format';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { summaryQuery, summarySearch } from '~/lib/schemas/projects';
import { requireMember } from '~/server/access.server';
import { loadPortfolio } from '~/server/portfolio.server';
import styles from '~/styles/projects.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = () => [{ title: 'ROI · Parcours' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = summaryQuery(new URL(request.url).searchParams);
  const portfolio = await loadPortfolio(workspace.id, query);
  return { ...portfolio, query };
}

export default function SummaryRoute() {
  const { totals, projects, topMeasures, warnings, counts, positiveNpv, query } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const ratio = useRatio();
  const payback = usePayback();
  const m = useMemo(() => ({ currency: workspace.currency, locale: workspace.locale }), [workspace.currency, workspace.locale]);
  const base = `/w/${workspace.slug}`;
  const sortLabel = { npv: t('figures.npv'), roi: t('figures.roi'), payback: t('figures.payback'), benefit: t('figures.totalBenefit') };
  const sortHeader = (key: (typeof RANK_KEYS)[number]) => (
    <th scope="col" className="num" aria-sort={query.sort === key ? (key === 'payback' ? 'ascending' : 'descending') : undefined}>
      <Link to={`?${summarySearch({ ...query, sort: key })}`} preventScrollReset aria-label={t('summary.sortBy', { key: sortLabel[key] })}>
        {sortLabel[key]}
        {query.sort === key ? <span aria-hidden="true"> {key === 'payback' ? '↑' : '↓'}</span> : null}
      </Link>
    </th>
  );
  const chartProjects = useMemo(() => projects.map((p) => ({ id: p.id, name: p.name, totalBenefit: p.totalBenefit, totalCost: p.totalCost })), [projects]);

  const figures: [string, string][] = [
    [t('summary.totals.investment'), money(totals.totalCost, m)],
    [t('summary.totals.benefits'), money(totals.totalBenefit, m)],
    [t('summary.totals.net'), money(totals.netBenefit, m)],
    [t('figures.npv'), money(totals.npv, m)],
    [t('figures.roi'), ratio(totals.roi, m.locale)],
    [t('figures.payback'), payback(totals.paybackMonths, m.locale)],
    [t('figures.runRate'), money(totals.runRateBenefit, m)],
  ];

  return (
    <div className="summary">
      <div className="page-header">
        <div>
          <h1>{t('summary.title')}</h1>
          <p>
            {t('summary.lead', { count: counts.shown })}{' '}
            {counts.shown > 0 ? t('summary.positive', { count: positiveNpv, total: counts.shown }) : null}
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

      <Form method="get" className="row panel filters no-print" aria-label={t('summary.filters')}>
        <div className="field">
          <label htmlFor="summary-status">{t('fields.status')}</label>
          <select id="summary-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">{t('summary.allStatuses')}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(`projectStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="summary-sort">{t('summary.rankBy')}</label>
          <select id="summary-sort" name="sort" defaultValue={query.sort}>
            {RANK_KEYS.map((k) => (
              <option key={k} value={k}>
                {sortLabel[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field actions">
          <button type="submit" className="secondary">
            {t('summary.apply')}
          </button>
        </div>
      </Form>

      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{query.status ? t('summary.totalsFor', { status: tc(`projectStatus.${query.status}`) }) : t('summary.totalsTitle')}</h2>
        <dl className="headline-figures">
          {figures.map(([label, value]) => (
            <div key={label} className="figure">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{t('summary.ranking.title', { key: sortLabel[query.sort] })}</h2>
        {projects.length === 0 ? (
          <p className="muted">{counts.all === 0 ? t('summary.noProjects') : t('summary.noneWithStatus')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data ranking">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{t('summary.ranking.project')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  {sortHeader('benefit')}
                  <th scope="col" className="num">{t('figures.totalCost')}</th>
                  {sortHeader('npv')}
                  {sortHeader('roi')}
                  {sortHeader('payback')}
                  <th scope="col" className="num">{t('warnings.title')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p, i) => (
                  <tr key={p.id}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">
                      <Link to={`${base}/projects/${p.id}`}>{p.name}</Link>
                      <div className="muted small">{t('summary.ranking.kpis', { count: p.kpiCount })}</div>
                    </th>
                    <td>
                      <StatusChip status={p.status} />
                    </td>
                    <td className="num">{money(p.totalBenefit, m)}</td>
                    <td className="num">{money(p.totalCost, m)}</td>
                    <td className="num">{money(p.npv, m)}</td>
                    <td className="num">{ratio(p.roi, m.locale)}</td>
                    <td className="num">{payback(p.paybackMonths, m.locale)}</td>
                    <td className="num">
                      {p.warningCount > 0 ? <span className="chip warn">{formatNumber(p.warningCount, m.locale)}</span> : <span className="chip good">0</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {projects.length > 0 ? (
        <section className="panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{t('summary.chart.title')}</h2>
          <PortfolioChart projects={chartProjects} years={totals.years} m={m} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="measures-heading">
        <h2 id="measures-heading">{t('summary.measures.title')}</h2>
        <p className="muted">{t('summary.measures.lead')}</p>
        {topMeasures.length === 0 ? (
          <p className="muted">{t('summary.measures.empty')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('summary.measures.measure')}</th>
                <th scope="col" className="num">{t('summary.measures.value')}</th>
                <th scope="col" className="num">{t('summary.measures.projects')}</th>
              </tr>
            </thead>
            <tbody>
              {topMeasures.map((mv) => (
                <tr key={mv.measureId}>
                  <th scope="row">
                    <Link to={`${base}/measures/${mv.measureId}`}>{mv.measureName}</Link>
                  </th>
                  <td className="num">{money(mv.value, m)}</td>
                  <td className="num">{mv.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

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
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
