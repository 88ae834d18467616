// Share links, through the routes a browser uses: the share panels of a map, a business case and the
// summary (editors) create, list and revoke links; the public page /s/<token> opens the one object a
// link names, and nothing else, until the link expires or is revoked; a password is asked first,
// throttled per link and client address, and proved afterwards by a cookie.
import { createHash } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, card, journeyMap, shareLink } from '../../db/schema';
import * as apiMap from '~/routes/api.v1.maps.$id';
import * as mapEditor from '~/routes/w.$slug.maps.$mapId/route';
import * as mapShare from '~/routes/w.$slug.maps.$mapId.share';
import * as projectShare from '~/routes/w.$slug.projects.$projectId.share';
import * as sharePage from '~/routes/s.$token/route';
import * as summaryShare from '~/routes/w.$slug.summary.share';
import { SHARE_PASSWORD_PER_LINK_AND_ADDRESS } from '~/server/throttle.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject } from '../support/project-fixtures';

type Target = { kind: 'map'; id: string } | { kind: 'project'; id: string } | { kind: 'summary' };

async function setup() {
  const owner = await makeUser({ displayName: 'Olivia Owner' });
  const ws = await makeWorkspace(owner, { name: 'Acme Telecom' });
  const editor = await makeUser({ displayName: 'Eddie Editor' });
  const viewer = await makeUser({ displayName: 'Vera Viewer' });
  await addMember(ws.id, editor, 'editor');
  await addMember(ws.id, viewer, 'viewer');
  const { map, stage, lane } = await makeMapWithStages(ws.id, ['Discover', 'Buy'], { name: 'Shared journey' });
  const [aCard] = await db
    .insert(card)
    .values({ workspaceId: ws.id, mapId: map.id, laneId: lane.id, stageId: stage.Discover!.id, title: 'Sees an advert', position: 0 })
    .returning();
  const { map: otherMap } = await makeMapWithStages(ws.id, ['Elsewhere'], { name: 'Secret journey' });
  const nps = await makeMeasure(ws.id, { name: 'NPS', valueAmount: '50000', valueStep: '10' });
  const kpi = await makeKpi(
    ws.id,
    { mapId: map.id, laneId: lane.id, stageId: stage.Buy!.id, measureId: nps.id },
    { target: '42', values: [['2026-01-31', '32']] },
  );
  const project = await makeProject(ws.id, { name: 'Self-service', costs: [{ kind: 'one_off', amount: '60000' }], links: [{ kpiId: kpi.id }] });
  const otherProject = await makeProject(ws.id, { name: 'Hidden chatbot' });
  const stranger = await makeUser();
  const otherWs = await makeWorkspace(stranger, { name: 'Other Corp' });
  const { map: foreignMap } = await makeMapWithStages(otherWs.id, ['Theirs'], { name: 'Foreign journey' });
  const foreignProject = await makeProject(otherWs.id, { name: 'Foreign project' });
  return { owner, editor, viewer, ws, map, card: aCard!, otherMap, project, otherProject, stranger, otherWs, foreignMap, foreignProject };
}

function panel(target: Target): { route: typeof mapShare; path: (slug: string) => string; params: Record<string, string> } {
  if (target.kind === 'map') return { route: mapShare, path: (slug: string) => `/w/${slug}/maps/${target.id}/share`, params: { mapId: target.id } };
  if (target.kind === 'project')
    return { route: projectShare, path: (slug: string) => `/w/${slug}/projects/${target.id}/share`, params: { projectId: target.id } };
  return { route: summaryShare, path: (slug: string) => `/w/${slug}/summary/share`, params: {} };
}

function listLinks(user: TestUser, slug: string, target: Target) {
  const p = panel(target);
  return call(p.route.loader, { request: request(p.path(slug), { user }), params: { slug, ...p.params } });
}

function postPanel(user: TestUser, slug: string, target: Target, form: Record<string, string>) {
  const p = panel(target);
  return call(p.route.action, { request: request(p.path(slug), { user, form }), params: { slug, ...p.params } });
}

