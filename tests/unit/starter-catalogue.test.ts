import { describe, expect, it } from 'vitest';
import { RECOMMENDED_STARTER_KEYS, STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import { FAMILIES, HEART_CATEGORIES, TRENDS, UNITS, type Trend } from '~/domain/vocabulary';

describe('starter catalogue', () => {
  it('offers at least 25 measures with unique keys and names in both languages (any case)', () => {
    expect(STARTER_CATALOGUE.length).toBeGreaterThanOrEqual(25);
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(STARTER_CATALOGUE.map((m) => m.key))).toBe(true);
    expect(unique(STARTER_CATALOGUE.map((m) => m.name.en.toLowerCase()))).toBe(true);
    expect(unique(STARTER_CATALOGUE.map((m) => m.name.fr.toLowerCase()))).toBe(true);
  });

  it('uses only known units, trends, HEART categories and families, with texts in both languages', () => {
    for (const m of STARTER_CATALOGUE) {
      expect(UNITS as readonly string[]).toContain(m.unit);
      expect(TRENDS as readonly string[]).toContain(m.trend);
      if (m.heart !== null) expect(HEART_CATEGORIES as readonly string[]).toContain(m.heart);
      expect(FAMILIES as readonly string[]).toContain(m.family);
      for (const text of [m.name, m.description, m.group]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.fr.trim()).not.toBe('');
      }
    }
  });

  it('has the measures the seed texts name, each the right way up', () => {
    const byKey = Object.fromEntries(STARTER_CATALOGUE.map((m) => [m.key, m]));
    const expected: [string, string, Trend][] = [
      ['nps', 'pts', 'up'],
      ['csat', '%', 'up'],
      ['ces', 'pts', 'down'],
      ['churn_rate', '%', 'down'],
      ['retention_rate', '%', 'up'],
      ['renewal_rate', '%', 'up'],
      ['retention_cost', 'currency', 'down'],
      ['first_contact_resolution', '%', 'up'],
      ['average_handling_time', 'seconds', 'down'],
      ['conversion_rate', '%', 'up'],
      ['new_customers', 'count', 'up'],
      ['active_customer_rate', '%', 'up'],
      ['recommendation_rate', '%', 'up'],
      ['paid_subscriptions_count', 'count', 'up'],
      ['paid_subscriptions_value', 'currency', 'up'],
      ['customer_lifetime_value', 'currency', 'up'],
      ['average_deal_size', 'currency', 'up'],
      ['revenue_per_salesperson', 'currency', 'up'],
      ['email_open_rate', '%', 'up'],
      ['deliverability', '%', 'up'],
    ];
    for (const [key, unit, trend] of expected) expect(byKey[key], key).toMatchObject({ unit, trend });
  });
});

describe('the recommended starter set', () => {
  it('is the four measures the walkthrough starts with, all in the catalogue', () => {
    const names = RECOMMENDED_STARTER_KEYS.map((key) => STARTER_CATALOGUE.find((m) => m.key === key)?.name.en);
    expect(names).toEqual(['New customers', 'NPS', 'CSAT', 'Churn rate']);
  });
});
