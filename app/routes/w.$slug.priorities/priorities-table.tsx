// The matrix's figures as a table, sorted and paged by the server (links, so it works without
// JavaScript): every shown project with its status, value, effort, confidence, weighted score and
// rank by score (equal scores share a rank).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { StatusChip, money, type Money } from '~/components/projects/figures';
import { TableScroll } from '~/components/ui/table-scroll';
import { defaultDirection, type PrioritySortKey } from '~/domain/priorities';
import { formatNumber, formatPercent } from '~/lib/format';
import { prioritiesSearch, type PrioritiesQuery } from '~/lib/schemas/priorities';
import type { Priorities } from '~/server/priorities.server';

interface PrioritiesTableProps {
  rows: Priorities['rows'];
  page: Priorities['page'];
  query: PrioritiesQuery;
  criteriaCount: number;
  m: Money;
  base: string;
}

export function PrioritiesTable({ rows, page, query, criteriaCount, m, base }: PrioritiesTableProps) {
  const { t } = useTranslation('priorities');
  const label = (key: PrioritySortKey) => t(`table.columns.${key}`);
  const sortHeader = (key: PrioritySortKey, numeric = true) => {
    const active = query.sort === key;
    // The active column's link turns its order over; another column starts in its natural order.
    const dir = active ? (query.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(key);
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link to={`?${prioritiesSearch({ ...query, sort: key, dir, page: 1 })}`} preventScrollReset>
          {label(key)}
          {active ? <span aria-hidden="true"> {query.dir === 'asc' ? '↑' : '↓'}</span> : null}
          <span className="visually-hidden"> ({active ? t(dir === 'asc' ? 'table.sortAsc' : 'table.sortDesc') : t('table.sort')})</span>
        </Link>
      </th>
    );
  };
  const pageLink = (n: number) => `?${prioritiesSearch({ ...query, page: n })}`;

  return (
    <section className="panel" aria-labelledby="priorities-table-heading">
      <h2 id="priorities-table-heading">{t('table.title', { key: label(query.sort) })}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('table.noneWithStatus')}</p>
      ) : (
        <>
          <TableScroll>
            <table className="data records priorities-table">
              <caption className="visually-hidden">{t('table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('table.columns.rank')}
                  </th>
                  {sortHeader('name', false)}
                  {sortHeader('status', false)}
                  {sortHeader('npv')}
                  {sortHeader('benefit')}
                  {sortHeader('cost')}
                  {sortHeader('confidence')}
                  {sortHeader('score')}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="num" data-label={t('table.columns.rank')}>
                      {r.rank === null ? <span className="muted">—</span> : formatNumber(r.rank, m.locale)}
                      {r.tied ? <span className="muted small"> {t('table.tied')}</span> : null}
                    </td>
                    <th scope="row" className="record-name">
                      <Link to={`${base}/projects/${r.id}`}>{r.name}</Link>
                    </th>
                    <td data-label={label('status')}>
                      <StatusChip status={r.status} />
                    </td>
                    <td className="num" data-label={label('npv')}>
                      {money(r.npv, m)}
                    </td>
                    <td className="num" data-label={label('benefit')}>
                      {money(r.runRateBenefit, m)}
                    </td>
                    <td className="num" data-label={label('cost')}>
                      {money(r.totalCost, m)}
                    </td>
                    <td className="num" data-label={label('confidence')}>
                      {formatPercent(r.confidence, m.locale, 0)}
                    </td>
                    <td className="num" data-label={label('score')}>
                      {r.score === null ? <span className="muted">{t('table.noScore')}</span> : formatNumber(r.score, m.locale, 1)}
                      {criteriaCount > 0 && r.scored < r.weighted ? (
                        <div className="muted small">{t('table.scoredOf', { scored: r.scored, count: r.weighted })}</div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {page.pageCount > 1 ? (
            <nav className="pager row" aria-label={t('table.pages')}>
              {page.page > 1 ? (
                <Link to={pageLink(page.page - 1)} rel="prev" preventScrollReset>
                  ← {t('table.previous')}
                </Link>
              ) : null}
              <span aria-current="page">{t('table.page', { page: page.page, count: page.pageCount })}</span>
              {page.page < page.pageCount ? (
                <Link to={pageLink(page.page + 1)} rel="next" preventScrollReset>
                  {t('table.next')} →
                </Link>
              ) : null}
            </nav>
          ) : null}
          <p className="muted small">{t('table.total', { count: page.total })}</p>
        </>
      )}
    </section>
  );
}
