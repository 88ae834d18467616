// The server's per-language i18next instances answer lookups from memory: every key of every
// namespace, in both languages, with and without plurals, contexts and interpolation values, reads
// exactly what a fresh i18next instance reads, the first time and from memory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance, type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nConfig } from '~/lib/i18n';
import { createTranslator, MEMO_LIMIT, memoiseLookups, type Resources } from '~/server/translators.server';

const root = path.resolve(__dirname, '../../app/locales');
const resources: Resources = {};
for (const lng of readdirSync(root)) {
  for (const file of readdirSync(path.join(root, lng))) {
    (resources[lng] ??= {})[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(root, lng, file), 'utf8'));
  }
}
const languages = Object.keys(resources);

type Tree = { [key: string]: unknown };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[full, value] as [string, string]] : leaves(value as Tree, full);
  });
}

/** Every lookup a page could make of a key: bare, per plural count, per context, with values. */
function lookups(key: string, text: string): { key: string; options?: Record<string, unknown> }[] {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '').replace(/_(female|male)$/, '');
  const values = Object.fromEntries([...text.matchAll(/{{\s*(\w+)[^}]*}}/g)].map((m, i) => [m[1]!, `v${i} <&> "q"`]));
  const out: { key: string; options?: Record<string, unknown> }[] = [{ key }, { key: base }, { key: base, options: values }];
  for (const count of [0, 1, 2, 7, 1.5]) out.push({ key: base, options: { ...values, count } });
  for (const context of ['female', 'male']) out.push({ key: base, options: { ...values, context } });
  return out;
}

/** What `useTranslation(ns)` hands a component, typed loosely: the tests pass any options. */
type Lookup = (key: unknown, options?: unknown) => unknown;
const fixedT = (instance: i18n, ns: string, lng: string | null = null) => instance.getFixedT(lng, ns) as unknown as Lookup;

async function fresh(lng: string) {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng, resources });
  return instance;
}

describe.each(languages)('memoised translations (%s)', (lng) => {
  let plain: i18n;
  let memoised: i18n;
  beforeAll(async () => {
    plain = await fresh(lng);
    memoised = await createTranslator(lng, resources);
  });

  it.each(Object.keys(resources[lng]!))('reads every key of %s as a fresh instance does, cold and warm', (ns) => {
    const expected = fixedT(plain, ns);
    const t = fixedT(memoised, ns);
    let checked = 0;
    for (const [key, text] of leaves(resources[lng]![ns]!)) {
      for (const lookup of lookups(key, text)) {
        const want = expected(lookup.key, lookup.options);
        expect(t(lookup.key, lookup.options), `${ns}:${lookup.key} ${JSON.stringify(lookup.options)}`).toEqual(want);
        expect(t(lookup.key, lookup.options), `${ns}:${lookup.key} from memory`).toEqual(want);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps lookups apart that differ by namespace, value, type or option name', () => {
    const maps = fixedT(memoised, 'maps');
    const common = fixedT(memoised, 'common');
    const expectedMaps = fixedT(plain, 'maps');
    const expectedCommon = fixedT(plain, 'common');
    const [pluralKey] = leaves(resources[lng]!.maps!).find(([k]) => k.endsWith('_other'))!;
    const base = pluralKey.replace(/_other$/, '');
    for (const options of [
      { count: 1 },
      { count: 2 },
      { count: '1' },
      { count: 1, other: 'x' },
      { countX: 1 },
      { count: 1, lng: 'en' },
      { count: 1, lng: 'fr' },
    ]) {
      expect(maps(base, options)).toEqual(expectedMaps(base, options));
    }
    expect(common('appName')).toEqual(expectedCommon('appName'));
    expect(maps('common:appName')).toEqual(expectedMaps('common:appName'));
    // A value that contains the memo's own separators cannot pass for another set of options.
    const [placeholderKey] = leaves(resources[lng]!.maps!).find(([, text]) => /{{\s*name\s*}}/.test(text))!;
    for (const name of ['a', 'a\u0003other\u0004b', 'a\u0003other\u0004"b"', 'a\u0003other\u0004string:b']) {
      expect(maps(placeholderKey, { name: 'a', other: 'b' })).toEqual(expectedMaps(placeholderKey, { name: 'a', other: 'b' }));
      expect(maps(placeholderKey, { name })).toEqual(expectedMaps(placeholderKey, { name }));
    }
  });

  it('asks i18next every time for what it does not remember (objects, defaults given as a string)', () => {
    const t = fixedT(memoised, 'maps');
    const expected = fixedT(plain, 'maps');
    const [objectKey] = Object.entries(resources[lng]!.maps!).find(([, value]) => typeof value === 'object')!;
    expect(t(objectKey, { returnObjects: true })).toEqual(expected(objectKey, { returnObjects: true }));
    expect(t('no.such.key', 'a default')).toEqual(expected('no.such.key', 'a default'));
    expect(t(['no.such.key', objectKey])).toEqual(expected(['no.such.key', objectKey]));
  });
});

describe('the memo', () => {
  it('hands the same function to every component asking for the same namespace', async () => {
    const instance = await createTranslator('en', resources);
    expect(fixedT(instance, 'maps')).toBe(fixedT(instance, 'maps'));
    expect(fixedT(instance, 'maps')).not.toBe(fixedT(instance, 'common'));
    expect(fixedT(instance, 'maps', 'fr')('appName', { ns: 'common' })).toEqual((await fresh('fr')).t('common:appName'));
  });

  it('stays bounded when values are all different (user text in labels)', async () => {
    const instance = memoiseLookups(await fresh('en'));
    const expected = (await fresh('en')).getFixedT(null, 'common');
    const t = fixedT(instance, 'common');
    const [key] = leaves(resources.en!.common!).find(([, text]) => /{{\s*name\s*}}/.test(text)) ?? leaves(resources.en!.common!)[0]!;
    for (let i = 0; i < MEMO_LIMIT + 10; i++) t(key, { name: `n${i}` });
    expect(t(key, { name: 'n3' })).toEqual(expected(key, { name: 'n3' }));
    expect(t(key, { name: `n${MEMO_LIMIT + 5}` })).toEqual(expected(key, { name: `n${MEMO_LIMIT + 5}` }));
  });
});
