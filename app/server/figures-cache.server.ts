// Computed portfolio figures kept between requests, never stale by construction: every entry is keyed
// by the workspace's figures revision, which the DATABASE bumps on every write to a table the figures
// read (statement triggers of the summary-cache-triggers migration), whatever the write path (server
// modules, imports, the API, raw SQL). A request reads the revision (one cheap query, or none when
// the access guard already read the workspace row) and either finds its entry or computes it. Several
// app instances stay correct: the revision lives in the database, each keeps its own entries.
import { eq } from 'drizzle-orm';
import { db } from '#db/client';
import { workspace } from '#db/schema';
import { todayIn } from '~/lib/time-zone';

/** Entries kept (about two per recently viewed workspace and filter); the oldest-used go first. */
export const FIGURES_CACHE_SIZE = 50;

interface Entry {
  revision: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();

/** How many roll-ups the cache computed and served (tests). */
export const figuresCacheStats = { computed: 0, served: 0 };

/** The workspace's figures revision and today's date in its time zone: one query. */
export async function figuresState(workspaceId: string): Promise<{ revision: number; today: string }> {
  const [row] = await db.select({ revision: workspace.figuresRevision, timeZone: workspace.timeZone }).from(workspace).where(eq(workspace.id, workspaceId));
  return { revision: row?.revision ?? 0, today: todayIn(row?.timeZone ?? 'UTC') };
}

/**
 * The value cached under (kind, workspace, revision, parts), computed once when missing. Concurrent
 * requests for the same key share one computation; a failed one is forgotten. Entries of an older
 * revision of the same workspace and kind are dropped when a newer one is stored: they can never be
 * served again.
 */
export function cachedFigures<T>(
  kind: string,
  workspaceId: string,
  revision: number,
  parts: readonly (string | undefined)[],
  compute: () => Promise<T>,
): Promise<T> {
  const key = JSON.stringify([kind, workspaceId, revision, ...parts]);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    figuresCacheStats.served++;
    return hit.value as Promise<T>;
  }
  figuresCacheStats.computed++;
  const value = compute();
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  const prefix = JSON.stringify([kind, workspaceId]).slice(0, -1);
  for (const [k, e] of entries) if (e.revision < revision && k.startsWith(prefix)) entries.delete(k);
  entries.set(key, { revision, value });
  if (entries.size > FIGURES_CACHE_SIZE) entries.delete(entries.keys().next().value!);
  return value;
}

/** Forget every entry (tests that time a computation). */
export function clearFiguresCache() {
  entries.clear();
}
