// The plan's pages: links that keep the filters, so paging works without scripts.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { indicatorSearch, type IndicatorFilters } from '~/lib/schemas/indicators';
import { useWorkspace } from '~/lib/workspace';

export function PlanPages({ filters, page, pageCount }: { filters: IndicatorFilters; page: number; pageCount: number }) {
  const { t } = useTranslation('indicators');
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/indicators`;
  if (pageCount <= 1) return null;
  return (
    <nav className="plan-pages no-print" aria-label={t('plan.pages.label')}>
      {page > 1 ? (
        <Link to={`${base}${indicatorSearch(filters, page - 1)}`} rel="prev">
          ← {t('plan.pages.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('plan.pages.status', { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={`${base}${indicatorSearch(filters, page + 1)}`} rel="next">
          {t('plan.pages.next')} →
        </Link>
      ) : null}
    </nav>
  );
}
