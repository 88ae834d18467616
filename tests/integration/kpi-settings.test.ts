import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../db/client';
import { activity, kpi, kpiValue, measure, workspace } from '../../db/schema';
import * as settingsRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
import * as home from '~/routes/w.$slug._index';
import { placeKpi } from '~/server/kpis.server';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';
import type { Locale } from '~/domain/vocabulary';

async function setup(locale: Locale = 'fr') {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { locale });
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const fixture = await makeMapWithKpiLane(ws.id);
  const placedResult = await placeKpi(ws.id, owner.id, { mapId: fixture.map.id, laneId: fixture.lane.id, stageId: fixture.stages[1]!.id }, { name: 'NPS' });
  if (placedResult.status !== 'ok') throw new Error('placing failed');
  const placed = placedResult.value;
  await db.update(measure).set({ unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10' }).where(eq(measure.id, placed.measureId));
  const path = `/w/${ws.slug}/maps/${fixture.map.id}/kpis/${placed.kpiId}`;
  const params = { slug: ws.slug, mapId: fixture.map.id, kpiId: placed.kpiId };
  const post = (form: Record<string, string>, user = owner) => call(settingsRoute.action, { request: request(path, { user, form }), params });
  const load = (user = owner) => call(settingsRoute.loader, { request: request(path, { user }), params });
  return { owner, viewer, ws, ...fixture, kpiId: placed.kpiId, measureId: placed.measureId, path, params, post, load };
}

const values = (kpiId: string) => db.select().from(kpiValue).where(eq(kpiValue.kpiId, kpiId)).orderBy(kpiValue.date);

describe('KPI settings', () => {
  it('saves note, baseline and target typed the French way; a stale version answers 409', async () => {
    const s = await setup('fr');
    const form = {
      intent: 'settings',
      version: '1',
      note: 'NPS mesuré après la première semaine',
      baselineValue: '28,5',
      baselineDate: '2025-01-01',
      targetValue: '42',
      targetDate: '2026-12-31',
      impactMode: 'auto',
    };
    expect((await s.post(form)).status).toBe(200);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row).toMatchObject({ note: 'NPS mesuré après la première semaine', baselineDate: '2025-01-01', targetDate: '2026-12-31', version: 2 });
    expect(row!.baselineValue).toMatch(/^28\.50*$/);
    const stale = await s.post({ ...form, note: 'old' });
    expect(stale.status).toBe(409);
    const bad = await s.post({ ...form, version: '2', targetValue: 'quarante', targetDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ targetValue: ['field.number'], targetDate: ['field.date'] });
    const manualWithoutAmount = await s.post({ ...form, version: '2', impactMode: 'manual' });
    expect(manualWithoutAmount.status).toBe(400);
    const [after] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(after!.version).toBe(2);
    // Manual mode: the typed amount is the impact, whatever the gap.
    expect((await s.post({ ...form, version: '2', impactMode: 'manual', manualAmount: '25 000,50' })).status).toBe(200);
    expect((await s.load()).data.impact).toMatchObject({ amount: '25000.5' });
  });

  it('keeps one value per date (a second value replaces the first), edits, deletes, and shows status and impact', async () => {
    const s = await setup('fr');
    await s.post({ intent: 'settings', version: '1', note: '', targetValue: '42', impactMode: 'auto' });
    expect((await s.post({ intent: 'value', date: '2025-05-31', value: '30' })).status).toBe(200);
    expect((await s.post({ intent: 'value', date: '2025-06-30', value: '31' })).status).toBe(200);
    expect((await s.post({ intent: 'value', date: '2025-06-30', value: '32' })).status).toBe(200);
    let rows = await values(s.kpiId);
    expect(rows.map((r) => [r.date, r.value.replace(/\.0+$/, '')])).toEqual([
      ['2025-05-31', '30'],
      ['2025-06-30', '32'],
    ]);
    const page = await s.load(s.viewer);
    expect(page.data).toMatchObject({ status: 'on_track' });
    expect(page.data.current).toMatch(/^32/);
    expect(page.data.impact).toMatchObject({ amount: '50000', gap: '10', vpu: '5000' });

    // Editing a row can move it to another date; a malformed value is refused.
    const may = rows[0]!;
    expect((await s.post({ intent: 'value', valueId: may.id, date: '2025-04-30', value: '29,5' })).status).toBe(200);
    expect((await s.post({ intent: 'value', date: '2025-07-31', value: 'n/a' })).status).toBe(400);
    rows = await values(s.kpiId);
    expect(rows.map((r) => r.date)).toEqual(['2025-04-30', '2025-06-30']);
    expect(rows[0]!.value).toMatch(/^29\.50*$/);
    expect((await s.post({ intent: 'delete-value', valueId: rows[0]!.id })).status).toBe(200);
    expect(await values(s.kpiId)).toHaveLength(1);
    // "Set current value" dates it today.
    expect((await s.post({ intent: 'current', value: '45' })).status).toBe(200);
    const latest = await s.load();
    expect(latest.data).toMatchObject({ status: 'met' });
    expect(latest.data.values.at(-1).date).toBe(new Date().toISOString().slice(0, 10));
    expect(latest.data.impact).toMatchObject({ amount: '0', reason: 'target_not_improvement' });
    const log = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'kpi_value')));
    expect(log.length).toBeGreaterThanOrEqual(5);
  });

  it('dates "set the current value" with today in the workspace’s time zone, not the server’s', async () => {
    const s = await setup('fr');
    await db.update(workspace).set({ timeZone: 'Europe/Paris' }).where(eq(workspace.id, s.ws.id));
    // 00:30 on 29 March in Paris is still 28 March in UTC.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-28T23:30:00Z') });
    try {
      expect((await s.load()).data.today).toBe('2026-03-29');
      expect((await s.post({ intent: 'current', value: '40' })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect((await values(s.kpiId)).map((r) => r.date)).toEqual(['2026-03-29']);
  });

  it('answers a value-history row with that row’s id, so its error shows beside the row and not under "add a value"', async () => {
    const s = await setup('fr');
    expect((await s.post({ intent: 'value', date: '2025-05-31', value: '30' })).status).toBe(200);
    const [row] = await values(s.kpiId);
    const bad = await s.post({ intent: 'value', valueId: row!.id, date: '2025-05-31', value: 'trente' });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ intent: 'value', rowId: row!.id, status: 'invalid' });
    expect(bad.data.result.error).toMatchObject({ value: ['field.number'] });
    // The add form's own mistakes are answered as the "new" row.
    const badNew = await s.post({ intent: 'value', date: '', value: '31' });
    expect(badNew.status).toBe(400);
    expect(badNew.data).toMatchObject({ intent: 'value', rowId: 'new', status: 'invalid' });
    expect(badNew.data.result.error).toMatchObject({ date: ['field.required'] });
    const ok = await s.post({ intent: 'value', valueId: row!.id, date: '2025-05-31', value: '31' });
    expect(ok.data).toMatchObject({ intent: 'value', rowId: row!.id, status: 'done' });
    expect((await values(s.kpiId)).map((r) => r.value.replace(/\.0+$/, ''))).toEqual(['31']);
  });

  it('records the NPS of pasted answers and lists bad answers by position, writing nothing then', async () => {
    const s = await setup('en');
    const bad = await s.post({ intent: 'nps', date: '2025-03-31', answers: '10 9 x 7 12' });
    expect(bad.status).toBe(400);
    expect(bad.data.npsErrors).toEqual([
      { position: 3, token: 'x', code: 'not_integer' },
      { position: 5, token: '12', code: 'out_of_range' },
    ]);
    expect(await values(s.kpiId)).toHaveLength(0);
    // 4 promoters, 2 passives, 4 detractors out of 10 = 0.
    const ok = await s.post({ intent: 'nps', date: '2025-03-31', answers: '10, 9, 9, 10; 7 8\n0 3 6 5' });
    expect(ok.status).toBe(200);
    expect(ok.data.nps).toMatchObject({ nps: '0', total: 10, promoters: 4, detractors: 4 });
    const form = new FormData();
    form.set('intent', 'nps');
    form.set('date', '2025-04-30');
    form.set('answersFile', new File(['score\n10\n10\n9\n6\n'], 'answers.csv', { type: 'text/csv' }));
    const fromFile = await call(settingsRoute.action, { request: request(s.path, { user: s.owner, body: form }), params: s.params });
    // "score" is a header, not an answer: it is reported rather than silently dropped.
    expect(fromFile.status).toBe(400);
    expect(fromFile.data.npsErrors[0]).toMatchObject({ position: 1, token: 'score' });
    const clean = new FormData();
    clean.set('intent', 'nps');
    clean.set('date', '2025-04-30');
    clean.set('answersFile', new File(['10\n10\n9\n6\n'], 'answers.csv', { type: 'text/csv' }));
    const good = await call(settingsRoute.action, { request: request(s.path, { user: s.owner, body: clean }), params: s.params });
    expect(good.status).toBe(200);
    expect((await values(s.kpiId)).map((r) => r.value.replace(/\.0+$/, ''))).toEqual(['0', '50']);
  });

  it('deletes the KPI and its values, back to the map', async () => {
    const s = await setup();
    await s.post({ intent: 'value', date: '2025-05-31', value: '30' });
    const res = await s.post({ intent: 'delete' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/w/${s.ws.slug}/maps/${s.map.id}`);
    expect(await db.select().from(kpi).where(eq(kpi.id, s.kpiId))).toHaveLength(0);
    expect(await values(s.kpiId)).toHaveLength(0);
    expect(await db.select().from(measure).where(eq(measure.id, s.measureId))).toHaveLength(1);
  });

  it('viewers read; every write answers 403 and changes nothing', async () => {
    const s = await setup();
    await s.post({ intent: 'value', date: '2025-05-31', value: '30' });
    expect((await s.load(s.viewer)).status).toBe(200);
    const [v] = await values(s.kpiId);
    const forms: Record<string, string>[] = [
      { intent: 'settings', version: '1', note: 'x', impactMode: 'auto' },
      { intent: 'value', date: '2025-06-30', value: '1' },
      { intent: 'current', value: '1' },
      { intent: 'delete-value', valueId: v!.id },
      { intent: 'nps', date: '2025-06-30', answers: '10' },
      { intent: 'delete' },
    ];
    for (const form of forms) {
      expect((await s.post(form, s.viewer)).status).toBe(403);
    }
    expect(await values(s.kpiId)).toHaveLength(1);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row!.version).toBe(1);
  });

  it("another workspace's KPI, map and value ids answer 404 and change nothing", async () => {
    const s = await setup();
    await s.post({ intent: 'value', date: '2025-05-31', value: '30' });
    const [v] = await values(s.kpiId);
    const intruder = await makeUser();
    const theirs = await makeWorkspace(intruder);
    const theirMap = await makeMapWithKpiLane(theirs.id);
    const theirParams = { slug: theirs.slug, mapId: s.map.id, kpiId: s.kpiId };
    const theirPath = `/w/${theirs.slug}/maps/${s.map.id}/kpis/${s.kpiId}`;
    expect((await call(settingsRoute.loader, { request: request(theirPath, { user: intruder }), params: theirParams })).status).toBe(404);
    for (const form of [
      { intent: 'settings', version: '1', note: 'x', impactMode: 'auto' },
      { intent: 'value', date: '2025-06-30', value: '1' },
      { intent: 'delete-value', valueId: v!.id },
      { intent: 'delete' },
    ]) {
      expect((await call(settingsRoute.action, { request: request(theirPath, { user: intruder, form }), params: theirParams })).status).toBe(404);
    }
    // Our KPI under another map of ours, a malformed id, and a value id of another KPI.
    const wrongMap = { ...s.params, mapId: theirMap.map.id };
    expect((await call(settingsRoute.loader, { request: request(s.path, { user: s.owner }), params: wrongMap })).status).toBe(404);
    expect((await call(settingsRoute.loader, { request: request(s.path, { user: s.owner }), params: { ...s.params, kpiId: 'nope' } })).status).toBe(404);
    const otherResult = await placeKpi(s.ws.id, s.owner.id, { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[0]!.id }, { name: 'CSAT' });
    if (otherResult.status !== 'ok') throw new Error('placing failed');
    const other = otherResult.value;
    const otherPath = `/w/${s.ws.slug}/maps/${s.map.id}/kpis/${other.kpiId}`;
    const crossValue = await call(settingsRoute.action, {
      request: request(otherPath, { user: s.owner, form: { intent: 'delete-value', valueId: v!.id } }),
      params: { ...s.params, kpiId: other.kpiId },
    });
    expect(crossValue.status).toBe(404);
    expect(await values(s.kpiId)).toHaveLength(1);
    expect(await db.select().from(kpi).where(eq(kpi.id, s.kpiId))).toHaveLength(1);
  });

  it('the workspace home counts KPIs per status', async () => {
    const s = await setup();
    await s.post({ intent: 'settings', version: '1', note: '', targetValue: '42', impactMode: 'auto' });
    await s.post({ intent: 'value', date: '2025-05-31', value: '30' });
    await s.post({ intent: 'value', date: '2025-06-30', value: '32' });
    const secondResult = await placeKpi(s.ws.id, s.owner.id, { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[0]!.id }, { name: 'CSAT' });
    if (secondResult.status !== 'ok') throw new Error('placing failed');
    const res = await call(home.loader, { request: request(`/w/${s.ws.slug}`, { user: s.viewer }), params: { slug: s.ws.slug } });
    expect(res.data.kpiHealth).toMatchObject({ total: 2, on_track: 1, no_trend: 1, met: 0, off_track: 0 });
  });
});

describe('KPI panel: current value, target, baseline and dates in one form', () => {
  const combined = (version: string, extra: Record<string, string> = {}) => ({
    intent: 'settings',
    version,
    note: '',
    impactMode: 'auto',
    currentValue: '35',
    currentDate: '2025-06-30',
    targetValue: '45',
    targetDate: '2026-12-31',
    baselineValue: '28,5',
    baselineDate: '2025-01-01',
    ...extra,
  });

  it('saves all of them in one submit; an unchanged current value adds no history point', async () => {
    const s = await setup('fr');
    await s.post({ intent: 'value', date: '2025-05-31', value: '30' });
    expect((await s.post(combined('1'))).status).toBe(200);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row).toMatchObject({ version: 2, targetDate: '2026-12-31', baselineDate: '2025-01-01' });
    expect(row!.targetValue).toMatch(/^45(\.0+)?$/);
    expect((await values(s.kpiId)).map((r) => [r.date, r.value.replace(/\.0+$/, '')])).toEqual([
      ['2025-05-31', '30'],
      ['2025-06-30', '35'],
    ]);
    // The same current value (written another way) with a new target: the target moves, the history does not.
    expect((await s.post(combined('2', { currentValue: '35,0', currentDate: '2025-07-31', targetValue: '50' }))).status).toBe(200);
    expect(await values(s.kpiId)).toHaveLength(2);
    const page = await s.load();
    expect(page.data.current).toMatch(/^35/);
    expect(page.data.kpi.targetValue).toMatch(/^50/);
  });

  it('refuses a stale version and writes nothing, not even the current value', async () => {
    const s = await setup('fr');
    expect((await s.post(combined('1'))).status).toBe(200);
    const stale = await s.post(combined('1', { currentValue: '40', currentDate: '2025-08-31', targetValue: '60' }));
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ status: 'stale' });
    expect((await values(s.kpiId)).map((r) => r.date)).toEqual(['2025-06-30']);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row!.version).toBe(2);
    expect(row!.targetValue).toMatch(/^45/);
  });

  it('answers bad input with field messages and writes nothing', async () => {
    const s = await setup('fr');
    const bad = await s.post(combined('1', { currentValue: 'trente', targetValue: '45' }));
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ currentValue: ['field.number'] });
    const undated = await s.post(combined('1', { currentDate: '' }));
    expect(undated.status).toBe(400);
    expect(undated.data.result.error).toMatchObject({ currentDate: ['field.required'] });
    const badDate = await s.post(combined('1', { currentDate: '2025-02-30' }));
    expect(badDate.status).toBe(400);
    expect(badDate.data.result.error).toMatchObject({ currentDate: ['field.date'] });
    expect(await values(s.kpiId)).toHaveLength(0);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row).toMatchObject({ version: 1, targetValue: null });
  });

  it('writes the settings and the current value in one transaction: a failing value write leaves the settings as they were', async () => {
    const s = await setup('fr');
    // A trigger of this test's database refuses one value: the write fails after the settings' update.
    await db.execute(sql`create function refuse_666() returns trigger language plpgsql as $$
      begin if new.value = 666 then raise exception 'refused'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_666 before insert on kpi_value for each row execute function refuse_666()`);
    try {
      await expect(s.post(combined('1', { currentValue: '666' }))).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_666 on kpi_value`);
      await db.execute(sql`drop function refuse_666()`);
    }
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row).toMatchObject({ version: 1, targetValue: null, baselineDate: null });
    expect(await values(s.kpiId)).toHaveLength(0);
  });

  it("another workspace's KPI id answers 404 to the combined form and changes nothing", async () => {
    const s = await setup('fr');
    const intruder = await makeUser();
    const theirs = await makeWorkspace(intruder, { locale: 'fr' });
    const theirMap = await makeMapWithKpiLane(theirs.id);
    // Our KPI id, posted under their workspace and their map: not theirs.
    const params = { slug: theirs.slug, mapId: theirMap.map.id, kpiId: s.kpiId };
    const path = `/w/${theirs.slug}/maps/${theirMap.map.id}/kpis/${s.kpiId}`;
    const answer = await call(settingsRoute.action, { request: request(path, { user: intruder, form: combined('1') }), params });
    expect(answer.status).toBe(404);
    // And their member cannot reach it under our workspace either.
    const ours = await call(settingsRoute.action, { request: request(s.path, { user: intruder, form: combined('1') }), params: s.params });
    expect([403, 404]).toContain(ours.status);
    expect(await values(s.kpiId)).toHaveLength(0);
    const [row] = await db.select().from(kpi).where(eq(kpi.id, s.kpiId));
    expect(row).toMatchObject({ version: 1, targetValue: null });
  });
});
