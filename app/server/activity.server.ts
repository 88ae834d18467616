// The activity log: every mutation writes one row in the same transaction as the change. The actor
// is a person (actor_id) or, for calls made through the API, the token (api_token_id).
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db, type Executor } from '#db/client';
import { activity, apiToken, user } from '#db/schema';

/** Who made a change: a signed-in person, or an API token. */
export type Actor = { userId: string } | { apiTokenId: string };

export const actorColumns = (actor: Actor) =>
  'userId' in actor ? { actorId: actor.userId, apiTokenId: null } : { actorId: null, apiTokenId: actor.apiTokenId };

export interface ActivityInput {
  workspaceId: string;
  actorId: string | null;
  apiTokenId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  summary: string;
}

export async function recordActivity(executor: Executor, input: ActivityInput) {
  await executor.insert(activity).values(input);
}

export const ACTIVITY_PAGE_SIZE = 50;

export async function listActivity(workspaceId: string, before?: Date) {
  return db
    .select({
      id: activity.id,
      entityType: activity.entityType,
      entityId: activity.entityId,
      action: activity.action,
      summary: activity.summary,
      at: activity.at,
      // A token shows as "API: <its name>" (token names are chosen by owners, secrets never stored).
      actorName: sql<string | null>`coalesce(${user.displayName}, 'API: ' || ${apiToken.name})`,
    })
    .from(activity)
    .leftJoin(user, eq(user.id, activity.actorId))
    .leftJoin(apiToken, eq(apiToken.id, activity.apiTokenId))
    .where(and(eq(activity.workspaceId, workspaceId), before ? lt(activity.at, before) : undefined))
    .orderBy(desc(activity.at))
    .limit(ACTIVITY_PAGE_SIZE);
}

/**
 * Who changed a row last, and when (its newest activity), as a subquery to join laterally to the
 * row: a refused save answers with the current row and its author in one query. The newest
 * activity is found by walking the workspace's log backwards on its index, where the change that
 * caused the refusal is among the last rows.
 */
export function lastChangeOf(workspaceId: string, entityType: string, entityId: AnyPgColumn) {
  return db
    .select({
      savedBy: sql<string | null>`coalesce(${user.displayName}, 'API: ' || ${apiToken.name})`.as('saved_by'),
      savedAt: activity.at,
    })
    .from(activity)
    .leftJoin(user, eq(user.id, activity.actorId))
    .leftJoin(apiToken, eq(apiToken.id, activity.apiTokenId))
    .where(and(eq(activity.workspaceId, workspaceId), eq(activity.entityType, entityType), sql`${activity.entityId} = ${entityId}::text`))
    .orderBy(desc(activity.at))
    .limit(1)
    .as('last_change');
}
