// Webhooks end to end against the production build: the README's webhook-receiver recipe runs as a
// child process on a free port; the demo owner adds a webhook pointing at it over HTTP (the server
// allows private targets), presses "Send a test event", and the receiver prints a verified ping.
// The same receiver refuses a request whose signature is wrong, so "verified" means something.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

const root = path.resolve(import.meta.dirname, '../..');

/** The fenced js block that follows `<!-- recipe: webhook-receiver -->` in the README. */
function recipe() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const match = /<!-- recipe: webhook-receiver -->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README has no webhook-receiver recipe block');
  return match[1]!;
}

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

let server: BuiltServer;
let receiver: ChildProcess;
let receiverOutput = '';
let dir: string;

/** Starts the recipe with the secret; resolves once it listens. */
async function startReceiver(port: number, secret: string) {
  receiver = spawn(process.execPath, [path.join(dir, 'receiver.mjs')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), WEBHOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  receiver.stdout!.on('data', (chunk) => (receiverOutput += chunk));
  receiver.stderr!.on('data', (chunk) => (receiverOutput += chunk));
  await waitFor(() => receiverOutput.includes('listening'), 10_000);
}

async function waitFor(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; receiver said:\n${receiverOutput}\nserver said:\n${server?.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parcours-receiver-'));
  writeFileSync(path.join(dir, 'receiver.mjs'), recipe());
  server = await startBuiltServer({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
});

afterAll(async () => {
  receiver?.kill();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the webhook-receiver recipe of the README', () => {
  it('receives a verified test event sent from the settings page', async () => {
    const cookie = await signInOverHttp(server, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.21');
    const home = await server.http('/', { cookie });
    const slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)?.[1] ?? '';
    const port = await freePort();
    const page = `/w/${slug}/settings/webhooks`;

    const created = await server.http(page, { form: { intent: 'create', url: `http://127.0.0.1:${port}/parcours`, events: ['project.updated'] }, cookie });
    expect(created.status).toBe(200);
    const secret = /whsec_[A-Za-z0-9_-]{32}/.exec(created.text)?.[0] ?? '';
    expect(secret).not.toBe('');
    await startReceiver(port, secret);

    // A forged request (signed with another secret) is refused by the recipe.
    const forged = await fetch(`http://127.0.0.1:${port}/parcours`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Parcours-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: '{"type":"ping"}',
    });
    expect(forged.status).toBe(401);

    const list = await server.http(page, { cookie });
    const webhookId = new RegExp(`${page}/([0-9a-f-]{36})`).exec(list.text)?.[1] ?? '';
    expect(webhookId).not.toBe('');
    const test = await server.http(page, { form: { intent: 'test', webhookId }, cookie });
    expect(test.status).toBe(200);

    await waitFor(() => /verified ping [0-9a-f-]{36}/.test(receiverOutput), 20_000);
    const deliveryId = /verified ping ([0-9a-f-]{36})/.exec(receiverOutput)![1]!;
    expect(receiverOutput).toContain(`"webhook":{"id":"${webhookId}"}`);

    // The delivery log shows the try and its answer.
    let log = '';
    for (let i = 0; i < 20 && !log.includes('HTTP 204'); i++) {
      log = (await server.http(`${page}/${webhookId}`, { cookie })).text;
      if (!log.includes('HTTP 204')) await new Promise((r) => setTimeout(r, 250));
    }
    expect(log).toContain(deliveryId);
    expect(log).toContain('HTTP 204');
  });
});
