// The activity log: every mutation writes one row in the same transaction as the change.
import { and, desc, eq, lt } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { activity, user } from '#db/schema';

export interface ActivityInput {
  workspaceId: string;
  actorId: string | null;
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
      actorName: user.displayName,
    })
    .from(activity)
    .leftJoin(user, eq(user.id, activity.actorId))
    .where(and(eq(activity.workspaceId, workspaceId), before ? lt(activity.at, before) : undefined))
    .orderBy(desc(activity.at))
    .limit(ACTIVITY_PAGE_SIZE);
}
