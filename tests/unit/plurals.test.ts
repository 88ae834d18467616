// Counted phrases read right in both languages: French 0 and 1 are singular, English 1 only, and a
// message with two numbers counts each one ("1 étape · 3 cartes").
import { createInstance } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18nConfig } from '~/lib/i18n';

const root = path.resolve(__dirname, '../../app/locales');
const resources = Object.fromEntries(
  ['en', 'fr'].map((lng) => [
    lng,
    Object.fromEntries(readdirSync(path.join(root, lng)).map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(path.join(root, lng, f), 'utf8'))])),
  ]),
);

async function translator(lng: 'en' | 'fr') {
  const i18n = createInstance();
  await i18n.init({ ...i18nConfig, lng, resources });
  return i18n.t;
}

describe('counted messages', () => {
  it('a map size counts stages and cards separately', async () => {
    const fr = await translator('fr');
    const en = await translator('en');
    const size = (t: typeof fr, stages: number, cards: number) =>
      t('maps:list.sizeValue', { stages: t('maps:list.stageCount', { count: stages }), cards: t('maps:list.cardCount', { count: cards }) });
    expect(size(fr, 1, 3)).toBe('1 étape · 3 cartes');
    expect(size(fr, 5, 0)).toBe('5 étapes · 0 carte');
    expect(size(en, 1, 0)).toBe('1 stage · 0 cards');
  });

  it('the summary agrees its verb with the count', async () => {
    expect((await translator('fr'))('projects:summary.positive', { count: 1, total: 3 })).toBe('1 sur 3 crée de la valeur (VAN positive).');
    expect((await translator('en'))('projects:summary.positive', { count: 1, total: 3 })).toBe('1 of 3 creates value (positive NPV).');
    expect((await translator('en'))('projects:summary.positive', { count: 2, total: 3 })).toBe('2 of 3 create value (positive NPV).');
  });

  it('an activity line agrees its participle with the gender of the thing, as the activity page asks', async () => {
    const fr = await translator('fr');
    const line = (entity: string, action: string) =>
      `${fr(`activity:entity.${entity}`)} ${fr(`activity:action.${action}`, { context: fr(`activity:grammar.gender.${entity}`, { defaultValue: '' }) || undefined })}`;
    expect(line('measure', 'created')).toBe('Mesure créée');
    expect(line('lane', 'imported')).toBe('Ligne importée');
    expect(line('project', 'created')).toBe('Projet créé');
  });
});
