// Comments on maps and projects, through the routes as a browser calls them: who may comment, edit,
// delete, resolve; who is notified (mentions of members only, replies to the thread's people, never
// oneself); another workspace's threads answer 404; bad input answers 400 and writes nothing; the
// map counts open threads' comments in a fixed number of queries; the inbox marks read.
import { and, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { card, comment, commentThread, notification } from '../../db/schema';
import * as layoutRoute from '~/routes/w.$slug';
import * as commentsRoute from '~/routes/w.$slug.maps.$mapId.comments/route';
import * as mapRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as inboxRoute from '~/routes/w.$slug.notifications/route';
import * as projectRoute from '~/routes/w.$slug.projects.$projectId/route';
import { subscribe } from '~/server/live.server';
import { addMember, call, makeUser, request, type TestUser } from '../support/factories';
import { activityCount, makeWorld, type World } from '../support/world-fixture';

type Form = Record<string, string | string[]>;

async function setup() {
  const w = await makeWorld();
  // The world's own thread (for the route-wide tests) aside: these tests count from none.
  await db.delete(commentThread).where(eq(commentThread.workspaceId, w.ws.id));
  const hugo = await makeUser({ displayName: 'Hugo Lefèvre' });
  const nadia = await makeUser({ displayName: 'Nadia Benali' });
  await addMember(w.ws.id, hugo, 'editor');
  await addMember(w.ws.id, nadia, 'viewer');
  // Someone with a name, but not a member of this workspace.
  const outsider = await makeUser({ displayName: 'Olivier Dehors' });
  return { ...w, hugo, nadia, outsider };
}

const mapParams = (w: World) => ({ slug: w.ws.slug, mapId: w.map.id });
const postComment = (w: World, user: TestUser, form: Form, params = mapParams(w)) =>
  call(commentsRoute.action, { request: request(`/w/${params.slug}/maps/${params.mapId}/comments`, { user, form }), params });
const panel = (w: World, user: TestUser, search: string, params = mapParams(w)) =>
  call(commentsRoute.loader, { request: request(`/w/${params.slug}/maps/${params.mapId}/comments${search}`, { user }), params });
const notificationsOf = (userId: string) => db.select().from(notification).where(eq(notification.recipientId, userId));
const bell = async (w: World, user: TestUser) =>
  (await call(layoutRoute.loader, { request: request(`/w/${w.ws.slug}`, { user }), params: { slug: w.ws.slug } })).data.notifications.unread;
const threadOf = async (commentId: string) => (await db.select().from(comment).where(eq(comment.id, commentId)))[0]!;

async function start(w: World, user: TestUser, target: string, body: string, extra: Form = {}) {
  const res = await postComment(w, user, { intent: 'startThread', target, body, ...extra });
  expect(res.status).toBe(200);
  return res.data.value.threadId as string;
}

describe('mentions', () => {
  it('a viewer comments on a card mentioning a member: that member is notified; a non-member, the author and anyone unnamed are not', async () => {
    const w = await setup();
    const threadId = await start(
      w,
      w.nadia,
      `card:${w.card.id}`,
      '@Hugo Lefèvre can you look at https://example.org/brief?\n@Olivier Dehors too, and me: @Nadia Benali',
    );
    const [first] = await db.select().from(comment).where(eq(comment.threadId, threadId));
    expect(first!.mentions).toEqual([
      { userId: w.hugo.id, name: 'Hugo Lefèvre' },
      { userId: w.nadia.id, name: 'Nadia Benali' },
    ]);
    expect(await notificationsOf(w.hugo.id)).toMatchObject([{ kind: 'mention', threadId, commentId: first!.id, actorId: w.nadia.id, readAt: null }]);
    expect(await notificationsOf(w.outsider.id)).toEqual([]);
    expect(await notificationsOf(w.nadia.id)).toEqual([]);
    expect(await notificationsOf(w.owner.id)).toEqual([]);
    // The bell of the layout says it.
    expect(await bell(w, w.hugo)).toBe(1);
    expect(await bell(w, w.owner)).toBe(0);
  });

  it('a member picked from the list is the one meant when two share a name', async () => {
    const w = await setup();
    const twin = await makeUser({ displayName: 'Hugo Lefèvre' });
    await addMember(w.ws.id, twin, 'viewer');
    await start(w, w.owner, `stage:${w.stages[0]!.id}`, 'Over to @Hugo Lefèvre', { mention: twin.id });
    expect(await notificationsOf(twin.id)).toHaveLength(1);
    expect(await notificationsOf(w.hugo.id)).toHaveLength(0);
  });

  it('an edit that adds a mention notifies the newly mentioned member only', async () => {
    const w = await setup();
    const threadId = await start(w, w.owner, `card:${w.card.id}`, 'Ask @Hugo Lefèvre');
    const [c] = await db.select().from(comment).where(eq(comment.threadId, threadId));
    const res = await postComment(w, w.owner, { intent: 'editComment', commentId: c!.id, version: '1', body: 'Ask @Hugo Lefèvre and @Nadia Benali' });
    expect(res.status).toBe(200);
    expect(await notificationsOf(w.hugo.id)).toHaveLength(1);
    expect(await notificationsOf(w.nadia.id)).toMatchObject([{ kind: 'mention', commentId: c!.id }]);
  });
});

describe('replies', () => {
  it('notify whoever started or wrote in the thread, once each, a mention winning; never the one replying', async () => {
    const w = await setup();
    const threadId = await start(w, w.owner, `kpi:${w.kpi.id}`, 'Is this target realistic?');
    expect((await postComment(w, w.hugo, { intent: 'reply', threadId, body: 'I think so.' })).status).toBe(200);
    expect(await notificationsOf(w.owner.id)).toMatchObject([{ kind: 'reply', actorId: w.hugo.id }]);
    expect(await notificationsOf(w.hugo.id)).toEqual([]);

    // Nadia has not written here yet: only her mention of the owner, and the reply to Hugo.
    expect((await postComment(w, w.nadia, { intent: 'reply', threadId, body: '@Claire? @Test User what do you think?' })).status).toBe(200);
    const owners = await notificationsOf(w.owner.id);
    expect(owners.map((n) => n.kind).sort()).toEqual(['mention', 'reply']);
    expect(await notificationsOf(w.hugo.id)).toMatchObject([{ kind: 'reply', actorId: w.nadia.id }]);

    expect((await postComment(w, w.owner, { intent: 'reply', threadId, body: 'Thanks both.' })).status).toBe(200);
    expect(await notificationsOf(w.hugo.id)).toHaveLength(2);
    expect(await notificationsOf(w.nadia.id)).toMatchObject([{ kind: 'reply', actorId: w.owner.id }]);
    expect(await notificationsOf(w.owner.id)).toHaveLength(2);

    // The thread view shows the four comments in order.
    const view = await panel(w, w.nadia, `?thread=${threadId}`);
    expect(view.status).toBe(200);
    expect(view.data.view).toBe('thread');
    expect(view.data.target).toMatchObject({ type: 'kpi', name: 'NPS' });
    expect(view.data.thread.comments.map((c: { authorName: string }) => c.authorName)).toEqual(['Test User', 'Hugo Lefèvre', 'Nadia Benali', 'Test User']);
  });
});

describe('permissions', () => {
  it('a viewer edits and deletes only their own comments; resolving is for editors and the thread’s author', async () => {
    const w = await setup();
    const ownerThread = await start(w, w.owner, `card:${w.card.id}`, 'Owner’s point');
    const [ownerComment] = await db.select().from(comment).where(eq(comment.threadId, ownerThread));
    const before = await activityCount(w.ws.id);

    expect((await postComment(w, w.nadia, { intent: 'editComment', commentId: ownerComment!.id, version: '1', body: 'Hijacked' })).status).toBe(403);
    expect((await postComment(w, w.nadia, { intent: 'deleteComment', commentId: ownerComment!.id })).status).toBe(403);
    expect((await postComment(w, w.nadia, { intent: 'resolveThread', threadId: ownerThread })).status).toBe(403);
    expect(await threadOf(ownerComment!.id)).toMatchObject({ body: 'Owner’s point', version: 1, deletedAt: null });
    expect(await activityCount(w.ws.id)).toBe(before);

    // Her own thread: she edits it (and an edit from an older version is refused with the current text), resolves and reopens it.
    const hers = await start(w, w.nadia, `card:${w.card.id}`, 'Viewer’s point');
    const [herComment] = await db.select().from(comment).where(eq(comment.threadId, hers));
    expect((await postComment(w, w.nadia, { intent: 'editComment', commentId: herComment!.id, version: '1', body: 'Viewer’s better point' })).status).toBe(200);
    const stale = await postComment(w, w.nadia, { intent: 'editComment', commentId: herComment!.id, version: '1', body: 'Lost' });
    expect(stale.status).toBe(409);
    expect(stale.data.current).toEqual({ body: 'Viewer’s better point', version: 2 });
    expect((await postComment(w, w.nadia, { intent: 'resolveThread', threadId: hers })).status).toBe(200);
    expect((await postComment(w, w.nadia, { intent: 'reopenThread', threadId: hers })).status).toBe(200);

    // An editor resolves anyone's thread; the map stops counting it.
    const counts = async () =>
      (await call(mapRoute.loader, { request: request(`/w/${w.ws.slug}/maps/${w.map.id}`, { user: w.nadia }), params: mapParams(w) })).data.comments;
    expect(await counts()).toEqual({ byTarget: { [w.card.id]: 2 }, openThreads: 2 });
    expect((await postComment(w, w.hugo, { intent: 'resolveThread', threadId: ownerThread })).status).toBe(200);
    const [resolved] = await db.select().from(commentThread).where(eq(commentThread.id, ownerThread));
    expect(resolved).toMatchObject({ resolvedBy: w.hugo.id });
    expect(resolved!.resolvedAt).toBeInstanceOf(Date);
    expect(await counts()).toEqual({ byTarget: { [w.card.id]: 1 }, openThreads: 1 });
    expect((await postComment(w, w.owner, { intent: 'reopenThread', threadId: ownerThread })).status).toBe(200);
    expect(await counts()).toEqual({ byTarget: { [w.card.id]: 2 }, openThreads: 2 });
  });

  it('another workspace’s thread, comment, map or card answers 404 and changes nothing', async () => {
    const w = await setup();
    const threadId = await start(w, w.owner, `card:${w.card.id}`, 'Ours');
    const [ours] = await db.select().from(comment).where(eq(comment.threadId, threadId));
    const theirs = { slug: w.otherWs.slug, mapId: w.foreignMapId };
    const before = await activityCount(w.ws.id);
    // The stranger, in their own workspace, with our ids.
    const intrusions: Form[] = [
      { intent: 'reply', threadId, body: 'Intrusion' },
      { intent: 'editComment', commentId: ours!.id, version: '1', body: 'Intrusion' },
      { intent: 'deleteComment', commentId: ours!.id },
      { intent: 'resolveThread', threadId },
      { intent: 'startThread', target: `card:${w.card.id}`, body: 'Intrusion' },
    ];
    for (const form of intrusions) {
      expect((await postComment(w, w.stranger, form, theirs)).status).toBe(404);
      // In ours, where they are no member.
      expect((await postComment(w, w.stranger, form)).status).toBe(404);
    }
    expect((await panel(w, w.stranger, `?thread=${threadId}`, theirs)).status).toBe(404);
    expect((await panel(w, w.stranger, `?on=card:${w.card.id}`, theirs)).status).toBe(404);
    // Their map in our workspace's address, and another workspace's stage as a target here.
    expect((await panel(w, w.owner, '', { slug: w.ws.slug, mapId: w.foreignMapId })).status).toBe(404);
    expect((await postComment(w, w.owner, { intent: 'startThread', target: `stage:${w.foreignStageId}`, body: 'x' })).status).toBe(404);
    expect(await activityCount(w.ws.id)).toBe(before);
    expect(await threadOf(ours!.id)).toMatchObject({ body: 'Ours', version: 1 });
    expect(await db.select({ n: count() }).from(comment).where(eq(comment.workspaceId, w.otherWs.id))).toEqual([{ n: 0 }]);
  });

  it('a thread of one map is not found through another map of the same workspace, nor a card of another map', async () => {
    const w = await setup();
    const threadId = await start(w, w.owner, `card:${w.card.id}`, 'On map one');
    const { makeMapWithKpiLane } = await import('../support/kpi-fixtures');
    const other = await makeMapWithKpiLane(w.ws.id, ['A'], 'Second map');
    const params = { slug: w.ws.slug, mapId: other.map.id };
    expect((await panel(w, w.owner, `?thread=${threadId}`, params)).status).toBe(404);
    expect((await postComment(w, w.owner, { intent: 'reply', threadId, body: 'x' }, params)).status).toBe(404);
    expect((await postComment(w, w.owner, { intent: 'startThread', target: `card:${w.card.id}`, body: 'x' }, params)).status).toBe(404);
  });
});

describe('bad input', () => {
  it.each<[string, Form]>([
    ['an empty comment', { intent: 'startThread', target: 'CARD', body: '   ' }],
    ['a comment over 4,000 characters', { intent: 'startThread', target: 'CARD', body: 'x'.repeat(4001) }],
    ['no target', { intent: 'startThread', body: 'Hello' }],
    ['a target that is not one', { intent: 'startThread', target: 'lane:00000000-0000-4000-8000-000000000000', body: 'Hello' }],
    ['a picked mention that is not an id', { intent: 'startThread', target: 'CARD', body: 'Hello', mention: 'x' }],
    ['a reply without thread', { intent: 'reply', body: 'Hello' }],
    ['an edit without version', { intent: 'editComment', commentId: '00000000-0000-4000-8000-000000000000', body: 'Hello' }],
    ['an unknown intent', { intent: 'shout', body: 'Hello' }],
  ])('%s answers 400 and writes nothing', async (_name, form) => {
    const w = await setup();
    const before = await activityCount(w.ws.id);
    const res = await postComment(w, w.nadia, { ...form, ...(form.target === 'CARD' ? { target: `card:${w.card.id}` } : {}) });
    expect(res.status).toBe(400);
    expect(await activityCount(w.ws.id)).toBe(before);
    expect(await db.select({ n: count() }).from(commentThread).where(eq(commentThread.workspaceId, w.ws.id))).toEqual([{ n: 0 }]);
    if (form.body === 'x'.repeat(4001)) expect(res.data.result.error.body).toEqual(['comments:errors.tooLong']);
  });
});

describe('deleting', () => {
  it('a deleted comment in a thread that goes on stays as "deleted", its notifications gone; the last one takes the thread along', async () => {
    const w = await setup();
    const threadId = await start(w, w.nadia, `card:${w.card.id}`, 'First, for @Hugo Lefèvre');
    const [first] = await db.select().from(comment).where(eq(comment.threadId, threadId));
    await postComment(w, w.hugo, { intent: 'reply', threadId, body: 'Answer' });
    expect(await notificationsOf(w.hugo.id)).toHaveLength(1);
    expect((await postComment(w, w.nadia, { intent: 'deleteComment', commentId: first!.id })).status).toBe(200);
    expect(await threadOf(first!.id)).toMatchObject({ body: '', mentions: [] });
    expect((await threadOf(first!.id)).deletedAt).toBeInstanceOf(Date);
    expect(await notificationsOf(w.hugo.id)).toEqual([]);
    const view = await panel(w, w.owner, `?thread=${threadId}`);
    expect(view.data.thread.comments.map((c: { deletedAt: Date | null }) => !!c.deletedAt)).toEqual([true, false]);
    // A deleted comment cannot be edited again.
    expect((await postComment(w, w.nadia, { intent: 'editComment', commentId: first!.id, version: '2', body: 'Back' })).status).toBe(404);

    const [answer] = await db
      .select()
      .from(comment)
      .where(and(eq(comment.threadId, threadId), eq(comment.authorId, w.hugo.id)));
    expect((await postComment(w, w.hugo, { intent: 'deleteComment', commentId: answer!.id })).status).toBe(200);
    expect(await db.select().from(commentThread).where(eq(commentThread.id, threadId))).toEqual([]);
  });

  it('deleting the card takes its threads, comments and notifications along', async () => {
    const w = await setup();
    await start(w, w.owner, `card:${w.card.id}`, 'For @Hugo Lefèvre');
    await db.delete(card).where(eq(card.id, w.card.id));
    expect(await db.select().from(commentThread).where(eq(commentThread.workspaceId, w.ws.id))).toEqual([]);
    expect(await notificationsOf(w.hugo.id)).toEqual([]);
  });
});

describe('the map and its panel', () => {
  it('the map’s counts come from a fixed number of queries, however many threads there are', async () => {
    const w = await setup();
    const load = async () => {
      queryCounter.count = 0;
      const res = await call(mapRoute.loader, { request: request(`/w/${w.ws.slug}/maps/${w.map.id}`, { user: w.owner }), params: mapParams(w) });
      return { queries: queryCounter.count, comments: res.data.comments };
    };
    await start(w, w.owner, `card:${w.card.id}`, 'One');
    const one = await load();
    for (let i = 0; i < 5; i += 1) await start(w, w.hugo, `stage:${w.stages[i % 2]!.id}`, `Stage note ${i}`);
    await postComment(w, w.nadia, { intent: 'startThread', target: `kpi:${w.kpi.id}`, body: 'KPI note' });
    const many = await load();
    expect(many.queries).toBe(one.queries);
    expect(many.comments).toEqual({ byTarget: { [w.card.id]: 1, [w.stages[0]!.id]: 3, [w.stages[1]!.id]: 2, [w.kpi.id]: 1 }, openThreads: 7 });
  });

  it('lists the open threads of the map, and what a thread can be started on', async () => {
    const w = await setup();
    await start(w, w.owner, `card:${w.card.id}`, 'On the card');
    const resolvedId = await start(w, w.owner, `kpi:${w.kpi.id}`, 'Done');
    await postComment(w, w.owner, { intent: 'resolveThread', threadId: resolvedId });
    const res = await panel(w, w.nadia, '');
    expect(res.status).toBe(200);
    expect(res.data.threads.map((t: { target: { type: string; name: string } }) => t.target)).toMatchObject([{ type: 'card', name: 'Note' }]);
    // In the map's order: each stage, then its items lane by lane (the KPI row comes first here).
    expect(res.data.targets.map((t: { type: string }) => t.type)).toEqual(['stage', 'kpi', 'card', 'stage', 'stage']);
    const on = await panel(w, w.nadia, `?on=kpi:${w.kpi.id}`);
    expect(on.data.threads).toHaveLength(1);
    expect(on.data.members.map((m: { name: string }) => m.name)).toEqual(['Hugo Lefèvre', 'Nadia Benali', 'Test User']);
    expect((await panel(w, w.nadia, '?on=card:not-an-id')).status).toBe(404);
    expect((await panel(w, w.nadia, '?thread=nope')).status).toBe(404);
  });

  it('a new comment is announced to the map’s open pages, once committed', async () => {
    const w = await setup();
    await new Promise((r) => setTimeout(r, 300));
    const heard: string[][] = [];
    const stop = await subscribe(w.ws.id, (topics) => heard.push(topics));
    stops.push(stop);
    await start(w, w.nadia, `card:${w.card.id}`, 'Live');
    const deadline = Date.now() + 3000;
    while (!heard.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(heard).toContainEqual([`map:${w.map.id}`]);
  });
});

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the project page', () => {
  it('any member comments on a project (a viewer too), but only editors change the business case', async () => {
    const w = await setup();
    const params = { slug: w.ws.slug, projectId: w.project.id };
    const post = (user: TestUser, form: Form) =>
      call(projectRoute.action, { request: request(`/w/${w.ws.slug}/projects/${w.project.id}`, { user, form }), params });
    const res = await post(w.nadia, { intent: 'startThread', body: 'Is the ramp-up realistic, @Hugo Lefèvre?' });
    expect(res.status).toBe(200);
    expect(await notificationsOf(w.hugo.id)).toHaveLength(1);
    expect((await post(w.nadia, { intent: 'addCost', label: 'Sneaky', kind: 'one_off', amount: '1', year: '0' })).status).toBe(403);
    // A card's thread is not this page's: a target sent along is ignored for the project.
    const page = await call(projectRoute.loader, { request: request(`/w/${w.ws.slug}/projects/${w.project.id}`, { user: w.nadia }), params });
    expect(page.data.threads).toHaveLength(1);
    expect(page.data.threads[0].comments[0].body).toBe('Is the ramp-up realistic, @Hugo Lefèvre?');
    // The map panel does not reach the project's thread.
    expect((await panel(w, w.owner, `?thread=${page.data.threads[0].id}`)).status).toBe(404);
  });
});

