// The summary's roll-up is kept between requests under the workspace's figures revision, which the
// database bumps (statement triggers) on every write its figures read: whatever the write path, the
// next request shows the new figures; a cached request runs a small, fixed number of queries.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { kpi, measure, project, projectCost, workspace } from '../../db/schema';
import { measureSchema } from '~/lib/schemas/measures';
import { todayIn } from '~/lib/time-zone';
import * as summary from '~/routes/w.$slug.summary/route';
import { figuresCacheStats } from '~/server/figures-cache.server';
import { recordKpiValue } from '~/server/kpi-values.server';
import { updateKpiSettings } from '~/server/kpis.server';
import { updateMeasure } from '~/server/measures.server';
import { addCost, linkKpi, setProjectArchived, updateCost } from '~/server/projects.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeProject, makeWorkedExample } from '../support/project-fixtures';

async function setup() {
  const owner = await makeUser({ displayName: 'Alice Martin' });
  const ws = await makeWorkspace(owner);
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const example = await makeWorkedExample(ws.id);
  return { owner, ws, viewer, example };
}

const load = (user: TestUser, slug: string, query = '') => call(summary.loader, { request: request(`/w/${slug}/summary${query}`, { user }), params: { slug } });

async function revisionOf(workspaceId: string) {
  const [row] = await db.select({ revision: workspace.figuresRevision }).from(workspace).where(eq(workspace.id, workspaceId));
  return row!.revision;
}

/** Loads the summary twice: the second request is served by the cache, with the same figures. */
async function loadWarm(user: TestUser, slug: string) {
  const first = await load(user, slug);
  const served = figuresCacheStats.served;
  const second = await load(user, slug);
  expect(figuresCacheStats.served).toBe(served + 2);
  expect(second.data).toEqual(first.data);
  return second;
}

