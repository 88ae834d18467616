// Invitations (owners): invite by e-mail with a role, copy the one-time link, revoke pending ones.
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { Field, SelectField } from '~/components/ui/field';
import { ROLES, type Role } from '~/domain/vocabulary';
import { answerFor, type ActionReply } from '~/lib/action-result';
import { formatDayOf } from '~/lib/format';
import { InviteSchema, RevokeInvitationSchema } from '~/lib/schemas/workspace';
import { useWorkspace } from '~/lib/workspace';

export function Invitations({
  invitations,
  reply,
}: {
  invitations: readonly { id: string; email: string; role: Role; expiresAt: Date }[];
  reply?: ActionReply & { link?: string; email?: string };
}) {
  const { workspace } = useWorkspace();
  const { t } = useTranslation(['common', 'pages']);
  const invited = answerFor(reply, 'invite');
  const [form, fields] = useForm({
    id: 'invite',
    // A done invitation resets the form (the reply's result says so).
    lastResult: invited?.result,
    defaultValue: { role: 'editor' },
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('settings.invitations')}</h2>
      <p className="muted">{t('settings.inviteLead')}</p>
      {invited?.status === 'done' && reply?.link && reply.email ? <InviteLink email={reply.email} link={reply.link} /> : null}
      <Form method="post" {...getFormProps(form)} className="row">
        <input type="hidden" name="intent" value="invite" />
        <Field label={t('fields.email')} field={fields.email} type="email" />
        <SelectField label={t('fields.role')} field={fields.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <div className="field">
          <button type="submit">{t('settings.invite')}</button>
        </div>
      </Form>
      <h3>{t('settings.pending')}</h3>
      {invitations.length === 0 ? <p className="muted">{t('settings.noPending')}</p> : null}
      <ul>
        {invitations.map((inv) => (
          <li key={inv.id}>
            {inv.email} · {t(`roles.${inv.role}`)} ·{' '}
            <span className="muted">{t('settings.expires', { date: formatDayOf(inv.expiresAt, workspace.locale, workspace.timeZone) })}</span>{' '}
            <ButtonForm id={`revoke-${inv.id}`} schema={RevokeInvitationSchema} fields={{ intent: 'revoke', invitationId: inv.id }}>
              <button type="submit" className="link">
                {t('settings.revoke')}
              </button>
            </ButtonForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InviteLink({ email, link }: { email: string; link: string }) {
  const { t } = useTranslation(['common', 'pages']);
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice" role="status">
      <p>{t('settings.inviteLink', { email })}</p>
      <div className="row" style={{ alignItems: 'center' }}>
        <input readOnly value={link} aria-label={t('settings.inviteLink', { email })} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
        <button type="button" className="secondary small" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
          {copied ? t('settings.copied') : t('settings.copy')}
        </button>
      </div>
    </div>
  );
}
