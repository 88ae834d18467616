// Live updates. A change announces its topics with NOTIFY on one channel inside its transaction, so
// they go out only if it commits, and every app instance hears every change (PostgreSQL, or PGlite
// in one process). Each instance LISTENs once and fans the announcements out to the open live
// streams (Server-Sent Events) of the same workspace; the pages reload what they show.
// Presence rides on the same stream: a stream opened for a map records its viewer (presence.server),
// the instance holding it keeps the record fresh, and a `presence:<map>` announcement makes each
// instance read that map's viewers once and send them to its streams showing that map, and no other.
import { sql } from 'drizzle-orm';
import { db, database, type DatabaseHandle, type Executor } from '#db/client';
import { liveMessage, presenceTopic, readLiveMessage, splitPresence, type LiveTopic } from '~/domain/live-topics';
import { onDrain } from './boot.server';
import { joinMap, leaveMap, listViewers, refreshPresence, sweepPresence, type Viewer } from './presence.server';

export const LIVE_CHANNEL = 'parcours_live';
const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;
/** How often an instance refreshes the presence of its streams and sweeps the expired ones. */
export const PRESENCE_REFRESH_MS = 20_000;

/** Tells live pages, when the transaction commits, what the change touched. */
export async function announce(executor: Executor, workspaceId: string, topics: readonly LiveTopic[]) {
  if (topics.length === 0) return;
  await executor.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${liveMessage(workspaceId, topics)})`);
}

type Listener = (topics: string[]) => void;
type Watcher = (viewers: Viewer[]) => void;

/** A stream showing a map: its presence record. */
export interface Presence {
  id: string;
  workspaceId: string;
  mapId: string;
  userId: string;
}

interface Hub {
  listeners: Map<string, Set<Listener>>;
  /** The database handle listened on (tests swap handles) and how to stop. */
  handle?: DatabaseHandle;
  listening?: Promise<() => Promise<void>>;
  streams: Set<() => void>;
  /** This instance's streams showing a map, by presence id: refreshed together. */
  presences: Map<string, Presence>;
  /** Who to send a map's viewers to, by `<workspace id>:<map id>`. */
  watchers: Map<string, Set<Watcher>>;
  /** The maps whose viewers are being read: `again` when they changed again meanwhile. */
  reading: Map<string, 'once' | 'again'>;
  upkeep?: ReturnType<typeof setInterval>;
}

const globalForHub = globalThis as unknown as { __parcoursLive?: Hub };
const hub: Hub = (globalForHub.__parcoursLive ??= { listeners: new Map(), streams: new Set(), presences: new Map(), watchers: new Map(), reading: new Map() });
// A hub kept from before presence (the dev server reloads modules, not globals) gets its maps.
hub.presences ??= new Map();
hub.watchers ??= new Map();
hub.reading ??= new Map();

function dispatch(payload: string) {
  const message = readLiveMessage(payload);
  if (!message) return;
  const { topics, presenceMaps } = splitPresence(message.t);
  for (const mapId of presenceMaps) sendViewers(message.w, mapId);
  if (topics.length === 0) return;
  for (const listener of hub.listeners.get(message.w) ?? []) listener(topics);
}

const mapKey = (workspaceId: string, mapId: string) => `${workspaceId}:${mapId}`;

/**
 * Reads a map's viewers once for all this instance's streams showing it (none: nothing is read), and
 * once more if they changed while reading, so the last list sent is the current one.
 */
function sendViewers(workspaceId: string, mapId: string) {
  const key = mapKey(workspaceId, mapId);
  if (!hub.watchers.get(key)?.size) return;
  if (hub.reading.has(key)) {
    hub.reading.set(key, 'again');
    return;
  }
  hub.reading.set(key, 'once');
  listViewers(workspaceId, mapId)
    .then((viewers) => {
      for (const watcher of hub.watchers.get(key) ?? []) watcher(viewers);
    })
    // A database blip: the next change or refresh sends the viewers again.
    .catch(() => {})
    .finally(() => {
      const again = hub.reading.get(key) === 'again';
      hub.reading.delete(key);
      if (again) sendViewers(workspaceId, mapId);
    });
}

/**
 * Records that the member's stream shows the map and tells the map's viewers, on every instance;
 * null when the map is not the workspace's (the route answers 404).
 */
export async function openPresence(workspaceId: string, mapId: string, userId: string): Promise<Presence | null> {
  return db.transaction(async (tx) => {
    const id = await joinMap(tx, workspaceId, mapId, userId);
    if (!id) return null;
    await announce(tx, workspaceId, [presenceTopic(mapId)]);
    return { id, workspaceId, mapId, userId };
  });
}

async function closePresence(presence: Presence) {
  await db.transaction(async (tx) => {
    await leaveMap(tx, presence.workspaceId, presence.id);
    await announce(tx, presence.workspaceId, [presenceTopic(presence.mapId)]);
  });
}

/**
 * This instance's upkeep while it holds streams showing maps: one statement refreshes them all; a
 * record swept meanwhile (the instance was stalled) is made again; then the records no instance
 * refreshed for a minute (a dead instance's) go, and their maps' viewers hear it.
 */
export async function presenceUpkeep() {
  const held = [...hub.presences.values()];
  const kept = await refreshPresence(held.map((p) => p.id));
  for (const p of held) {
    if (kept.has(p.id) || !hub.presences.has(p.id)) continue;
    await db.transaction(async (tx) => {
      if (await joinMap(tx, p.workspaceId, p.mapId, p.userId, p.id)) await announce(tx, p.workspaceId, [presenceTopic(p.mapId)]);
    });
  }
  const swept = await sweepPresence();
  for (const { workspaceId, mapId } of swept) await announce(db, workspaceId, [presenceTopic(mapId)]);
}

function watchPresence(presence: Presence, watcher: Watcher) {
  const key = mapKey(presence.workspaceId, presence.mapId);
  let set = hub.watchers.get(key);
  if (!set) hub.watchers.set(key, (set = new Set()));
  set.add(watcher);
  hub.presences.set(presence.id, presence);
  hub.upkeep ??= setInterval(() => void presenceUpkeep().catch(() => {}), PRESENCE_REFRESH_MS);
  // The process may end while streams are open (tests, shutdown): the timer does not hold it.
  hub.upkeep.unref?.();
  // The stream's first list: the announcement of its own arrival may reach this instance before it
  // watched, so it is read for it here too.
  sendViewers(presence.workspaceId, presence.mapId);
  return () => {
    set.delete(watcher);
    if (set.size === 0 && hub.watchers.get(key) === set) hub.watchers.delete(key);
    hub.presences.delete(presence.id);
    if (hub.presences.size === 0 && hub.upkeep) {
      clearInterval(hub.upkeep);
      hub.upkeep = undefined;
    }
    // The clean leave: the others see it at once (a failure leaves the record to expire).
    closePresence(presence).catch(() => {});
  };
}

async function ensureListening() {
  const handle = database();
  if (hub.handle !== handle || !hub.listening) {
    hub.handle = handle;
    hub.listening = handle.listen(LIVE_CHANNEL, dispatch);
    hub.listening.catch(() => {
      // Listen again on the next subscription.
      if (hub.handle === handle) hub.listening = undefined;
    });
  }
  await hub.listening;
}

/** Calls `listener` with the topics of each change committed in the workspace; returns the unsubscribe. */
export async function subscribe(workspaceId: string, listener: Listener): Promise<() => void> {
  await ensureListening();
  let set = hub.listeners.get(workspaceId);
  if (!set) hub.listeners.set(workspaceId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && hub.listeners.get(workspaceId) === set) hub.listeners.delete(workspaceId);
  };
}

/** How many live streams this instance holds open (health and tests). */
export const openStreamCount = () => hub.streams.size;

/**
 * The Server-Sent Events stream of a workspace's changes: `event: change` with `{"topics": [...]}`
 * per committed change, a comment every 25 s so proxies keep the connection, and the end of the
 * stream when the client leaves or the server shuts down. Opened for a map (`presence`, see
 * openPresence), it also sends `event: presence` with `{"viewers": [{id, name}]}`, the map's
 * viewers, at once and whenever they change; its end is the viewer's leave.
 */
export async function liveStream(request: Request, workspaceId: string, presence?: Presence): Promise<Response> {
  const encoder = new TextEncoder();
  let finish = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let done = false;
      const send = (text: string) => {
        if (!done) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = await subscribe(workspaceId, (topics) => send(`event: change\ndata: ${JSON.stringify({ topics })}\n\n`));
      const unwatch = presence ? watchPresence(presence, (viewers) => send(`event: presence\ndata: ${JSON.stringify({ viewers })}\n\n`)) : undefined;
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      finish = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        unsubscribe();
        unwatch?.();
        hub.streams.delete(finish);
        request.signal.removeEventListener('abort', finish);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      hub.streams.add(finish);
      request.signal.addEventListener('abort', finish);
      if (request.signal.aborted) finish();
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
    },
    cancel() {
      finish();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Reverse proxies (nginx) must pass each event on at once.
      'X-Accel-Buffering': 'no',
    },
  });
}

// On shutdown the streams end (browsers reconnect to another instance), or the server would wait.
onDrain(() => {
  for (const finish of [...hub.streams]) finish();
});
