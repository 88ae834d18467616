// The demo owner's password is printed on the terminal at boot, never on a page of a production build.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, request } from '../support/factories';

const saved = { NODE_ENV: process.env.NODE_ENV, SEED_DEMO: process.env.SEED_DEMO };

async function loginLoader(vars: { NODE_ENV: string; SEED_DEMO: string }) {
  Object.assign(process.env, vars);
  vi.resetModules();
  const login = await import('~/routes/login');
  return call(login.loader, { request: request('/login') });
}

describe('demo credentials on the sign-in page', () => {
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    vi.resetModules();
  });

  it('are not sent in production, even with SEED_DEMO=true', async () => {
    const { DEMO_PASSWORD } = await import('~/server/demo/context.server');
    const res = await loginLoader({ NODE_ENV: 'production', SEED_DEMO: 'true' });
    expect(res.status).toBe(200);
    expect(res.data.demo).toBeNull();
    expect(JSON.stringify(res.data)).not.toContain(DEMO_PASSWORD);
  });

  it('are shown in development when the demo is seeded', async () => {
    const res = await loginLoader({ NODE_ENV: 'development', SEED_DEMO: 'true' });
    expect(res.data.demo).toEqual({ email: expect.any(String), password: expect.any(String) });
  });
});
