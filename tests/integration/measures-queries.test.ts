// Pages of the measures feature run a fixed number of queries whatever the data size.
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { kpiValue } from '../../db/schema';
import * as settingsRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
import * as mapRoute from '~/routes/w.$slug.maps.$mapId/route';
import { CHIP_SPARK } from '~/lib/kpi-chip';
import { sparklinePath } from '~/lib/sparkline';
import * as home from '~/routes/w.$slug._index';
import * as library from '~/routes/w.$slug.measures._index/route';
import * as measurePage from '~/routes/w.$slug.measures.$measureId/route';
import { placeKpi } from '~/server/kpis.server';
import { call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function workspaceWith(kpis: number) {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const f = await makeMapWithKpiLane(ws.id, ['A', 'B', 'C', 'D', 'E']);
  let first: { kpiId: string; measureId: string } | undefined;
  for (let i = 0; i < kpis; i++) {
    const placedResult = await placeKpi(
      ws.id,
      owner.id,
      { mapId: f.map.id, laneId: f.lane.id, stageId: f.stages[i % 5]!.id },
      { name: i % 2 ? `Measure ${i}` : 'NPS' },
    );
    if (placedResult.status !== 'ok') throw new Error('placing failed');
    const placed = placedResult.value;
    first ??= placed;
    await db.insert(kpiValue).values(
      Array.from({ length: 12 }, (_, m) => ({
        workspaceId: ws.id,
        kpiId: placed.kpiId,
        date: `2025-${String(m + 1).padStart(2, '0')}-01`,
        value: String(30 + m + i),
      })),
    );
  }
  return { owner, ws, map: f.map, first: first! };
}

async function count(fn: () => Promise<unknown>) {
  const before = queryCounter.count;
  await fn();
  return queryCounter.count - before;
}

async function pageQueries(s: Awaited<ReturnType<typeof workspaceWith>>) {
  const slug = s.ws.slug;
  return {
    library: await count(() => call(library.loader, { request: request(`/w/${slug}/measures?q=a`, { user: s.owner }), params: { slug } })),
    measure: await count(() =>
      call(measurePage.loader, { request: request(`/w/${slug}/measures/x`, { user: s.owner }), params: { slug, measureId: s.first.measureId } }),
    ),
    settings: await count(() =>
      call(settingsRoute.loader, { request: request(`/w/${slug}/maps/x/kpis/y`, { user: s.owner }), params: { slug, mapId: s.map.id, kpiId: s.first.kpiId } }),
    ),
    home: await count(() => call(home.loader, { request: request(`/w/${slug}`, { user: s.owner }), params: { slug } })),
    map: await count(() => call(mapRoute.loader, { request: request(`/w/${slug}/maps/x`, { user: s.owner }), params: { slug, mapId: s.map.id } })),
  };
}

describe('query counts', () => {
  it('library, measure page, KPI settings, home and map do not grow with the number of measures, KPIs and values', async () => {
    const small = await pageQueries(await workspaceWith(2));
    const large = await pageQueries(await workspaceWith(30));
    console.info('queries per page (2 KPIs vs 30 KPIs, 12 values each):', JSON.stringify({ small, large }));
    expect(large).toEqual(small);
    expect(small.library).toBeLessThanOrEqual(10);
  });
});

describe('KPI chips on the map', () => {
  it('draw the newest 8 values of each KPI (oldest first), not its whole history', async () => {
    const s = await workspaceWith(3);
    const res = await call(mapRoute.loader, { request: request(`/w/${s.ws.slug}/maps/x`, { user: s.owner }), params: { slug: s.ws.slug, mapId: s.map.id } });
    expect(res.status).toBe(200);
    const chips = res.data.kpis as { id: string; spark: string | null; current: string | null; status: string }[];
    const first = chips.find((k) => k.id === s.first.kpiId)!;
    // Its 12 monthly values are 30..41: the chip draws 34..41, and its current value is the newest.
    const newest8 = Array.from({ length: 8 }, (_, i) => String(34 + i));
    expect(first.spark).toBe(sparklinePath(newest8, CHIP_SPARK.width, CHIP_SPARK.height));
    expect(first.spark!.match(/[ML]/g)).toHaveLength(8);
    expect(first.current).toMatch(/^41(\.0+)?$/);
  });
});
