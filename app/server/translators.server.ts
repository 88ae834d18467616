// The i18next instances that server rendering reads: one per language, made once, whose lookups are
// memoised. A render only reads translations, and the resources never change while the process
// runs, so the text of a key with the same options is always the same: the map editor asks for the
// same few hundred texts again and again (each card's and KPI's labels), and i18next's lookup
// (key parsing, resource walk, plural rules, interpolation) was the largest single cost of its
// render (profiled: 10-12 % of the map page's CPU).
import { createInstance, type i18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nConfig } from '~/lib/i18n';

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Remembered texts per instance; past this many the memory starts again (values can be user text). */
export const MEMO_LIMIT = 20_000;

/**
 * The memo key of a lookup, or null when it cannot be memoised: options that are not flat
 * primitives (objects, functions, arrays such as a list of fallback keys) go to i18next as they are.
 * Strings are JSON-quoted, so no value can imitate a separator.
 */
function memoKey(fixed: string, key: unknown, options: unknown): string | null {
  if (typeof key !== 'string') return null;
  let out = `${fixed}\u0002${JSON.stringify(key)}`;
  if (options === undefined) return out;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    switch (typeof value) {
      case 'string':
        out += `\u0003${name}\u0004${JSON.stringify(value)}`;
        break;
      case 'number':
      case 'boolean':
        out += `\u0003${name}\u0004${typeof value}:${String(value)}`;
        break;
      case 'undefined':
        out += `\u0003${name}\u0004undefined`;
        break;
      default:
        if (value !== null) return null;
        out += `\u0003${name}\u0004null`;
    }
  }
  return out;
}

/**
 * Makes `getFixedT` (what react-i18next's `useTranslation` calls in every component) return one
 * function per language, namespace and key prefix, which answers a lookup it has seen from memory.
 * Only string results are remembered; anything else is asked of i18next every time.
 */
export function memoiseLookups(instance: i18n): i18n {
  const getFixedT = instance.getFixedT.bind(instance);
  const fixedTs = new Map<string, TFunction>();
  const texts = new Map<string, string>();
  instance.getFixedT = ((lng: string | readonly string[] | null, ns?: string | readonly string[] | null, keyPrefix?: string) => {
    const fixed = JSON.stringify([lng ?? null, ns ?? null, keyPrefix ?? null]);
    let t = fixedTs.get(fixed);
    if (!t) {
      const lookup = getFixedT(lng as string, ns as string, keyPrefix) as unknown as (...args: unknown[]) => unknown;
      t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
        const memo = rest.length === 0 ? memoKey(fixed, key, options) : null;
        if (memo === null) return lookup(key, options, ...rest);
        const known = texts.get(memo);
        if (known !== undefined) return known;
        const text = lookup(key, options);
        if (typeof text === 'string') {
          if (texts.size >= MEMO_LIMIT) texts.clear();
          texts.set(memo, text);
        }
        return text;
      }) as unknown as TFunction;
      fixedTs.set(fixed, t);
    }
    return t;
  }) as i18n['getFixedT'];
  return instance;
}

/** A new instance for one language, initialised with every namespace, its lookups memoised. */
export async function createTranslator(lng: string, resources: Resources): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  return memoiseLookups(instance);
}
