// Webhooks of the workspace (owners only): add one (its signing secret is shown once), list them
// with their last delivery, enable/disable, rotate the secret, delete, send a test event.
// A folder named settings_ so the page is /w/:slug/settings/webhooks without nesting in settings.
import { parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CreateWebhookSchema, WebhookRowSchema } from '~/lib/schemas/webhooks';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { valueOr404 } from '~/server/result.server';
import { createWebhook, deleteWebhook, listWebhooks, rotateWebhookSecret, sendTestEvent, setWebhookEnabled } from '~/server/webhooks.server';
import { CreateWebhookForm } from './create-form';
import { WebhookList } from './webhook-list';
import { pageTitle } from '~/lib/page-title';
import { IntegrationsHeader, SecretOnce } from '~/components/settings/integrations';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'webhooks');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['api', 'webhooks'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'owner');
  return { webhooks: await listWebhooks(workspace.id) };
}

// The signing secret travels once, in the answer that creates or rotates it: never cached.
const NO_STORE = { headers: { 'Cache-Control': 'no-store' } };

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const { workspace, user } = await requireMember(request, params.slug, 'owner');
  const intent = formData.get('intent');
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: CreateWebhookSchema });
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), secret: null, message: null }, { status: 400 });
    const created = await createWebhook(workspace.id, user.id, submission.value);
    if (created.status === 'invalid') {
      return data({ intent, result: submission.reply({ fieldErrors: { url: [created.message] } }), secret: null, message: null }, { status: 400 });
    }
    const { secret } = valueOr404(created);
    return data({ intent, result: submission.reply({ resetForm: true }), secret, message: null }, NO_STORE);
  }
  const submission = parseWithZod(formData, { schema: WebhookRowSchema });
  if (submission.status !== 'success') throw badRequest();
  const { webhookId } = submission.value;
  switch (submission.value.intent) {
    case 'enable':
    case 'disable':
      valueOr404(await setWebhookEnabled(workspace.id, user.id, webhookId, submission.value.intent === 'enable'));
      return { intent, result: undefined, secret: null, message: null };
    case 'rotate': {
      const { secret } = valueOr404(await rotateWebhookSecret(workspace.id, user.id, webhookId));
      return data({ intent, result: undefined, secret, message: null }, NO_STORE);
    }
    case 'delete':
      valueOr404(await deleteWebhook(workspace.id, user.id, webhookId));
      return { intent, result: undefined, secret: null, message: null };
    case 'test': {
      const sent = await sendTestEvent(workspace.id, webhookId);
      if (sent.status === 'invalid') return data({ intent, result: undefined, secret: null, message: sent.message }, { status: 409 });
      valueOr404(sent);
      return { intent, result: undefined, secret: null, message: 'testQueued' };
    }
  }
}

export default function WebhooksRoute() {
  const { webhooks } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation('webhooks');
  return (
    <>
      <IntegrationsHeader title={t('title')} lead={t('lead')} page="webhooks" />
      {reply?.secret ? <SecretOnce secret={reply.secret} title={t('secretTitle')} once={t('secretOnce')} label={t('secretLabel')} /> : null}
      {reply?.message ? (
        <p className="panel" role="status">
          {reply.message === 'testQueued' ? t('testQueued') : t(`errors:${reply.message}`)}
        </p>
      ) : null}
      <CreateWebhookForm lastResult={reply?.intent === 'create' ? reply.result : undefined} />
      <WebhookList webhooks={webhooks} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
