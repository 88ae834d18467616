// Hydration, after the page's language has been loaded: only that language's translations, and only
// the namespaces its routes name in `handle.i18n` (the others load on the first navigation, see
// lib/locale-loading.ts).
import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { getInitialNamespaces } from 'remix-i18next/client';
import { i18nConfig } from '~/lib/i18n';

const locales = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' });

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend((lng: string, ns: string) => locales[`./locales/${lng}/${ns}.json`]!()))
    .init({ ...i18nConfig, ns: getInitialNamespaces(), lng: document.documentElement.lang || 'en' });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
