// Workspaces, their members and invitations. Every query takes the workspace id.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '#db/client';
import { invitation, membership, user, workspace } from '#db/schema';
import { slugify } from '~/domain/names';
import type { Locale, Role } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { NOT_FOUND, invalid, ok, stale, type Result } from './result.server';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export async function listWorkspacesForUser(userId: string) {
  return db
    .select({ id: workspace.id, name: workspace.name, slug: workspace.slug, role: membership.role })
    .from(membership)
    .innerJoin(workspace, eq(workspace.id, membership.workspaceId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(workspace.name));
}

export async function createWorkspace(userId: string, input: { name: string; currency: string; locale: Locale; timeZone?: string }) {
  const base = slugify(input.name);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ slug: workspace.slug })
      .from(workspace)
      .where(sql`${workspace.slug} = ${base} or ${workspace.slug} like ${`${base}-%`}`);
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const [created] = await tx
      .insert(workspace)
      .values({ name: input.name.trim(), slug, currency: input.currency, locale: input.locale, timeZone: input.timeZone })
      .returning();
    await tx.insert(membership).values({ workspaceId: created!.id, userId, role: 'owner' });
    await recordActivity(tx, {
      workspaceId: created!.id,
      actorId: userId,
      entityType: 'workspace',
      entityId: created!.id,
      action: 'created',
      summary: created!.name,
    });
    return created!;
  });
}

export async function updateWorkspaceSettings(
  workspaceId: string,
  actorId: string,
  input: { name: string; currency: string; locale: Locale; timeZone: string; version: number },
) {
  return db.transaction(async (tx) => {
    // A save based on an old version is refused with the current settings.
    const [updated] = await tx
      .update(workspace)
      .set({ name: input.name.trim(), currency: input.currency, locale: input.locale, timeZone: input.timeZone, version: sql`${workspace.version} + 1` })
      .where(and(eq(workspace.id, workspaceId), eq(workspace.version, input.version)))
      .returning();
    if (!updated) {
      const [current] = await tx
        .select({ name: workspace.name, currency: workspace.currency, locale: workspace.locale, timeZone: workspace.timeZone, version: workspace.version })
        .from(workspace)
        .where(eq(workspace.id, workspaceId));
      return current ? stale(current) : NOT_FOUND;
    }
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'updated',
      summary: `${updated.name} · ${updated.currency} · ${updated.locale} · ${updated.timeZone}`,
    });
    return ok(updated);
  });
}

export async function listMembers(workspaceId: string) {
  return db
    .select({ userId: user.id, email: user.email, displayName: user.displayName, role: membership.role })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.workspaceId, workspaceId))
    .orderBy(asc(user.displayName));
}

/** Changes a member's role, or removes them (role null), keeping at least one owner (refused, 'lastOwner'). */
export async function setMemberRole(workspaceId: string, actorId: string, memberId: string, role: Role | null): Promise<Result> {
  return db.transaction(async (tx) => {
    // Lock the workspace's memberships so two owners demoting each other cannot both succeed.
    const members = await tx
      .select({ userId: membership.userId, role: membership.role, displayName: user.displayName })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(membership.workspaceId, workspaceId))
      .for('update', { of: membership });
    const target = members.find((m) => m.userId === memberId);
    if (!target) return NOT_FOUND;
    const owners = members.filter((m) => m.role === 'owner').length;
    if (target.role === 'owner' && role !== 'owner' && owners <= 1) return invalid('', 'lastOwner', { conflict: true });
    if (role) {
      await tx
        .update(membership)
        .set({ role })
        .where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, memberId)));
    } else {
      await tx.delete(membership).where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, memberId)));
    }
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'member',
      entityId: memberId,
      action: role ? 'role_changed' : memberId === actorId ? 'left' : 'removed',
      summary: role ? `${target.displayName}: ${target.role} → ${role}` : target.displayName,
    });
    return ok();
  });
}

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates an invitation and returns the raw token (only its hash is stored). */
export async function createInvitation(workspaceId: string, actorId: string, email: string, role: Role) {
  const token = randomBytes(24).toString('base64url');
  const normalised = email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await tx.insert(invitation).values({
      workspaceId,
      email: normalised,
      role,
      tokenHash: hashToken(token),
      invitedBy: actorId,
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    });
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'invitation',
      entityId: normalised,
      action: 'created',
      summary: `${normalised} (${role})`,
    });
  });
  return token;
}

export async function listPendingInvitations(workspaceId: string) {
  return db
    .select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt })
    .from(invitation)
    .where(and(eq(invitation.workspaceId, workspaceId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, new Date())))
    .orderBy(asc(invitation.email));
}

export async function revokeInvitation(workspaceId: string, actorId: string, invitationId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitation)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitation.workspaceId, workspaceId), eq(invitation.id, invitationId), isNull(invitation.acceptedAt)))
      .returning();
    if (!row) return NOT_FOUND;
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'invitation',
      entityId: row.email,
      action: 'revoked',
      summary: row.email,
    });
    return ok();
  });
}

/** The invitation a token designates, if it is still usable. */
export async function findUsableInvitation(token: string) {
  const [row] = await db
    .select({ invitation, workspaceName: workspace.name, workspaceSlug: workspace.slug })
    .from(invitation)
    .innerJoin(workspace, eq(workspace.id, invitation.workspaceId))
    .where(eq(invitation.tokenHash, hashToken(token)));
  if (!row) return null;
  const inv = row.invitation;
  if (inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= Date.now()) return null;
  return { ...inv, workspaceName: row.workspaceName, workspaceSlug: row.workspaceSlug };
}

/** Accepts an invitation for the signed-in user; the invitation is single-use. */
export async function acceptInvitation(token: string, userId: string, userEmail: string) {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitation)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitation.tokenHash, hashToken(token)),
          isNull(invitation.acceptedAt),
          isNull(invitation.revokedAt),
          gt(invitation.expiresAt, new Date()),
          eq(invitation.email, userEmail.toLowerCase()),
        ),
      )
      .returning();
    if (!inv) return null;
    await tx.insert(membership).values({ workspaceId: inv.workspaceId, userId, role: inv.role }).onConflictDoNothing();
    await recordActivity(tx, {
      workspaceId: inv.workspaceId,
      actorId: userId,
      entityType: 'member',
      entityId: userId,
      action: 'joined',
      summary: `${inv.email} (${inv.role})`,
    });
    const [ws] = await tx.select({ slug: workspace.slug }).from(workspace).where(eq(workspace.id, inv.workspaceId));
    return ws!.slug;
  });
}
