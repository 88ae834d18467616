// Saved dashboards (views per audience): what one tile says. A dashboard picks measures; a measure
// placed in several journeys has several KPIs, whose values are not comparable (NPS after onboarding
// and NPS after a support call are two different numbers), so each KPI of a measure is one tile:
// its newest value and date, its target, its newest values as a trend and its status (DESIGN.md).
import { kpiStatus, type ValuePoint } from './kpi';
import type { DashboardAudience, KpiStatus, Trend } from './vocabulary';

/** A dashboard shows at most this many measures (a page with a fixed, readable number of tiles). */
export const DASHBOARD_MAX_MEASURES = 24;
/** How many newest values a tile's trend line draws. */
export const TILE_VALUES = 12;

export interface Tile {
  /** The newest value by date, null before the first one. */
  current: string | null;
  currentDate: string | null;
  target: string | null;
  status: KpiStatus;
  /** The newest values, oldest first: the sparkline and its table. */
  points: ValuePoint[];
}

/** One KPI's tile from its newest values (oldest first, as the windowed history query returns them). */
export function kpiTile(input: { trend: Trend; target: string | null; history: readonly ValuePoint[] }): Tile {
  const newest = input.history.length ? input.history[input.history.length - 1]! : null;
  return {
    current: newest?.value ?? null,
    currentDate: newest?.date ?? null,
    target: input.target,
    status: kpiStatus({ current: newest?.value ?? null, target: input.target, trend: input.trend, history: input.history }),
    points: input.history.slice(-TILE_VALUES).map((p) => ({ date: p.date, value: p.value })),
  };
}

/** The audience's label key, or the free label of a custom audience. */
export function audienceText(audience: DashboardAudience, customAudience: string | null, label: (audience: DashboardAudience) => string): string {
  return audience === 'custom' && customAudience ? customAudience : label(audience);
}
