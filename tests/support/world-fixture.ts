// One workspace with a row of every kind an action can name (map, stage, lanes, card, emotion point,
// measure, KPI with a value, persona, project with a cost and a linked KPI, a project without links,
// invitation, objective), and a second workspace whose ids must stay out of reach. Written directly, so
// hostile-input tests do not depend on the code they attack.
import { count, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import {
  activity,
  card,
  comment,
  commentThread,
  dashboard,
  dashboardMeasure,
  emotionPoint,
  invitation,
  kpi,
  kpiValue,
  lane,
  measure,
  notification,
  objective,
  persona,
  priorityCriterion,
  project,
  projectCost,
  projectKpi,
} from '../../db/schema';
import { makeUser, makeWorkspace, type TestUser } from './factories';
import { makeMapWithKpiLane } from './kpi-fixtures';

export async function makeWorld() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const stranger = await makeUser();
  const otherWs = await makeWorkspace(stranger);
  const { map, stages, lane: kpiLane, textLane } = await makeMapWithKpiLane(ws.id);
  const [emotionLane] = await db.insert(lane).values({ workspaceId: ws.id, mapId: map.id, kind: 'emotions', name: 'Feelings', position: 2 }).returning();
  const [aCard] = await db
    .insert(card)
    .values({ workspaceId: ws.id, mapId: map.id, laneId: textLane.id, stageId: stages[0]!.id, title: 'Note', position: 0 })
    .returning();
  await db.insert(emotionPoint).values({ workspaceId: ws.id, mapId: map.id, laneId: emotionLane!.id, stageId: stages[0]!.id, score: 1 });
  const [aMeasure] = await db
    .insert(measure)
    .values({ workspaceId: ws.id, name: 'NPS', unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10' })
    .returning();
  const [aKpi] = await db
    .insert(kpi)
    .values({ workspaceId: ws.id, mapId: map.id, laneId: kpiLane.id, stageId: stages[0]!.id, measureId: aMeasure!.id, position: 0 })
    .returning();
  const [aValue] = await db.insert(kpiValue).values({ workspaceId: ws.id, kpiId: aKpi!.id, date: '2025-01-31', value: '30' }).returning();
  const [aPersona] = await db.insert(persona).values({ workspaceId: ws.id, name: 'Claire' }).returning();
  const [aProject] = await db.insert(project).values({ workspaceId: ws.id, name: 'Self-service' }).returning();
  const [aCost] = await db
    .insert(projectCost)
    .values({ workspaceId: ws.id, projectId: aProject!.id, label: 'Build', kind: 'one_off', amount: '1000', year: 0 })
    .returning();
  await db.insert(projectKpi).values({ workspaceId: ws.id, projectId: aProject!.id, kpiId: aKpi!.id, share: '1' });
  // A project the KPI is not linked to yet, for the KPI page's link form.
  const [spareProject] = await db.insert(project).values({ workspaceId: ws.id, name: 'Chatbot' }).returning();
  // A scoring criterion, for the prioritisation page's forms.
  const [aCriterion] = await db.insert(priorityCriterion).values({ workspaceId: ws.id, name: 'Strategic fit', position: 0 }).returning();
  const [anInvitation] = await db
    .insert(invitation)
    .values({ workspaceId: ws.id, email: 'guest@example.com', role: 'viewer', tokenHash: `hash-${ws.id}`, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  const [anObjective] = await db
    .insert(objective)
    .values({
      workspaceId: ws.id,
      name: 'Reduce cost to serve',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      targetKind: 'money',
      targetAmount: '400000',
      impactType: 'cost_saving',
    })
    .returning();
  // A shared dashboard of the owner showing the measure.
  const [aDashboard] = await db
    .insert(dashboard)
    .values({ workspaceId: ws.id, name: 'Board', audience: 'top_management', shared: true, ownerId: owner.id })
    .returning();
  await db.insert(dashboardMeasure).values({ workspaceId: ws.id, dashboardId: aDashboard!.id, measureId: aMeasure!.id, position: 0 });
  // A comment thread on the card, and the notification it sent the owner, for the comment forms.
  const [aThread] = await db
    .insert(commentThread)
    .values({ workspaceId: ws.id, targetType: 'card', mapId: map.id, cardId: aCard!.id, authorId: owner.id })
    .returning();
  const [aComment] = await db
    .insert(comment)
    .values({ workspaceId: ws.id, threadId: aThread!.id, authorId: owner.id, body: 'Is this step needed?' })
    .returning();
  const [aNotification] = await db
    .insert(notification)
    .values({ workspaceId: ws.id, recipientId: owner.id, kind: 'reply', threadId: aThread!.id, commentId: aComment!.id })
    .returning();
  const other = await makeMapWithKpiLane(otherWs.id);
  return {
    owner,
    stranger,
    ws,
    otherWs,
    map,
    stages,
    kpiLane,
    textLane,
    emotionLane: emotionLane!,
    card: aCard!,
    measure: aMeasure!,
    dashboard: aDashboard!,
    kpi: aKpi!,
    value: aValue!,
    persona: aPersona!,
    project: aProject!,
    spareProject: spareProject!,
    cost: aCost!,
    criterion: aCriterion!,
    invitation: anInvitation!,
    objective: anObjective!,
    thread: aThread!,
    comment: aComment!,
    notification: aNotification!,
    foreignMapId: other.map.id,
    foreignStageId: other.stages[0]!.id,
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The route params of a route file name, pointing at the world's rows. */
export function worldParams(file: string, w: World): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of file.matchAll(/\$([a-zA-Z]+)/g)) {
    const name = match[1]!;
    params[name] =
      {
        slug: w.ws.slug,
        mapId: w.map.id,
        kpiId: w.kpi.id,
        measureId: w.measure.id,
        projectId: w.project.id,
        objectiveId: w.objective.id,
        dashboardId: w.dashboard.id,
        token: 'some-token',
      }[name] ?? w.map.id;
  }
  return params;
}

/** How many activity rows the workspace has: every write records one. */
export async function activityCount(workspaceId: string) {
  const [row] = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, workspaceId));
  return row!.n;
}

export type { TestUser };
