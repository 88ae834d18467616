import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PendingFeedback } from '~/components/ui/pending';
import { useNamespacesForNavigation } from '~/lib/locale-loading';
import { useNonce } from '~/lib/nonce';
import { HydratedProvider } from '~/lib/use-hydrated';
import { getSignedIn } from '~/server/auth.server';
import { i18nServer } from '~/server/i18n.server';
import styles from '~/styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Parcours' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [signedIn, locale] = await Promise.all([getSignedIn(request), i18nServer.getLocale(request)]);
  return {
    locale,
    user: signedIn
      ? {
          id: signedIn.user.id,
          email: signedIn.user.email,
          displayName: signedIn.user.displayName,
          locale: signedIn.user.locale,
        }
      : null,
  };
}

// The locale namespaces every page may need; a route adds its own in its `handle` (projects, api,
// webhooks), and the browser loads at first only those of the page it opens (entry.client.tsx).
export const handle = { i18n: ['common', 'errors', 'maps', 'measures'] };

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root');
}

/**
 * Run by the browser as it reaches the end of the page, while the page's scripts download: the first
 * Intl number or date format of a page prepares the locale's data (~30 ms of script, four times that
 * on a slow phone). Left to hydration, it was the longest task on the 300-project summary (its
 * headline's first amount: 125 ms of 4x-throttled script, in one piece).
 */
const PREPARE_INTL = 'try{var l=document.documentElement.lang;new Intl.DateTimeFormat(l).format(0);new Intl.NumberFormat(l).format(0)}catch(e){}';

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const locale = data?.locale ?? 'en';
  const { i18n } = useTranslation();
  const nonce = useNonce();
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <HydratedProvider>{children}</HydratedProvider>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PREPARE_INTL }} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useNamespacesForNavigation();
  return (
    <>
      <PendingFeedback />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
