// One webhook's delivery log (owners only): the most recent deliveries, each with every try (time,
// HTTP status or error, duration). Another workspace's webhook, or a malformed id, answers 404.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { UuidSchema } from '~/domain/fields';
import { formatDateTime } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { notFound } from '~/server/http.server';
import { DELIVERY_LOG_SIZE, getWebhook, listDeliveries } from '~/server/webhooks.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'webhookLog');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['api', 'webhooks'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'owner');
  const id = UuidSchema.safeParse(params.webhookId);
  if (!id.success) throw notFound();
  const found = await getWebhook(workspace.id, id.data);
  if (!found) throw notFound();
  return { webhook: found, deliveries: await listDeliveries(workspace.id, found.id), logSize: DELIVERY_LOG_SIZE };
}

export default function WebhookDeliveriesRoute() {
  const { webhook, deliveries, logSize } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const { t } = useTranslation('webhooks');
  const when = (d: Date | string) => formatDateTime(d, workspace.locale, workspace.timeZone);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('deliveriesTitle')}</h1>
          <p>
            <code>{webhook.url}</code> · {webhook.enabled ? t('enabled') : t('disabled')}
          </p>
          <p>{t('deliveriesLead', { count: logSize })}</p>
        </div>
        <Link to={`/w/${workspace.slug}/settings/webhooks`}>{t('backToWebhooks')}</Link>
      </div>
      <section className="panel" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading" className="visually-hidden">
          {t('deliveriesTitle')}
        </h2>
        {deliveries.length === 0 ? (
          <p className="muted">{t('noDeliveries')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('event')}</th>
                <th>{t('queued')}</th>
                <th>{t('status')}</th>
                <th>{t('tries')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    {t(`eventNames.${d.event}`, { defaultValue: d.event })}
                    <br />
                    <code className="muted">{d.id}</code>
                  </td>
                  <td>{when(d.createdAt)}</td>
                  <td>
                    {t(`statuses.${d.status}`)}
                    {d.status === 'pending' && d.attempts > 0 ? (
                      <>
                        <br />
                        <span className="muted">{t('nextTry', { when: when(d.nextAttemptAt) })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {d.tries.length === 0 ? (
                      <span className="muted">{t('noTries')}</span>
                    ) : (
                      <table>
                        <caption className="visually-hidden">{t('triesCount', { count: d.tries.length })}</caption>
                        <thead>
                          <tr>
                            <th>#</th>
                            <th>{t('tryTime')}</th>
                            <th>{t('tryResult')}</th>
                            <th>{t('tryDuration')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {d.tries.map((a) => (
                            <tr key={a.attempt}>
                              <td>{a.attempt}</td>
                              <td>{when(a.startedAt)}</td>
                              <td>{a.httpStatus !== null ? t('httpStatus', { status: a.httpStatus }) : a.error}</td>
                              <td>{t('durationMs', { ms: a.durationMs })}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
