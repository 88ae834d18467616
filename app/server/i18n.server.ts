// Server-side translation: the user's chosen language, else the browser's (Accept-Language).
import type { i18n } from 'i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { fallbackLanguage, i18nConfig, isLanguage, supportedLanguages } from '~/lib/i18n';
import { getSignedIn } from './auth.server';
import { createTranslator, type Resources } from './translators.server';

const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' });

export const resources: Resources = {};
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/(\w+)\/(\w+)\.json$/.exec(file);
  if (!match) continue;
  const [, lng, ns] = match as unknown as [string, string, string];
  (resources[lng] ??= {})[ns] = content;
}

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    order: ['custom', 'header'],
    async findLocale(request) {
      const signedIn = await getSignedIn(request);
      const locale = signedIn?.user.locale;
      return isLanguage(locale) ? locale : null;
    },
  },
  i18next: { ...i18nConfig, resources },
});

// One i18next instance per language, made on first use and kept: a render only reads translations,
// and building an instance per request cost 1-2 ms (measured). Their lookups are memoised
// (translators.server.ts).
const translators = new Map<string, Promise<i18n>>();

/** The server's i18next instance for a language (one of the supported ones, from getLocale). */
export function translatorFor(lng: string): Promise<i18n> {
  let instance = translators.get(lng);
  if (!instance) {
    instance = createTranslator(lng, resources);
    translators.set(lng, instance);
  }
  return instance;
}

const UNIT_NAME_KEYS: Record<string, string> = {
  pts: 'pts',
  '%': 'percent',
  count: 'count',
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
};

/**
 * How a file is written for the person downloading it: their language (headers, ';' and decimal
 * commas in French) and measure units by their name in that language ("secondes"); the currency unit
 * is the workspace's currency, free-text units stay as typed.
 */
export async function fileReader(request: Request, currency: string) {
  const locale = (await i18nServer.getLocale(request)) === 'fr' ? 'fr' : 'en';
  const t = await i18nServer.getFixedT(locale, 'measures');
  const unitName = (unit: string) => {
    if (unit === 'currency') return currency;
    const key = UNIT_NAME_KEYS[unit];
    return key ? t(`unitNames.${key}`) : unit;
  };
  return { locale, unitName } as const;
}
