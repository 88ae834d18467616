// Comments: threads on a card, KPI or stage of a map, or on a project; their comments; and the
// notifications they send (mentions, replies). Every query takes the workspace id. A thread is read
// and changed through a scope (the map or the project whose page shows it): a thread of another
// map, project or workspace is "not found". Each change runs in one transaction that records its
// activity and announces the map or project, so open pages update their counts.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '#db/client';
import { card, comment, commentThread, journeyMap, kpi, lane, measure, membership, notification, project, stage, user } from '#db/schema';
import { findMentions, recipientsOf, type Mention } from '~/domain/comments';
import { notificationsTopic, type LiveTopic } from '~/domain/live-topics';
import { roleAtLeast } from '~/domain/roles';
import type { CommentTarget, Role } from '~/domain/vocabulary';
import type { TargetRef } from '~/lib/schemas/comments';
import { recordActivity } from './activity.server';
import { announce } from './live.server';
import { FORBIDDEN, NOT_FOUND, ok, stale, type Result } from './result.server';

/** Where a thread is shown: the map whose panel lists it, or the project whose page does. */
export type ThreadScope = { mapId: string } | { projectId: string };

export interface CommentInput {
  body: string;
  /** Ids picked from the mention list (they settle who a shared name means). */
  picked: readonly string[];
}

const inScope = (scope: ThreadScope) => ('mapId' in scope ? eq(commentThread.mapId, scope.mapId) : eq(commentThread.projectId, scope.projectId));
const topicOf = (scope: ThreadScope): LiveTopic => ('mapId' in scope ? `map:${scope.mapId}` : `project:${scope.projectId}`);

// ---------------------------------------------------------------- members

/** The workspace's members as the mention list shows them, by name. */
export async function listMentionables(workspaceId: string, executor: Executor = db) {
  return executor
    .select({ id: user.id, name: user.displayName })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.workspaceId, workspaceId))
    .orderBy(asc(user.displayName), asc(user.id));
}

// ---------------------------------------------------------------- targets

/** A map of the workspace by id (its name), or null. */
export async function findMap(workspaceId: string, mapId: string) {
  const [row] = await db
    .select({ id: journeyMap.id, name: journeyMap.name })
    .from(journeyMap)
    .where(and(eq(journeyMap.workspaceId, workspaceId), eq(journeyMap.id, mapId)));
  return row ?? null;
}

export interface TargetInfo {
  type: CommentTarget;
  id: string;
  /** The card's title, the KPI's measure, the stage's or the project's name. */
  name: string;
  mapId: string | null;
  projectId: string | null;
  /** The stage the card or KPI is in (or the stage itself): its name and place in the map. */
  stageName: string | null;
  stagePosition: number | null;
}

const targetStage = alias(stage, 'target_stage');

/** What each of these threads is about, in one query. */
async function targetsOf(workspaceId: string, threadIds: readonly string[], executor: Executor = db): Promise<Map<string, TargetInfo>> {
  if (threadIds.length === 0) return new Map();
  const rows = await executor
    .select({
      threadId: commentThread.id,
      type: commentThread.targetType,
      id: sql<string>`coalesce(${commentThread.cardId}, ${commentThread.kpiId}, ${commentThread.stageId}, ${commentThread.projectId})`,
      name: sql<string>`coalesce(${card.title}, ${measure.name}, ${targetStage.name}, ${project.name}, '')`,
      mapId: commentThread.mapId,
      projectId: commentThread.projectId,
      stageName: targetStage.name,
      stagePosition: targetStage.position,
    })
    .from(commentThread)
    .leftJoin(card, and(eq(card.workspaceId, commentThread.workspaceId), eq(card.id, commentThread.cardId)))
    .leftJoin(kpi, and(eq(kpi.workspaceId, commentThread.workspaceId), eq(kpi.id, commentThread.kpiId)))
    .leftJoin(measure, and(eq(measure.workspaceId, commentThread.workspaceId), eq(measure.id, kpi.measureId)))
    .leftJoin(
      targetStage,
      and(eq(targetStage.workspaceId, commentThread.workspaceId), eq(targetStage.id, sql`coalesce(${card.stageId}, ${kpi.stageId}, ${commentThread.stageId})`)),
    )
    .leftJoin(project, and(eq(project.workspaceId, commentThread.workspaceId), eq(project.id, commentThread.projectId)))
    .where(and(eq(commentThread.workspaceId, workspaceId), inArray(commentThread.id, [...threadIds])));
  return new Map(rows.map(({ threadId, ...target }) => [threadId, target]));
}

