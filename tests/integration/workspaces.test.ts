import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { activity, invitation, membership, workspace } from '../../db/schema';
import * as activityRoute from '~/routes/w.$slug.activity';
import * as home from '~/routes/w.$slug._index';
import * as inviteRoute from '~/routes/invite.$token';
import * as settings from '~/routes/w.$slug.settings/route';
import * as layout from '~/routes/w.$slug';
import * as newWorkspace from '~/routes/workspaces.new';
import * as healthz from '~/routes/healthz';
import { addMember, call, makeUser, makeWorkspace, request } from '../support/factories';
import errorsEn from '~/locales/en/errors.json';

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner, { name: 'Acme Telecom' });
  const viewer = await makeUser();
  await addMember(ws.id, viewer, 'viewer');
  const editor = await makeUser();
  await addMember(ws.id, editor, 'editor');
  return { owner, ws, viewer, editor };
}

const settingsForm = (ws: { name: string; version: number }, overrides: Record<string, string> = {}) => ({
  intent: 'settings',
  name: ws.name,
  currency: 'EUR',
  locale: 'en',
  timeZone: 'UTC',
  version: String(ws.version),
  ...overrides,
});

describe('workspaces', () => {
  it('a signed-in user creates a workspace, becomes its owner, and the creation is logged', async () => {
    const u = await makeUser();
    const res = await call(newWorkspace.action, {
      request: request('/workspaces/new', { user: u, form: { name: 'Équipe CX', currency: 'usd', locale: 'fr' } }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/w/equipe-cx');
    const [ws] = await db.select().from(workspace).where(eq(workspace.slug, 'equipe-cx'));
    expect(ws).toMatchObject({ name: 'Équipe CX', currency: 'USD', locale: 'fr' });
    const [m] = await db.select().from(membership).where(eq(membership.workspaceId, ws!.id));
    expect(m).toMatchObject({ userId: u.id, role: 'owner' });
    const log = await call(activityRoute.loader, { request: request('/w/equipe-cx/activity', { user: u }), params: { slug: 'equipe-cx' } });
    expect(log.data.entries.map((e: { action: string }) => e.action)).toContain('created');
    // A second workspace with the same name gets its own slug.
    const again = await call(newWorkspace.action, {
      request: request('/workspaces/new', { user: u, form: { name: 'Équipe CX', currency: 'EUR', locale: 'en' } }),
    });
    expect(again.headers.get('Location')).toBe('/w/equipe-cx-2');
  });

  it('refuses a bad currency with a 400 beside the field and writes nothing', async () => {
    const { owner, ws } = await setup();
    const res = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: settingsForm(ws, { currency: 'EURO', name: 'Renamed' }) }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error.currency).toEqual(['field.currency']);
    const [row] = await db.select().from(workspace).where(eq(workspace.id, ws.id));
    expect(row!.name).toBe('Acme Telecom');
  });

  it('saves the time zone the layout then hands to every page, and a new workspace takes the one its form sent', async () => {
    const { owner, ws } = await setup();
    expect(ws.timeZone).toBe('UTC');
    const res = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: settingsForm(ws, { timeZone: 'Europe/Paris' }) }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(200);
    const page = await call(layout.loader, { request: request(`/w/${ws.slug}`, { user: owner }), params: { slug: ws.slug } });
    expect(page.data.workspace.timeZone).toBe('Europe/Paris');

    const created = await call(newWorkspace.action, {
      request: request('/workspaces/new', { user: owner, form: { name: 'Équipe Montréal', currency: 'CAD', locale: 'fr', timeZone: 'America/Toronto' } }),
    });
    expect(created.status).toBe(302);
    const [row] = await db.select().from(workspace).where(eq(workspace.slug, 'equipe-montreal'));
    expect(row!.timeZone).toBe('America/Toronto');
  });

  it.each([
    ['Mars/Olympus_Mons', 'field.timeZone'],
    ['europe/paris', 'field.timeZone'],
    ['+02:00', 'field.timeZone'],
    ['Europe/Paris; drop table workspace', 'field.timeZone'],
    ['', 'field.required'],
  ])('refuses the time zone %j with a 400 and a message beside the field, and writes nothing', async (timeZone, message) => {
    const { owner, ws } = await setup();
    const activityBefore = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, ws.id));
    const res = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: settingsForm(ws, { timeZone, name: 'Renamed' }) }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error.timeZone).toEqual([message]);
    expect(errorsEn.field[message.slice('field.'.length) as keyof typeof errorsEn.field]).toBeTruthy();
    const [row] = await db.select().from(workspace).where(eq(workspace.id, ws.id));
    expect(row).toMatchObject({ name: 'Acme Telecom', timeZone: 'UTC', version: ws.version });
    const activityAfter = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, ws.id));
    expect(activityAfter).toEqual(activityBefore);
  });

  it('owners change settings; a save based on an old version is refused and changes nothing', async () => {
    const { owner, ws } = await setup();
    const first = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: settingsForm(ws, { name: 'Acme FR', currency: 'CHF', locale: 'fr' }) }),
      params: { slug: ws.slug },
    });
    expect(first.status).toBe(200);
    const stale = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: settingsForm(ws, { name: 'Stale edit' }) }),
      params: { slug: ws.slug },
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ intent: 'settings', status: 'stale', current: { name: 'Acme FR', version: ws.version + 1 } });
    const [row] = await db.select().from(workspace).where(eq(workspace.id, ws.id));
    expect(row).toMatchObject({ name: 'Acme FR', currency: 'CHF', locale: 'fr', version: ws.version + 1 });
  });

  it('viewers and editors read settings but their writes answer 403', async () => {
    const { ws, viewer, editor } = await setup();
    for (const member of [viewer, editor]) {
      const read = await call(settings.loader, { request: request(`/w/${ws.slug}/settings`, { user: member }), params: { slug: ws.slug } });
      expect(read.status).toBe(200);
      const write = await call(settings.action, {
        request: request(`/w/${ws.slug}/settings`, { user: member, form: settingsForm(ws, { name: 'Hijacked' }) }),
        params: { slug: ws.slug },
      });
      expect(write.status).toBe(403);
    }
    const [row] = await db.select().from(workspace).where(eq(workspace.id, ws.id));
    expect(row!.name).toBe('Acme Telecom');
  });

  it("another workspace's pages answer 404 to a non-member and its data stays untouched", async () => {
    const { ws } = await setup();
    const stranger = await makeUser();
    await makeWorkspace(stranger);
    for (const route of [layout, home, activityRoute, settings]) {
      const res = await call(route.loader, { request: request(`/w/${ws.slug}`, { user: stranger }), params: { slug: ws.slug } });
      expect(res.status).toBe(404);
    }
    const write = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: stranger, form: settingsForm(ws, { name: 'Taken over' }) }),
      params: { slug: ws.slug },
    });
    expect(write.status).toBe(404);
    const [row] = await db.select().from(workspace).where(eq(workspace.id, ws.id));
    expect(row!.name).toBe('Acme Telecom');
  });

  it('keeps one owner: the last owner can neither be demoted nor leave', async () => {
    const { owner, ws, editor } = await setup();
    const demote = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'role', userId: owner.id, role: 'editor' } }),
      params: { slug: ws.slug },
    });
    expect(demote.status).toBe(409);
    expect(demote.data).toMatchObject({ intent: 'role', rowId: owner.id, status: 'invalid', message: 'lastOwner' });
    const leave = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'leave' } }),
      params: { slug: ws.slug },
    });
    expect(leave.status).toBe(409);
    expect(leave.data).toMatchObject({ intent: 'leave', status: 'invalid', message: 'lastOwner' });
    // With a second owner, the first may leave.
    await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'role', userId: editor.id, role: 'owner' } }),
      params: { slug: ws.slug },
    });
    const leaveNow = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'leave' } }),
      params: { slug: ws.slug },
    });
    expect(leaveNow.status).toBe(302);
    const members = await db.select().from(membership).where(eq(membership.workspaceId, ws.id));
    expect(members.find((m) => m.userId === owner.id)).toBeUndefined();
    expect(members.find((m) => m.userId === editor.id)?.role).toBe('owner');
  });

  it('owners remove members; removed members lose access', async () => {
    const { owner, ws, viewer } = await setup();
    const res = await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'remove', userId: viewer.id } }),
      params: { slug: ws.slug },
    });
    expect(res.status).toBe(200);
    const after = await call(home.loader, { request: request(`/w/${ws.slug}`, { user: viewer }), params: { slug: ws.slug } });
    expect(after.status).toBe(404);
  });
});

