// A shared executive summary: its title, and the same figures as the members' summary (the ranking
// sorts and pages on this page's own address), naming projects and measures without linking to them.
import { useTranslation } from 'react-i18next';
import type { Money } from '~/components/projects/figures';
import { useSortLabels } from '~/components/summary/ranking-table';
import { SummaryFigures } from '~/components/summary/summary-figures';
import type { SharedView } from '~/server/shared-views.server';

export function SharedSummary({ view, m }: { view: Extract<SharedView, { kind: 'summary' }>; m: Money }) {
  const { t } = useTranslation('projects');
  const sortLabel = useSortLabels();
  const { summary, realised, query } = view;
  const { counts, positiveNpv } = summary;
  return (
    <div className="summary">
      <div className="page-header">
        <div>
          <h1>{t('summary.title')}</h1>
          <p>
            {t('summary.lead', { count: counts.shown })} {counts.shown > 0 ? t('summary.positive', { count: positiveNpv, total: counts.shown }) : null}
          </p>
        </div>
      </div>
      {counts.all === 0 ? (
        <p className="muted">{t('summary.noProjects')}</p>
      ) : (
        <SummaryFigures summary={summary} realised={realised} query={query} sortLabel={sortLabel} m={m} slug={null} />
      )}
    </div>
  );
}
