// Every English text has its French counterpart and vice versa, with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../app/locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
// i18next plural forms differ by language (French has no "_one"-only rule differences we rely on).
// Context variants (French agrees participles: "créé" / "créée") exist where a language needs them,
// and `grammar.*` holds facts of one language (the gender of its nouns).
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '').replace(/_(female|male)$/, '');
const sharedKeys = (keys: Iterable<string>) => new Set([...keys].filter((k) => !k.startsWith('grammar.')).map(baseKey));

// Texts French writes exactly as English does (names, acronyms, words both languages share). Any other
// French text equal to its English one is a string left untranslated.
const SAME_IN_BOTH = new Set([
  'Parcours',
  'English',
  'Français',
  'Menu',
  'Business case',
  'Description',
  'Actions',
  'Net',
  'Total',
  'Date',
  'Source',
  'ROI',
  'KPI',
  '{{count}} KPI',
  'API',
  'HTTP {{status}}',
  'Webhooks',
  'Personas',
  'Notifications',
  'Persona',
  'Invitation',
  'Invitations',
  'Web',
  'Chat',
  'positive',
  'Frustrations',
  'Engagement',
  'Adoption',
  'points',
  'pts',
  'minutes',
  'min',
  'NPS, Onboarding, Support…',
  'Signal',
  'Marketing',
]);

const namespaces = readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json'));

describe.each(namespaces)('locale namespace %s', (file) => {
  const en = flatten(JSON.parse(readFileSync(path.join(root, 'en', file), 'utf8')));
  const fr = flatten(JSON.parse(readFileSync(path.join(root, 'fr', file), 'utf8')));

  it('has the same keys in English and French', () => {
    const enKeys = sharedKeys(en.keys());
    const frKeys = sharedKeys(fr.keys());
    expect([...enKeys].filter((k) => !frKeys.has(k))).toEqual([]);
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...en.entries()]
      .filter(([key, text]) => fr.has(key) && placeholders(text).join() !== placeholders(fr.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('translates every text French does not write as English does', () => {
    const untranslated = [...fr.entries()].filter(
      ([key, text]) => en.get(key) === text && /[A-Za-z]{3,}/.test(text.replace(/{{[^}]*}}/g, '')) && !SAME_IN_BOTH.has(text),
    );
    expect(untranslated.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('gives every counted message its plural forms, and counts other numbers through a counted phrase', () => {
    // "{{count}} stages" needs "_one"/"_other" (CLDR rules through Intl.PluralRules: French 0 and 1 are
    // singular). A second number in one message ("1 étape · 3 cartes") is passed in already counted,
    // from a plural key of its own, never as a bare number before a noun.
    for (const messages of [en, fr]) {
      const singular = [...messages.entries()].filter(([key, text]) => text.includes('{{count}}') && !/_(zero|one|two|few|many|other)$/.test(key));
      expect(singular.map(([key]) => key)).toEqual([]);
    }
  });

  it('has no empty text', () => {
    expect([...en.entries(), ...fr.entries()].filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
  });
});

// French typography: a no-break space (U+00A0, or the narrow U+202F) before : ; ! ? so that the
// sign never starts a line and never sticks to the word; none before , or .
describe.each(namespaces)('French typography in %s', (file) => {
  const fr = flatten(JSON.parse(readFileSync(path.join(root, 'fr', file), 'utf8')));
  it('puts a no-break space before : ; ! ? and no plain space', () => {
    const wrong = [...fr.entries()]
      .filter(([, text]) => {
        // Placeholders, URLs and times are not prose.
        const prose = text
          .replace(/{{[^}]*}}/g, 'X')
          .replace(/https?:\/\/\S*/g, 'URL')
          .replace(/\d:\d/g, '0');
        return /[^\u00a0\u202f\s][:;!?]|\s[:;!?]/.test(prose.replace(/[\u00a0\u202f][:;!?]/g, ''));
      })
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });
});
