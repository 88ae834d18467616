// Read-only share links of a map, a project's business case or the executive summary. Editors
// create one (the token is returned once: only its SHA-256 is stored), list those of an object and
// revoke them; every one of those queries takes the workspace id. The public page finds its link by
// the token alone (that is how it learns the workspace), checks a password behind a throttle, and
// proves a right password with a cookie whose MAC is keyed by the link's own password hash, so no
// server-wide secret is needed and the proof is worthless for any other link.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Executor } from '#db/client';
import { journeyMap, project, shareLink, user, workspace } from '#db/schema';
import {
  formatUnlockProof,
  isShareToken,
  LAST_OPENED_GRANULARITY_MS,
  parseUnlockProof,
  readCookie,
  shouldStampOpened,
  unlockCookieName,
  unlockedUntil,
} from '~/domain/share-links';
import type { ShareKind } from '~/domain/vocabulary';
import { recordActivity } from './activity.server';
import { secureCookieFor } from './auth.server';
import { hashPassword, verifyPassword } from './passwords.server';
import { NOT_FOUND, ok, type Result } from './result.server';
import { hit, SHARE_PASSWORD_PER_LINK_AND_ADDRESS, undo } from './throttle.server';

/** What a link opens: one map, one project's business case, or the workspace's summary. */
export type ShareTarget = { kind: 'map'; id: string } | { kind: 'project'; id: string } | { kind: 'summary' };

/** The newest links a panel lists; an object with more says so (links are few in practice). */
export const SHARE_LIST_LIMIT = 50;

export const hashShareToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The links of one target: the kind, and the target's own column (the summary has none). */
function ofTarget(target: ShareTarget) {
  if (target.kind === 'map') return and(eq(shareLink.kind, 'map'), eq(shareLink.mapId, target.id));
  if (target.kind === 'project') return and(eq(shareLink.kind, 'project'), eq(shareLink.projectId, target.id));
  return eq(shareLink.kind, 'summary');
}

/**
 * The target's name when it is the workspace's (the summary is always there), else null. `lock`
 * holds the row until the transaction ends, so it cannot be deleted under a new link.
 */
async function targetName(workspaceId: string, target: ShareTarget, executor: Executor = db, lock = false): Promise<string | null> {
  if (target.kind === 'summary') return 'summary';
  const table = target.kind === 'map' ? journeyMap : project;
  const query = executor
    .select({ name: table.name })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, target.id)));
  const [row] = await (lock ? query.for('key share') : query);
  return row?.name ?? null;
}

export interface ShareLinkListItem {
  id: string;
  creatorName: string | null;
  createdAt: Date;
  lastOpenedAt: Date | null;
  expiresAt: Date | null;
  hasPassword: boolean;
}

/** The share panel: the target's name and its links not revoked, newest first (never a hash). */
export async function listShareLinks(workspaceId: string, target: ShareTarget): Promise<Result<{ name: string; links: ShareLinkListItem[]; more: boolean }>> {
  const [name, rows] = await Promise.all([
    targetName(workspaceId, target),
    db
      .select({
        id: shareLink.id,
        creatorName: user.displayName,
        createdAt: shareLink.createdAt,
        lastOpenedAt: shareLink.lastOpenedAt,
        expiresAt: shareLink.expiresAt,
        hasPassword: sql<boolean>`${shareLink.passwordHash} is not null`,
      })
      .from(shareLink)
      .leftJoin(user, eq(user.id, shareLink.createdBy))
      .where(and(eq(shareLink.workspaceId, workspaceId), ofTarget(target), isNull(shareLink.revokedAt)))
      .orderBy(desc(shareLink.createdAt), desc(shareLink.id))
      .limit(SHARE_LIST_LIMIT + 1),
  ]);
  if (name === null) return NOT_FOUND;
  return ok({ name, links: rows.slice(0, SHARE_LIST_LIMIT), more: rows.length > SHARE_LIST_LIMIT });
}

const activitySummary = (target: ShareTarget, name: string) => (target.kind === 'summary' ? 'summary' : `${target.kind}: ${name}`);

/** Creates a link; the token travels once, in the answer. A target outside the workspace is not found. */
export async function createShareLink(
  workspaceId: string,
  actorId: string,
  target: ShareTarget,
  input: { expiresAt: Date | null; password: string | undefined },
): Promise<Result<{ id: string; token: string }>> {
  const token = randomBytes(32).toString('base64url');
  // Hashed before the transaction: argon2 takes tens of milliseconds no lock needs to wait for.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const name = await targetName(workspaceId, target, tx, true);
    if (name === null) return NOT_FOUND;
    const [row] = await tx
      .insert(shareLink)
      .values({
        workspaceId,
        kind: target.kind,
        mapId: target.kind === 'map' ? target.id : null,
        projectId: target.kind === 'project' ? target.id : null,
        tokenHash: hashShareToken(token),
        passwordHash,
        expiresAt: input.expiresAt,
        createdBy: actorId,
      })
      .returning({ id: shareLink.id });
    await recordActivity(tx, { workspaceId, actorId, entityType: 'share_link', entityId: row!.id, action: 'created', summary: activitySummary(target, name) });
    return ok({ id: row!.id, token });
  });
}

