// Measure units through Intl's own unit names where it has them (%, seconds, minutes, hours, days),
// the interface's labels for the others, in English and French, with the real translations.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { unitFormatters } from '~/components/measures/unit';
import { formatUnit, intlUnitName, intlUnitOf } from '~/lib/format';
import measuresEn from '~/locales/en/measures.json';
import measuresFr from '~/locales/fr/measures.json';

// Intl uses (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function formatters(language: 'en' | 'fr', locale: string = language, currency = 'EUR') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, ns: ['measures'], defaultNS: 'measures', resources: { en: { measures: measuresEn }, fr: { measures: measuresFr } } });
  const f = unitFormatters({ t: i18n.t.bind(i18n), language, currency, locale });
  return { ...f, value: (v: string | null, unit: string, display?: 'short' | 'long') => plain(f.value(v, unit, { display })) };
}

describe('Intl unit styles', () => {
  it.each([
    ['seconds', 'second'],
    ['minutes', 'minute'],
    ['hours', 'hour'],
    ['days', 'day'],
    ['%', 'percent'],
    ['pts', null],
    ['count', null],
    ['currency', null],
    ['NPS', null],
    ['constructor', null],
  ])('the measure unit %j is Intl unit %j', (unit, intl) => {
    expect(intlUnitOf(unit)).toBe(intl);
  });

  it.each([
    ['fr', 'short', '12 s', '1 s', '12 j', '12 h', '8,5 %'],
    ['fr', 'long', '12 secondes', '1 seconde', '12 jours', '12 heures', '8,5 pour cent'],
    ['en', 'short', '12 sec', '1 sec', '12 days', '12 hr', '8.5%'],
    ['en', 'long', '12 seconds', '1 second', '12 days', '12 hours', '8.5 percent'],
  ] as const)('in %s, %s: %s, %s, %s, %s, %s', (locale, display, seconds, oneSecond, days, hours, percent) => {
    expect(plain(formatUnit('12', 'second', locale, display))).toBe(seconds);
    expect(plain(formatUnit('1', 'second', locale, display))).toBe(oneSecond);
    expect(plain(formatUnit('12', 'day', locale, display))).toBe(days);
    expect(plain(formatUnit('12', 'hour', locale, display))).toBe(hours);
    expect(plain(formatUnit('8.5', 'percent', locale, display))).toBe(percent);
  });

  it('names a unit alone, agreeing with its count', () => {
    expect(intlUnitName('second', 'fr', 'long', 2)).toBe('secondes');
    expect(intlUnitName('second', 'fr', 'long', 1)).toBe('seconde');
    expect(intlUnitName('day', 'en', 'long', 1)).toBe('day');
    expect(intlUnitName('minute', 'fr')).toBe('min');
    expect(intlUnitName('percent', 'en')).toBe('%');
  });
});

describe('a measure value with its unit', () => {
  it.each([
    // unit, value, English, French
    ['seconds', '420', '420 sec', '420 s'],
    ['minutes', '2.5', '2.5 min', '2,5 min'],
    ['hours', '36', '36 hr', '36 h'],
    ['days', '3', '3 days', '3 j'],
    ['%', '8.5', '8.5%', '8,5 %'],
    ['pts', '32', '32 pts', '32 pts'],
    ['count', '1850', '1,850', '1 850'],
    ['currency', '45.5', '45.5 EUR', '45,5 EUR'],
    ['NPS', '32', '32 NPS', '32 NPS'],
  ])('%s: %s reads "%s" in English and "%s" in French', async (unit, value, en, fr) => {
    expect((await formatters('en')).value(value, unit)).toBe(en);
    expect((await formatters('fr')).value(value, unit)).toBe(fr);
  });

  it('spells Intl units out in long form, and keeps the label of the others', async () => {
    expect((await formatters('fr')).value('12', 'seconds', 'long')).toBe('12 secondes');
    expect((await formatters('en')).value('1', 'days', 'long')).toBe('1 day');
    expect((await formatters('fr')).value('10', 'pts', 'long')).toBe('10 pts');
  });

  it('writes a missing value as a dash', async () => {
    expect((await formatters('fr')).value(null, 'seconds')).toBe('—');
  });

  it('writes the number the workspace’s way even when the reader’s language differs', async () => {
    // An English reader of a French workspace: French digits, as every number of that workspace.
    expect((await formatters('en', 'fr')).value('8.5', 'pts')).toBe('8,5 pts');
  });
});

describe('a unit on its own, in the reader’s language', () => {
  it.each([
    // unit, label en, label fr, "per …" en, "per …" fr
    ['seconds', 'sec', 's', 'second', 'seconde'],
    ['minutes', 'min', 'min', 'minute', 'minute'],
    ['hours', 'hr', 'h', 'hour', 'heure'],
    ['days', 'days', 'j', 'day', 'jour'],
    ['%', '%', '%', 'pt', 'pt'],
    ['pts', 'pts', 'pts', 'pt', 'pt'],
    ['count', '', '', 'unit', 'unité'],
    ['currency', 'EUR', 'EUR', 'EUR', 'EUR'],
    ['NPS', 'NPS', 'NPS', 'NPS', 'NPS'],
  ])('%s: "%s" / "%s", per "%s" / "%s"', async (unit, labelEn, labelFr, oneEn, oneFr) => {
    const en = await formatters('en');
    const fr = await formatters('fr');
    expect([en.label(unit), fr.label(unit), en.one(unit), fr.one(unit)]).toEqual([labelEn, labelFr, oneEn, oneFr]);
  });

  it('has a long form for the value-step label', async () => {
    expect((await formatters('fr')).label('seconds', 'long')).toBe('secondes');
    expect((await formatters('en')).label('hours', 'long')).toBe('hours');
  });
});
