import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field, FormErrors, SelectField } from '~/components/ui/field';
import { ROLES } from '~/domain/vocabulary';
import { CURRENCIES, formatDate } from '~/lib/format';
import {
  InviteSchema,
  MemberRoleSchema,
  RemoveMemberSchema,
  RevokeInvitationSchema,
  WorkspaceSettingsSchema,
} from '~/lib/schemas/workspace';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import {
  createInvitation,
  listMembers,
  listPendingInvitations,
  revokeInvitation,
  setMemberRole,
  updateWorkspaceSettings,
} from '~/server/workspaces.server';
import { useWorkspace } from '~/lib/workspace';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const [members, invitations] = await Promise.all([
    listMembers(workspace.id),
    role === 'owner' ? listPendingInvitations(workspace.id) : Promise.resolve([]),
  ]);
  return {
    settings: { name: workspace.name, currency: workspace.currency, locale: workspace.locale, version: workspace.version },
    members,
    invitations,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get('intent');
  // Any member may leave; every other change needs the owner role.
  if (intent === 'leave') {
    const { workspace, user } = await requireMember(request, params.slug, 'viewer');
    const outcome = await setMemberRole(workspace.id, user.id, user.id, null);
    if (outcome === 'lastOwner') return data({ intent, memberError: 'lastOwner' }, { status: 409 });
    return redirect('/');
  }
  const { workspace, user } = await requireMember(request, params.slug, 'owner');
  switch (intent) {
    case 'settings': {
      const submission = parseWithZod(formData, { schema: WorkspaceSettingsSchema });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const updated = await updateWorkspaceSettings(workspace.id, user.id, submission.value);
      // A save based on an old version is refused; the page reloads with the current settings.
      if (!updated) return data({ intent, stale: true as const }, { status: 409 });
      return { intent, result: submission.reply(), done: true as const };
    }
    case 'invite': {
      const submission = parseWithZod(formData, { schema: InviteSchema });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const token = await createInvitation(workspace.id, user.id, submission.value.email, submission.value.role);
      const link = new URL(`/invite/${token}`, request.url).toString();
      return { intent, result: submission.reply({ resetForm: true }), link, email: submission.value.email };
    }
    case 'role': {
      const submission = parseWithZod(formData, { schema: MemberRoleSchema });
      if (submission.status !== 'success') throw badRequest();
      const outcome = await setMemberRole(workspace.id, user.id, submission.value.userId, submission.value.role);
      if (outcome === 'lastOwner') return data({ intent, memberError: 'lastOwner' }, { status: 409 });
      return { intent };
    }
    case 'remove': {
      const submission = parseWithZod(formData, { schema: RemoveMemberSchema });
      if (submission.status !== 'success') throw badRequest();
      const outcome = await setMemberRole(workspace.id, user.id, submission.value.userId, null);
      if (outcome === 'lastOwner') return data({ intent, memberError: 'lastOwner' }, { status: 409 });
      return { intent };
    }
    case 'revoke': {
      const submission = parseWithZod(formData, { schema: RevokeInvitationSchema });
      if (submission.status !== 'success') throw badRequest();
      await revokeInvitation(workspace.id, user.id, submission.value.invitationId);
      return { intent };
    }
    default:
      throw badRequest();
  }
}