/** Creates a link through the panel and returns its token (from the address shown once). */
async function createLink(user: TestUser, slug: string, target: Target, form: { expiresOn?: string; password?: string } = {}) {
  const res = await postPanel(user, slug, target, { intent: 'create', expiresOn: form.expiresOn ?? '', password: form.password ?? '' });
  expect(res.status).toBe(200);
  expect(res.data.url).toMatch(/^http:\/\/parcours\.test\/s\/[A-Za-z0-9_-]{43}$/);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  return (res.data.url as string).split('/s/')[1]!;
}

function openPage(token: string, options: { cookie?: string; search?: string; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  return call(sharePage.loader, { request: request(`/s/${token}${options.search ?? ''}`, { headers }), params: { token, ...options.params } });
}

function tryPassword(token: string, password: string, clientAddress = '203.0.113.50') {
  return call(sharePage.action, { request: request(`/s/${token}`, { form: { password } }), params: { token }, context: { clientAddress } });
}

/** The "name=value" of a Set-Cookie header, for the next request's Cookie header. */
const cookieOf = (setCookie: string | null) => setCookie!.split(';')[0]!;

async function linkRow(token: string) {
  const [row] = await db
    .select()
    .from(shareLink)
    .where(eq(shareLink.tokenHash, createHash('sha256').update(token).digest('hex')));
  return row!;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('what a link opens', () => {
  it('a map link opens that map read-only, and nothing else of the workspace', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    const page = await openPage(token);
    expect(page.status).toBe(200);
    expect(page.data.view.kind).toBe('map');
    expect(page.data.view.board.map.id).toBe(w.map.id);
    expect(page.data.view.board.cards.map((c: { title: string }) => c.title)).toEqual(['Sees an advert']);
    expect(page.data.view.board.kpis.map((k: { measureName: string }) => k.measureName)).toEqual(['NPS']);
    // The map's persona options would be every persona of the workspace: not sent.
    expect(page.data.view.board.personas).toEqual([]);
    const sent = JSON.stringify(page.data);
    for (const elsewhere of ['Secret journey', 'Self-service', 'Hidden chatbot', w.ws.slug, w.ws.id, 'Foreign journey']) expect(sent).not.toContain(elsewhere);
    expect(page.data.workspaceName).toBe('Acme Telecom');
  });

  it("another map's id or a project's id beside the token changes nothing: the token names its object", async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    const page = await openPage(token, {
      search: `?mapId=${w.otherMap.id}&projectId=${w.project.id}`,
      params: { mapId: w.otherMap.id, projectId: w.project.id },
    });
    expect(page.data.view.kind).toBe('map');
    expect(page.data.view.board.map.id).toBe(w.map.id);
    expect(JSON.stringify(page.data)).not.toContain('Secret journey');
  });

  it('a project link opens its business case, not the project of another link', async () => {
    const w = await setup();
    const first = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.project.id });
    const second = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.otherProject.id });
    const page = await openPage(first);
    expect(page.data.view.kind).toBe('project');
    expect(page.data.view.project.name).toBe('Self-service');
    expect(page.data.view.businessCase.totalCost).toBe('60000');
    expect(page.data.view.lines.map((l: { measureName: string }) => l.measureName)).toEqual(['NPS']);
    // The owner's id and the costs' rows stay on the server.
    expect(page.data.view.project).not.toHaveProperty('ownerId');
    expect(page.data.view).not.toHaveProperty('costs');
    expect(JSON.stringify(page.data)).not.toContain('Hidden chatbot');
    expect((await openPage(second)).data.view.project.name).toBe('Hidden chatbot');
  });

  it('a summary link opens the portfolio summary, sorted and paged on its own address', async () => {
    const w = await setup();
    const token = await createLink(w.owner, w.ws.slug, { kind: 'summary' });
    const page = await openPage(token, { search: '?sort=roi' });
    expect(page.data.view.kind).toBe('summary');
    expect(page.data.view.query.sort).toBe('roi');
    expect(page.data.view.summary.counts.all).toBe(2);
    expect(JSON.stringify(page.data)).not.toContain('Foreign project');
  });

  it('no other route accepts a token or its cookie: the map editor asks for a sign-in, the API for its own token', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { password: 'open sesame' });
    const unlocked = await tryPassword(token, 'open sesame');
    const cookie = cookieOf(unlocked.headers.get('Set-Cookie'));
    const editor = await call(mapEditor.loader, {
      request: request(`/w/${w.ws.slug}/maps/${w.map.id}?token=${token}`, { headers: { Cookie: cookie } }),
      params: { slug: w.ws.slug, mapId: w.map.id },
    });
    expect(editor.status).toBe(302);
    expect(editor.headers.get('Location')).toMatch(/^\/login/);
    const api = await call(apiMap.loader, {
      request: request(`/api/v1/maps/${w.map.id}`, { headers: { Authorization: `Bearer ${token}` } }),
      params: { id: w.map.id },
    });
    expect(api.status).toBe(401);
  });

  it('unknown, malformed, revoked and expired tokens all answer the same 404', async () => {
    const w = await setup();
    const revoked = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    await postPanel(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { intent: 'revoke', linkId: (await linkRow(revoked)).id });
    const expired = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { expiresOn: tomorrow() });
    await db
      .update(shareLink)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(shareLink.id, (await linkRow(expired)).id));
    const answers = await Promise.all(['A'.repeat(43), 'short', '../../etc/passwd', "' or '1'='1", revoked, expired].map((token) => openPage(token)));
    for (const answer of answers) expect({ status: answer.status, data: answer.data }).toEqual({ status: 404, data: { status: 404, message: 'notFound' } });
  });

  it('deleting the map deletes its links: the address stops opening', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    await db.delete(journeyMap).where(eq(journeyMap.id, w.map.id));
    expect((await openPage(token)).status).toBe(404);
    const [left] = await db.select({ n: count() }).from(shareLink).where(eq(shareLink.workspaceId, w.ws.id));
    expect(left!.n).toBe(0);
  });
});

