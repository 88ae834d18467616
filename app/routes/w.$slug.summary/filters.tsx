// The summary's filters: a plain GET form (status and ranking key), so a filtered summary is a URL.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RANK_KEYS } from '~/domain/business-case';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import type { SortLabels } from '~/components/summary/ranking-table';
import type { summaryQuery } from '~/lib/schemas/projects';

type SummaryQuery = ReturnType<typeof summaryQuery>;

export function SummaryFilters({ query, sortLabel }: { query: SummaryQuery; sortLabel: SortLabels }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  return (
    <Form method="get" className="row filters summary-toolbar no-print" role="search" aria-label={t('summary.filters')}>
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
  );
}
