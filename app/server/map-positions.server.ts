// Positions inside a map: the map-row lock every change of order takes first (so concurrent changes
// on one map queue up), and the helpers that keep each container's positions the sequence 0..n-1.
// Shared by the map editor (stages, lanes, cards) and the KPIs placed in its KPI row.
import { and, eq, sql } from 'drizzle-orm';
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

/** Writes position = index for every id (and optionally a new stage) in one statement. */
export async function writePositions(
  tx: Transaction,
  table: typeof stage | typeof lane | typeof card | typeof kpi,
  workspaceId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return;
  const values = sql.join(
    toPositions(ids).map((p) => sql`(${p.id}::uuid, ${p.position}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${table} set position = v.position from (values ${values}) as v(id, position) where ${table.id} = v.id and ${table.workspaceId} = ${workspaceId} and ${table.position} is distinct from v.position`,
  );
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
