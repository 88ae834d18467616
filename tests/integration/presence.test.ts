// Live presence: a live stream opened for a map lists its member among the map's viewers while it is
// open, and carries that map's viewers: the viewers of the same map in the same workspace, never
// those of another map or another workspace. A clean leave shows at once; a record no instance
// refreshes any more expires after a minute. Another workspace's map answers 404.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { mapPresence } from '../../db/schema';
import * as liveRoute from '~/routes/w.$slug.live';
import { presenceUpkeep } from '~/server/live.server';
import { joinMap, listViewers, PRESENCE_TTL_SECONDS } from '~/server/presence.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeMapWithKpiLane } from '../support/kpi-fixtures';

const leaves: AbortController[] = [];
afterEach(() => {
  for (const leave of leaves.splice(0)) leave.abort();
});

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** An open live stream of a member on a map (or none): what it received, as parsed events. */
async function openStream(slug: string, member: TestUser, mapId?: string) {
  const leave = new AbortController();
  leaves.push(leave);
  const path = `/w/${slug}/live${mapId ? `?map=${mapId}` : ''}`;
  const response = (await liveRoute.loader({
    request: new Request(request(path, { user: member }), { signal: leave.signal }),
    params: { slug },
    context: {},
  })) as Response;
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += value;
    }
  })();
  void pump;
  /** The viewers' names of each presence event received so far. */
  const presenceEvents = () =>
    [...text.matchAll(/event: presence\ndata: (.*)\n\n/g)].map((m) => (JSON.parse(m[1]!) as { viewers: { name: string }[] }).viewers.map((v) => v.name));
  const lastViewers = () => presenceEvents().at(-1);
  return { leave: () => leave.abort(), presenceEvents, lastViewers, text: () => text };
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await settle();
  return check();
}

async function setup() {
  const camille = await makeUser({ displayName: 'Camille Martin' });
  const lea = await makeUser({ displayName: 'Léa Durand' });
  const ws = await makeWorkspace(camille);
  await addMember(ws.id, lea, 'viewer');
  const map = (await makeMapWithKpiLane(ws.id, ['Discovery'], 'Purchase')).map;
  const otherMap = (await makeMapWithKpiLane(ws.id, ['Support'], 'Support')).map;
  return { camille, lea, ws, map, otherMap };
}

