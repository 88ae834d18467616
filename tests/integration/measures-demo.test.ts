import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { seedDemo } from '~/server/demo/index.server';
import { demoHistory } from '~/server/demo/measures.server';
import { journeyMap, kpiValue, measure, workspace } from '../../db/schema';
import { annualImpact } from '~/domain/kpi';
import { KPI_STATUSES } from '~/domain/vocabulary';
import { listMapKpis } from '~/server/kpis.server';

describe('demo measures and KPIs', () => {
  it('12 monthly values ending this month, the good way at the end', () => {
    const h = demoHistory('10.2', '8.5', 1, new Date(Date.UTC(2026, 10, 25)));
    expect(h).toHaveLength(12);
    expect(h[0]!.date).toBe('2025-12-01');
    expect(h[11]).toEqual({ date: '2026-11-01', value: '8.5' });
    expect(Number(h[10]!.value)).toBeGreaterThan(8.5);
  });

  it('the worked example KPIs carry the values the business case depends on, on track', async () => {
    await seedDemo(db);
    const [ws] = await db.select().from(workspace).where(eq(workspace.slug, 'demo-telecom'));
    const maps = await db.select().from(journeyMap).where(eq(journeyMap.workspaceId, ws!.id));
    const chips = (await Promise.all(maps.map((m) => listMapKpis(ws!.id, m.id)))).flat();
    const find = (name: string) => chips.filter((c) => c.measureName === name);
    const measures = await db.select().from(measure).where(eq(measure.workspaceId, ws!.id));
    const expectations: [string, string, string, string][] = [
      ['NPS', '32', '42', '50000'],
      ['Taux de churn', '8.5', '7', '180000'],
      ['Durée moyenne de traitement', '420', '360', '12000'],
    ];
    for (const [name, current, target, impact] of expectations) {
      const [chip] = find(name);
      expect(chip, name).toBeDefined();
      expect(Number(chip!.current)).toBe(Number(current));
      expect(Number(chip!.target)).toBe(Number(target));
      expect(chip!.status).toBe('on_track');
      const m = measures.find((x) => x.name === name)!;
      expect(
        annualImpact({ mode: 'auto', current: chip!.current, target: chip!.target, trend: m.trend, valueAmount: m.valueAmount, valueStep: m.valueStep }).amount,
      ).toBe(impact);
    }
    expect(chips.length).toBeGreaterThanOrEqual(12);
    // The KPI health panel has something of every kind to show.
    expect(new Set(chips.map((c) => c.status))).toEqual(new Set(KPI_STATUSES));
    const values = await db
      .select()
      .from(kpiValue)
      .where(and(eq(kpiValue.workspaceId, ws!.id), eq(kpiValue.kpiId, find('NPS')[0]!.id)));
    expect(values).toHaveLength(12);
    expect(measures.length).toBeGreaterThanOrEqual(15);
  });
});