/** A card, KPI or stage of this map, or this project, as a thread target; null when it is not one (or not in scope). */
export async function findTarget(workspaceId: string, scope: ThreadScope, ref: TargetRef, executor: Executor = db): Promise<TargetInfo | null> {
  const base = { type: ref.type, id: ref.id };
  if (ref.type === 'project') {
    if (!('projectId' in scope) || scope.projectId !== ref.id) return null;
    const [row] = await executor
      .select({ name: project.name })
      .from(project)
      .where(and(eq(project.workspaceId, workspaceId), eq(project.id, ref.id)));
    return row ? { ...base, name: row.name, mapId: null, projectId: ref.id, stageName: null, stagePosition: null } : null;
  }
  if (!('mapId' in scope)) return null;
  const { mapId } = scope;
  const at = (row: { name: string | null; stageName: string; position: number } | undefined): TargetInfo | null =>
    row ? { ...base, name: row.name ?? '', mapId, projectId: null, stageName: row.stageName, stagePosition: row.position } : null;
  if (ref.type === 'stage') {
    const [row] = await executor
      .select({ name: stage.name, stageName: stage.name, position: stage.position })
      .from(stage)
      .where(and(eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId), eq(stage.id, ref.id)));
    return at(row);
  }
  if (ref.type === 'card') {
    const [row] = await executor
      .select({ name: card.title, stageName: stage.name, position: stage.position })
      .from(card)
      .innerJoin(stage, and(eq(stage.workspaceId, workspaceId), eq(stage.id, card.stageId)))
      .where(and(eq(card.workspaceId, workspaceId), eq(card.mapId, mapId), eq(card.id, ref.id)));
    return at(row);
  }
  const [row] = await executor
    .select({ name: measure.name, stageName: stage.name, position: stage.position })
    .from(kpi)
    .innerJoin(stage, and(eq(stage.workspaceId, workspaceId), eq(stage.id, kpi.stageId)))
    .innerJoin(measure, and(eq(measure.workspaceId, workspaceId), eq(measure.id, kpi.measureId)))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId), eq(kpi.id, ref.id)));
  return at(row);
}