describe('presence on a map', () => {
  it('two members on one map see each other; a member on another map is not listed; a clean leave shows at once', async () => {
    const s = await setup();
    const third = await makeUser({ displayName: 'Zoé Petit' });
    await addMember(s.ws.id, third, 'editor');

    const camille = await openStream(s.ws.slug, s.camille, s.map.id);
    expect(await until(() => camille.lastViewers()?.join() === 'Camille Martin')).toBe(true);
    const elsewhere = await openStream(s.ws.slug, third, s.otherMap.id);
    const lea = await openStream(s.ws.slug, s.lea, s.map.id);
    expect(await until(() => camille.lastViewers()?.join() === 'Camille Martin,Léa Durand')).toBe(true);
    expect(await until(() => lea.lastViewers()?.join() === 'Camille Martin,Léa Durand')).toBe(true);
    expect(await until(() => elsewhere.lastViewers()?.join() === 'Zoé Petit')).toBe(true);
    // The other map's stream heard nothing of the first map.
    expect(elsewhere.presenceEvents().flat()).not.toContain('Camille Martin');

    lea.leave();
    expect(await until(() => camille.lastViewers()?.join() === 'Camille Martin')).toBe(true);
    expect(await listViewers(s.ws.id, s.map.id)).toEqual([{ id: s.camille.id, name: 'Camille Martin' }]);
  });

  it('two tabs of one member count once, and the member stays listed until the last closes', async () => {
    const s = await setup();
    const first = await openStream(s.ws.slug, s.camille, s.map.id);
    const second = await openStream(s.ws.slug, s.camille, s.map.id);
    const lea = await openStream(s.ws.slug, s.lea, s.map.id);
    expect(await until(() => lea.lastViewers()?.join() === 'Camille Martin,Léa Durand')).toBe(true);
    first.leave();
    await settle(300);
    expect(lea.lastViewers()).toEqual(['Camille Martin', 'Léa Durand']);
    second.leave();
    expect(await until(() => lea.lastViewers()?.join() === 'Léa Durand')).toBe(true);
  });

  it('is scoped to the workspace: another workspace with the same names hears nothing, and its map answers 404', async () => {
    const s = await setup();
    const other = await setup();
    const outsider = await openStream(other.ws.slug, other.camille, other.map.id);
    expect(await until(() => outsider.lastViewers()?.join() === 'Camille Martin')).toBe(true);
    const before = outsider.presenceEvents().length;

    const inside = await openStream(s.ws.slug, s.lea, s.map.id);
    expect(await until(() => inside.lastViewers()?.join() === 'Léa Durand')).toBe(true);
    await settle(300);
    expect(outsider.presenceEvents().length).toBe(before);

    // A member of the other workspace asking for this map through their own workspace: 404, nothing recorded.
    const refused = await call(liveRoute.loader, {
      request: request(`/w/${other.ws.slug}/live?map=${s.map.id}`, { user: other.camille }),
      params: { slug: other.ws.slug },
    });
    expect(refused.status).toBe(404);
    expect(await joinMap(db, other.ws.id, s.map.id, other.camille.id)).toBeNull();
    // A stranger to the workspace, and a malformed map id.
    expect(
      (await call(liveRoute.loader, { request: request(`/w/${s.ws.slug}/live?map=${s.map.id}`, { user: other.lea }), params: { slug: s.ws.slug } })).status,
    ).toBe(404);
    expect((await call(liveRoute.loader, { request: request(`/w/${s.ws.slug}/live?map=nope`, { user: s.lea }), params: { slug: s.ws.slug } })).status).toBe(
      404,
    );
    const rows = await db
      .select({ userId: mapPresence.userId })
      .from(mapPresence)
      .where(sql`${mapPresence.mapId} = ${s.map.id}`);
    expect(rows.map((r) => r.userId)).toEqual([s.lea.id]);
  });

  it('a record its instance stopped refreshing expires: the sweep removes it and the viewers hear it', async () => {
    const s = await setup();
    const lea = await openStream(s.ws.slug, s.lea, s.map.id);
    // Camille's tab on an instance that died: a record nobody refreshes, last seen two minutes ago.
    await db.insert(mapPresence).values({ workspaceId: s.ws.id, mapId: s.map.id, userId: s.camille.id, seenAt: sql`now() - interval '2 minutes'` });
    expect(await until(() => lea.lastViewers()?.join() === 'Léa Durand')).toBe(true);
    // Not listed already (older than the TTL), and swept by the next upkeep, which tells the viewers.
    expect((await listViewers(s.ws.id, s.map.id)).map((v) => v.name)).toEqual(['Léa Durand']);
    const before = lea.presenceEvents().length;
    await presenceUpkeep();
    expect(await until(() => lea.presenceEvents().length > before)).toBe(true);
    const left = await db
      .select()
      .from(mapPresence)
      .where(sql`${mapPresence.mapId} = ${s.map.id}`);
    expect(left.map((r) => r.userId)).toEqual([s.lea.id]);
    expect(PRESENCE_TTL_SECONDS).toBe(60);
  });

  it('the upkeep refreshes the streams held and records again one swept meanwhile', async () => {
    const s = await setup();
    const lea = await openStream(s.ws.slug, s.lea, s.map.id);
    const camille = await openStream(s.ws.slug, s.camille, s.map.id);
    expect(await until(() => camille.lastViewers()?.join() === 'Camille Martin,Léa Durand')).toBe(true);
    // An instance stalled past the TTL: its records were swept by another.
    await db.delete(mapPresence).where(sql`${mapPresence.userId} = ${s.lea.id}`);
    await db
      .update(mapPresence)
      .set({ seenAt: sql`now() - interval '50 seconds'` })
      .where(sql`${mapPresence.mapId} = ${s.map.id}`);
    await presenceUpkeep();
    const rows = await db
      .select()
      .from(mapPresence)
      .where(sql`${mapPresence.mapId} = ${s.map.id}`);
    expect(rows.map((r) => r.userId).sort()).toEqual([s.camille.id, s.lea.id].sort());
    for (const row of rows) expect(Date.now() - row.seenAt.getTime()).toBeLessThan(10_000);
    expect(await until(() => camille.lastViewers()?.join() === 'Camille Martin,Léa Durand')).toBe(true);
    void lea;
  });
});
