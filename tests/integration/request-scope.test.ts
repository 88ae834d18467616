// One reading request checks the session and the membership once, however many loaders guard
// themselves (Remix gives each loader a Request of its own); writes and other requests share nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryCounter, db } from '../../db/client';
import { membership } from '../../db/schema';
import * as root from '~/root';
import * as mapRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as layout from '~/routes/w.$slug';
import * as listRoute from '~/routes/w.$slug.maps._index/route';
import { inRequestScope } from '~/server/request-context.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

async function mapOf(owner: TestUser, ws: Ws) {
  const res = await call(listRoute.action, {
    request: request(`/w/${ws.slug}/maps`, { user: owner, form: { intent: 'create', name: 'Scope', state: 'current', template: 'subscription' } }),
    params: { slug: ws.slug },
  });
  return res.headers.get('Location')!.split('/').pop()!;
}

/** The map page's three loaders as Remix runs them: each with a Request of its own. */
async function mapPage(user: TestUser, ws: Ws, mapId: string, method = 'GET') {
  const path = `/w/${ws.slug}/maps/${mapId}`;
  const params = { slug: ws.slug, mapId };
  const start = queryCounter.count;
  const results = await inRequestScope(method, () =>
    Promise.all([
      call(root.loader, { request: request(path, { user }), params }),
      call(layout.loader, { request: request(path, { user }), params }),
      call(mapRoute.loader, { request: request(path, { user }), params }),
    ]),
  );
  return { queries: queryCounter.count - start, results: results.map((r) => ({ status: r.status, data: r.data })) };
}

describe('request scope', () => {
  it('a page read checks the session once and the membership once for all its loaders, with the same answers', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner, { name: 'Scoped' });
    const mapId = await mapOf(owner, ws);
    await mapPage(owner, ws, mapId, 'POST'); // warm-up: the session's last-seen time may be written once
    const apart = await mapPage(owner, ws, mapId, 'POST');
    const shared = await mapPage(owner, ws, mapId, 'GET');
    // Root, layout and page each read the session, layout and page each the membership.
    expect(apart.queries - shared.queries).toBe(3);
    expect(shared.results).toEqual(apart.results);
    expect(shared.results.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('shares nothing between requests: each sees its own user, and a lost membership at once', async () => {
    const owner = await makeUser({ displayName: 'Owner' });
    const ws = await makeWorkspace(owner, { name: 'Scoped' });
    const mapId = await mapOf(owner, ws);
    const viewer = await makeUser({ displayName: 'Viewer' });
    const stranger = await makeUser({ displayName: 'Stranger' });
    await addMember(ws.id, viewer, 'viewer');
    const [a, b, c] = await Promise.all([mapPage(owner, ws, mapId), mapPage(viewer, ws, mapId), mapPage(stranger, ws, mapId)]);
    expect(a.results[1]!.data).toMatchObject({ role: 'owner', user: { displayName: 'Owner' } });
    expect(b.results[1]!.data).toMatchObject({ role: 'viewer', user: { displayName: 'Viewer' } });
    expect(c.results.map((r) => r.status)).toEqual([200, 404, 404]);
    await db.delete(membership).where(eq(membership.userId, viewer.id));
    expect((await mapPage(viewer, ws, mapId)).results.map((r) => r.status)).toEqual([200, 404, 404]);
  });
});