export default function SettingsRoute() {
  const { settings, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { isOwner, user, workspace } = useWorkspace();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `settings-${settings.version}`,
    lastResult: actionData?.intent === 'settings' && 'result' in actionData ? actionData.result : undefined,
    defaultValue: settings,
    constraint: getZodConstraint(WorkspaceSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WorkspaceSettingsSchema }),
  });
  const [inviteForm, inviteFields] = useForm({
    id: 'invite',
    lastResult: actionData?.intent === 'invite' && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { role: 'editor' },
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('settings.title')}</h1>
          {!isOwner ? <p>{t('settings.readOnly')}</p> : null}
        </div>
      </div>

      <section className="panel" aria-labelledby="general-heading">
        <h2 id="general-heading">{t('settings.general')}</h2>
        {isOwner ? (
          <Form method="post" {...getFormProps(form)}>
            {actionData?.intent === 'settings' && 'done' in actionData ? <p className="notice" role="status">{t('settings.saved')}</p> : null}
            {actionData?.intent === 'settings' && 'stale' in actionData ? <FormErrors errors={['staleVersion']} /> : null}
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="settings" />
            <input type="hidden" name="version" value={settings.version} />
            <div className="row">
              <Field label={t('fields.workspaceName')} field={fields.name} />
              <SelectField label={t('fields.currency')} field={fields.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
              <SelectField
                label={t('fields.workspaceLocale')}
                field={fields.locale}
                options={[
                  { value: 'en', label: t('languages.en') },
                  { value: 'fr', label: t('languages.fr') },
                ]}
              />
            </div>
            <button type="submit">{t('settings.save')}</button>
          </Form>
        ) : (
          <dl>
            <dt>{t('fields.workspaceName')}</dt>
            <dd>{settings.name}</dd>
            <dt>{t('fields.currency')}</dt>
            <dd>{settings.currency}</dd>
            <dt>{t('fields.workspaceLocale')}</dt>
            <dd>{t(`languages.${settings.locale}`)}</dd>
          </dl>
        )}
      </section>

      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('settings.members')}</h2>
        <table className="data">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('fields.email')}</th>
              <th>{t('fields.role')}</th>
              {isOwner ? <th><span className="visually-hidden">{t('actions.edit')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.displayName} {m.userId === user.id ? <span className="muted">({t('settings.you')})</span> : null}
                </td>
                <td>{m.email}</td>
                <td>
                  {isOwner ? (
                    <Form method="post" className="row" style={{ alignItems: 'center', gap: 6 }}>
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <select name="role" defaultValue={m.role} aria-label={t('settings.roleOf', { name: m.displayName })} style={{ width: 'auto' }}>
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="secondary small">
                        {t('settings.changeRole')}
                      </button>
                    </Form>
                  ) : (
                    t(`roles.${m.role}`)
                  )}
                </td>
                {isOwner ? (
                  <td>
                    {m.userId !== user.id ? (
                      <ConfirmForm
                        intent="remove"
                        hidden={{ userId: m.userId }}
                        label={t('settings.remove')}
                        confirm={t('settings.removeConfirm', { name: m.displayName })}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {actionData && 'memberError' in actionData ? <FormErrors errors={[actionData.memberError]} /> : null}
        <div style={{ marginTop: 12 }}>
          <ConfirmForm intent="leave" label={t('settings.leave')} confirm={t('settings.leaveConfirm')} />
        </div>
      </section>

      {isOwner ? (
        <section className="panel" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('settings.invitations')}</h2>
          <p className="muted">{t('settings.inviteLead')}</p>
          {actionData?.intent === 'invite' && 'link' in actionData ? <InviteLink email={actionData.email} link={actionData.link} /> : null}
          <Form method="post" {...getFormProps(inviteForm)} className="row">
            <input type="hidden" name="intent" value="invite" />
            <Field label={t('fields.email')} field={inviteFields.email} type="email" />
            <SelectField label={t('fields.role')} field={inviteFields.role} options={roleOptions} />
            <div className="field">
              <button type="submit">{t('settings.invite')}</button>
            </div>
          </Form>
          <h3>{t('settings.pending')}</h3>
          {invitations.length === 0 ? <p className="muted">{t('settings.noPending')}</p> : null}
          <ul>
            {invitations.map((inv) => (
              <li key={inv.id}>
                {inv.email} · {t(`roles.${inv.role}`)} · <span className="muted">{t('settings.expires', { date: formatDate(inv.expiresAt, workspace.locale) })}</span>{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <button type="submit" className="link">
                    {t('settings.revoke')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function InviteLink({ email, link }: { email: string; link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice" role="status">
      <p>{t('settings.inviteLink', { email })}</p>
      <div className="row" style={{ alignItems: 'center' }}>
        <input readOnly value={link} aria-label={t('settings.inviteLink', { email })} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
        <button
          type="button"
          className="secondary small"
          onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
        >
          {copied ? t('settings.copied') : t('settings.copy')}
        </button>
      </div>
    </div>
  );
}

function ConfirmForm({ intent, hidden, label, confirm }: { intent: string; hidden?: Record<string, string>; label: string; confirm: string }) {
  return (
    <Form
      method="post"
      className="inline-form"
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="danger small">
        {label}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
