// The warnings of the projects on the summary's page of the ranking: a few per project, with the
// number of the others, which its business case lists in full.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { WarningList } from '~/components/projects/figures';
import type { SummaryPage } from '~/server/portfolio.server';

/** `base`: the workspace's address, for the links to the business cases; null on a shared summary. */
export function SummaryWarnings({ warnings, base, locale }: { warnings: SummaryPage['warnings']; base: string | null; locale: string }) {
  const { t } = useTranslation('projects');
  return (
    <section className="panel" aria-labelledby="summary-warnings-heading">
      <h2 id="summary-warnings-heading">{t('warnings.title')}</h2>
      {warnings.flaggedProjects === 0 ? (
        <p className="muted">{t('warnings.none')}</p>
      ) : (
        <p className="muted">{t('summary.warningsLead', { count: warnings.flaggedProjects })}</p>
      )}
      {warnings.onPage.map((w) => (
        <div key={w.projectId} className="project-warnings">
          <h3>{base ? <Link to={`${base}/projects/${w.projectId}`}>{w.projectName}</Link> : w.projectName}</h3>
          <WarningList warnings={w.warnings} locale={locale} />
          {w.more > 0 ? (
            <p className="small">
              {base ? (
                <Link to={`${base}/projects/${w.projectId}`}>{t('summary.moreWarnings', { count: w.more, project: w.projectName })}</Link>
              ) : (
                t('summary.moreWarnings', { count: w.more, project: w.projectName })
              )}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
