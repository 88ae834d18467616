import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { formatDateTime } from '~/lib/format';
import { requireMember } from '~/server/access.server';
import { ACTIVITY_PAGE_SIZE, listActivity } from '~/server/activity.server';
import { useWorkspace } from '~/lib/workspace';
import { TableScroll } from '~/components/ui/table-scroll';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'activity');

/** Its texts are a namespace of their own: the other pages do not load them. */
export const handle = { i18n: ['activity'] };

const QuerySchema = z.object({ before: z.coerce.date().optional().catch(undefined) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const entries = await listActivity(workspace.id, query.before);
  return { entries, hasMore: entries.length === ACTIVITY_PAGE_SIZE };
}

export default function ActivityRoute() {
  const { entries, hasMore } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const { t } = useTranslation('activity');
  const last = entries.at(-1);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('lead')}</p>
        </div>
      </div>
      <section className="panel">
        {entries.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <TableScroll>
            <table className="data records">
              <thead>
                <tr>
                  <th>{t('when')}</th>
                  <th>{t('who')}</th>
                  <th>{t('what')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="small" data-label={t('when')}>
                      {formatDateTime(e.at, workspace.locale, workspace.timeZone)}
                    </td>
                    <td data-label={t('who')}>{e.actorName ?? t('someone')}</td>
                    <td className="record-name">
                      <strong>{t(`entity.${e.entityType}`, { defaultValue: e.entityType })}</strong>{' '}
                      {t(`action.${e.action}`, {
                        defaultValue: e.action,
                        // French agrees the participle with the entity: "Mesure créée", "Projet créé".
                        context: t(`grammar.gender.${e.entityType}`, { defaultValue: '' }) || undefined,
                      })}
                      {t('common:punctuation.colon')} {e.summary}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {hasMore && last ? (
          <p style={{ marginTop: 12 }}>
            <Link to={`?before=${encodeURIComponent(new Date(last.at).toISOString())}`}>{t('older')} →</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
