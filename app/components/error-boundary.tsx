// The one error boundary: expected failures (thrown by the server with a status and a message key)
// and unexpected ones (shown with the reference under which the server logged them).
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/** Set by entry.server when an unexpected error was logged for this request. */
export const ErrorReference = createContext<string | null>(null);

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const reference = useContext(ErrorReference);
  const { t } = useTranslation('errors');
  let status = 500;
  let message: string;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const key = typeof error.data === 'object' && error.data && 'message' in error.data ? String(error.data.message) : null;
    message = key ? t(key) : t(status === 404 ? 'notFound' : 'badRequest');
  } else {
    if (typeof window === 'undefined' && !reference) console.error(error);
    message = t('unexpected', { id: reference ?? '—' });
  }
  return (
    <main className="error-page" id="main">
      <h1>{t(`title.${status}`, { defaultValue: t('title.500') })}</h1>
      <p suppressHydrationWarning>{message}</p>
      <p>
        <Link to="/">{t('home')}</Link>
      </p>
    </main>
  );
}
