import { describe, expect, it } from 'vitest';
import { audienceText, kpiTile, TILE_VALUES } from '~/domain/dashboards';
import { DashboardCreateSchema } from '~/lib/schemas/dashboards';

const history = (...values: string[]) => values.map((value, i) => ({ date: `2025-${String(i + 1).padStart(2, '0')}-01`, value }));

describe('kpiTile', () => {
  it.each([
    // trend, target, values (oldest first), status
    ['up', '42', ['30', '32'], 'on_track'],
    ['up', '42', ['32', '30'], 'off_track'],
    ['up', '42', ['40', '42'], 'met'],
    ['down', '7', ['8.5', '8'], 'on_track'],
    ['down', '7', ['6.9'], 'met'],
    ['up', null, ['30', '30'], 'no_trend'],
    ['up', '42', ['31'], 'no_trend'],
    ['up', '42', [], 'no_trend'],
  ] as const)('%s to %s over %j reads %s', (trend, target, values, status) => {
    const tile = kpiTile({ trend, target, history: history(...values) });
    expect(tile.status).toBe(status);
    expect(tile.current).toBe(values.length ? values[values.length - 1] : null);
    expect(tile.target).toBe(target);
  });

  it('takes the newest value by date as the latest, and draws the newest values only', () => {
    const long = history(...Array.from({ length: 12 }, (_, i) => String(i)));
    const tile = kpiTile({ trend: 'up', target: '100', history: [{ date: '2024-12-01', value: '-1' }, ...long] });
    expect(tile.currentDate).toBe('2025-12-01');
    expect(tile.current).toBe('11');
    expect(tile.points).toHaveLength(TILE_VALUES);
    expect(tile.points[0]).toEqual({ date: '2025-01-01', value: '0' });
  });
});

describe('audience', () => {
  it('names a custom audience by its label, the others by theirs', () => {
    const label = (a: string) => `label:${a}`;
    expect(audienceText('custom', 'Franchisees', label)).toBe('Franchisees');
    expect(audienceText('top_management', null, label)).toBe('label:top_management');
    expect(audienceText('custom', null, label)).toBe('label:custom');
  });
  it('requires the label of a custom audience and drops it for the others', () => {
    expect(DashboardCreateSchema.safeParse({ intent: 'create', name: 'X', audience: 'custom' }).success).toBe(false);
    expect(DashboardCreateSchema.parse({ intent: 'create', name: 'X', audience: 'sales', customAudience: 'ignored', shared: 'on' })).toEqual({
      intent: 'create',
      name: 'X',
      audience: 'sales',
      customAudience: null,
      shared: true,
    });
  });
});
