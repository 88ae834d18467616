import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser } from '../support/factories';

describe('session cookie in production', () => {
  const previous = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previous;
    vi.resetModules();
  });

  it('is Secure, HttpOnly and SameSite=Lax, except over plain HTTP on localhost', async () => {
    const u = await makeUser();
    vi.resetModules();
    process.env.NODE_ENV = 'production';
    const { startSession } = await import('~/server/auth.server');
    const site = await startSession(u.id, new Request('http://parcours.example/login'));
    expect(site.cookie).toMatch(/; Secure/);
    expect(site.cookie).toMatch(/; HttpOnly/);
    expect(site.cookie).toMatch(/; SameSite=Lax/);
    const local = await startSession(u.id, new Request('http://localhost:3000/login'));
    expect(local.cookie).not.toMatch(/Secure/);
    expect(local.cookie).toMatch(/; HttpOnly/);
  });
});