describe('invitations', () => {
  async function invite(owner: Awaited<ReturnType<typeof makeUser>>, slug: string, email: string, role = 'viewer') {
    const res = await call(settings.action, {
      request: request(`/w/${slug}/settings`, { user: owner, form: { intent: 'invite', email, role } }),
      params: { slug },
    });
    expect(res.status).toBe(200);
    const token = new URL(res.data.link).pathname.split('/').pop()!;
    return token;
  }

  it('stores only the hash; the invited email accepts once and joins with the role', async () => {
    const { owner, ws } = await setup();
    const guest = await makeUser({ email: 'guest@example.com' });
    const token = await invite(owner, ws.slug, 'Guest@Example.com', 'viewer');
    const rows = await db.select().from(invitation).where(eq(invitation.workspaceId, ws.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const page = await call(inviteRoute.loader, { request: request(`/invite/${token}`, { user: guest }), params: { token } });
    expect(page.data.state).toBe('ready');
    const accepted = await call(inviteRoute.action, { request: request(`/invite/${token}`, { user: guest, method: 'POST' }), params: { token } });
    expect(accepted.headers.get('Location')).toBe(`/w/${ws.slug}`);
    const [m] = await db
      .select()
      .from(membership)
      .where(and(eq(membership.workspaceId, ws.id), eq(membership.userId, guest.id)));
    expect(m?.role).toBe('viewer');

    const reused = await call(inviteRoute.loader, { request: request(`/invite/${token}`, { user: guest }), params: { token } });
    expect(reused.data.state).toBe('invalid');
  });

  it('refuses another account, an expired link and a revoked one', async () => {
    const { owner, ws } = await setup();
    const other = await makeUser();
    const token = await invite(owner, ws.slug, 'someone@example.com');
    const wrong = await call(inviteRoute.loader, { request: request(`/invite/${token}`, { user: other }), params: { token } });
    expect(wrong.data.state).toBe('wrong-account');
    await call(inviteRoute.action, { request: request(`/invite/${token}`, { user: other, method: 'POST' }), params: { token } });
    const [{ n }] = (await db
      .select({ n: count() })
      .from(membership)
      .where(and(eq(membership.workspaceId, ws.id), eq(membership.userId, other.id)))) as [{ n: number }];
    expect(n).toBe(0);

    const anonymous = await call(inviteRoute.loader, { request: request(`/invite/${token}`), params: { token } });
    expect(anonymous.data.state).toBe('signed-out');

    await db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitation.workspaceId, ws.id));
    const expired = await call(inviteRoute.loader, { request: request(`/invite/${token}`), params: { token } });
    expect(expired.data.state).toBe('invalid');

    const second = await invite(owner, ws.slug, 'late@example.com');
    const [pending] = await db.select().from(invitation).where(eq(invitation.email, 'late@example.com'));
    await call(settings.action, {
      request: request(`/w/${ws.slug}/settings`, { user: owner, form: { intent: 'revoke', invitationId: pending!.id } }),
      params: { slug: ws.slug },
    });
    const revoked = await call(inviteRoute.loader, { request: request(`/invite/${second}`), params: { token: second } });
    expect(revoked.data.state).toBe('invalid');
    const logged = await db.select().from(activity).where(eq(activity.workspaceId, ws.id));
    expect(logged.map((a) => `${a.entityType}:${a.action}`)).toEqual(expect.arrayContaining(['invitation:created', 'invitation:revoked']));
  });
});

describe('health', () => {
  it('answers 200 when the database is reachable', async () => {
    const res = (await healthz.loader()) as Response;
    expect(res.status).toBe(200);
  });
});
