// Live updates. A change announces its topics with NOTIFY on one channel inside its transaction, so
// they go out only if it commits, and every app instance hears every change (PostgreSQL, or PGlite
// in one process). Each instance LISTENs once and fans the announcements out to the open live
// streams (Server-Sent Events) of the same workspace; the pages reload what they show.
import { sql } from 'drizzle-orm';
import { database, type DatabaseHandle, type Executor } from '#db/client';
import { liveMessage, readLiveMessage, type LiveTopic } from '~/domain/live-topics';
import { onDrain } from './boot.server';

export const LIVE_CHANNEL = 'parcours_live';
const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/** Tells live pages, when the transaction commits, what the change touched. */
export async function announce(executor: Executor, workspaceId: string, topics: readonly LiveTopic[]) {
  if (topics.length === 0) return;
  await executor.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${liveMessage(workspaceId, topics)})`);
}

type Listener = (topics: string[]) => void;

interface Hub {
  listeners: Map<string, Set<Listener>>;
  /** The database handle listened on (tests swap handles) and how to stop. */
  handle?: DatabaseHandle;
  listening?: Promise<() => Promise<void>>;
  streams: Set<() => void>;
}

const globalForHub = globalThis as unknown as { __parcoursLive?: Hub };
const hub: Hub = (globalForHub.__parcoursLive ??= { listeners: new Map(), streams: new Set() });

function dispatch(payload: string) {
  const message = readLiveMessage(payload);
  if (!message) return;
  for (const listener of hub.listeners.get(message.w) ?? []) listener(message.t);
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
 * stream when the client leaves or the server shuts down.
 */
export async function liveStream(request: Request, workspaceId: string): Promise<Response> {
  const encoder = new TextEncoder();
  let finish = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let done = false;
      const send = (text: string) => {
        if (!done) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = await subscribe(workspaceId, (topics) => send(`event: change\ndata: ${JSON.stringify({ topics })}\n\n`));
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      finish = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        unsubscribe();
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