describe('storage', () => {
  it('keeps only the SHA-256 of the token and an argon2id hash of the password', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.project.id }, { password: 'open sesame' });
    const row = await linkRow(token);
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain('open sesame');
    expect(row).toMatchObject({ workspaceId: w.ws.id, kind: 'project', projectId: w.project.id, mapId: null, createdBy: w.editor.id });
  });

  it('the database refuses a link whose target does not match its kind, or lies in another workspace', async () => {
    const w = await setup();
    const row = { workspaceId: w.ws.id, tokenHash: `x-${Math.random()}` };
    await expect(db.insert(shareLink).values({ ...row, kind: 'map' })).rejects.toThrow();
    await expect(db.insert(shareLink).values({ ...row, kind: 'summary', mapId: w.map.id })).rejects.toThrow();
    await expect(db.insert(shareLink).values({ ...row, kind: 'map', mapId: w.foreignMap.id })).rejects.toThrow();
    await expect(db.insert(shareLink).values({ ...row, kind: 'project', projectId: w.foreignProject.id })).rejects.toThrow();
  });
});

describe('expiry', () => {
  it('a link opens until the end of its last day, then answers 404', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { expiresOn: tomorrow() });
    expect((await openPage(token)).status).toBe(200);
    const row = await linkRow(token);
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_400_000 - 26 * 3600_000);
    await db
      .update(shareLink)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(shareLink.id, row.id));
    expect((await openPage(token)).status).toBe(404);
    // The panel still lists it, as expired, until someone revokes it.
    const list = await listLinks(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    expect(list.data.links.map((l: { id: string }) => l.id)).toContain(row.id);
  });

  it.each([
    ['yesterday', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)],
    ['not a date', '2026-02-30'],
    ['garbage', 'soon'],
  ])('a last day that is %s is refused beside the field, nothing written', async (_name, expiresOn) => {
    const w = await setup();
    const res = await postPanel(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { intent: 'create', expiresOn, password: '' });
    expect(res.status).toBe(400);
    expect(res.data.result.error.expiresOn).toHaveLength(1);
    const [n] = await db.select({ n: count() }).from(shareLink).where(eq(shareLink.workspaceId, w.ws.id));
    expect(n!.n).toBe(0);
  });
});

