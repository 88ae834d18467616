// Start and stop of the production server: a bad environment stops the boot with the variable's
// name, and SIGTERM finishes in-flight requests, closes the database and exits within 10 seconds.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBuiltServer } from '../support/built-server';

describe('boot', () => {
  it.each([
    ['DATABASE_POOL_SIZE', 'abc'],
    ['PORT', 'eighty'],
    ['TRUST_PROXY', 'yes'],
  ])('%s=%s stops the boot with a message naming the variable', async (name, value) => {
    const started = startBuiltServer({ env: { [name]: value } });
    await expect(started).rejects.toThrow(new RegExp(`${name}: must be`));
    await expect(started).rejects.not.toThrow(/RangeError|at .*\.js:\d+/);
  });
});

describe('shutdown', () => {
  it('SIGTERM lets an in-flight request finish, closes the database and exits 0 within 10 s', async () => {
    const server = await startBuiltServer();
    // A sign-in whose body is still arriving when the signal comes.
    const body = new URLSearchParams({ email: 'late@example.com', password: 'not the password', redirectTo: '' }).toString();
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/login',
      agent: false,
      headers: {
        Origin: server.baseUrl,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(Buffer.byteLength(body)),
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));
    const stopping = server.stop();
    await new Promise((r) => setTimeout(r, 300));
    req.end(body.slice(10));
    expect(await answered).toBe(400);
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(server.output()).toContain('Parcours: stopped.');
  });
});