/** Every card, KPI and stage of a map a thread can be started on, in the map's order: one query. */
export async function listMapTargets(workspaceId: string, mapId: string) {
  type Kind = 'stage' | 'card' | 'kpi';
  const stages = db
    .select({
      type: sql<Kind>`'stage'`.as('type'),
      id: stage.id,
      name: stage.name,
      stageId: sql<string>`${stage.id}`.as('stage_id'),
      stagePos: sql<number>`${stage.position}`.as('stage_pos'),
      lanePos: sql<number>`-1`.as('lane_pos'),
      pos: sql<number>`0`.as('pos'),
      lane: sql<string | null>`null::text`.as('lane'),
    })
    .from(stage)
    .where(and(eq(stage.workspaceId, workspaceId), eq(stage.mapId, mapId)));
  const cards = db
    .select({
      type: sql<Kind>`'card'`.as('type'),
      id: card.id,
      name: card.title,
      stageId: card.stageId,
      stagePos: stage.position,
      lanePos: lane.position,
      pos: card.position,
      lane: lane.name,
    })
    .from(card)
    .innerJoin(stage, eq(stage.id, card.stageId))
    .innerJoin(lane, eq(lane.id, card.laneId))
    .where(and(eq(card.workspaceId, workspaceId), eq(card.mapId, mapId)));
  const kpis = db
    .select({
      type: sql<Kind>`'kpi'`.as('type'),
      id: kpi.id,
      name: measure.name,
      stageId: kpi.stageId,
      stagePos: stage.position,
      lanePos: lane.position,
      pos: kpi.position,
      lane: lane.name,
    })
    .from(kpi)
    .innerJoin(stage, eq(stage.id, kpi.stageId))
    .innerJoin(lane, eq(lane.id, kpi.laneId))
    .innerJoin(measure, eq(measure.id, kpi.measureId))
    .where(and(eq(kpi.workspaceId, workspaceId), eq(kpi.mapId, mapId)));
  const rows = await stages
    .unionAll(cards)
    .unionAll(kpis)
    .orderBy(sql`stage_pos`, sql`lane_pos`, sql`pos`, sql`id`)
    .limit(MAX_MAP_TARGETS);
  return rows.map(({ type, id, name, stageId, lane }) => ({ type, id, name, stageId, lane }));
}

/** A map's targets offered in the panel's list (a bigger map is commented on from its items). */
export const MAX_MAP_TARGETS = 2000;

// ---------------------------------------------------------------- threads

/** Per card, KPI and stage of a map: the comments of its open threads and how many open threads; one grouped query. */
export async function openCommentCounts(workspaceId: string, mapId: string, executor: Executor = db) {
  const rows = await executor
    .select({
      cardId: commentThread.cardId,
      kpiId: commentThread.kpiId,
      stageId: commentThread.stageId,
      comments: sql<number>`count(*)::int`,
      threads: sql<number>`count(distinct ${commentThread.id})::int`,
    })
    .from(commentThread)
    .innerJoin(comment, and(eq(comment.workspaceId, commentThread.workspaceId), eq(comment.threadId, commentThread.id), isNull(comment.deletedAt)))
    .where(and(eq(commentThread.workspaceId, workspaceId), eq(commentThread.mapId, mapId), isNull(commentThread.resolvedAt)))
    .groupBy(commentThread.cardId, commentThread.kpiId, commentThread.stageId);
  const byTarget: Record<string, number> = {};
  let openThreads = 0;
  for (const r of rows) {
    const id = r.cardId ?? r.kpiId ?? r.stageId;
    if (id) byTarget[id] = r.comments;
    openThreads += r.threads;
  }
  return { byTarget, openThreads };
}

export type CommentCounts = Awaited<ReturnType<typeof openCommentCounts>>;

const resolver = alias(user, 'resolver');

/** Threads (newest activity first, open ones before resolved ones) with all their comments: two queries. */
async function threadsWithComments(workspaceId: string, where: SQL | undefined, limit: number) {
  const threads = await db
    .select({
      id: commentThread.id,
      authorId: commentThread.authorId,
      resolvedAt: commentThread.resolvedAt,
      resolvedByName: resolver.displayName,
      createdAt: commentThread.createdAt,
      lastActivityAt: commentThread.lastActivityAt,
    })
    .from(commentThread)
    .leftJoin(resolver, eq(resolver.id, commentThread.resolvedBy))
    .where(and(eq(commentThread.workspaceId, workspaceId), where))
    .orderBy(sql`${commentThread.resolvedAt} is not null`, desc(commentThread.lastActivityAt), desc(commentThread.id))
    .limit(limit);
  const ids = threads.map((t) => t.id);
  const comments = ids.length
    ? await db
        .select({
          id: comment.id,
          threadId: comment.threadId,
          authorId: comment.authorId,
          authorName: user.displayName,
          body: comment.body,
          mentions: comment.mentions,
          version: comment.version,
          createdAt: comment.createdAt,
          editedAt: comment.editedAt,
          deletedAt: comment.deletedAt,
        })
        .from(comment)
        .leftJoin(user, eq(user.id, comment.authorId))
        .where(and(eq(comment.workspaceId, workspaceId), inArray(comment.threadId, ids)))
        .orderBy(asc(comment.createdAt), asc(comment.id))
    : [];
  const byThread = new Map<string, typeof comments>();
  for (const c of comments) {
    const list = byThread.get(c.threadId) ?? [];
    list.push(c);
    byThread.set(c.threadId, list);
  }
  return threads.map((t) => ({ ...t, comments: (byThread.get(t.id) ?? []).map(({ threadId: _t, ...c }) => c) }));
}

