// Rules that hold for every route, checked by enumerating the route modules, so a new route is
// covered the day it is added.
import { describe, expect, it } from 'vitest';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import { routeModules } from '../support/route-modules';
import { createApiToken } from '~/server/api-tokens.server';

type RouteModule = { action?: (args: never) => unknown; loader?: (args: never) => unknown };
const allRoutes = routeModules<RouteModule>();
// The public API (api.v1.*) authenticates with a Bearer token, never a session: its own rules follow.
const isApi = (file: string) => file.startsWith('api.');
const routes = Object.fromEntries(Object.entries(allRoutes).filter(([file]) => !isApi(file)));
const apiRoutes = Object.entries(allRoutes).filter(([file]) => isApi(file));
const withActions = Object.entries(routes).filter(([, m]) => typeof m.action === 'function');

function paramsFor(file: string, slug: string) {
  const params: Record<string, string> = {};
  for (const match of file.matchAll(/\$(\w+)/g)) {
    params[match[1]!] = match[1] === 'slug' ? slug : match[1] === 'token' ? 'some-token' : '00000000-0000-4000-8000-000000000000';
  }
  return params;
}

describe('cross-site request forgery', () => {
  it('there are actions to check', () => {
    expect(withActions.length).toBeGreaterThanOrEqual(6);
  });

  it.each(withActions.map(([file]) => file))('%s refuses a POST from another origin or with none (403)', async (file) => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const action = routes[file]!.action as Parameters<typeof call>[0];
    const path = `/${file.replace(/\.tsx?$/, '')}`;
    for (const origin of ['https://evil.example', null]) {
      const res = await call(action, {
        request: request(path, { user: owner, origin, form: { intent: 'settings', name: 'x', email: owner.email, password: owner.password } }),
        params: paramsFor(file, ws.slug),
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('signed-out visitors', () => {
  const workspaceRoutes = Object.entries(routes).filter(([file, m]) => file.startsWith('w.$slug') && typeof m.loader === 'function');
  it.each(workspaceRoutes.map(([file]) => file))('%s sends them to sign-in', async (file) => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const loader = routes[file]!.loader as Parameters<typeof call>[0];
    const res = await call(loader, { request: request(`/w/${ws.slug}`), params: paramsFor(file, ws.slug) });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});

describe('ids that do not exist or are malformed', () => {
  const withIds = Object.entries(routes).filter(([file]) => /\$(?!slug\b)(?!token\b)\w+/.test(file));
  it.each(withIds.map(([file]) => file))('%s answers 404, never a 500', async (file) => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const module = routes[file]!;
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      const params = Object.fromEntries(Object.entries(paramsFor(file, ws.slug)).map(([k, v]) => [k, k === 'slug' ? v : id]));
      const path = `/w/${ws.slug}/x`;
      if (module.loader) {
        const res = await call(module.loader as Parameters<typeof call>[0], { request: request(path, { user: owner }), params });
        expect(res.status).toBe(404);
      }
      if (module.action) {
        const res = await call(module.action as Parameters<typeof call>[0], { request: request(path, { user: owner, form: { intent: 'anything' } }), params });
        expect([400, 404]).toContain(res.status);
      }
    }
  });
});

describe('the public API', () => {
  it.each(apiRoutes.filter(([file]) => !file.includes('openapi')).map(([file]) => file))(
    '%s answers 401 to a signed-in person without a token, and 404 to a token for ids that do not exist',
    async (file) => {
      const owner = await makeUser();
      const ws = await makeWorkspace(owner);
      const module = allRoutes[file]!;
      const token = await createApiToken(ws.id, owner.id, { name: 'Walk', scope: 'read_write', expiresAt: null });
      for (const fn of [module.loader, module.action]) {
        if (!fn || (fn === module.loader && file.includes('kpi-values'))) continue;
        const cookieOnly = await call(fn as Parameters<typeof call>[0], {
          request: request('/api/v1/x', {
            user: owner,
            method: fn === module.action ? 'POST' : 'GET',
            headers: { 'Content-Type': 'application/json' },
            body: fn === module.action ? '{}' : undefined,
          }),
          params: { id: '00000000-0000-4000-8000-000000000000' },
        });
        expect(cookieOnly.status).toBe(401);
      }
      if (!file.includes('$id') || !module.loader) return;
      for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
        const res = await call(module.loader as Parameters<typeof call>[0], {
          request: request('/api/v1/x', { headers: { Authorization: `Bearer ${token.secret}` } }),
          params: { id },
        });
        expect(res.status).toBe(404);
      }
    },
  );
});

describe('viewers', () => {
  // Where a viewer acts on what is theirs: comments (executives discuss maps and business cases) and
  // their own notifications. Their rights there are tested in comments.test.ts; any other intent of
  // these routes is not one (400), never a write.
  const theirs = ['w.$slug.maps.$mapId.comments.tsx', 'w.$slug.notifications.tsx'];
  it.each(theirs)('%s answers their other intents 400', async (file) => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const viewer = await makeUser();
    await addMember(ws.id, viewer, 'viewer');
    const action = routes[file]!.action as Parameters<typeof call>[0];
    for (const intent of ['create', 'update', 'delete', 'anything']) {
      const res = await call(action, { request: request(`/w/${ws.slug}/x`, { user: viewer, form: { intent, name: 'x' } }), params: paramsFor(file, ws.slug) });
      expect(res.status).toBe(400);
    }
  });
  const workspaceActions = withActions.filter(([file]) => file.startsWith('w.$slug') && !theirs.includes(file));
  it.each(workspaceActions.map(([file]) => file))('%s refuses their writes with 403', async (file) => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const viewer = await makeUser();
    await addMember(ws.id, viewer, 'viewer');
    const action = routes[file]!.action as Parameters<typeof call>[0];
    for (const intent of ['create', 'update', 'delete', 'anything']) {
      const res = await call(action, { request: request(`/w/${ws.slug}/x`, { user: viewer, form: { intent, name: 'x' } }), params: paramsFor(file, ws.slug) });
      expect(res.status).toBe(403);
    }
  });
});
