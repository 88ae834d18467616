// Every action reads its body through one helper: a body that is not a form, a broken multipart
// body or a NUL character is refused with a 4xx and a message, and nothing is written.
import { describe, expect, it } from 'vitest';
import { call, ORIGIN } from '../support/factories';
import { routeModules } from '../support/route-modules';
import { activityCount, makeWorld, worldParams, type World } from '../support/world-fixture';

type RouteModule = { action?: (args: never) => unknown };
const routes = routeModules<RouteModule>();
// Sign-in and sign-up belong to the auth module's owner; logout and invitations read no form.
const READ_NO_FORM = ['logout.tsx', 'invite.$token.tsx', 'login.tsx', 'signup.tsx'];
// The API (api.*) reads JSON, never a form: its body rules (415, 413, broken JSON) are in api.test.ts.
const formActions = Object.entries(routes)
  .filter(([file, m]) => typeof m.action === 'function' && !READ_NO_FORM.some((f) => file === f) && !file.startsWith('api.'))
  .map(([file, m]) => [file, m.action as Parameters<typeof call>[0]] as const);

function raw(w: World, body: BodyInit | null, contentType: string | null) {
  const headers = new Headers({ Host: new URL(ORIGIN).host, Origin: ORIGIN, Cookie: w.owner.cookie });
  if (contentType) headers.set('Content-Type', contentType);
  return new Request(new URL(`/w/${w.ws.slug}/x`, ORIGIN), { method: 'POST', headers, body });
}

const bodies: [name: string, body: string | null, contentType: string | null, status: number, message: string][] = [
  ['a broken multipart body', '--nope\r\nnot a part', 'multipart/form-data; boundary=xyz', 400, 'unreadableBody'],
  ['multipart without a boundary', 'intent=create', 'multipart/form-data', 400, 'unreadableBody'],
  ['a JSON body', '{"intent":"create","name":"x"}', 'application/json', 415, 'unsupportedMediaType'],
  ['a text body', 'intent=create&name=x', 'text/plain', 415, 'unsupportedMediaType'],
  ['no content type', 'intent=create&name=x', null, 415, 'unsupportedMediaType'],
  ['no body at all', null, null, 415, 'unsupportedMediaType'],
  ['a NUL in a value', 'intent=create&name=Cla%00ire&unit=pts&trend=up', 'application/x-www-form-urlencoded', 400, 'nulCharacter'],
  ['a NUL in a field name', 'intent=create&na%00me=x', 'application/x-www-form-urlencoded', 400, 'nulCharacter'],
];

describe('reading the body', () => {
  it('there are actions to check', () => {
    expect(formActions.length).toBeGreaterThanOrEqual(12);
  });

  it.each(formActions)('%s refuses a body that is not a readable form with a 4xx and a message', async (file, action) => {
    const w = await makeWorld();
    const before = await activityCount(w.ws.id);
    for (const [name, body, contentType, status, message] of bodies) {
      const res = await call(action, { request: raw(w, body, contentType), params: worldParams(file, w) });
      expect({ name, status: res.status, message: res.data?.message }).toEqual({ name, status, message });
    }
    expect(await activityCount(w.ws.id)).toBe(before);
  });

  it('a NUL in a multipart file name is refused too', async () => {
    const w = await makeWorld();
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new File(['{}'], 'map\0.json'));
    const file = 'w.$slug.maps._index.tsx';
    const action = formActions.find(([f]) => f === file)![1];
    const res = await call(action, { request: new Request(raw(w, form, null)), params: worldParams(file, w) });
    expect(res.status).toBe(400);
    expect(res.data.message).toBe('nulCharacter');
  });
});
