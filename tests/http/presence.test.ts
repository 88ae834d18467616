// Live presence over real HTTP against the production build: two members open the live stream of
// one map, each on an app instance of their own when the database is PostgreSQL (two processes
// sharing it, as behind a load balancer; PGlite is one process's, so there both use the one
// instance), and each stream lists both of them within a few seconds; one leaving shows on the
// other's at once, and a card saved through one instance reaches the stream held by the other.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, signInOverHttp, startBuiltServer, type BuiltServer } from '../support/built-server';

const EDITOR = { email: 'pm@parcours.app', password: DEMO_OWNER.password };

let first: BuiltServer;
let second: BuiltServer;

beforeAll(async () => {
  first = await startBuiltServer();
  second = process.env.DATABASE_URL ? await startBuiltServer({ shareDatabaseWith: first }) : first;
});

afterAll(async () => {
  if (second !== first) await second?.stop();
  await first?.stop();
});

function openStream(target: BuiltServer, path: string, cookie: string) {
  return new Promise<{ text: () => string; close: () => void; viewers: () => string[] | undefined }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: target.port, path, agent: false, headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve({
        text: () => text,
        close: () => req.destroy(),
        viewers: () =>
          [...text.matchAll(/event: presence\ndata: (.*)\n\n/g)]
            .map((m) => (JSON.parse(m[1]!) as { viewers: { name: string }[] }).viewers.map((v) => v.name))
            .at(-1),
      });
    });
    req.on('error', reject);
  });
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe('presence across app instances', () => {
  it('two members on one map see each other, the one who leaves disappears, and an edit on one instance reaches the other', async () => {
    const owner = await signInOverHttp(first, DEMO_OWNER.email, DEMO_OWNER.password, '127.0.0.21');
    const editor = await signInOverHttp(second, EDITOR.email, EDITOR.password, '127.0.0.22');
    const home = await first.http('/', { cookie: owner });
    const slug = /\/w\/([^/"?]+)/.exec(home.headers.get('location') ?? home.text)![1]!;
    const maps = await first.http(`/w/${slug}/maps`, { cookie: owner });
    const mapId = new RegExp(`/w/${slug}/maps/([0-9a-f-]{36})`).exec(maps.text)![1]!;

    const claire = await openStream(first, `/w/${slug}/live?map=${mapId}`, owner);
    expect(await until(() => claire.viewers()?.join() === 'Claire Martin')).toBe(true);
    const hugo = await openStream(second, `/w/${slug}/live?map=${mapId}`, editor);
    expect(await until(() => claire.viewers()?.join() === 'Claire Martin,Hugo Lefèvre')).toBe(true);
    expect(await until(() => hugo.viewers()?.join() === 'Claire Martin,Hugo Lefèvre')).toBe(true);

    // A card saved through the second instance: the stream on the first hears it.
    const editorPage = await second.http(`/w/${slug}/maps/${mapId}`, { cookie: editor });
    const cardId = /data-card-id="([0-9a-f-]{36})"/.exec(editorPage.text)![1]!;
    const saved = await second.http(`/w/${slug}/maps/${mapId}`, {
      cookie: editor,
      form: { intent: 'updateCard', cardId, version: '1', title: 'Renommée ailleurs', description: '' },
    });
    expect(saved.status).toBeLessThan(400);
    expect(await until(() => claire.text().includes(`"map:${mapId}"`))).toBe(true);

    hugo.close();
    expect(await until(() => claire.viewers()?.join() === 'Claire Martin')).toBe(true);
    claire.close();
  });
});
