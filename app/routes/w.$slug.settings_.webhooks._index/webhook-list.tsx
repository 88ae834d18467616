// The workspace's webhooks: URL, events, creator, created, last delivery, state, and per row the
// delivery log link and the actions (test, enable/disable, rotate the secret, delete).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDayOf } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { listWebhooks } from '~/server/webhooks.server';
import { TableScroll } from '~/components/ui/table-scroll';

type Webhook = Awaited<ReturnType<typeof listWebhooks>>[number];

function RowAction({ webhookId, intent, label, name }: { webhookId: string; intent: string; label: string; name: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <button type="submit" className="link" aria-label={name}>
        {label}
      </button>
    </Form>
  );
}

export function WebhookList({ webhooks }: { webhooks: readonly Webhook[] }) {
  const { t } = useTranslation('webhooks');
  const { workspace } = useWorkspace();
  return (
    <section className="panel" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t('list')}</h2>
      {webhooks.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <TableScroll>
          <table className="data records">
            <thead>
              <tr>
                <th>{t('url')}</th>
                <th>{t('events')}</th>
                <th>{t('creator')}</th>
                <th>{t('created')}</th>
                <th>{t('lastDelivery')}</th>
                <th>{t('state')}</th>
                <th>
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr key={w.id}>
                  <td className="record-name">
                    <code>{w.url}</code>
                  </td>
                  <td data-label={t('events')}>{w.events.map((e) => t(`eventNames.${e}`)).join(', ')}</td>
                  <td data-label={t('creator')}>{w.creatorName ?? '—'}</td>
                  <td data-label={t('created')}>{formatDayOf(w.createdAt, workspace.locale, workspace.timeZone)}</td>
                  <td data-label={t('lastDelivery')}>
                    {w.lastStatus && w.lastAt
                      ? `${t(`statuses.${w.lastStatus}`)} · ${formatDateTime(w.lastAt, workspace.locale, workspace.timeZone)}`
                      : t('noDelivery')}
                  </td>
                  <td data-label={t('state')}>{w.enabled ? t('enabled') : t('disabled')}</td>
                  <td className="record-actions">
                    <div className="row">
                      <Link to={`/w/${workspace.slug}/settings/webhooks/${w.id}`} aria-label={t('logNamed', { url: w.url })}>
                        {t('log')}
                      </Link>
                      {w.enabled ? <RowAction webhookId={w.id} intent="test" label={t('test')} name={t('testNamed', { url: w.url })} /> : null}
                      {w.enabled ? (
                        <RowAction webhookId={w.id} intent="disable" label={t('disable')} name={t('disableNamed', { url: w.url })} />
                      ) : (
                        <RowAction webhookId={w.id} intent="enable" label={t('enable')} name={t('enableNamed', { url: w.url })} />
                      )}
                      <RowAction webhookId={w.id} intent="rotate" label={t('rotate')} name={t('rotateNamed', { url: w.url })} />
                      <RowAction webhookId={w.id} intent="delete" label={t('delete')} name={t('deleteNamed', { url: w.url })} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