describe('revoking', () => {
  it('a revoked link answers 404 at once and leaves the list; the activity log says who did it', async () => {
    const w = await setup();
    const target: Target = { kind: 'map', id: w.map.id };
    const token = await createLink(w.editor, w.ws.slug, target);
    expect((await openPage(token)).status).toBe(200);
    const { id } = await linkRow(token);
    const revoked = await postPanel(w.owner, w.ws.slug, target, { intent: 'revoke', linkId: id });
    expect(revoked.status).toBe(200);
    expect((await openPage(token)).status).toBe(404);
    expect((await listLinks(w.editor, w.ws.slug, target)).data.links).toEqual([]);
    const log = await db
      .select({ action: activity.action, actorId: activity.actorId, summary: activity.summary })
      .from(activity)
      .where(and(eq(activity.workspaceId, w.ws.id), eq(activity.entityType, 'share_link')));
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'created', actorId: w.editor.id, summary: 'map: Shared journey' },
        { action: 'revoked', actorId: w.owner.id, summary: 'map: Shared journey' },
      ]),
    );
    // Revoking again, or through another object's panel, finds nothing.
    expect((await postPanel(w.owner, w.ws.slug, target, { intent: 'revoke', linkId: id })).status).toBe(404);
  });

  it("a link is revoked only from its own object's panel", async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    const { id } = await linkRow(token);
    expect((await postPanel(w.editor, w.ws.slug, { kind: 'map', id: w.otherMap.id }, { intent: 'revoke', linkId: id })).status).toBe(404);
    expect((await postPanel(w.editor, w.ws.slug, { kind: 'summary' }, { intent: 'revoke', linkId: id })).status).toBe(404);
    expect((await openPage(token)).status).toBe(200);
  });
});

describe('the list of links', () => {
  it('says who made each link, when, when it was last opened, its expiry and whether it has a password (never a hash)', async () => {
    const w = await setup();
    const target: Target = { kind: 'project', id: w.project.id };
    const plain = await createLink(w.editor, w.ws.slug, target);
    await createLink(w.owner, w.ws.slug, target, { expiresOn: tomorrow(), password: 'open sesame' });
    await openPage(plain);
    const list = await listLinks(w.editor, w.ws.slug, target);
    expect(list.status).toBe(200);
    expect(list.data.name).toBe('Self-service');
    const [newest, oldest] = list.data.links;
    expect(newest).toMatchObject({ creatorName: 'Olivia Owner', hasPassword: true, lastOpenedAt: null });
    expect(newest.expiresAt).toBeInstanceOf(Date);
    expect(oldest).toMatchObject({ creatorName: 'Eddie Editor', hasPassword: false, expiresAt: null });
    expect(oldest.lastOpenedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(list.data)).not.toMatch(/argon2|tokenHash|passwordHash/);
    // The other objects' panels do not list them.
    expect((await listLinks(w.editor, w.ws.slug, { kind: 'project', id: w.otherProject.id })).data.links).toEqual([]);
    expect((await listLinks(w.editor, w.ws.slug, { kind: 'summary' })).data.links).toEqual([]);
  });

  it('"last opened" is written at most once a minute', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    expect((await linkRow(token)).lastOpenedAt).toBeNull();
    await openPage(token);
    const first = (await linkRow(token)).lastOpenedAt!;
    expect(first).toBeInstanceOf(Date);
    await openPage(token);
    expect((await linkRow(token)).lastOpenedAt).toEqual(first);
    await db
      .update(shareLink)
      .set({ lastOpenedAt: sql`now() - interval '2 minutes'` })
      .where(eq(shareLink.tokenHash, (await linkRow(token)).tokenHash));
    await openPage(token);
    expect((await linkRow(token)).lastOpenedAt!.getTime()).toBeGreaterThan(first.getTime() - 1000);
  });
});

