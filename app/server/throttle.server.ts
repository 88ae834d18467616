// Attempt throttling shared by sign-in, sign-up, invitations and share link passwords: a fixed-window counter per key in
// the database (table throttle). Each attempt is counted by ONE upsert that returns the new count,
// BEFORE the work it guards (password check, account creation, token lookup), so parallel requests
// cannot slip past the limit between a check and a write.
import { eq, lt, sql } from 'drizzle-orm';
import { db } from '#db/client';
import { throttle } from '#db/schema';

export interface ThrottleRule {
  /** Part of the key: which counter this is. */
  name: string;
  limit: number;
  windowMs: number;
}

const MINUTE = 60 * 1000;

/** Failed sign-ins from one client address: the rule that stops guessing. */
export const SIGN_IN_PER_ADDRESS: ThrottleRule = { name: 'sign-in:address', limit: 10, windowMs: 15 * MINUTE };
/** Failed sign-ins on one account from anywhere: high, so a stranger cannot lock its owner out. */
export const SIGN_IN_PER_ACCOUNT: ThrottleRule = { name: 'sign-in:account', limit: 100, windowMs: 15 * MINUTE };
/** Sign-up attempts from one client address. */
export const SIGN_UP_PER_ADDRESS: ThrottleRule = { name: 'sign-up:address', limit: 10, windowMs: 60 * MINUTE };
/** Invalid or unusable invitation tokens from one client address. */
export const INVITATION_PER_ADDRESS: ThrottleRule = { name: 'invitation:address', limit: 20, windowMs: 15 * MINUTE };
/** Wrong passwords of one share link from one client address. */
export const SHARE_PASSWORD_PER_LINK_AND_ADDRESS: ThrottleRule = { name: 'share-password:link-address', limit: 10, windowMs: 15 * MINUTE };

const keyOf = (rule: ThrottleRule, subject: string) => `${rule.name}:${subject}`;

export interface ThrottleHit {
  rule: ThrottleRule;
  subject: string;
  count: number;
  /** True when this attempt is past the limit: refuse it without doing the work. */
  exceeded: boolean;
  /** Whole seconds until the window ends and the count starts again (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts one attempt for the subject (an address, an e-mail) and says whether it is past the limit. */
export async function hit(rule: ThrottleRule, subject: string): Promise<ThrottleHit> {
  const expired = sql`${throttle.windowStart} <= now() - make_interval(secs => ${rule.windowMs / 1000})`;
  const [row] = await db
    .insert(throttle)
    .values({ key: keyOf(rule, subject), windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        count: sql`case when ${expired} then 1 else ${throttle.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${throttle.windowStart} end`,
      },
    })
    .returning({
      count: throttle.count,
      retryAfterSeconds: sql<number>`greatest(1, ceil(extract(epoch from ${throttle.windowStart} + make_interval(secs => ${rule.windowMs / 1000}) - now())))::int`,
    });
  const { count, retryAfterSeconds } = row!;
  // A new window: a good moment to forget counters nobody has touched for a day.
  if (count === 1) await db.delete(throttle).where(lt(throttle.windowStart, sql`now() - interval '1 day'`));
  return { rule, subject, count, exceeded: count > rule.limit, retryAfterSeconds };
}

/** Takes back an attempt that turned out not to be a failure (a right password, a valid token). */
export async function undo(h: ThrottleHit) {
  await db
    .update(throttle)
    .set({ count: sql`greatest(${throttle.count} - 1, 0)` })
    .where(eq(throttle.key, keyOf(h.rule, h.subject)));
}

/** Forgets the subject's counter (an account after its owner signed in). */
export async function clear(rule: ThrottleRule, subject: string) {
  await db.delete(throttle).where(eq(throttle.key, keyOf(rule, subject)));
}
