// Each closed vocabulary is one list (db/vocabulary.ts); its labels live in the locale files. A value
// added to a list without its label in every language fails here, not on a screen.
import { describe, expect, it } from 'vitest';
import {
  CARD_LANE_KINDS,
  CHANNELS,
  DASHBOARD_AUDIENCES,
  FAMILIES,
  HEART_CATEGORIES,
  IMPACT_TYPES,
  KPI_STATUSES,
  LANE_KINDS,
  LOCALES,
  MAP_STATES,
  PROJECT_STATUSES,
  ROLES,
  TRENDS,
  UNITS,
  VALUE_SOURCES,
} from '~/domain/vocabulary';
import { namespaces } from '~/lib/i18n';

const labelled: [namespace: string, key: string, values: readonly string[]][] = [
  ['common', 'roles', ROLES],
  ['common', 'languages', LOCALES],
  ['common', 'projectStatus', PROJECT_STATUSES],
  ['maps', 'state', MAP_STATES],
  ['maps', 'laneKind', LANE_KINDS],
  ['maps', 'channel', CHANNELS],
  ['measures', 'trend', TRENDS],
  ['measures', 'impactType', IMPACT_TYPES],
  ['measures', 'heart', HEART_CATEGORIES],
  ['measures', 'family', FAMILIES],
  ['measures', 'source', VALUE_SOURCES],
  ['measures', 'status', KPI_STATUSES],
  ['indicators', 'audience', DASHBOARD_AUDIENCES],
  ['measures', 'unitNames', UNITS.map((u) => (u === '%' ? 'percent' : u))],
];

describe('vocabularies', () => {
  it.each(LOCALES)('every value has its label in %s', async (lng) => {
    for (const [ns, key, values] of labelled) {
      expect(namespaces).toContain(ns);
      const { default: messages } = await import(`../../app/locales/${lng}/${ns}.json`);
      expect(Object.keys(messages[key] ?? {}), `${ns}.${key}`).toEqual(expect.arrayContaining([...values]));
    }
  });

  it('card lanes are lane kinds, without the emotion and KPI rows', () => {
    expect(LANE_KINDS.filter((k) => !(CARD_LANE_KINDS as readonly string[]).includes(k))).toEqual(['emotions', 'kpi']);
  });

  it('lists have no repeats', () => {
    for (const list of [
      ROLES,
      LOCALES,
      MAP_STATES,
      LANE_KINDS,
      CHANNELS,
      TRENDS,
      IMPACT_TYPES,
      HEART_CATEGORIES,
      FAMILIES,
      UNITS,
      VALUE_SOURCES,
      KPI_STATUSES,
      PROJECT_STATUSES,
    ]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
