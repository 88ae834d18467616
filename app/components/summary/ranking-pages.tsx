// Pages of the summary's ranking: plain links (the page is a GET parameter), so they work before
// JavaScript loads and every page is a URL. The first and last pages and the ones around the
// current page are linked; gaps show as an ellipsis.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '~/lib/format';
import { summarySearch, type SummaryQuery } from '~/lib/summary-search';
import type { SummaryPage } from '~/server/portfolio.server';

/** The page numbers to link: 1, the last, and two either side of the current one (0 for a gap). */
function pageWindow(page: number, pageCount: number): number[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [0, n] : [n]));
}

export function RankingPages({ ranking, total, query, locale }: { ranking: SummaryPage['ranking']; total: number; query: SummaryQuery; locale: string }) {
  const { t } = useTranslation('projects');
  const { page, pageCount, offset, rows } = ranking;
  if (total === 0) return null;
  const to = (n: number) => `?${summarySearch({ ...query, page: n })}`;
  return (
    <nav className="pagination no-print" aria-label={t('summary.pages.label')}>
      <p className="muted small">
        {t('summary.pages.showing', {
          from: formatNumber(offset + 1, locale),
          to: formatNumber(offset + rows.length, locale),
          total: formatNumber(total, locale),
        })}
      </p>
      {pageCount > 1 ? (
        <ul className="row">
          <li>{page > 1 ? <Link to={to(page - 1)}>{t('summary.pages.previous')}</Link> : <span className="muted">{t('summary.pages.previous')}</span>}</li>
          {pageWindow(page, pageCount).map((n, i) =>
            n === 0 ? (
              <li key={`gap-${i}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={n}>
                {n === page ? (
                  <span aria-current="page" className="current-page">
                    {formatNumber(n, locale)}
                  </span>
                ) : (
                  <Link to={to(n)} aria-label={t('summary.pages.goTo', { page: formatNumber(n, locale) })}>
                    {formatNumber(n, locale)}
                  </Link>
                )}
              </li>
            ),
          )}
          <li>{page < pageCount ? <Link to={to(page + 1)}>{t('summary.pages.next')}</Link> : <span className="muted">{t('summary.pages.next')}</span>}</li>
        </ul>
      ) : null}
    </nav>
  );
}
