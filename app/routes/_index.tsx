import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getSignedIn } from '~/server/auth.server';
import { listWorkspacesForUser } from '~/server/workspaces.server';
import { Logo } from '~/components/ui/icons';

export const handle = { i18n: ['pages'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await getSignedIn(request);
  if (signedIn) {
    const [first] = await listWorkspacesForUser(signedIn.user.id);
    throw redirect(first ? `/w/${first.slug}` : '/workspaces/new');
  }
  return null;
}

export default function Landing() {
  const { t } = useTranslation(['common', 'pages']);
  return (
    <div className="landing">
      <header>
        <strong className="brand">
          <Logo size={24} /> {t('appName')}
        </strong>
        <Link to="/login">{t('landing.signIn')}</Link>
      </header>
      <main className="hero" id="main">
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.lead')}</p>
        <ul>
          <li>{t('landing.point1')}</li>
          <li>{t('landing.point2')}</li>
          <li>{t('landing.point3')}</li>
        </ul>
        <div className="cta">
          <Link className="button" to="/signup">
            {t('landing.signUp')}
          </Link>
          <Link className="button secondary" to="/login">
            {t('landing.signIn')}
          </Link>
        </div>
      </main>
    </div>
  );
}
