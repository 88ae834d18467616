// Live updates: a committed change is heard (through NOTIFY/LISTEN) by the streams of its
// workspace with the topics the pages filter on; a refused or rolled-back change is not heard; the
// live stream is for members only and ends when the client leaves.
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import * as liveRoute from '~/routes/w.$slug.live';
import { applyKpiValueBatch } from '~/server/kpi-import.server';
import { recordKpiValue } from '~/server/kpi-values.server';
import { updateKpiSettings, placeKpi } from '~/server/kpis.server';
import { openStreamCount, subscribe } from '~/server/live.server';
import { startThread } from '~/server/comments.server';
import { addCost, createProject } from '~/server/projects.server';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const fixture = await makeMapWithKpiLane(ws.id);
  const placed = await placeKpi(ws.id, owner.id, { mapId: fixture.map.id, laneId: fixture.lane.id, stageId: fixture.stages[0]!.id }, { name: 'NPS' });
  if (placed.status !== 'ok') throw new Error('placing failed');
  return { owner, ws, ...fixture, kpiId: placed.value.kpiId };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what a workspace's listeners hear. */
async function listen(workspaceId: string) {
  // What the setup announced may still be on its way from the database: let it pass first.
  await settle();
  const heard: string[][] = [];
  stops.push(await subscribe(workspaceId, (topics) => heard.push(topics)));
  return heard;
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await settle(20);
  return check();
}

describe('announcements', () => {
  it('a value written by hand, by a batch (API or CSV) or a target change is heard with its KPI and "figures"; another workspace hears nothing', async () => {
    const s = await setup();
    const other = await setup();
    const heard = await listen(s.ws.id);
    const elsewhere = await listen(other.ws.id);

    await recordKpiValue(s.ws.id, s.owner.id, s.kpiId, { date: '2026-01-31', value: '31' });
    expect(await until(() => heard.length === 1)).toBe(true);
    expect(heard[0]).toEqual([`kpi:${s.kpiId}`, 'figures']);

    const batch = await applyKpiValueBatch(s.ws.id, { userId: s.owner.id }, [{ kpi: s.kpiId, date: '2026-02-28', value: '33' }]);
    expect(batch.written).toBe(true);
    expect(await until(() => heard.length === 2)).toBe(true);
    expect(heard[1]).toEqual([`kpi:${s.kpiId}`, 'figures']);

    const [row] = await db.query.kpi.findMany({ where: (k, { eq }) => eq(k.id, s.kpiId) });
    await updateKpiSettings(s.ws.id, s.owner.id, s.kpiId, row!.version, { note: '', impactMode: 'auto', targetValue: '40' });
    expect(await until(() => heard.length === 3)).toBe(true);
    expect(heard[2]).toEqual([`kpi:${s.kpiId}`, 'figures']);

    await settle();
    expect(elsewhere).toEqual([]);
  });

  it('a change of the map is heard as map:<id>; a project change as project:<id> with "figures"', async () => {
    const s = await setup();
    const heard = await listen(s.ws.id);
    // Placing a KPI takes the map lock, which announces the map.
    await placeKpi(s.ws.id, s.owner.id, { mapId: s.map.id, laneId: s.lane.id, stageId: s.stages[1]!.id }, { name: 'CSAT' });
    expect(await until(() => heard.length === 1)).toBe(true);
    expect(heard[0]).toEqual([`map:${s.map.id}`]);
    const project = await createProject(s.ws.id, s.owner.id, { name: 'Self-care', description: '', status: 'planned', ownerId: '' });
    if (project.status !== 'ok') throw new Error('project');
    await addCost(s.ws.id, s.owner.id, project.value, { label: 'Build', kind: 'one_off', amount: '1000' });
    expect(await until(() => heard.length === 3)).toBe(true);
    expect(heard.slice(1)).toEqual([
      [`project:${project.value}`, 'figures'],
      [`project:${project.value}`, 'figures'],
    ]);
  });

  it('a comment mentioning a member is heard with the map and that member’s notifications (their bell), not the author’s', async () => {
    const s = await setup();
    const hugo = await makeUser({ displayName: 'Hugo Lefèvre' });
    await addMember(s.ws.id, hugo, 'viewer');
    const heard = await listen(s.ws.id);
    const started = await startThread(
      s.ws.id,
      s.owner.id,
      { mapId: s.map.id },
      { type: 'stage', id: s.stages[0]!.id },
      { body: 'Over to @Hugo Lefèvre', picked: [hugo.id] },
    );
    expect(started.status).toBe('ok');
    expect(await until(() => heard.length === 1)).toBe(true);
    expect(heard[0]).toEqual([`map:${s.map.id}`, `notify:${hugo.id}`]);
  });

  it('a refused batch (one bad row) and a rolled-back transaction announce nothing', async () => {
    const s = await setup();
    const heard = await listen(s.ws.id);
    const refused = await applyKpiValueBatch(s.ws.id, { userId: s.owner.id }, [
      { kpi: s.kpiId, date: '2026-02-28', value: '33' },
      { kpi: s.kpiId, date: 'not a date', value: '1' },
    ]);
    expect(refused.written).toBe(false);
    await expect(
      db.transaction(async (tx) => {
        const { announce } = await import('~/server/live.server');
        await announce(tx, s.ws.id, ['figures']);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle(500);
    expect(heard).toEqual([]);
  });
});

describe('the live stream route', () => {
  it('streams the workspace changes as Server-Sent Events to a member, and ends when the client leaves', async () => {
    const s = await setup();
    const leave = new AbortController();
    const req = new Request(request(`/w/${s.ws.slug}/live`, { user: s.owner }), { signal: leave.signal });
    const response = (await liveRoute.loader({ request: req, params: { slug: s.ws.slug }, context: {} })) as Response;
    expect(response.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const end = Date.now() + 3000;
      while (!text.includes(needle) && Date.now() < end) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      return text.includes(needle);
    };
    expect(await readUntil(': connected')).toBe(true);
    expect(openStreamCount()).toBeGreaterThan(0);
    await recordKpiValue(s.ws.id, s.owner.id, s.kpiId, { date: '2026-03-31', value: '35' });
    expect(await readUntil('event: change')).toBe(true);
    expect(await readUntil('\n\n')).toBe(true);
    expect(text).toContain(`data: {"topics":["kpi:${s.kpiId}","figures"]}`);
    const before = openStreamCount();
    leave.abort();
    expect(await until(() => openStreamCount() === before - 1)).toBe(true);
  });

  it('refuses a stranger (404) and a visitor without a session (to sign-in)', async () => {
    const s = await setup();
    const stranger = await makeUser();
    const refused = await call(liveRoute.loader, { request: request(`/w/${s.ws.slug}/live`, { user: stranger }), params: { slug: s.ws.slug } });
    expect(refused.status).toBe(404);
    const anonymous = await call(liveRoute.loader, { request: request(`/w/${s.ws.slug}/live`), params: { slug: s.ws.slug } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/);
  });
});
