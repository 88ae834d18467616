import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { getSignedIn, requireUser, throttledResponse } from '~/server/auth.server';
import { clientAddressOf } from '~/server/request-context.server';
import { hit, INVITATION_PER_ADDRESS, undo } from '~/server/throttle.server';
import { acceptInvitation, findUsableInvitation } from '~/server/workspaces.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invite');

export const handle = { i18n: ['pages'] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  const attempt = await countAttempt(context);
  const [invitation, signedIn] = await Promise.all([findUsableInvitation(token), getSignedIn(request)]);
  if (!invitation) return { state: 'invalid' as const };
  if (attempt) await undo(attempt);
  const info = { workspace: invitation.workspaceName, email: invitation.email, role: invitation.role };
  if (!signedIn) return { state: 'signed-out' as const, ...info };
  if (signedIn.user.email !== invitation.email) return { state: 'wrong-account' as const, ...info, current: signedIn.user.email };
  return { state: 'ready' as const, ...info };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const attempt = await countAttempt(context);
  const slug = await acceptInvitation(params.token ?? '', user.id, user.email);
  if (!slug) return redirect(`/invite/${params.token ?? ''}`);
  if (attempt) await undo(attempt);
  return redirect(`/w/${slug}`);
}

/**
 * Tokens cannot be guessed, but each try from one address is counted before the lookup and taken
 * back when the token was good: past the limit of failures the address gets 429 without a lookup.
 */
async function countAttempt(context: LoaderFunctionArgs['context']) {
  const address = clientAddressOf(context);
  if (!address) return null;
  const attempt = await hit(INVITATION_PER_ADDRESS, address);
  if (attempt.exceeded) throw throttledResponse('inviteThrottled');
  return attempt;
}

export default function InviteRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation(['common', 'pages']);
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
            <InviteLink to="login" label={t('landing.signIn')} email={loaderData.email} />
            <InviteLink to="signup" label={t('landing.signUp')} email={loaderData.email} secondary />
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

function InviteLink({ to, label, email, secondary }: { to: 'login' | 'signup'; label: string; email: string; secondary?: boolean }) {
  // Signing in or up comes back to this invitation to accept it, with the invited e-mail filled in.
  const { pathname } = useLocation();
  const search = new URLSearchParams({ redirectTo: pathname, email });
  return (
    <Link className={secondary ? 'button secondary' : 'button'} to={`/${to}?${search}`}>
      {label}
    </Link>
  );
}
