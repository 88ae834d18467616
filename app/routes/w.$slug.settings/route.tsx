// Workspace settings: the general settings (owners edit, others read), the members with their roles,
// leaving, and invitations (owners). Each form posts an `intent`; any member may leave.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { InviteSchema, LeaveSchema, MemberRoleSchema, RemoveMemberSchema, RevokeInvitationSchema, WorkspaceSettingsSchema } from '~/lib/schemas/workspace';
import { TIME_ZONES } from '~/lib/time-zone';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { reply, replyInvalid } from '~/server/result.server';
import * as workspaces from '~/server/workspaces.server';
import { Invitations } from './invitations';
import { Members } from './members';
import { WorkspaceForm } from './workspace-form';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['api', 'webhooks', 'pages'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const [members, invitations] = await Promise.all([
    workspaces.listMembers(workspace.id),
    role === 'owner' ? workspaces.listPendingInvitations(workspace.id) : Promise.resolve([]),
  ]);
  return {
    settings: { name: workspace.name, currency: workspace.currency, locale: workspace.locale, timeZone: workspace.timeZone, version: workspace.version },
    members,
    invitations,
    // The zones this server accepts, so that the select the server renders is the one the browser hydrates.
    timeZones: role === 'owner' ? TIME_ZONES : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get('intent');
  // Any member may leave; every other change needs the owner role.
  if (intent === 'leave') {
    const { workspace, user } = await requireMember(request, params.slug, 'viewer');
    if (parseWithZod(formData, { schema: LeaveSchema }).status !== 'success') throw badRequest();
    const left = await workspaces.setMemberRole(workspace.id, user.id, user.id, null);
    return left.status === 'ok' ? redirect('/') : reply(intent, left);
  }
  const { workspace, user } = await requireMember(request, params.slug, 'owner');
  switch (intent) {
    case 'settings': {
      const submission = parseWithZod(formData, { schema: WorkspaceSettingsSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { intent: _intent, ...input } = submission.value;
      return reply(intent, await workspaces.updateWorkspaceSettings(workspace.id, user.id, input), submission);
    }
    case 'invite': {
      const submission = parseWithZod(formData, { schema: InviteSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const token = await workspaces.createInvitation(workspace.id, user.id, submission.value.email, submission.value.role);
      const link = new URL(`/invite/${token}`, request.url).toString();
      return { intent, status: 'done' as const, result: submission.reply({ resetForm: true }), link, email: submission.value.email };
    }
    case 'role':
    case 'remove': {
      const submission = parseWithZod(formData, { schema: intent === 'role' ? MemberRoleSchema : RemoveMemberSchema });
      if (submission.status !== 'success') throw badRequest();
      const role = 'role' in submission.value ? submission.value.role : null;
      return reply(intent, await workspaces.setMemberRole(workspace.id, user.id, submission.value.userId, role), submission, {
        rowId: submission.value.userId,
      });
    }
    case 'revoke': {
      const submission = parseWithZod(formData, { schema: RevokeInvitationSchema });
      if (submission.status !== 'success') throw badRequest();
      const { invitationId } = submission.value;
      return reply(intent, await workspaces.revokeInvitation(workspace.id, user.id, invitationId), submission, { rowId: invitationId });
    }
    default:
      throw badRequest();
  }
}

export default function SettingsRoute() {
  const { settings, members, invitations, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { isOwner } = useWorkspace();
  const { t } = useTranslation(['common', 'pages']);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('settings.title')}</h1>
          {!isOwner ? <p>{t('settings.readOnly')}</p> : null}
        </div>
      </div>
      <WorkspaceForm settings={settings} timeZones={timeZones} reply={actionData} />
      <Members members={members} reply={actionData} />
      {isOwner ? <Invitations invitations={invitations} reply={actionData} /> : null}
      {isOwner ? (
        <p>
          <Link to="api">{t('api:settingsLink')}</Link> · <Link to="webhooks">{t('webhooks:settingsLink')}</Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