describe('passwords', () => {
  it('a protected link shows only the password form, then the page once the right password set its cookie', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.project.id }, { password: 'open sesame' });
    const locked = await openPage(token);
    expect(locked.status).toBe(200);
    expect(locked.data.view).toEqual({ kind: 'locked' });
    expect(JSON.stringify(locked.data)).not.toMatch(/Self-service|Acme Telecom/);

    const wrong = await tryPassword(token, 'open sesamE');
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.password).toEqual(['share:page.locked.wrongPassword']);
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    expect(JSON.stringify(wrong.data)).not.toContain('open sesamE');

    const right = await tryPassword(token, 'open sesame');
    expect(right.status).toBe(302);
    expect(right.headers.get('Location')).toBe(`/s/${token}`);
    const setCookie = right.headers.get('Set-Cookie')!;
    const { id } = await linkRow(token);
    expect(setCookie).toMatch(new RegExp(`^parcours_share_${id.replace(/-/g, '')}=\\d+\\.[A-Za-z0-9_-]{43}; `));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/s/');
    expect(setCookie).toMatch(/Max-Age=432\d\d/);

    const open = await openPage(token, { cookie: cookieOf(setCookie) });
    expect(open.data.view.kind).toBe('project');
    expect(open.data.view.project.name).toBe('Self-service');
  });

  it("a link's cookie opens that link only; a forged, altered or outlived cookie opens nothing", async () => {
    const w = await setup();
    const first = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.project.id }, { password: 'open sesame' });
    const second = await createLink(w.editor, w.ws.slug, { kind: 'project', id: w.project.id }, { password: 'open sesame' });
    const cookie = cookieOf((await tryPassword(first, 'open sesame')).headers.get('Set-Cookie'));
    const [name, value] = cookie.split('=') as [string, string];
    const [until, mac] = value.split('.') as [string, string];
    const secondName = `parcours_share_${(await linkRow(second)).id.replace(/-/g, '')}`;
    expect((await openPage(second, { cookie: `${secondName}=${value}` })).data.view.kind).toBe('locked');
    expect((await openPage(first, { cookie: `${name}=${Number(until) + 3600}.${mac}` })).data.view.kind).toBe('locked');
    expect((await openPage(first, { cookie: `${name}=${until}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}` })).data.view.kind).toBe('locked');
    expect((await openPage(first, { cookie: `${name}=${until}.${'A'.repeat(43)}` })).data.view.kind).toBe('locked');
    expect((await openPage(first, { cookie: `${name}=garbage` })).data.view.kind).toBe('locked');
    // A proof whose time is over, even with a right MAC for it, is refused: the MAC covers the time.
    expect((await openPage(first, { cookie: `${name}=1.${mac}` })).data.view.kind).toBe('locked');
    expect((await openPage(first, { cookie })).data.view.kind).toBe('project');
  });

  it(`wrong passwords are throttled per link and client address: after ${SHARE_PASSWORD_PER_LINK_AND_ADDRESS.limit}, even the right one answers 429`, async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'summary' }, { password: 'open sesame' });
    const other = await createLink(w.editor, w.ws.slug, { kind: 'summary' }, { password: 'open sesame' });
    const address = '203.0.113.77';
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => tryPassword(token, `guess-${i}`, address)));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(SHARE_PASSWORD_PER_LINK_AND_ADDRESS.limit);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(20 - SHARE_PASSWORD_PER_LINK_AND_ADDRESS.limit);
    expect(throttled[0]!.data.result.error['']).toEqual(['share:page.locked.throttled']);
    expect(Number(throttled[0]!.headers.get('Retry-After'))).toBeGreaterThan(0);
    const blocked = await tryPassword(token, 'open sesame', address);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Set-Cookie')).toBeNull();
    // Another address, or another link from the same address, is not held back.
    expect((await tryPassword(token, 'open sesame', '203.0.113.78')).status).toBe(302);
    expect((await tryPassword(other, 'open sesame', address)).status).toBe(302);
  });

  it('a right password takes its attempt back: only failures count', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'summary' }, { password: 'open sesame' });
    const address = '203.0.113.90';
    for (let i = 0; i < SHARE_PASSWORD_PER_LINK_AND_ADDRESS.limit + 5; i++) expect((await tryPassword(token, 'open sesame', address)).status).toBe(302);
    for (let i = 0; i < SHARE_PASSWORD_PER_LINK_AND_ADDRESS.limit; i++) expect((await tryPassword(token, `nope-${i}`, address)).status).toBe(400);
    expect((await tryPassword(token, 'open sesame', address)).status).toBe(429);
  });

  it('a password shorter than 8 characters is refused beside the field; a link without a password takes no password form', async () => {
    const w = await setup();
    const res = await postPanel(w.editor, w.ws.slug, { kind: 'map', id: w.map.id }, { intent: 'create', expiresOn: '', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.data.result.error.password).toEqual(['field.passwordLength']);
    expect(JSON.stringify(res.data)).not.toContain('short"');
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    const posted = await tryPassword(token, 'anything at all');
    expect(posted.status).toBe(302);
    expect(posted.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('who manages links', () => {
  it('a viewer sees nothing of the share panel and can neither create nor revoke (403), nothing written', async () => {
    const w = await setup();
    const token = await createLink(w.editor, w.ws.slug, { kind: 'map', id: w.map.id });
    const { id } = await linkRow(token);
    for (const target of [{ kind: 'map', id: w.map.id }, { kind: 'project', id: w.project.id }, { kind: 'summary' }] as Target[]) {
      expect((await listLinks(w.viewer, w.ws.slug, target)).status).toBe(403);
      expect((await postPanel(w.viewer, w.ws.slug, target, { intent: 'create', expiresOn: '', password: '' })).status).toBe(403);
    }
    expect((await postPanel(w.viewer, w.ws.slug, { kind: 'map', id: w.map.id }, { intent: 'revoke', linkId: id })).status).toBe(403);
    const [n] = await db.select({ n: count() }).from(shareLink).where(eq(shareLink.workspaceId, w.ws.id));
    expect(n!.n).toBe(1);
    expect((await openPage(token)).status).toBe(200);
  });

  it("another workspace's map, project or link answers 404 and changes nothing", async () => {
    const w = await setup();
    const theirs = await createLink(w.stranger, w.otherWs.slug, { kind: 'map', id: w.foreignMap.id });
    const theirId = (await linkRow(theirs)).id;
    for (const target of [
      { kind: 'map', id: w.foreignMap.id },
      { kind: 'project', id: w.foreignProject.id },
    ] as Target[]) {
      expect((await listLinks(w.owner, w.ws.slug, target)).status).toBe(404);
      expect((await postPanel(w.owner, w.ws.slug, target, { intent: 'create', expiresOn: '', password: '' })).status).toBe(404);
      expect((await postPanel(w.owner, w.ws.slug, target, { intent: 'revoke', linkId: theirId })).status).toBe(404);
    }
    expect((await postPanel(w.owner, w.ws.slug, { kind: 'summary' }, { intent: 'revoke', linkId: theirId })).status).toBe(404);
    // Their workspace through its own slug: the owner of ours is not a member there.
    expect((await listLinks(w.owner, w.otherWs.slug, { kind: 'map', id: w.foreignMap.id })).status).toBe(404);
    const [ours] = await db.select({ n: count() }).from(shareLink).where(eq(shareLink.workspaceId, w.ws.id));
    expect(ours!.n).toBe(0);
    expect((await openPage(theirs)).status).toBe(200);
  });
});
