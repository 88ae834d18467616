// The API reference at /api/docs: Redoc renders /api/v1/openapi.json. Public, like the document.
// Redoc's standalone bundle (~1 MB) is a file of our own build, fetched by this page alone after
// hydration (script-src 'self'; no CDN, no web fonts). Its search runs in a blob: worker that the
// Content-Security-Policy refuses, so search is off: the sidebar lists every operation instead.
import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import redocUrl from 'redoc/bundles/redoc.standalone.js?url';
import { pageTitle } from '~/lib/page-title';
import { Logo } from '~/components/ui/icons';

const OPENAPI_URL = '/api/v1/openapi.json';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'apiDocs');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['api'] };

interface RedocGlobal {
  init(specUrl: string, options: Record<string, unknown>, element: HTMLElement, callback?: (error?: Error) => void): void;
}

let loading: Promise<RedocGlobal> | null = null;

function loadRedoc(): Promise<RedocGlobal> {
  loading ??= new Promise<RedocGlobal>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = redocUrl;
    script.async = true;
    script.onload = () => resolve((window as unknown as { Redoc: RedocGlobal }).Redoc);
    script.onerror = () => {
      loading = null;
      reject(new Error('Redoc did not load'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

const REDOC_OPTIONS = {
  disableSearch: true,
  expandResponses: '200,201',
  hideHostname: true,
  nativeScrollbars: true,
  sortPropsAlphabetically: false,
  theme: {
    colors: { primary: { main: '#1f4b5f' } },
    typography: {
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
      headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
      code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
    },
    sidebar: { backgroundColor: '#f5f7f8' },
  },
};

export default function ApiDocsRoute() {
  const { t } = useTranslation('api');
  const element = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    loadRedoc().then(
      (redoc) => {
        if (!live || !element.current) return;
        redoc.init(OPENAPI_URL, REDOC_OPTIONS, element.current, (error) => live && setState(error ? 'failed' : 'ready'));
      },
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="api-docs">
      <header className="api-docs-header">
        <Link to="/" className="brand">
          <Logo size={24} /> Parcours
        </Link>
        <h1>{t('docsTitle')}</h1>
        <a href={OPENAPI_URL}>{t('docsDocument')}</a>
      </header>
      {state === 'loading' ? (
        <p className="api-docs-status" role="status">
          {t('docsLoading')}
        </p>
      ) : null}
      {state === 'failed' ? (
        <p className="api-docs-status" role="alert">
          {t('docsFailed')}
        </p>
      ) : null}
      <main id="main" ref={element} aria-busy={state === 'loading'} />
    </div>
  );
}
