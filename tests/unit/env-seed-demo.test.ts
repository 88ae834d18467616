import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { NODE_ENV: process.env.NODE_ENV, SEED_DEMO: process.env.SEED_DEMO };

async function freshEnv(vars: { NODE_ENV?: string; SEED_DEMO?: string }) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.resetModules();
  const { env } = await import('~/server/env.server');
  return env();
}

describe('environment defaults', () => {
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    vi.resetModules();
  });

  it('does not seed the demo workspace in production unless SEED_DEMO=true says so', async () => {
    expect((await freshEnv({ NODE_ENV: 'production', SEED_DEMO: undefined })).SEED_DEMO).toBe('false');
    expect((await freshEnv({ NODE_ENV: 'production', SEED_DEMO: 'true' })).SEED_DEMO).toBe('true');
  });

  it('seeds it by default in development', async () => {
    expect((await freshEnv({ NODE_ENV: 'development', SEED_DEMO: undefined })).SEED_DEMO).toBe('true');
    expect((await freshEnv({ NODE_ENV: undefined, SEED_DEMO: undefined })).SEED_DEMO).toBe('true');
    expect((await freshEnv({ NODE_ENV: 'development', SEED_DEMO: 'false' })).SEED_DEMO).toBe('false');
  });
});
