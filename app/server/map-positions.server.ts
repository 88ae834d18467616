// Positions inside a map: the map-row lock every change of order takes first (so concurrent changes
// on one map queue up), and the helpers that keep each container's positions the sequence 0..n-1.
// Shared by the map editor (stages, lanes, cards) and the KPIs placed in its KPI row.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '#db/client';
import { type card, journeyMap, type kpi, type lane, type stage } from '#db/schema';
import { normalise, toPositions } from '~/domain/ordering';
import { announce } from './live.server';

/**
 * Locks the map row until the transaction ends, and tells the map's live viewers that it changes
 * (heard when the transaction commits); null when the map is not in this workspace.
 */
export async function lockMap(tx: Transaction, workspaceId: string, mapId: string) {
  const [row] = await tx
    .select({ id: journeyMap.id, name: journeyMap.name })
    .from(journeyMap)
    .where(and(eq(journeyMap.id, mapId), eq(journeyMap.workspaceId, workspaceId)))
    .for('update');
  if (row) await announce(tx, workspaceId, [`map:${mapId}`]);
  return row ?? null;
}

/** A row whose position a write changed. */
export interface PositionChange {
  id: string;
  before: number;
  after: number;
}

/**
 * Writes position = index for every id whose position differs, in one statement, and says which
 * rows changed and from where (the map's history records them).
 */
export async function writePositions(
  tx: Transaction,
  table: typeof stage | typeof lane | typeof card | typeof kpi,
  workspaceId: string,
  ids: readonly string[],
): Promise<PositionChange[]> {
  if (ids.length === 0) return [];
  const t = table as typeof card;
  const rows = await tx
    .select({ id: t.id, position: t.position })
    .from(t)
    .where(and(eq(t.workspaceId, workspaceId), inArray(t.id, [...ids])));
  const was = new Map(rows.map((r) => [r.id, r.position]));
  const changes = toPositions(ids)
    .filter((p) => was.has(p.id) && was.get(p.id) !== p.position)
    .map((p) => ({ id: p.id, before: was.get(p.id)!, after: p.position }));
  if (changes.length === 0) return [];
  const values = sql.join(
    changes.map((p) => sql`(${p.id}::uuid, ${p.after}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${table} set position = v.position from (values ${values}) as v(id, position) where ${table.id} = v.id and ${table.workspaceId} = ${workspaceId}`,
  );
  return changes;
}

export async function orderedIds(tx: Transaction, table: typeof stage | typeof lane, workspaceId: string, mapId: string) {
  const rows = await tx
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.mapId, mapId)));
  return normalise(rows);
}

export async function cellIds(tx: Transaction, table: typeof card | typeof kpi, workspaceId: string, laneId: string, stageId: string) {
  const rows = await tx
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.laneId, laneId), eq(table.stageId, stageId)));
  return normalise(rows);
}
