// The workspace overview: a fixed handful of small queries, whatever the workspace size.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { db } from '#db/client';
import { journeyMap, membership, project } from '#db/schema';
import { kpiHealth } from './kpis.server';

export async function workspaceOverview(workspaceId: string) {
  const [maps, projectsByStatus, members, kpiCounts] = await Promise.all([
    db
      .select({ id: journeyMap.id, name: journeyMap.name, state: journeyMap.state, updatedAt: journeyMap.updatedAt })
      .from(journeyMap)
      .where(and(eq(journeyMap.workspaceId, workspaceId), isNull(journeyMap.archivedAt)))
      .orderBy(desc(journeyMap.updatedAt))
      .limit(5),
    db
      .select({ status: project.status, n: count() })
      .from(project)
      .where(and(eq(project.workspaceId, workspaceId), isNull(project.archivedAt)))
      .groupBy(project.status),
    db.select({ n: count() }).from(membership).where(eq(membership.workspaceId, workspaceId)),
    kpiHealth(workspaceId),
  ]);
  return { maps, projectsByStatus, memberCount: members[0]?.n ?? 0, kpiHealth: kpiCounts };
}