describe('the inbox', () => {
  it('lists a member’s notifications newest first with where they lead, a page at a time; marks one or all read', async () => {
    const w = await setup();
    for (let i = 0; i < 22; i += 1) await start(w, w.owner, `card:${w.card.id}`, `Note ${i} for @Hugo Lefèvre`);
    const inbox = (search = '') =>
      call(inboxRoute.loader, { request: request(`/w/${w.ws.slug}/notifications${search}`, { user: w.hugo }), params: { slug: w.ws.slug } });
    const first = await inbox();
    expect(first.data.notifications).toHaveLength(20);
    expect(first.data.hasMore).toBe(true);
    expect(first.data.notifications[0]).toMatchObject({ kind: 'mention', actorName: 'Test User', body: 'Note 21 for @Hugo Lefèvre', mapName: w.map.name });
    expect(first.data.notifications[0].target).toMatchObject({ type: 'card', name: 'Note', mapId: w.map.id, stagePosition: 0 });
    const second = await inbox(`?before=${first.data.notifications[19].id}`);
    expect(second.data.notifications.map((n: { body: string }) => n.body)).toEqual(['Note 1 for @Hugo Lefèvre', 'Note 0 for @Hugo Lefèvre']);
    expect(second.data.hasMore).toBe(false);

    const mark = (user: TestUser, form: Form) =>
      call(inboxRoute.action, { request: request(`/w/${w.ws.slug}/notifications`, { user, form }), params: { slug: w.ws.slug } });
    expect(await bell(w, w.hugo)).toBe(22);
    expect((await mark(w.hugo, { intent: 'read', notificationId: first.data.notifications[0].id })).status).toBe(200);
    expect(await bell(w, w.hugo)).toBe(21);
    // Someone else's notification, or none: not found, nothing marked.
    expect((await mark(w.owner, { intent: 'read', notificationId: first.data.notifications[1].id })).status).toBe(404);
    expect((await mark(w.hugo, { intent: 'read', notificationId: 'nope' })).status).toBe(400);
    expect(await bell(w, w.hugo)).toBe(21);
    expect((await mark(w.hugo, { intent: 'readAll' })).status).toBe(200);
    expect(await bell(w, w.hugo)).toBe(0);
  });

  it('a member leaving the workspace takes their notifications along', async () => {
    const w = await setup();
    await start(w, w.owner, `card:${w.card.id}`, 'For @Hugo Lefèvre');
    const { membership } = await import('../../db/schema');
    await db.delete(membership).where(and(eq(membership.workspaceId, w.ws.id), eq(membership.userId, w.hugo.id)));
    expect(await notificationsOf(w.hugo.id)).toEqual([]);
  });
});