describe('summary cache: figures revision bumped by the database', () => {
  it('every write path that changes the figures changes the summary at the next request', async () => {
    const { ws, owner, viewer, example } = await setup();
    const today = todayIn(ws.timeZone);
    let before = await loadWarm(viewer, ws.slug);
    expect(before.data.totals.runRateBenefit).toBe('152000');

    // A new KPI value (NPS 32 -> 40 today): run-rate 152,000 - 8 points x 5,000 = 112,000; the realised series moves too.
    expect((await recordKpiValue(ws.id, owner.id, example.kpis.nps.id, { date: today, value: '40' })).status).toBe('ok');
    let after = await loadWarm(viewer, ws.slug);
    expect(after.data.totals.runRateBenefit).toBe('112000');
    expect(after.data.realisedBenefit).not.toBe(before.data.realisedBenefit);
    expect(after.data.realised).not.toEqual(before.data.realised);
    before = after;

    // A KPI target change (NPS 42 -> 50): 10 points x 5,000 more a year.
    const [npsRow] = await db.select({ version: kpi.version }).from(kpi).where(eq(kpi.id, example.kpis.nps.id));
    expect((await updateKpiSettings(ws.id, owner.id, example.kpis.nps.id, npsRow!.version, { note: '', impactMode: 'auto', targetValue: '50' })).status).toBe(
      'ok',
    );
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.totals.runRateBenefit).toBe('152000');
    before = after;

    // A project cost change (build 60,000 -> 70,000).
    const [build] = await db
      .select({ id: projectCost.id })
      .from(projectCost)
      .where(and(eq(projectCost.label, 'Build'), eq(projectCost.projectId, example.project.id)));
    expect(before.data.totals.totalCost).toBe('90000');
    expect((await updateCost(ws.id, owner.id, example.project.id, build!.id, { label: 'Build', kind: 'one_off', amount: '70000', year: 0 })).status).toBe('ok');
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.totals.totalCost).toBe('100000');
    before = after;

    // A link share change (churn 50 % -> 100 %): the churn line's benefit doubles.
    expect((await linkKpi(ws.id, owner.id, example.project.id, example.kpis.churn.id, '1', true)).status).toBe('ok');
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.totals.runRateBenefit).not.toBe(before.data.totals.runRateBenefit);
    expect(after.data.topMeasures).not.toEqual(before.data.topMeasures);
    before = after;

    // A measure's value change (NPS worth 50,000 -> 100,000 per 10 points).
    const [npsMeasure] = await db.select({ version: measure.version }).from(measure).where(eq(measure.id, example.measures.nps.id));
    const input = measureSchema('en').parse({ name: 'NPS', unit: 'pts', trend: 'up', valueAmount: '100000', valueStep: '10' });
    expect((await updateMeasure(ws.id, { userId: owner.id }, example.measures.nps.id, npsMeasure!.version, input)).status).toBe('ok');
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.totals.runRateBenefit).not.toBe(before.data.totals.runRateBenefit);
    before = after;

    // Raw SQL that no server module sees: the triggers bump the revision all the same.
    await db.execute(sql`update project_cost set amount = amount + 1 where project_id = ${example.project.id}`);
    after = await loadWarm(viewer, ws.slug);
    // Build + 1 once, run + 1 in each of its 3 years.
    expect(after.data.totals.totalCost).toBe('100004');
    before = after;

    // The owner's name shows in the ranking: a rename (raw SQL on "user") shows at once.
    await db.execute(sql`update project set owner_id = ${owner.id} where id = ${example.project.id}`);
    expect((await loadWarm(viewer, ws.slug)).data.ranking.rows[0].ownerName).toBe('Alice Martin');
    await db.execute(sql`update "user" set display_name = 'Alice Durand' where id = ${owner.id}`);
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.ranking.rows[0].ownerName).toBe('Alice Durand');

    // Archiving the project leaves nothing to show.
    const [row] = await db.select({ version: project.version }).from(project).where(eq(project.id, example.project.id));
    expect((await setProjectArchived(ws.id, owner.id, example.project.id, row!.version, true)).status).toBe('ok');
    after = await loadWarm(viewer, ws.slug);
    expect(after.data.counts).toEqual({ all: 0, shown: 0 });
    expect(after.data.ranking.rows).toEqual([]);
  });

  it("another workspace's writes do not bump this workspace's revision, and its cached summary is served", async () => {
    const a = await setup();
    const b = await setup();
    await loadWarm(a.viewer, a.ws.slug);
    const revA = await revisionOf(a.ws.id);
    const revB = await revisionOf(b.ws.id);
    expect((await recordKpiValue(b.ws.id, b.owner.id, b.example.kpis.nps.id, { date: todayIn(b.ws.timeZone), value: '40' })).status).toBe('ok');
    expect((await addCost(b.ws.id, b.owner.id, b.example.project.id, { label: 'Extra', kind: 'one_off', amount: '1000', year: 0 })).status).toBe('ok');
    await db.execute(sql`update kpi set target_value = 45 where workspace_id = ${b.ws.id}`);
    expect(await revisionOf(a.ws.id)).toBe(revA);
    expect(await revisionOf(b.ws.id)).toBe(revB + 3);
    const served = figuresCacheStats.served;
    await load(a.viewer, a.ws.slug);
    expect(figuresCacheStats.served).toBe(served + 2);
  });

  it('a cached request runs a small, fixed number of queries whatever the portfolio size', async () => {
    const { ws, viewer, example } = await setup();
    await load(viewer, ws.slug);
    queryCounter.count = 0;
    await load(viewer, ws.slug);
    const small = queryCounter.count;
    for (let i = 0; i < 15; i++) {
      const k = await makeKpi(
        ws.id,
        { mapId: example.map.id, laneId: example.lane.id, stageId: example.stages.Support!.id, measureId: example.measures.aht.id },
        { target: '300', values: [['2026-01-01', '400']] },
      );
      await makeProject(ws.id, { links: [{ kpiId: k.id, share: '1' }], costs: [{ kind: 'one_off', amount: '100' }] });
    }
    queryCounter.count = 0;
    const computed = await load(viewer, ws.slug);
    const uncached = queryCounter.count;
    expect(computed.data.counts.shown).toBe(16);
    queryCounter.count = 0;
    const cached = await load(viewer, ws.slug, '?sort=roi');
    expect(queryCounter.count).toBe(small);
    // The session and the membership (with the workspace row and its revision): nothing else.
    expect(small).toBe(2);
    expect(uncached).toBeGreaterThan(small);
    expect(cached.data.totals).toEqual(computed.data.totals);
  });

  it('a 10,000-row insert, update or delete bumps the revision once per transaction, not per row', async () => {
    const { ws, example } = await setup();
    const kpiId = example.kpis.aht.id;
    const start = await revisionOf(ws.id);
    await db.execute(
      sql`insert into kpi_value (workspace_id, kpi_id, date, value)
          select ${ws.id}, ${kpiId}, date '1980-01-01' + n, 400 + n % 7 from generate_series(1, 10000) as n`,
    );
    expect(await revisionOf(ws.id)).toBe(start + 1);
    await db.execute(sql`update kpi_value set value = value + 1 where kpi_id = ${kpiId} and date < '2010-01-01'`);
    expect(await revisionOf(ws.id)).toBe(start + 2);
    await db.execute(sql`delete from kpi_value where kpi_id = ${kpiId} and date < '2010-01-01'`);
    expect(await revisionOf(ws.id)).toBe(start + 3);
    // A statement that touches no row touches no workspace: no bump.
    await db.execute(sql`update kpi_value set value = 0 where kpi_id = ${kpiId} and date = '1900-01-01'`);
    expect(await revisionOf(ws.id)).toBe(start + 3);
  });

  it('bumps at the commit, once per transaction: the workspace row is not locked while the transaction works', async () => {
    const { ws, example } = await setup();
    const kpiId = example.kpis.aht.id;
    const start = await revisionOf(ws.id);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into kpi_value (workspace_id, kpi_id, date, value) values (${ws.id}, ${kpiId}, '1970-01-02', 1)`);
      await tx.execute(sql`update kpi set target_value = 1 where id = ${kpiId}`);
      // Still the old revision inside the transaction: the bump waits for the commit, so the
      // workspace row's lock is taken last (two writers can never wait on each other through it).
      const [row] = await tx.select({ revision: workspace.figuresRevision }).from(workspace).where(eq(workspace.id, ws.id));
      expect(row!.revision).toBe(start);
    });
    expect(await revisionOf(ws.id)).toBe(start + 1);
    // A rolled-back transaction bumps nothing.
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into kpi_value (workspace_id, kpi_id, date, value) values (${ws.id}, ${kpiId}, '1970-01-03', 1)`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await revisionOf(ws.id)).toBe(start + 1);
  });
});
