// Personas of a workspace: who a journey map is about. Every query takes the workspace id.
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { persona } from '#db/schema';
import { recordActivity } from './activity.server';
import { NOT_FOUND, ok, stale, type Result } from './result.server';

export interface PersonaInput {
  name: string;
  description: string;
  goals: string;
  frustrations: string;
}

const columns = {
  id: persona.id,
  name: persona.name,
  description: persona.description,
  goals: persona.goals,
  frustrations: persona.frustrations,
  version: persona.version,
};

/** Personas with the number of maps that use each, in one query. */
export async function listPersonas(workspaceId: string) {
  return db
    .select({
      ...columns,
      mapCount: sql<number>`(select count(*) from "journey_map" m where m.persona_id = "persona"."id" and m.workspace_id = ${workspaceId})::int`,
    })
    .from(persona)
    .where(eq(persona.workspaceId, workspaceId))
    .orderBy(asc(persona.name));
}

export async function createPersona(workspaceId: string, actorId: string, input: PersonaInput): Promise<Result<string>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(persona)
      .values({ workspaceId, ...input })
      .returning({ id: persona.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'persona', entityId: row!.id, action: 'created', summary: input.name });
    return ok(row!.id);
  });
}

export async function updatePersona(
  workspaceId: string,
  actorId: string,
  personaId: string,
  version: number,
  input: PersonaInput,
): Promise<Result<undefined, { id: string; name: string; description: string; goals: string; frustrations: string; version: number }>> {
  return db.transaction(async (tx) => {
    const where = and(eq(persona.id, personaId), eq(persona.workspaceId, workspaceId));
    const [row] = await tx
      .update(persona)
      .set({ ...input, version: sql`${persona.version} + 1` })
      .where(and(where, eq(persona.version, version)))
      .returning({ id: persona.id });
    if (!row) {
      const [current] = await tx.select(columns).from(persona).where(where);
      return current ? stale(current) : NOT_FOUND;
    }
    await recordActivity(tx, { workspaceId, actorId, entityType: 'persona', entityId: personaId, action: 'updated', summary: input.name });
    return ok();
  });
}

/** Deletes a persona; maps that used it keep going without one. */
export async function deletePersona(workspaceId: string, actorId: string, personaId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(persona)
      .where(and(eq(persona.id, personaId), eq(persona.workspaceId, workspaceId)))
      .returning({ id: persona.id, name: persona.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'persona', entityId: row.id, action: 'deleted', summary: row.name });
    return ok();
  });
}