/** Revokes a link of this target: it answers 404 from the next request on. */
export async function revokeShareLink(workspaceId: string, actorId: string, target: ShareTarget, linkId: string): Promise<Result> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(shareLink)
      .set({ revokedAt: new Date() })
      .where(and(eq(shareLink.workspaceId, workspaceId), eq(shareLink.id, linkId), ofTarget(target), isNull(shareLink.revokedAt)))
      .returning({ id: shareLink.id });
    if (!row) return NOT_FOUND;
    const name = (await targetName(workspaceId, target, tx)) ?? '';
    await recordActivity(tx, { workspaceId, actorId, entityType: 'share_link', entityId: linkId, action: 'revoked', summary: activitySummary(target, name) });
    return ok();
  });
}

// ---------------------------------------------------------------- the public page

export interface OpenShareLink {
  id: string;
  kind: ShareKind;
  mapId: string | null;
  projectId: string | null;
  passwordHash: string | null;
  expiresAt: Date | null;
  lastOpenedAt: Date | null;
  workspace: { id: string; name: string; currency: string; timeZone: string; figuresRevision: number };
}

/** The link behind a token when it is neither revoked nor expired; null otherwise (one answer for all). */
export async function findOpenShareLink(token: string | undefined): Promise<OpenShareLink | null> {
  if (!isShareToken(token)) return null;
  const [row] = await db
    .select({
      id: shareLink.id,
      kind: shareLink.kind,
      mapId: shareLink.mapId,
      projectId: shareLink.projectId,
      passwordHash: shareLink.passwordHash,
      expiresAt: shareLink.expiresAt,
      lastOpenedAt: shareLink.lastOpenedAt,
      workspace: {
        id: workspace.id,
        name: workspace.name,
        currency: workspace.currency,
        timeZone: workspace.timeZone,
        figuresRevision: workspace.figuresRevision,
      },
    })
    .from(shareLink)
    .innerJoin(workspace, eq(workspace.id, shareLink.workspaceId))
    .where(
      and(eq(shareLink.tokenHash, hashShareToken(token)), isNull(shareLink.revokedAt), or(isNull(shareLink.expiresAt), gt(shareLink.expiresAt, sql`now()`))),
    );
  return row ?? null;
}

/** Notes that the link was opened, at most once a minute (the condition is checked again in SQL for parallel views). */
export async function stampOpened(link: OpenShareLink, now = new Date()) {
  if (!shouldStampOpened(link.lastOpenedAt, now)) return;
  await db
    .update(shareLink)
    .set({ lastOpenedAt: sql`now()` })
    .where(
      and(
        eq(shareLink.id, link.id),
        or(isNull(shareLink.lastOpenedAt), lt(shareLink.lastOpenedAt, sql`now() - make_interval(secs => ${LAST_OPENED_GRANULARITY_MS / 1000})`)),
      ),
    );
}

function unlockMac(link: { id: string; passwordHash: string }, untilSeconds: number) {
  return createHmac('sha256', link.passwordHash).update(`share-unlock:${link.id}:${untilSeconds}`).digest('base64url');
}

/** True when the link has no password, or the request carries a valid proof that it was given. */
export function isUnlocked(request: Request, link: OpenShareLink, now = new Date()): boolean {
  if (!link.passwordHash) return true;
  const proof = parseUnlockProof(readCookie(request.headers.get('Cookie'), unlockCookieName(link.id)));
  if (!proof || proof.untilSeconds * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(unlockMac({ id: link.id, passwordHash: link.passwordHash }, proof.untilSeconds));
  const given = Buffer.from(proof.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type UnlockResult = { status: 'ok'; cookie: string } | { status: 'wrong' } | { status: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a password behind a counter of attempts per link and client address, counted before the
 * check (so parallel guesses cannot slip past it) and taken back when the password was right. A right
 * password answers the Set-Cookie of the proof: HttpOnly, SameSite=Lax, sent only to share pages.
 */
export async function tryPassword(request: Request, link: OpenShareLink, password: string, clientAddress: string | null): Promise<UnlockResult> {
  if (!link.passwordHash) return { status: 'wrong' };
  const attempt = await hit(SHARE_PASSWORD_PER_LINK_AND_ADDRESS, `${link.id}:${clientAddress ?? 'unknown'}`);
  if (attempt.exceeded) return { status: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
  if (!(await verifyPassword(link.passwordHash, password))) return { status: 'wrong' };
  await undo(attempt);
  const now = new Date();
  const until = unlockedUntil(now, link.expiresAt);
  const untilSeconds = Math.floor(until.getTime() / 1000);
  const value = formatUnlockProof(untilSeconds, unlockMac({ id: link.id, passwordHash: link.passwordHash }, untilSeconds));
  const maxAge = Math.max(0, untilSeconds - Math.floor(now.getTime() / 1000));
  // Path /s/: the page's data requests (/s/<token>.data) must carry it too, which a path of the
  // token itself would not match; the name keeps each link's proof apart.
  const attributes = [`Path=/s/`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax', ...(secureCookieFor(request) ? ['Secure'] : [])];
  return { status: 'ok', cookie: [`${unlockCookieName(link.id)}=${value}`, ...attributes].join('; ') };
}