export type ThreadData = Awaited<ReturnType<typeof threadsWithComments>>[number];

export const THREAD_PAGE = 30;

const targetCondition = (ref: TargetRef) => {
  const column = { card: commentThread.cardId, kpi: commentThread.kpiId, stage: commentThread.stageId, project: commentThread.projectId }[ref.type];
  return and(eq(commentThread.targetType, ref.type), eq(column, ref.id));
};

/** The open threads of a map, with what each is about (the map's comments panel). */
export async function openThreadsOfMap(workspaceId: string, mapId: string, limit = THREAD_PAGE) {
  const threads = await threadsWithComments(workspaceId, and(eq(commentThread.mapId, mapId), isNull(commentThread.resolvedAt)), limit);
  const targets = await targetsOf(
    workspaceId,
    threads.map((t) => t.id),
  );
  return threads.flatMap((t) => {
    const target = targets.get(t.id);
    return target ? [{ ...t, target }] : [];
  });
}

/** The threads on one target (open ones first). */
export async function threadsOn(workspaceId: string, ref: TargetRef, limit = THREAD_PAGE) {
  return threadsWithComments(workspaceId, targetCondition(ref), limit);
}

/** One thread of the scope with what it is about, or null (another map's, project's or workspace's). */
export async function findThread(workspaceId: string, scope: ThreadScope, threadId: string) {
  const [thread] = await threadsWithComments(workspaceId, and(eq(commentThread.id, threadId), inScope(scope)), 1);
  if (!thread) return null;
  const target = (await targetsOf(workspaceId, [thread.id])).get(thread.id);
  return target ? { ...thread, target } : null;
}

// ---------------------------------------------------------------- changes

/**
 * Notifies the recipients of a new (or newly mentioning) comment; one per person and comment.
 * Returns the live topics of the people notified: announced with the change, their bells update.
 */
async function notify(
  tx: Executor,
  workspaceId: string,
  threadId: string,
  commentId: string,
  actorId: string,
  recipients: { userId: string; kind: 'mention' | 'reply' }[],
): Promise<LiveTopic[]> {
  if (recipients.length === 0) return [];
  await tx
    .insert(notification)
    .values(recipients.map((r) => ({ workspaceId, recipientId: r.userId, kind: r.kind, threadId, commentId, actorId })))
    .onConflictDoNothing();
  return recipients.map((r) => notificationsTopic(r.userId));
}

async function mentionsIn(tx: Executor, workspaceId: string, input: CommentInput) {
  const members = await listMentionables(workspaceId, tx);
  return { mentions: findMentions(input.body, members, input.picked), memberIds: new Set(members.map((m) => m.id)) };
}

