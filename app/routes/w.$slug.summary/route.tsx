// The executive ROI summary. The server sends what the page shows, whatever the portfolio's size:
// totals over every shown project, one page of the ranking (sort, filter and page are GET
// parameters, so every view is a URL and works without JavaScript), a chart of the first projects
// plus "others", and a few warnings per project of the page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { printWithCharts } from '~/components/projects/use-chart';
import { SummaryFigures } from '~/components/summary/summary-figures';
import { useSortLabels } from '~/components/summary/ranking-table';
import { summaryQuery } from '~/lib/schemas/projects';
import { summarySearch } from '~/lib/summary-search';
import { todayIn } from '~/lib/time-zone';
import { requireMember } from '~/server/access.server';
import { loadSummaryPage } from '~/server/portfolio.server';
import { loadPortfolioRealised } from '~/server/realised-value.server';
import styles from '~/styles/projects.css?url';
import { useLiveData } from '~/lib/live';
import { useWorkspace } from '~/lib/workspace';
import { SummaryFilters } from './filters';
import { pageTitle } from '~/lib/page-title';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'summary');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects', 'priorities'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = summaryQuery(new URL(request.url).searchParams);
  const today = todayIn(workspace.timeZone);
  // The guard read the workspace row, with its figures revision: on a cached revision, no other query.
  const revision = workspace.figuresRevision;
  const [summary, realised] = await Promise.all([
    loadSummaryPage(workspace.id, { ...query, today, revision }),
    loadPortfolioRealised(workspace.id, { today, status: query.status, revision }),
  ]);
  // The page actually shown (a page past the end shows the last one).
  return { ...summary, query: { ...query, page: summary.ranking.page }, realised };
}

export default function SummaryRoute() {
  const data = useLoaderData<typeof loader>();
  const { counts, positiveNpv, query, realised } = data;
  const { workspace, canEdit } = useWorkspace();
  useLiveData({ figures: true });
  const { t } = useTranslation('projects');
  const m = useMemo(() => ({ currency: workspace.currency, locale: workspace.locale }), [workspace.currency, workspace.locale]);
  const base = `/w/${workspace.slug}`;
  const sortLabel = useSortLabels();

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
          <Link className="button secondary" to={`${base}/priorities`}>
            {t('priorities:fromSummary')}
          </Link>
          <button type="button" className="secondary" onClick={printWithCharts}>
            {t('print')}
          </button>
          <a className="button secondary" href={`${base}/summary/csv?${summarySearch({ sort: query.sort, status: query.status })}`} download>
            {t('exportCsv')}
          </a>
          {canEdit ? (
            // The share panel is a nested route: its code loads when it opens.
            <Link className="button secondary" to={`${base}/summary/share`} preventScrollReset>
              {t('common:actions.share')}
            </Link>
          ) : null}
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
        <SummaryFigures summary={data} realised={realised} query={query} sortLabel={sortLabel} m={m} slug={workspace.slug} />
      )}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
