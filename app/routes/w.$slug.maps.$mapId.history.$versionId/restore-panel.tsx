// "Restore this version" (editors): what restoring would change, said before it is done, and the
// button. A refused restore (the map changed since the page was read) says so and offers a reload.
import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { isEmptySummary, type VersionSummary } from '~/domain/map-history';
import { RestoreVersionSchema } from '~/lib/schemas/history';
import { summaryText } from '~/lib/version-summary';

export function RestorePanel({ restore, head, stale }: { restore: VersionSummary; head: number; stale: boolean }) {
  const { t } = useTranslation('history');
  const location = useLocation();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const nothing = isEmptySummary(restore);
  return (
    <section className="panel" aria-labelledby="restore-heading">
      <h2 id="restore-heading">{t('version.restoreTitle')}</h2>
      <div aria-live="polite">
        {stale ? (
          <p className="notice warn" role="alert">
            {t('version.stale')}{' '}
            <Link to={location.pathname} reloadDocument>
              {t('version.reload')}
            </Link>
          </p>
        ) : null}
      </div>
      {nothing ? (
        <p className="muted">{t('version.restoreNothing')}</p>
      ) : (
        <>
          <p>{t('version.restoreLead')}</p>
          <p>{t('version.restoreWill', { changes: summaryText(restore, translate).replace(/^./, (c) => c.toLocaleLowerCase()) })}</p>
          {restore.counts.kpi.removed > 0 ? <p className="notice warn">{t('version.kpiWarning')}</p> : null}
          <ButtonForm id="restore-version" schema={RestoreVersionSchema} fields={{ intent: 'restore', head }} confirm={t('version.confirm')} className="">
            <button type="submit">{t('version.restore')}</button>
          </ButtonForm>
        </>
      )}
    </section>
  );
}