/** Starts a thread on a card, KPI or stage of the scope's map, or on its project, with its first comment. */
export async function startThread(
  workspaceId: string,
  actorId: string,
  scope: ThreadScope,
  ref: TargetRef,
  input: CommentInput,
): Promise<Result<{ threadId: string }>> {
  return db.transaction(async (tx) => {
    const target = await findTarget(workspaceId, scope, ref, tx);
    if (!target) return NOT_FOUND;
    const { mentions, memberIds } = await mentionsIn(tx, workspaceId, input);
    const [thread] = await tx
      .insert(commentThread)
      .values({
        workspaceId,
        targetType: ref.type,
        mapId: target.mapId,
        cardId: ref.type === 'card' ? ref.id : null,
        kpiId: ref.type === 'kpi' ? ref.id : null,
        stageId: ref.type === 'stage' ? ref.id : null,
        projectId: ref.type === 'project' ? ref.id : null,
        authorId: actorId,
      })
      .returning({ id: commentThread.id });
    const [created] = await tx
      .insert(comment)
      .values({ workspaceId, threadId: thread!.id, authorId: actorId, body: input.body, mentions })
      .returning({ id: comment.id });
    const recipients = recipientsOf({ authorId: actorId, mentioned: mentions.map((m) => m.userId), participants: [], memberIds });
    const bells = await notify(tx, workspaceId, thread!.id, created!.id, actorId, recipients);
    await recordActivity(tx, { workspaceId, actorId, entityType: 'comment', entityId: created!.id, action: 'created', summary: target.name });
    await announce(tx, workspaceId, [topicOf(scope), ...bells]);
    return ok({ threadId: thread!.id });
  });
}

/** The thread, locked for this transaction, when it is in scope. */
async function lockThread(tx: Executor, workspaceId: string, scope: ThreadScope, threadId: string) {
  const [row] = await tx
    .select({ id: commentThread.id, authorId: commentThread.authorId, resolvedAt: commentThread.resolvedAt })
    .from(commentThread)
    .where(and(eq(commentThread.workspaceId, workspaceId), eq(commentThread.id, threadId), inScope(scope)))
    .for('update');
  return row ?? null;
}

async function targetName(tx: Executor, workspaceId: string, threadId: string) {
  return (await targetsOf(workspaceId, [threadId], tx)).get(threadId)?.name ?? '';
}

/** Adds a reply; it notifies the members it mentions and the people of the thread. */
export async function replyToThread(
  workspaceId: string,
  actorId: string,
  scope: ThreadScope,
  threadId: string,
  input: CommentInput,
): Promise<Result<{ commentId: string }>> {
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, workspaceId, scope, threadId);
    if (!thread) return NOT_FOUND;
    const { mentions, memberIds } = await mentionsIn(tx, workspaceId, input);
    const earlier = await tx
      .selectDistinct({ authorId: comment.authorId })
      .from(comment)
      .where(and(eq(comment.workspaceId, workspaceId), eq(comment.threadId, threadId)));
    const [created] = await tx
      .insert(comment)
      .values({ workspaceId, threadId, authorId: actorId, body: input.body, mentions })
      .returning({ id: comment.id, createdAt: comment.createdAt });
    await tx
      .update(commentThread)
      .set({ lastActivityAt: created!.createdAt })
      .where(and(eq(commentThread.workspaceId, workspaceId), eq(commentThread.id, threadId)));
    const participants = [thread.authorId, ...earlier.map((e) => e.authorId)].filter((id): id is string => !!id);
    const recipients = recipientsOf({ authorId: actorId, mentioned: mentions.map((m) => m.userId), participants, memberIds });
    const bells = await notify(tx, workspaceId, threadId, created!.id, actorId, recipients);
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'comment',
      entityId: created!.id,
      action: 'created',
      summary: await targetName(tx, workspaceId, threadId),
    });
    await announce(tx, workspaceId, [topicOf(scope), ...bells]);
    return ok({ commentId: created!.id });
  });
}

/** A comment of the scope, locked, with its thread; null when it is not there (or deleted). */
async function lockComment(tx: Executor, workspaceId: string, scope: ThreadScope, commentId: string) {
  const [row] = await tx
    .select({
      id: comment.id,
      threadId: comment.threadId,
      authorId: comment.authorId,
      version: comment.version,
      mentions: comment.mentions,
      body: comment.body,
    })
    .from(comment)
    .innerJoin(commentThread, and(eq(commentThread.workspaceId, comment.workspaceId), eq(commentThread.id, comment.threadId)))
    .where(and(eq(comment.workspaceId, workspaceId), eq(comment.id, commentId), isNull(comment.deletedAt), inScope(scope)))
    .for('update', { of: comment });
  return row ?? null;
}

