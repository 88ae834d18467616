// i18next settings shared by the server and the browser. Translations live in app/locales/<lng>/<ns>.json.
import { LOCALES, type Locale } from '~/domain/vocabulary';

export const supportedLanguages = LOCALES;
export type Language = Locale;
export const fallbackLanguage: Language = 'en';
export const namespaces = [
  'common',
  'errors',
  'maps',
  'measures',
  'projects',
  'objectives',
  'api',
  'webhooks',
  'priorities',
  'indicators',
  'imports',
  'comments',
  'history',
  'activity',
  'share',
  'pages',
  'presence',
  'library',
] as const;

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: 'common',
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  // useTranslation(['common', 'pages']): a key not found in the first namespace is looked up in the next.
  react: { useSuspense: false, nsMode: 'fallback' as const },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}
