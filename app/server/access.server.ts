// The one guard every workspace loader and action goes through: it resolves the workspace from the
// URL slug and the signed-in user's membership, and checks the role. A workspace the user is not a
// member of answers 404, so its existence is not revealed.
import { and, eq } from 'drizzle-orm';
import { db } from '#db/client';
import { membership, workspace } from '#db/schema';
import { roleAtLeast } from '~/domain/roles';
import type { Role } from '~/domain/vocabulary';
import { requireUser } from './auth.server';
import { forbidden, notFound } from './http.server';
import { oncePerRequest } from './request-context.server';

export async function requireMember(request: Request, slug: string | undefined, needed: Role = 'viewer') {
  const { user, session } = await requireUser(request);
  if (!slug) throw notFound();
  // The layout and the page both guard themselves: one query per request (request-context.server.ts).
  const row = await oncePerRequest(`member:${user.id}:${slug}`, () => membershipOf(user.id, slug));
  if (!row) throw notFound();
  if (!roleAtLeast(row.role, needed)) throw forbidden();
  return { user, session, workspace: row.workspace, role: row.role };
}

async function membershipOf(userId: string, slug: string) {
  const [row] = await db
    .select({ workspace, role: membership.role })
    .from(workspace)
    .innerJoin(membership, and(eq(membership.workspaceId, workspace.id), eq(membership.userId, userId)))
    .where(eq(workspace.slug, slug));
  return row ?? null;
}

export type MemberContext = Awaited<ReturnType<typeof requireMember>>;
