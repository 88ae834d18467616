import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, journeyMap, persona } from '../../db/schema';
import * as personasRoute from '~/routes/w.$slug.personas/route';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;
const post = (user: TestUser, ws: Ws, form: Record<string, string>) =>
  call(personasRoute.action, { request: request(`/w/${ws.slug}/personas`, { user, form }), params: { slug: ws.slug } });

describe('personas', () => {
  it('creates, edits with a version check, lists and deletes; a map keeps going without its persona', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const created = await post(owner, ws, { intent: 'create', name: 'Sophie', description: 'Famille', goals: 'Payer moins', frustrations: 'Frais cachés' });
    expect(created.status).toBe(200);
    const [row] = await db.select().from(persona).where(eq(persona.workspaceId, ws.id));
    expect(row).toMatchObject({ name: 'Sophie', goals: 'Payer moins', version: 1 });
    await db.insert(journeyMap).values({ workspaceId: ws.id, name: 'Carte', personaId: row!.id });
    const list = await call(personasRoute.loader, { request: request(`/w/${ws.slug}/personas`, { user: owner }), params: { slug: ws.slug } });
    expect(list.data.personas[0]).toMatchObject({ name: 'Sophie', mapCount: 1 });

    expect((await post(owner, ws, { intent: 'update', personaId: row!.id, version: '1', name: 'Sophie M.' })).status).toBe(200);
    const stale = await post(owner, ws, { intent: 'update', personaId: row!.id, version: '1', name: 'Écrasée' });
    expect(stale.status).toBe(409);
    expect(stale.data.current).toMatchObject({ name: 'Sophie M.', version: 2 });

    const bad = await post(owner, ws, { intent: 'create', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.name).toEqual(['field.required']);

    expect((await post(owner, ws, { intent: 'delete', personaId: row!.id })).status).toBe(200);
    const [map] = await db.select().from(journeyMap).where(eq(journeyMap.workspaceId, ws.id));
    expect(map!.personaId).toBeNull();
    const log = await db.select().from(activity).where(eq(activity.entityType, 'persona'));
    expect(log.map((l) => l.action).sort()).toEqual(['created', 'deleted', 'updated']);
  });

  it('refuses viewers (403) and another workspace’s persona (404)', async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const viewer = await makeUser();
    await addMember(ws.id, viewer, 'viewer');
    const [p] = await db.insert(persona).values({ workspaceId: ws.id, name: 'Marc' }).returning();
    expect((await post(viewer, ws, { intent: 'create', name: 'X' })).status).toBe(403);
    expect((await call(personasRoute.loader, { request: request(`/w/${ws.slug}/personas`, { user: viewer }), params: { slug: ws.slug } })).status).toBe(200);
    const stranger = await makeUser();
    const other = await makeWorkspace(stranger);
    expect((await post(stranger, other, { intent: 'update', personaId: p!.id, version: '1', name: 'Volé' })).status).toBe(404);
    expect((await post(stranger, other, { intent: 'delete', personaId: p!.id })).status).toBe(404);
    expect((await post(stranger, ws, { intent: 'delete', personaId: p!.id })).status).toBe(404);
    const [still] = await db.select().from(persona).where(eq(persona.id, p!.id));
    expect(still).toMatchObject({ name: 'Marc', version: 1 });
  });
});
