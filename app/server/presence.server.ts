// Live presence: who is viewing which map. One row per open live stream that shows a map (a browser
// tab), written by the app instance holding the stream (live.server.ts): recorded when the stream
// opens, refreshed every 20 s, deleted when it ends. A row its instance stopped refreshing (the
// instance died) stops counting after a minute and is swept. Queries only: the streams and the
// announcements belong to live.server.ts.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { db, type Executor } from '#db/client';
import { journeyMap, mapPresence, membership, user } from '#db/schema';

/** A viewer stops counting this long after the last refresh of their stream. */
export const PRESENCE_TTL_SECONDS = 60;
/** How many viewers a map lists at most (the avatars show a few and count the rest). */
export const MAX_VIEWERS = 50;

export interface Viewer {
  id: string;
  name: string;
}

const expired = () => sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`;

/**
 * Records that a member's stream shows the map, in one statement that also checks that the map is
 * the workspace's and the user its member; null when not (the caller answers 404). `id` re-records
 * a stream whose row was swept.
 */
export async function joinMap(executor: Executor, workspaceId: string, mapId: string, userId: string, id: string = randomUUID()) {
  const [row] = await executor
    .insert(mapPresence)
    .select((qb) =>
      qb
        .select({
          id: sql<string>`${id}::uuid`.as('id'),
          workspaceId: journeyMap.workspaceId,
          mapId: journeyMap.id,
          userId: membership.userId,
          seenAt: sql<Date>`now()`.as('seen_at'),
        })
        .from(journeyMap)
        .innerJoin(membership, and(eq(membership.workspaceId, journeyMap.workspaceId), eq(membership.userId, userId)))
        .where(and(eq(journeyMap.workspaceId, workspaceId), eq(journeyMap.id, mapId))),
    )
    .onConflictDoUpdate({ target: mapPresence.id, set: { seenAt: sql`now()` } })
    .returning({ id: mapPresence.id });
  return row?.id ?? null;
}

/** The stream ended: its row goes. */
export async function leaveMap(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(mapPresence).where(and(eq(mapPresence.workspaceId, workspaceId), eq(mapPresence.id, id)));
}

/**
 * The refresh of the streams an instance holds, in one statement whatever their number (their rows
 * in every workspace: this is the instance's upkeep, not a tenant's query). Returns the ids still
 * recorded; a missing one was swept meanwhile (or its map deleted).
 */
export async function refreshPresence(ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .update(mapPresence)
    .set({ seenAt: sql`now()` })
    .where(inArray(mapPresence.id, [...ids]))
    .returning({ id: mapPresence.id });
  return new Set(rows.map((r) => r.id));
}

/** Deletes the rows no instance refreshed for a minute; returns the maps whose viewers changed. */
export async function sweepPresence() {
  const rows = await db
    .delete(mapPresence)
    .where(lt(mapPresence.seenAt, expired()))
    .returning({ workspaceId: mapPresence.workspaceId, mapId: mapPresence.mapId });
  const maps = new Map(rows.map((r) => [`${r.workspaceId}:${r.mapId}`, r]));
  return [...maps.values()];
}

/** The members viewing a map now (each once, whatever their tabs), by name. */
export async function listViewers(workspaceId: string, mapId: string): Promise<Viewer[]> {
  return db
    .selectDistinct({ id: user.id, name: user.displayName })
    .from(mapPresence)
    .innerJoin(user, eq(user.id, mapPresence.userId))
    .where(and(eq(mapPresence.workspaceId, workspaceId), eq(mapPresence.mapId, mapId), gt(mapPresence.seenAt, expired())))
    .orderBy(asc(user.displayName), asc(user.id))
    .limit(MAX_VIEWERS);
}
