// The inbox's entries: "who did what, on what" as the link to the thread (opening it marks the
// entry read), an excerpt of the comment, when, whether it is unread (in words), and a button to
// mark it read without opening it.
import { Link, useFetcher } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { excerpt, threadHref } from '~/domain/comments';
import { formatDateTime } from '~/lib/format';
import { NotificationReadSchema, NotificationsReadAllSchema } from '~/lib/schemas/comments';
import { useWorkspace } from '~/lib/workspace';
import type { listNotifications } from '~/server/comments.server';

type Page = Awaited<ReturnType<typeof listNotifications>> & { paged: boolean };

export function Inbox({ page }: { page: Page }) {
  const { t } = useTranslation('comments');
  const { workspace, notifications: bell } = useWorkspace();
  const readOnOpen = useFetcher({ key: 'notification-read' });
  const base = `/w/${workspace.slug}`;
  const last = page.notifications.at(-1);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.lead')}</p>
        </div>
        {bell.unread > 0 ? (
          <ButtonForm id="read-all" schema={NotificationsReadAllSchema} fields={{ intent: 'readAll' }}>
            <button type="submit" className="secondary">
              {t('inbox.readAll')}
            </button>
          </ButtonForm>
        ) : null}
      </div>
      <section className="panel" aria-label={t('inbox.title')}>
        {page.notifications.length === 0 ? (
          <p className="muted">{page.paged ? t('inbox.noOlder') : t('inbox.empty')}</p>
        ) : (
          <ol className="inbox">
            {page.notifications.map((n) => {
              const unread = !n.readAt;
              const target = t(`target.${n.target.type}`, { name: n.target.name });
              const when = formatDateTime(n.createdAt, workspace.locale, workspace.timeZone);
              return (
                <li key={n.id} className={`notification${unread ? ' unread' : ''}`}>
                  <p className="notification-title">
                    <Link
                      to={threadHref(workspace.slug, n.threadId, n.target)}
                      onClick={() => {
                        if (unread) readOnOpen.submit({ intent: 'read', notificationId: n.id }, { method: 'post', action: `${base}/notifications` });
                      }}
                    >
                      {t(`inbox.${n.kind}`, { name: n.actorName ?? t('comment.formerMember'), target })}
                    </Link>
                  </p>
                  {n.mapName ? <p className="small muted">{t('inbox.onMap', { map: n.mapName })}</p> : null}
                  <p className="notification-excerpt">{excerpt(n.body) || t('comment.deleted')}</p>
                  <div className="notification-foot small">
                    <time dateTime={new Date(n.createdAt).toISOString()} className="muted">
                      {when}
                    </time>
                    {unread ? (
                      <>
                        <span className="chip warn">{t('inbox.unread')}</span>
                        <ButtonForm id={`read-${n.id}`} schema={NotificationReadSchema} fields={{ intent: 'read', notificationId: n.id }}>
                          <button
                            type="submit"
                            className="secondary small"
                            aria-label={t('inbox.markReadOf', { what: t(`label.${n.target.type}`, { name: n.target.name }), date: when })}
                          >
                            {t('inbox.markRead')}
                          </button>
                        </ButtonForm>
                      </>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <p className="inbox-pages">
          {page.paged ? <Link to=".">← {t('inbox.newest')}</Link> : null}
          {page.hasMore && last ? <Link to={`?before=${last.id}`}>{t('inbox.older')} →</Link> : null}
        </p>
      </section>
    </>
  );
}
