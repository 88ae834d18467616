// Throttling of sign-in, sign-up and invitations: counted per client address (Remix's load context,
// set by our HTTP server from the socket) and, for sign-in, per account with a much higher limit.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { throttle } from '../../db/schema';
import * as inviteRoute from '~/routes/invite.$token';
import * as login from '~/routes/login';
import * as signup from '~/routes/signup';
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_UP_PER_ADDRESS, INVITATION_PER_ADDRESS } from '~/server/throttle.server';
import { createInvitation } from '~/server/workspaces.server';
import { call, makeUser, makeWorkspace, request } from '../support/factories';

let addressSeq = 0;
/** A client address of its own for each test (TEST-NET-3). */
const newAddress = () => `203.0.113.${++addressSeq}`;

function signInFrom(clientAddress: string, email: string, password: string) {
  return call(login.action, { request: request('/login', { form: { email, password } }), context: { clientAddress } });
}

describe('sign-in throttle', () => {
  it(`40 parallel wrong guesses on one account from one address get exactly ${SIGN_IN_PER_ADDRESS.limit} password checks`, async () => {
    const u = await makeUser({ password: 'right-password' });
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signInFrom(address, u.email, `wrong-guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(SIGN_IN_PER_ADDRESS.limit);
    expect(statuses.filter((s) => s !== 429 && s !== 400)).toEqual([]);
    // And the right password from that address is refused too, without being checked.
    expect((await signInFrom(address, u.email, 'right-password')).status).toBe(429);
  });

  it("a stranger's failures do not lock the owner out from another address", async () => {
    const u = await makeUser({ password: 'right-password' });
    const stranger = newAddress();
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.limit; i++) expect((await signInFrom(stranger, u.email, `wrong-${i}-x`)).status).toBe(400);
    const blocked = await signInFrom(stranger, u.email, 'wrong-again');
    expect(blocked.status).toBe(429);
    expect(blocked.data.error['']).toEqual(['throttled']);
    const owner = await signInFrom(newAddress(), u.email, 'right-password');
    expect(owner.status).toBe(302);
  });

  it('30 e-mails tried from one address are throttled after 10 failures', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signInFrom(address, `nobody-${i}-${address}@example.com`, 'whatever-x')).status);
    expect(statuses.slice(0, SIGN_IN_PER_ADDRESS.limit).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(SIGN_IN_PER_ADDRESS.limit).every((s) => s === 429)).toBe(true);
  });

  it('a right password takes its attempt back: only failures count against the address', async () => {
    const u = await makeUser({ password: 'right-password' });
    const address = newAddress();
    for (let i = 0; i < 20; i++) expect((await signInFrom(address, u.email, 'right-password')).status).toBe(302);
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.limit; i++) expect((await signInFrom(address, u.email, `wrong-${i}-x`)).status).toBe(400);
    expect((await signInFrom(address, u.email, 'right-password')).status).toBe(429);
  });

  it(`locks an account only past ${SIGN_IN_PER_ACCOUNT.limit} failures from anywhere; the window ends it`, async () => {
    const u = await makeUser({ password: 'right-password' });
    // As if many addresses had failed on this account: set the counter rather than run 100 hashes.
    const key = `${SIGN_IN_PER_ACCOUNT.name}:${u.email}`;
    await db.insert(throttle).values({ key, count: SIGN_IN_PER_ACCOUNT.limit - 1 });
    expect((await signInFrom(newAddress(), u.email, 'wrong-password')).status).toBe(400);
    expect((await signInFrom(newAddress(), u.email, 'right-password')).status).toBe(429);
    await db
      .update(throttle)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(throttle.key, key));
    expect((await signInFrom(newAddress(), u.email, 'right-password')).status).toBe(302);
    // A successful sign-in clears the account's counter.
    expect(await db.select().from(throttle).where(eq(throttle.key, key))).toEqual([]);
  });

  it('an address is let in again once its window has passed', async () => {
    const u = await makeUser({ password: 'right-password' });
    const address = newAddress();
    for (let i = 0; i <= SIGN_IN_PER_ADDRESS.limit; i++) await signInFrom(address, u.email, `wrong-${i}-x`);
    expect((await signInFrom(address, u.email, 'right-password')).status).toBe(429);
    await db
      .update(throttle)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(throttle.key, `${SIGN_IN_PER_ADDRESS.name}:${address}`));
    expect((await signInFrom(address, u.email, 'right-password')).status).toBe(302);
  });
});

describe('sign-up throttle', () => {
  it(`creates at most ${SIGN_UP_PER_ADDRESS.limit} accounts per address, even in parallel; another address still can`, async () => {
    const address = newAddress();
    const attempt = (clientAddress: string, i: number) =>
      call(signup.action, {
        request: request('/signup', { form: { email: `new-${i}-${clientAddress}@example.com`, displayName: 'New', password: 'a-long-password' } }),
        context: { clientAddress },
      });
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt(address, i)));
    expect(answers.filter((a) => a.status === 302)).toHaveLength(SIGN_UP_PER_ADDRESS.limit);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.data.error['']).toEqual(['signupThrottled']);
    expect((await attempt(newAddress(), 99)).status).toBe(302);
  });
});

describe('invitation throttle', () => {
  it(`answers 429 to an address past ${INVITATION_PER_ADDRESS.limit} invalid tokens, without looking the token up`, async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const token = await createInvitation(ws.id, owner.id, 'guest@example.com', 'viewer');
    const address = newAddress();
    const open = (clientAddress: string, t: string) =>
      call(inviteRoute.loader, { request: request(`/invite/${t}`), params: { token: t }, context: { clientAddress } });
    // A good token does not count as a failure.
    for (let i = 0; i < 5; i++) expect((await open(address, token)).data.state).toBe('signed-out');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => open(address, `guess-${i}`)));
    expect(answers.filter((a) => a.status === 200 && a.data.state === 'invalid')).toHaveLength(INVITATION_PER_ADDRESS.limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(30 - INVITATION_PER_ADDRESS.limit);
    expect((await open(address, token)).status).toBe(429);
    expect((await open(newAddress(), token)).data.state).toBe('signed-out');
  });
});
