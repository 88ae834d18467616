// The members of the workspace with their roles: owners change a role (one Conform form per member)
// or remove someone; anyone may leave. The last owner cannot go (refused with a message).
import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { FormErrors } from '~/components/ui/field';
import { ROLES, type Role } from '~/domain/vocabulary';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { LeaveSchema, MemberRoleSchema, RemoveMemberSchema } from '~/lib/schemas/workspace';
import { useWorkspace } from '~/lib/workspace';
import { TableScroll } from '~/components/ui/table-scroll';

interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
}

function RoleForm({ member, reply }: { member: Member; reply?: ActionReply }) {
  const { t } = useTranslation(['common', 'pages']);
  const [form, fields] = useForm({
    id: `role-${member.userId}-${member.role}`,
    lastResult: lastResultFor(reply, 'role', member.userId),
    defaultValue: { role: member.role },
    constraint: getZodConstraint(MemberRoleSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MemberRoleSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="row" style={{ alignItems: 'center', gap: 6 }}>
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={member.userId} />
      <select {...getSelectProps(fields.role)} key={fields.role.key} aria-label={t('settings.roleOf', { name: member.displayName })} style={{ width: 'auto' }}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary small">
        {t('settings.changeRole')}
      </button>
    </Form>
  );
}

export function Members({ members, reply }: { members: readonly Member[]; reply?: ActionReply & { message?: string } }) {
  const { isOwner, user } = useWorkspace();
  const { t } = useTranslation(['common', 'pages']);
  // A refusal about members (the last owner) shows under the list, whichever form asked.
  const refused = reply && ['role', 'remove', 'leave'].includes(reply.intent) && reply.status === 'invalid' ? reply.message : undefined;
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('settings.members')}</h2>
      <TableScroll>
        <table className="data records">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('fields.email')}</th>
              <th>{t('fields.role')}</th>
              {isOwner ? (
                <th>
                  <span className="visually-hidden">{t('actions.edit')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td className="record-name">
                  {m.displayName} {m.userId === user.id ? <span className="muted">({t('settings.you')})</span> : null}
                </td>
                <td data-label={t('fields.email')}>{m.email}</td>
                <td data-label={t('fields.role')}>{isOwner ? <RoleForm member={m} reply={reply} /> : t(`roles.${m.role}`)}</td>
                {isOwner ? (
                  <td className="record-actions">
                    {m.userId !== user.id ? (
                      <ButtonForm
                        id={`remove-${m.userId}`}
                        schema={RemoveMemberSchema}
                        fields={{ intent: 'remove', userId: m.userId }}
                        confirm={t('settings.removeConfirm', { name: m.displayName })}
                      >
                        <button type="submit" className="danger small">
                          {t('settings.remove')}
                        </button>
                      </ButtonForm>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {refused ? <FormErrors errors={[refused]} /> : null}
      <div style={{ marginTop: 12 }}>
        <ButtonForm id="leave" schema={LeaveSchema} fields={{ intent: 'leave' }} confirm={t('settings.leaveConfirm')}>
          <button type="submit" className="danger small">
            {t('settings.leave')}
          </button>
        </ButtonForm>
      </div>
    </section>
  );
}
