// The versions of a map, newest first: each opens read-only on its own page. Older versions come a
// page at a time (?before=<the last version's seq>).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useAuthorNames, VersionChanges } from '~/components/history/version-summary';
import { formatDateTime } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { VersionList as VersionListData } from '~/server/map-versions.server';

export function VersionList({
  mapUrl,
  versions,
  older,
  paged,
}: {
  mapUrl: string;
  versions: VersionListData['versions'];
  older: number | null;
  paged: boolean;
}) {
  const { t } = useTranslation('history');
  const { workspace } = useWorkspace();
  const authorNames = useAuthorNames();
  const when = (d: Date | string) => formatDateTime(d, workspace.locale, workspace.timeZone);
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('listLabel')}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="version-list">
          {versions.map((v) => (
            <li key={v.id} className={v.name ? 'named' : undefined}>
              <h3>
                <Link to={`${mapUrl}/history/${v.id}`} aria-label={v.name ? t('openNamed', { name: v.name }) : t('openDated', { date: when(v.endedAt) })}>
                  {v.name ?? when(v.endedAt)}
                </Link>
                {v.open ? <span className="chip neutral">{t('inProgress')}</span> : null}
              </h3>
              <p className="muted small">
                {v.name ? (
                  <>
                    <time dateTime={new Date(v.endedAt).toISOString()}>{when(v.endedAt)}</time> ·{' '}
                  </>
                ) : null}
                {t('by', { names: authorNames(v.authors) })}
              </p>
              <VersionChanges summary={v.summary} restoredFrom={v.restoredFrom} />
            </li>
          ))}
        </ol>
      )}
      {older !== null || paged ? (
        <nav className="row version-pages" aria-label={t('listLabel')}>
          {paged ? <Link to=".">{t('newest')}</Link> : null}
          {older !== null ? <Link to={`?before=${older}`}>{t('older')} →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
