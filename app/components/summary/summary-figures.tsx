// The executive summary's figures, below its title and filters: the totals, the chart, realised
// value, one page of the ranking, the warnings and the measures carrying the most value. Shared by the
// members' summary page and its read-only share page (which passes no workspace address, so nothing
// links into the workspace).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '~/components/projects/figures';
import { PortfolioChart } from '~/components/projects/portfolio-chart';
import type { SummaryQuery } from '~/lib/summary-search';
import type { SummaryPage } from '~/server/portfolio.server';
import { SummaryHeadline } from './headline';
import { RankingTable, type SortLabels } from './ranking-table';
import { RealisedSummary, type PortfolioRealisedData } from './realised-summary';
import { SummaryWarnings } from './summary-warnings';
import { TopMeasures } from './top-measures';

/**
 * Memoised: its props are the loader's data and values kept stable by the page, so the router's own
 * updates after hydration (the routes it discovers for the page's links, each a new router state,
 * which renders every route component again) do not render the figures again. Counted on the
 * 300-project summary: the page rendered three times as it loaded, ~1,560 translations in all.
 */
export const SummaryFigures = memo(function SummaryFigures({
  summary,
  realised,
  query,
  sortLabel,
  m,
  slug,
}: {
  summary: SummaryPage;
  realised: PortfolioRealisedData;
  query: SummaryQuery;
  sortLabel: SortLabels;
  m: Money;
  /** The workspace, for links to its projects and measures; null on a shared summary. */
  slug: string | null;
}) {
  const { t } = useTranslation('projects');
  const base = slug ? `/w/${slug}` : null;
  return (
    <>
      <SummaryHeadline summary={summary} status={query.status} m={m} slug={slug} />

      {summary.chartBars.length > 0 ? (
        <section className="panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{t('summary.chart.title')}</h2>
          <PortfolioChart bars={summary.chartBars} years={summary.totals.years} m={m} />
        </section>
      ) : null}

      <RealisedSummary realised={realised} m={m} />

      <RankingTable ranking={summary.ranking} counts={summary.counts} query={query} sortLabel={sortLabel} m={m} base={base} />
      <SummaryWarnings warnings={summary.warnings} base={base} locale={m.locale} />
      <TopMeasures topMeasures={summary.topMeasures} m={m} base={base} />
    </>
  );
});
