// API tokens of the workspace (owners only): create one (its secret is shown once), list, revoke.
// A folder named settings_ so the page is /w/:slug/settings/api without nesting in the settings page.
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field, SelectField } from '~/components/ui/field';
import { API_SCOPES } from '~/domain/vocabulary';
import { formatDateTime, formatDayOf } from '~/lib/format';
import { CreateApiTokenSchema, expiryInstant, RevokeApiTokenSchema } from '~/lib/schemas/api-tokens';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { createApiToken, listApiTokens, revokeApiToken } from '~/server/api-tokens.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { valueOr404 } from '~/server/result.server';
import { TableScroll } from '~/components/ui/table-scroll';
import { pageTitle } from '~/lib/page-title';
import { IntegrationsHeader, SecretOnce } from '~/components/settings/integrations';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'apiTokens');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['api', 'webhooks'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'owner');
  return { tokens: await listApiTokens(workspace.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const { workspace, user } = await requireMember(request, params.slug, 'owner');
  const intent = formData.get('intent');
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: CreateApiTokenSchema });
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), secret: null }, { status: 400 });
    const { name, scope, expiresOn } = submission.value;
    const created = await createApiToken(workspace.id, user.id, { name, scope, expiresAt: expiryInstant(expiresOn, workspace.timeZone) });
    // The secret travels once, in this answer; only its hash is stored.
    return data({ intent, result: submission.reply({ resetForm: true }), secret: created.secret }, { headers: { 'Cache-Control': 'no-store' } });
  }
  if (intent === 'revoke') {
    const submission = parseWithZod(formData, { schema: RevokeApiTokenSchema });
    if (submission.status !== 'success') throw badRequest();
    valueOr404(await revokeApiToken(workspace.id, user.id, submission.value.tokenId));
    return { intent, result: undefined, secret: null };
  }
  throw badRequest();
}

export default function ApiTokensRoute() {
  const { tokens } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const { t } = useTranslation('api');
  const [form, fields] = useForm({
    id: 'create-token',
    lastResult: reply?.intent === 'create' ? reply.result : undefined,
    defaultValue: { scope: 'read' },
    constraint: getZodConstraint(CreateApiTokenSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateApiTokenSchema }),
  });
  return (
    <>
      <IntegrationsHeader title={t('title')} lead={t('lead')} page="api" />
      {reply?.secret ? <SecretOnce secret={reply.secret} title={t('secretTitle')} once={t('secretOnce')} label={t('secretLabel')} /> : null}
      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">{t('create')}</h2>
        <Form method="post" {...getFormProps(form)} className="row">
          <input type="hidden" name="intent" value="create" />
          <Field label={t('name')} field={fields.name} />
          <SelectField label={t('scope')} field={fields.scope} options={API_SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))} />
          <Field label={t('expiresOn')} field={fields.expiresOn} type="date" hint={t('expiresHint')} />
          <div className="field">
            <button type="submit">{t('createButton')}</button>
          </div>
        </Form>
      </section>
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('tokens')}</h2>
        {tokens.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <TableScroll>
            <table className="data records">
              <thead>
                <tr>
                  <th>{t('name')}</th>
                  <th>{t('scope')}</th>
                  <th>{t('creator')}</th>
                  <th>{t('created')}</th>
                  <th>{t('lastUsed')}</th>
                  <th>{t('expires')}</th>
                  <th>
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td className="record-name">{token.name}</td>
                    <td data-label={t('scope')}>{t(`scopes.${token.scope}`)}</td>
                    <td data-label={t('creator')}>{token.creatorName ?? '—'}</td>
                    <td data-label={t('created')}>{formatDayOf(token.createdAt, workspace.locale, workspace.timeZone)}</td>
                    <td data-label={t('lastUsed')}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, workspace.locale, workspace.timeZone) : t('never')}</td>
                    <td data-label={t('expires')}>{token.expiresAt ? formatDayOf(token.expiresAt, workspace.locale, workspace.timeZone) : t('noExpiry')}</td>
                    <td className="record-actions">
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="link" aria-label={t('revokeNamed', { name: token.name })}>
                          {t('revoke')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
