// The ranking of the summary: one page of it, sorted on the server by the figure in the column header
// chosen; the rank is the project's place in the whole ranking.
import { Link } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusChip, money, usePayback, useRatio, type Money } from '~/components/projects/figures';
import type { RankKey } from '~/domain/business-case';
import { formatNumber } from '~/lib/format';
import { summarySearch, type SummaryQuery } from '~/lib/summary-search';
import type { SummaryPage } from '~/server/portfolio.server';
import { RankingPages } from './ranking-pages';
import { TableScroll } from '~/components/ui/table-scroll';

/** The name of each ranking key, as the column headers and the filters say it. */
export type SortLabels = Record<RankKey, string>;

export function useSortLabels(): SortLabels {
  const { t } = useTranslation('projects');
  // The same object while the language is (SummaryFigures is memoised on its props).
  return useMemo(() => ({ npv: t('figures.npv'), roi: t('figures.roi'), payback: t('figures.payback'), benefit: t('figures.totalBenefit') }), [t]);
}

interface RankingTableProps {
  ranking: SummaryPage['ranking'];
  counts: SummaryPage['counts'];
  query: SummaryQuery;
  sortLabel: SortLabels;
  m: Money;
  /** The workspace's address, for the links to the business cases; null on a shared summary. */
  base: string | null;
}

export function RankingTable({ ranking, counts, query, sortLabel, m, base }: RankingTableProps) {
  const projects = ranking.rows;
  const { t } = useTranslation('projects');
  const ratio = useRatio();
  const payback = usePayback();
  // The cells' labels (data-label: the narrow screen's stacked rows), looked up once, not per row.
  const label = { rank: t('summary.ranking.rank'), status: t('fields.status'), cost: t('figures.totalCost'), warnings: t('warnings.title') };
  const sortHeader = (key: RankKey) => (
    <th scope="col" className="num" aria-sort={query.sort === key ? (key === 'payback' ? 'ascending' : 'descending') : undefined}>
      <Link to={`?${summarySearch({ ...query, sort: key, page: 1 })}`} preventScrollReset aria-label={t('summary.sortBy', { key: sortLabel[key] })}>
        {sortLabel[key]}
        {query.sort === key ? <span aria-hidden="true"> {key === 'payback' ? '↑' : '↓'}</span> : null}
      </Link>
    </th>
  );
  return (
    <section className="panel" aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">{t('summary.ranking.title', { key: sortLabel[query.sort] })}</h2>
      {projects.length === 0 ? (
        <p className="muted">{counts.all === 0 ? t('summary.noProjects') : t('summary.noneWithStatus')}</p>
      ) : (
        <TableScroll>
          <table className="data ranking records">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">{t('summary.ranking.project')}</th>
                <th scope="col">{t('fields.status')}</th>
                {sortHeader('benefit')}
                <th scope="col" className="num">
                  {t('figures.totalCost')}
                </th>
                {sortHeader('npv')}
                {sortHeader('roi')}
                {sortHeader('payback')}
                <th scope="col" className="num">
                  {t('warnings.title')}
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p, i) => (
                <tr key={p.id}>
                  <td className="num" data-label={label.rank}>
                    {formatNumber(ranking.offset + i + 1, m.locale)}
                  </td>
                  <th scope="row" className="record-name">
                    {base ? <Link to={`${base}/projects/${p.id}`}>{p.name}</Link> : p.name}
                    <div className="muted small">{t('summary.ranking.kpis', { count: p.kpiCount })}</div>
                  </th>
                  <td data-label={label.status}>
                    <StatusChip status={p.status} />
                  </td>
                  <td className="num" data-label={sortLabel.benefit}>
                    {money(p.totalBenefit, m)}
                  </td>
                  <td className="num" data-label={label.cost}>
                    {money(p.totalCost, m)}
                  </td>
                  <td className="num" data-label={sortLabel.npv}>
                    {money(p.npv, m)}
                  </td>
                  <td className="num" data-label={sortLabel.roi}>
                    {ratio(p.roi, m.locale)}
                  </td>
                  <td className="num" data-label={sortLabel.payback}>
                    {payback(p.paybackMonths)}
                  </td>
                  <td className="num" data-label={label.warnings}>
                    {p.warningCount > 0 ? <span className="chip warn">{formatNumber(p.warningCount, m.locale)}</span> : <span className="chip good">0</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <RankingPages ranking={ranking} total={counts.shown} query={query} locale={m.locale} />
    </section>
  );
}