/**
 * Changes one's own comment (someone else's: forbidden), against the version it was read at (an
 * older one: stale, with the current text). Members newly mentioned are notified.
 */
export async function editComment(
  workspaceId: string,
  actorId: string,
  scope: ThreadScope,
  commentId: string,
  version: number,
  input: CommentInput,
): Promise<Result<undefined, { body: string; version: number }>> {
  return db.transaction(async (tx) => {
    const row = await lockComment(tx, workspaceId, scope, commentId);
    if (!row) return NOT_FOUND;
    if (row.authorId !== actorId) return FORBIDDEN;
    if (row.version !== version) return stale({ body: row.body, version: row.version });
    const { mentions, memberIds } = await mentionsIn(tx, workspaceId, input);
    await tx
      .update(comment)
      .set({ body: input.body, mentions, version: row.version + 1, editedAt: new Date() })
      .where(and(eq(comment.workspaceId, workspaceId), eq(comment.id, commentId)));
    const before = new Set((row.mentions as Mention[]).map((m) => m.userId));
    const added = mentions.map((m) => m.userId).filter((id) => !before.has(id));
    const bells = await notify(
      tx,
      workspaceId,
      row.threadId,
      commentId,
      actorId,
      recipientsOf({ authorId: actorId, mentioned: added, participants: [], memberIds }),
    );
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'comment',
      entityId: commentId,
      action: 'updated',
      summary: await targetName(tx, workspaceId, row.threadId),
    });
    await announce(tx, workspaceId, [topicOf(scope), ...bells]);
    return ok();
  });
}

/**
 * Deletes one's own comment. In a thread that goes on (other comments remain) it stays as "comment
 * deleted", its text gone; the last comment of a thread takes the thread along. Its notifications go.
 */
export async function deleteComment(workspaceId: string, actorId: string, scope: ThreadScope, commentId: string): Promise<Result<{ threadDeleted: boolean }>> {
  return db.transaction(async (tx) => {
    const row = await lockComment(tx, workspaceId, scope, commentId);
    if (!row) return NOT_FOUND;
    if (row.authorId !== actorId) return FORBIDDEN;
    const summary = await targetName(tx, workspaceId, row.threadId);
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(comment)
      .where(and(eq(comment.workspaceId, workspaceId), eq(comment.threadId, row.threadId), isNull(comment.deletedAt), sql`${comment.id} <> ${commentId}`));
    const threadDeleted = others!.n === 0;
    if (threadDeleted) {
      await tx.delete(commentThread).where(and(eq(commentThread.workspaceId, workspaceId), eq(commentThread.id, row.threadId)));
    } else {
      await tx
        .update(comment)
        .set({ body: '', mentions: [], deletedAt: new Date(), version: row.version + 1 })
        .where(and(eq(comment.workspaceId, workspaceId), eq(comment.id, commentId)));
      await tx.delete(notification).where(and(eq(notification.workspaceId, workspaceId), eq(notification.commentId, commentId)));
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: 'comment', entityId: commentId, action: 'deleted', summary });
    await announce(tx, workspaceId, [topicOf(scope)]);
    return ok({ threadDeleted });
  });
}

