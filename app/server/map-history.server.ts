// Recording a map's history: every write to a map's content (maps, map positions, KPIs placed on
// it, imports) calls `recordMapChanges` inside its own transaction, under the map lock, with what it
// changed; the changes go into the map's current version, which closes after 10 minutes without a
// save (or when someone names it: map-versions.server.ts reads, names and restores versions).
// Unnamed versions are purged after 90 days, in one statement, when a workspace opens a new version.
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '#db/client';
import { mapChange, mapVersion } from '#db/schema';
import type { MapChange } from '~/domain/map-history';

/** A version closes after this long without a save. */
export const VERSION_GAP_MS = 10 * 60_000;
/** Unnamed versions are kept this long after their last save; named ones forever. */
export const RETENTION_DAYS = 90;
export const VERSIONS_PAGE_SIZE = 20;

/** The clock versions are grouped and purged by (tests move it). */
export const historyClock = { now: () => new Date() };

export interface ChangeContext {
  workspaceId: string;
  mapId: string;
  actorId: string | null;
}

// ---------------------------------------------------------------- recording

/**
 * Records the changes of one save of a map in its current version (opening a new one after 10
 * minutes without a save). Call it inside the save's transaction, after taking the map lock
 * (lockMap), so that the saves of a map are recorded in the order they commit.
 */
export async function recordMapChanges(tx: Transaction, ctx: ChangeContext, changes: readonly (MapChange | null | undefined)[]) {
  const list = changes.filter((c): c is MapChange => Boolean(c));
  if (list.length === 0) return;
  const versionId = await versionForSave(tx, ctx, historyClock.now());
  await insertChanges(tx, ctx.workspaceId, versionId, list);
}

export async function latestVersion(executor: Executor, workspaceId: string, mapId: string) {
  const [row] = await executor
    .select({ id: mapVersion.id, seq: mapVersion.seq, name: mapVersion.name, lastEditAt: mapVersion.lastEditAt, closedAt: mapVersion.closedAt })
    .from(mapVersion)
    .where(and(eq(mapVersion.workspaceId, workspaceId), eq(mapVersion.mapId, mapId)))
    .orderBy(desc(mapVersion.seq))
    .limit(1);
  return row ?? null;
}

export const isOpen = (v: { closedAt: Date | null; lastEditAt: Date }, now: Date) => !v.closedAt && now.getTime() - v.lastEditAt.getTime() < VERSION_GAP_MS;

async function versionForSave(tx: Transaction, ctx: ChangeContext, now: Date) {
  const latest = await latestVersion(tx, ctx.workspaceId, ctx.mapId);
  if (latest && isOpen(latest, now)) {
    await tx
      .update(mapVersion)
      .set({
        lastEditAt: now,
        authorIds: ctx.actorId
          ? sql`case when ${ctx.actorId} = any(${mapVersion.authorIds}) then ${mapVersion.authorIds} else array_append(${mapVersion.authorIds}, ${ctx.actorId}) end`
          : undefined,
      })
      .where(and(eq(mapVersion.id, latest.id), eq(mapVersion.workspaceId, ctx.workspaceId)));
    return latest.id;
  }
  return openVersion(tx, ctx, now, {});
}

/** Closes the map's last version if still open, purges the workspace's expired versions, opens a new one. */
export async function openVersion(tx: Transaction, ctx: ChangeContext, now: Date, values: Partial<typeof mapVersion.$inferInsert>) {
  await tx
    .update(mapVersion)
    .set({ closedAt: sql`${mapVersion.lastEditAt}` })
    .where(and(eq(mapVersion.workspaceId, ctx.workspaceId), eq(mapVersion.mapId, ctx.mapId), isNull(mapVersion.closedAt)));
  await purgeExpiredVersions(tx, ctx.workspaceId, now);
  const [row] = await tx
    .insert(mapVersion)
    .values({ workspaceId: ctx.workspaceId, mapId: ctx.mapId, authorIds: ctx.actorId ? [ctx.actorId] : [], openedAt: now, lastEditAt: now, ...values })
    .returning({ id: mapVersion.id });
  return row!.id;
}

const CHUNK = 500;
export async function insertChanges(tx: Transaction, workspaceId: string, versionId: string, changes: readonly MapChange[]) {
  for (let i = 0; i < changes.length; i += CHUNK) {
    await tx
      .insert(mapChange)
      .values(
        changes.slice(i, i + CHUNK).map((c) => ({ workspaceId, versionId, kind: c.kind, entityId: c.entityId, op: c.op, before: c.before, after: c.after })),
      );
  }
}

/**
 * Deletes the workspace's unnamed versions whose last save is older than the retention, with their
 * changes (the foreign key cascades): one statement on an index. Only old versions go, so the
 * versions kept still have every later change they are rebuilt from; named versions keep a snapshot.
 */
export async function purgeExpiredVersions(executor: Executor, workspaceId: string, now: Date = historyClock.now()) {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  await executor.delete(mapVersion).where(and(eq(mapVersion.workspaceId, workspaceId), isNull(mapVersion.name), lt(mapVersion.lastEditAt, cutoff)));
}
