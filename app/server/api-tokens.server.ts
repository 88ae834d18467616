// API tokens of a workspace: create (the secret is returned once, only its SHA-256 is stored), list,
// revoke, and find the usable token behind a secret. Every query takes the workspace id, except the
// lookup by secret, which is how a call finds its workspace.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { db } from '#db/client';
import { apiToken, user } from '#db/schema';
import type { ApiScope } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { NOT_FOUND, ok, type Result } from './result.server';

export const API_TOKEN_PREFIX = 'pk_';

export const hashApiToken = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function createApiToken(
  workspaceId: string,
  actorId: string,
  input: { name: string; scope: ApiScope; expiresAt: Date | null },
): Promise<{ id: string; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ workspaceId, name: input.name, scope: input.scope, tokenHash: hashApiToken(secret), createdBy: actorId, expiresAt: input.expiresAt })
      .returning({ id: apiToken.id });
    await recordActivity(tx, {
      workspaceId,
      actorId,
      entityType: 'api_token',
      entityId: row!.id,
      action: 'created',
      summary: `${input.name} (${input.scope})`,
    });
    return { id: row!.id, secret };
  });
}

/** The settings list: every token not revoked, newest first (never the hash). */
export async function listApiTokens(workspaceId: string) {
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      scope: apiToken.scope,
      creatorName: user.displayName,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      expiresAt: apiToken.expiresAt,
    })
    .from(apiToken)
    .leftJoin(user, eq(user.id, apiToken.createdBy))
    .where(and(eq(apiToken.workspaceId, workspaceId), isNull(apiToken.revokedAt)))
    .orderBy(desc(apiToken.createdAt));
}

export async function revokeApiToken(workspaceId: string, actorId: string, tokenId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiToken)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiToken.workspaceId, workspaceId), eq(apiToken.id, tokenId), isNull(apiToken.revokedAt)))
      .returning({ name: apiToken.name });
    if (!row) return NOT_FOUND;
    await recordActivity(tx, { workspaceId, actorId, entityType: 'api_token', entityId: tokenId, action: 'revoked', summary: row.name });
    return ok();
  });
}

export interface UsableToken {
  id: string;
  workspaceId: string;
  name: string;
  scope: ApiScope;
}

/** The token behind a secret when it is neither revoked nor expired; its last use is stamped. */
export async function findUsableToken(secret: string): Promise<UsableToken | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const now = new Date();
  const [row] = await db
    .update(apiToken)
    .set({ lastUsedAt: now })
    .where(and(eq(apiToken.tokenHash, hashApiToken(secret)), isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now))))
    .returning({ id: apiToken.id, workspaceId: apiToken.workspaceId, name: apiToken.name, scope: apiToken.scope });
  return row ?? null;
}