/** Resolves or reopens a thread: any editor, or the thread's author. */
export async function setThreadResolved(
  workspaceId: string,
  actorId: string,
  role: Role,
  scope: ThreadScope,
  threadId: string,
  resolved: boolean,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const thread = await lockThread(tx, workspaceId, scope, threadId);
    if (!thread) return NOT_FOUND;
    if (!roleAtLeast(role, 'editor') && thread.authorId !== actorId) return FORBIDDEN;
    // Already so (two people pressed at once): nothing to change.
    if (!!thread.resolvedAt === resolved) return ok();
    await tx
      .update(commentThread)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actorId } : { resolvedAt: null, resolvedBy: null })
      .where(and(eq(commentThread.workspaceId, workspaceId), eq(commentThread.id, threadId)));
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'comment_thread',
      entityId: threadId,
      action: resolved ? 'resolved' : 'reopened',
      summary: await targetName(tx, workspaceId, threadId),
    });
    await announce(tx, workspaceId, [topicOf(scope)]);
    return ok();
  });
}

// ---------------------------------------------------------------- notifications

/** The bell's count stops here ("99+"): counting further would cost without telling more. */
export const UNREAD_CAP = 100;

/** How many unread notifications a member has in a workspace, up to UNREAD_CAP: one indexed query. */
export async function unreadNotificationCount(workspaceId: string, userId: string) {
  const unread = db
    .select({ one: sql`1`.as('one') })
    .from(notification)
    .where(and(eq(notification.workspaceId, workspaceId), eq(notification.recipientId, userId), isNull(notification.readAt)))
    .limit(UNREAD_CAP)
    .as('unread');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unread);
  return row?.n ?? 0;
}

export const NOTIFICATION_PAGE = 20;
const actor = alias(user, 'actor');

/** A member's notifications, newest first, a page at a time (`before`: the last one of the page shown). */
export async function listNotifications(workspaceId: string, userId: string, before?: string) {
  const mine = and(eq(notification.workspaceId, workspaceId), eq(notification.recipientId, userId));
  const older = before
    ? sql`(${notification.createdAt}, ${notification.id}) < (select n.created_at, n.id from ${notification} n where n.id = ${before} and n.workspace_id = ${workspaceId} and n.recipient_id = ${userId})`
    : undefined;
  const rows = await db
    .select({
      id: notification.id,
      kind: notification.kind,
      threadId: notification.threadId,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
      actorName: actor.displayName,
      body: comment.body,
      mentions: comment.mentions,
      mapName: journeyMap.name,
    })
    .from(notification)
    .innerJoin(comment, and(eq(comment.workspaceId, notification.workspaceId), eq(comment.id, notification.commentId)))
    .innerJoin(commentThread, and(eq(commentThread.workspaceId, notification.workspaceId), eq(commentThread.id, notification.threadId)))
    .leftJoin(journeyMap, and(eq(journeyMap.workspaceId, notification.workspaceId), eq(journeyMap.id, commentThread.mapId)))
    .leftJoin(actor, eq(actor.id, notification.actorId))
    .where(and(mine, older))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(NOTIFICATION_PAGE + 1);
  const page = rows.slice(0, NOTIFICATION_PAGE);
  const targets = await targetsOf(workspaceId, [...new Set(page.map((n) => n.threadId))]);
  return {
    notifications: page.flatMap((n) => {
      const target = targets.get(n.threadId);
      return target ? [{ ...n, target }] : [];
    }),
    hasMore: rows.length > NOTIFICATION_PAGE,
  };
}

/** Marks one notification (or all of them) read; another member's or workspace's is not found. */
export async function markNotificationsRead(workspaceId: string, userId: string, which: { id: string } | 'all'): Promise<Result<{ marked: number }>> {
  const mine = and(eq(notification.workspaceId, workspaceId), eq(notification.recipientId, userId));
  if (which === 'all') {
    const marked = await db
      .update(notification)
      .set({ readAt: new Date() })
      .where(and(mine, isNull(notification.readAt)))
      .returning({ id: notification.id });
    return ok({ marked: marked.length });
  }
  const marked = await db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(mine, eq(notification.id, which.id)))
    .returning({ id: notification.id });
  return marked.length ? ok({ marked: marked.length }) : NOT_FOUND;
}
