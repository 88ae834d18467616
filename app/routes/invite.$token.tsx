import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { getSignedIn, requireUser } from '~/server/auth.server';
import { acceptInvitation, findUsableInvitation } from '~/server/workspaces.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  const [invitation, signedIn] = await Promise.all([findUsableInvitation(token), getSignedIn(request)]);
  if (!invitation) return { state: 'invalid' as const };
  const info = { workspace: invitation.workspaceName, email: invitation.email, role: invitation.role };
  if (!signedIn) return { state: 'signed-out' as const, ...info };
  if (signedIn.user.email !== invitation.email) return { state: 'wrong-account' as const, ...info, current: signedIn.user.email };
  return { state: 'ready' as const, ...info };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const slug = await acceptInvitation(params.token ?? '', user.id, user.email);
  if (!slug) return redirect(`/invite/${params.token ?? ''}`);
  return redirect(`/w/${slug}`);
}

export default function InviteRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (loaderData.state === 'invalid') {
    return (
      <AuthCard title={t('errors:title.404')}>
        <p>{t('invite.invalid')}</p>
        <Link to="/">{t('errors:home')}</Link>
      </AuthCard>
    );
  }
  const role = t(`roles.${loaderData.role}`);
  return (
    <AuthCard title={t('invite.title', { workspace: loaderData.workspace })}>
      <p>{t('invite.lead', { workspace: loaderData.workspace, role, email: loaderData.email })}</p>
      {loaderData.state === 'signed-out' ? (
        <>
          <p className="muted">{t('invite.signInFirst', { email: loaderData.email })}</p>
          <p className="row">
            <InviteLink to="login" label={t('landing.signIn')} />
            <InviteLink to="signup" label={t('landing.signUp')} secondary />
          </p>
        </>
      ) : null}
      {loaderData.state === 'wrong-account' ? (
        <>
          <p className="notice warn">{t('invite.wrongAccount', { email: loaderData.email, current: loaderData.current })}</p>
          <Form method="post" action="/logout">
            <button type="submit" className="secondary">
              {t('nav.signOut')}
            </button>
          </Form>
        </>
      ) : null}
      {loaderData.state === 'ready' ? (
        <Form method="post">
          <button type="submit">{t('invite.accept')}</button>
        </Form>
      ) : null}
    </AuthCard>
  );
}

function InviteLink({ to, label, secondary }: { to: 'login' | 'signup'; label: string; secondary?: boolean }) {
  // Signing in or up comes back to this invitation to accept it.
  const { pathname } = useLocation();
  return (
    <Link className={secondary ? 'button secondary' : 'button'} to={`/${to}?redirectTo=${encodeURIComponent(pathname)}`}>
      {label}
    </Link>
  );
}
