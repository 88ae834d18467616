// What a change touches, as topics a live page listens for: `map:<id>` (a map's content), `kpi:<id>`
// (a KPI's values or settings), `project:<id>` (a project's business case) and `figures` (anything
// the ROI figures depend on: values, targets, projects). `kpi:*` stands for "some KPIs" when a big
// batch touches too many to name, `*` for "anything" (a stream that reconnects may have missed some).
// `notify:<user id>` says that member has a new notification (their bell's count changed).
// `presence:<map id>` says who views a map changed: the server reads the viewers again for the
// streams showing that map, and pages never see the topic itself.

export type LiveTopic = `map:${string}` | `kpi:${string}` | `project:${string}` | `presence:${string}` | `notify:${string}` | 'figures' | '*';

const PRESENCE = 'presence:';

export const presenceTopic = (mapId: string): LiveTopic => `${PRESENCE}${mapId}`;

/** A member's notifications changed (the bell listens to its own). */
export const notificationsTopic = (userId: string): LiveTopic => `notify:${userId}`;

/** A message's topics split: those the pages hear, and the maps whose viewers changed. */
export function splitPresence(topics: readonly string[]): { topics: string[]; presenceMaps: string[] } {
  const rest: string[] = [];
  const maps: string[] = [];
  for (const topic of topics) {
    if (topic.startsWith(PRESENCE)) maps.push(topic.slice(PRESENCE.length));
    else rest.push(topic);
  }
  return { topics: rest, presenceMaps: maps };
}

/** A PostgreSQL NOTIFY payload must stay under 8,000 bytes. */
export const MAX_NOTIFY_BYTES = 7_000;

export interface LiveMessage {
  /** The workspace the change belongs to: a stream only hears its own workspace. */
  w: string;
  t: string[];
}

/** The message for a change: topics once each; KPI topics folded into `kpi:*` if they would not fit. */
export function liveMessage(workspaceId: string, topics: readonly LiveTopic[]): string {
  const unique = [...new Set(topics)];
  const text = JSON.stringify({ w: workspaceId, t: unique } satisfies LiveMessage);
  if (text.length <= MAX_NOTIFY_BYTES) return text;
  const folded = [...unique.filter((t) => !t.startsWith('kpi:')), 'kpi:*'];
  return JSON.stringify({ w: workspaceId, t: folded } satisfies LiveMessage);
}

/** Reads a NOTIFY payload; anything else (another sender on the channel, a cut payload) is null. */
export function readLiveMessage(payload: string): LiveMessage | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const { w, t } = value as Record<string, unknown>;
    if (typeof w !== 'string' || !Array.isArray(t) || !t.every((x) => typeof x === 'string')) return null;
    return { w, t };
  } catch {
    return null;
  }
}

/** What a page shows, by topic: does a change with these topics concern it? */
export interface LiveInterest {
  mapId?: string;
  kpiIds?: readonly string[];
  projectId?: string;
  figures?: boolean;
  /** The signed-in member: their own notifications. */
  userId?: string;
}

export function concerns(topics: readonly string[], interest: LiveInterest): boolean {
  return topics.some((topic) => {
    if (topic === '*') return true;
    if (topic === 'figures') return !!interest.figures;
    if (topic === 'kpi:*') return !!interest.kpiIds?.length || !!interest.figures;
    if (topic.startsWith('kpi:')) return !!interest.kpiIds?.includes(topic.slice(4));
    if (topic.startsWith('map:')) return interest.mapId === topic.slice(4);
    if (topic.startsWith('project:')) return interest.projectId === topic.slice(8);
    if (topic.startsWith('notify:')) return interest.userId === topic.slice(7);
    return false;
  });
}
