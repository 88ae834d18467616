// Webhooks on a real database: the settings page (owners only, another workspace's ids 404, zod
// messages, the SSRF rule at save), the outbox (each event kind enqueued in the transaction of the
// write, only for subscribed enabled webhooks, a fixed number of queries), and the delivery worker
// against a local receiver (signature, retry on the schedule with an injected clock, a restart
// mid-retry, two workers in parallel, the SSRF rule at connect time).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, queryCounter } from '../../db/client';
import { activity, kpiValue, webhook, webhookAttempt, webhookDelivery } from '../../db/schema';
import * as deliveriesRoute from '~/routes/w.$slug.settings_.webhooks.$webhookId/route';
import * as webhooksRoute from '~/routes/w.$slug.settings_.webhooks._index/route';
import { verifySignature, type WebhookEnvelope } from '~/domain/webhooks';
import { applyKpiImport, applyKpiValueBatch } from '~/server/kpi-import.server';
import { deleteKpiValue, recordKpiValue } from '~/server/kpi-values.server';
import { addCost, linkKpi, updateProjectDetails } from '~/server/projects.server';
import { createWebhook, sendTestEvent } from '~/server/webhooks.server';
import { guardedLookup, type DnsLookup } from '~/server/webhook-target.server';
import { createWebhookWorker, type WebhookWorkerOptions } from '~/server/webhook-worker.server';
import { addMember, call, makeUser, makeWorkspace, request, type TestUser } from '../support/factories';
import { makeKpi, makeMapWithStages, makeMeasure, makeProject } from '../support/project-fixtures';

// ---------------------------------------------------------------- helpers

async function setup() {
  const owner = await makeUser();
  const ws = await makeWorkspace(owner);
  const { map, stages, lane } = await makeMapWithStages(ws.id, ['Onboarding', 'Support']);
  const nps = await makeMeasure(ws.id, { name: 'NPS', unit: 'pts', trend: 'up' });
  const npsKpi = await makeKpi(
    ws.id,
    { mapId: map.id, laneId: lane.id, stageId: stages[0]!.id, measureId: nps.id },
    {
      target: '40',
      values: [
        ['2025-01-31', '30'],
        ['2025-02-28', '32'],
      ],
    },
  );
  const churn = await makeMeasure(ws.id, { name: 'Churn', unit: '%', trend: 'down' });
  const churnKpi = await makeKpi(ws.id, { mapId: map.id, laneId: lane.id, stageId: stages[1]!.id, measureId: churn.id }, { target: '2' });
  return { owner, ws, map, stages, nps, npsKpi, churnKpi };
}

const ALL = ['kpi.values_changed', 'kpi.status_changed', 'project.updated'] as const;

/** A webhook made through the module (private targets allowed: the receivers are on 127.0.0.1). */
async function hook(workspaceId: string, actorId: string, url = 'http://127.0.0.1:9/hook', events: readonly (typeof ALL)[number][] = ALL) {
  const created = await createWebhook(workspaceId, actorId, { url, events: [...events] }, { allowPrivate: true });
  if (created.status !== 'ok') throw new Error(`webhook refused: ${JSON.stringify(created)}`);
  return created.value;
}

const deliveriesOf = (webhookId: string) =>
  db.select().from(webhookDelivery).where(eq(webhookDelivery.webhookId, webhookId)).orderBy(webhookDelivery.createdAt);
const attemptsOf = (deliveryId: string) => db.select().from(webhookAttempt).where(eq(webhookAttempt.deliveryId, deliveryId)).orderBy(webhookAttempt.attempt);
const payload = <T>(row: { payload: unknown }) => row.payload as WebhookEnvelope<T>;

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver: records each request and answers the next status of `statuses` (then the last one). */
async function receiver(statuses: number[] = [200], delayMs = 0) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      setTimeout(() => res.writeHead(status).end('ok'), delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/hook`, port, received };
}

// One database per file: each test starts with an empty outbox, so a worker sees only its own deliveries.
beforeEach(async () => {
  await db.delete(webhookDelivery);
});

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A clock the test moves: a worker reads it instead of the real time. */
function clock(start = '2025-07-01T08:00:00.000Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(seconds: number) {
      at += seconds * 1000;
    },
  };
}

const worker = (c: ReturnType<typeof clock>, extra: WebhookWorkerOptions = {}) => createWebhookWorker({ now: c.now, allowPrivate: true, ...extra });

/** Pending deliveries due now, so a worker on the test clock finds the ones just enqueued. */
async function makeDue(at: Date) {
  await db.update(webhookDelivery).set({ nextAttemptAt: at }).where(eq(webhookDelivery.status, 'pending'));
}

// ---------------------------------------------------------------- settings page

describe('the webhooks settings page', () => {
  const page = (slug: string) => `/w/${slug}/settings/webhooks`;
  const post = (s: { ws: { slug: string } }, user: TestUser, form: Record<string, string | string[]>) =>
    call(webhooksRoute.action, { request: request(page(s.ws.slug), { user, form }), params: { slug: s.ws.slug } });

  it('owners add a webhook: the signing secret is shown once, never listed, and the creation is in the activity log', async () => {
    const s = await setup();
    const created = await post(s, s.owner, { intent: 'create', url: 'https://93.184.216.34/parcours', events: ['kpi.values_changed', 'project.updated'] });
    expect(created.status).toBe(200);
    expect(created.headers.get('Cache-Control')).toBe('no-store');
    const secret = created.data.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const [row] = await db.select().from(webhook).where(eq(webhook.workspaceId, s.ws.id));
    expect(row).toMatchObject({
      url: 'https://93.184.216.34/parcours',
      events: ['kpi.values_changed', 'project.updated'],
      enabled: true,
      createdBy: s.owner.id,
    });
    const listed = await call(webhooksRoute.loader, { request: request(page(s.ws.slug), { user: s.owner }), params: { slug: s.ws.slug } });
    expect(listed.data.webhooks).toHaveLength(1);
    expect(listed.data.webhooks[0]).toMatchObject({ url: row!.url, lastStatus: null });
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    const logged = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'webhook')));
    expect(logged.map((a) => a.action)).toEqual(['created']);
  });

  it('refuses bad input with a message beside its field, never a 500, and writes nothing', async () => {
    const s = await setup();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ intent: 'create', url: '', events: 'kpi.values_changed' }, 'url', 'field.required'],
      [{ intent: 'create', url: 'not a url', events: 'kpi.values_changed' }, 'url', 'webhooks.url.invalid'],
      [{ intent: 'create', url: 'ftp://93.184.216.34/', events: 'kpi.values_changed' }, 'url', 'webhooks.url.scheme'],
      [{ intent: 'create', url: 'https://93.184.216.34/' }, 'events', 'webhooks.events'],
      [{ intent: 'create', url: 'https://93.184.216.34/', events: 'kpi.deleted' }, 'events[0]', 'field.choose'],
    ];
    for (const [form, field, message] of cases) {
      const res = await post(s, s.owner, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.data.result.error[field], JSON.stringify(form)).toEqual([message]);
    }
    const bad = await post(s, s.owner, { intent: 'enable', webhookId: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect((await db.select({ n: count() }).from(webhook).where(eq(webhook.workspaceId, s.ws.id)))[0]!.n).toBe(0);
  });

  it('SSRF at save: loopback, private, link-local, mapped and http addresses are refused while the setting is off', async () => {
    const s = await setup();
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost:8443/hook',
      'https://10.0.0.5/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.0.1]/hook',
      'https://100.64.0.1/hook',
      'http://93.184.216.34/hook',
    ]) {
      const res = await post(s, s.owner, { intent: 'create', url, events: 'kpi.values_changed' });
      expect(res.status, url).toBe(400);
      expect(res.data.result.error.url[0], url).toMatch(/^webhooks\.url\.(privateAddress|scheme)$/);
    }
    // A name is resolved at save and every address it resolves to is checked.
    const resolve = async (name: string) => (name === 'intranet.example.com' ? ['93.184.216.34', '10.1.2.3'] : ['93.184.216.34']);
    const named = await createWebhook(
      s.ws.id,
      s.owner.id,
      { url: 'https://intranet.example.com/hook', events: ['kpi.values_changed'] },
      { allowPrivate: false, resolve },
    );
    expect(named).toEqual({ status: 'invalid', field: 'url', message: 'webhooks.url.privateAddress' });
    const fine = await createWebhook(
      s.ws.id,
      s.owner.id,
      { url: 'https://hooks.example.com/hook', events: ['kpi.values_changed'] },
      { allowPrivate: false, resolve },
    );
    expect(fine.status).toBe('ok');
    expect((await db.select({ n: count() }).from(webhook).where(eq(webhook.workspaceId, s.ws.id)))[0]!.n).toBe(1);
  });

  it('enable, disable, rotate and delete; each is in the activity log; the rotated secret is new', async () => {
    const s = await setup();
    const { id, secret } = await hook(s.ws.id, s.owner.id);
    const form = (intent: string) => ({ intent, webhookId: id });
    expect((await post(s, s.owner, form('disable'))).status).toBe(200);
    expect((await db.select().from(webhook).where(eq(webhook.id, id)))[0]!.enabled).toBe(false);
    expect((await post(s, s.owner, form('enable'))).status).toBe(200);
    const rotated = await post(s, s.owner, form('rotate'));
    expect(rotated.data.secret).toMatch(/^whsec_/);
    expect(rotated.data.secret).not.toBe(secret);
    expect((await db.select().from(webhook).where(eq(webhook.id, id)))[0]!.secret).toBe(rotated.data.secret);
    expect((await post(s, s.owner, form('delete'))).status).toBe(200);
    expect(await db.select().from(webhook).where(eq(webhook.id, id))).toEqual([]);
    const logged = await db
      .select()
      .from(activity)
      .where(and(eq(activity.workspaceId, s.ws.id), eq(activity.entityType, 'webhook')))
      .orderBy(activity.at);
    expect(logged.map((a) => a.action)).toEqual(['created', 'updated', 'updated', 'updated', 'deleted']);
  });

  it('editors and viewers cannot see or manage webhooks (403); another workspace answers 404 and changes nothing', async () => {
    const s = await setup();
    const { id } = await hook(s.ws.id, s.owner.id);
    for (const role of ['editor', 'viewer'] as const) {
      const member = await makeUser();
      await addMember(s.ws.id, member, role);
      expect((await call(webhooksRoute.loader, { request: request(page(s.ws.slug), { user: member }), params: { slug: s.ws.slug } })).status).toBe(403);
      expect((await post(s, member, { intent: 'delete', webhookId: id })).status).toBe(403);
      expect((await post(s, member, { intent: 'create', url: 'https://93.184.216.34/', events: 'project.updated' })).status).toBe(403);
      const log = await call(deliveriesRoute.loader, {
        request: request(`${page(s.ws.slug)}/${id}`, { user: member }),
        params: { slug: s.ws.slug, webhookId: id },
      });
      expect(log.status).toBe(403);
    }
    // The owner of another workspace, with that workspace's slug and this webhook's id.
    const stranger = await makeUser();
    const other = await makeWorkspace(stranger);
    for (const intent of ['enable', 'disable', 'rotate', 'delete', 'test']) {
      const res = await call(webhooksRoute.action, {
        request: request(page(other.slug), { user: stranger, form: { intent, webhookId: id } }),
        params: { slug: other.slug },
      });
      expect(res.status, intent).toBe(404);
    }
    const log = await call(deliveriesRoute.loader, {
      request: request(`${page(other.slug)}/${id}`, { user: stranger }),
      params: { slug: other.slug, webhookId: id },
    });
    expect(log.status).toBe(404);
    const [row] = await db.select().from(webhook).where(eq(webhook.id, id));
    expect(row).toMatchObject({ enabled: true });
    expect(await deliveriesOf(id)).toEqual([]);
  });

  it('the delivery log lists each delivery with every try; a test event is a ping to that webhook alone', async () => {
    const s = await setup();
    const r = await receiver([503, 200]);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    const other = await hook(s.ws.id, s.owner.id, r.url);
    const sent = await post(s, s.owner, { intent: 'test', webhookId: id });
    expect(sent.status).toBe(200);
    expect(sent.data.message).toBe('testQueued');
    expect(await deliveriesOf(other.id)).toEqual([]);
    const c = clock();
    await makeDue(c.now());
    await worker(c).runOnce();
    c.advance(60);
    await worker(c).runOnce();
    const log = await call(deliveriesRoute.loader, {
      request: request(`${page(s.ws.slug)}/${id}`, { user: s.owner }),
      params: { slug: s.ws.slug, webhookId: id },
    });
    expect(log.status).toBe(200);
    expect(log.data.deliveries).toHaveLength(1);
    expect(log.data.deliveries[0]).toMatchObject({ event: 'ping', status: 'succeeded', attempts: 2 });
    expect(log.data.deliveries[0].tries.map((t: { httpStatus: number }) => t.httpStatus)).toEqual([503, 200]);
    expect(log.data.deliveries[0].tries[0].durationMs).toBeGreaterThanOrEqual(0);
    const listed = await call(webhooksRoute.loader, { request: request(page(s.ws.slug), { user: s.owner }), params: { slug: s.ws.slug } });
    expect(listed.data.webhooks.find((w: { id: string }) => w.id === id).lastStatus).toBe('succeeded');
    // A disabled webhook sends no test event (409, a message), and nothing is queued.
    await post(s, s.owner, { intent: 'disable', webhookId: other.id });
    const refused = await post(s, s.owner, { intent: 'test', webhookId: other.id });
    expect(refused.status).toBe(409);
    expect(refused.data.message).toBe('webhooks.testDisabled');
    expect(await deliveriesOf(other.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------- the outbox

describe('events are enqueued in the transaction of the write', () => {
  it('kpi.values_changed on a value typed in: one delivery per enabled webhook subscribed to it, none elsewhere', async () => {
    const s = await setup();
    const subscribed = await hook(s.ws.id, s.owner.id, undefined, ['kpi.values_changed']);
    const disabled = await hook(s.ws.id, s.owner.id, undefined, ['kpi.values_changed']);
    await db.update(webhook).set({ enabled: false }).where(eq(webhook.id, disabled.id));
    const otherEvents = await hook(s.ws.id, s.owner.id, undefined, ['project.updated']);
    const stranger = await makeUser();
    const otherWs = await makeWorkspace(stranger);
    const foreign = await hook(otherWs.id, stranger.id, undefined, ['kpi.values_changed']);

    expect((await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '35' })).status).toBe('ok');
    const [delivery, ...more] = await deliveriesOf(subscribed.id);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({ event: 'kpi.values_changed', status: 'pending', attempts: 0, workspaceId: s.ws.id });
    const doc = payload<{ source: string; kpis: { id: string; map: { id: string }; measure: { name: string }; values: unknown[] }[] }>(delivery!);
    expect(doc).toMatchObject({ type: 'kpi.values_changed', workspace: { id: s.ws.id } });
    expect(doc.data.source).toBe('manual');
    expect(doc.data.kpis).toEqual([
      expect.objectContaining({
        id: s.npsKpi.id,
        map: { id: s.map.id, name: s.map.name },
        measure: { id: s.nps.id, name: 'NPS' },
        values: [{ date: '2025-03-31', value: '35' }],
      }),
    ]);
    for (const none of [disabled, otherEvents, foreign]) expect(await deliveriesOf(none.id)).toEqual([]);

    // A deleted value is a change too: its date with value null.
    const [stored] = await db
      .select()
      .from(kpiValue)
      .where(and(eq(kpiValue.kpiId, s.npsKpi.id), eq(kpiValue.date, '2025-03-31')));
    await deleteKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, stored!.id);
    const after = await deliveriesOf(subscribed.id);
    expect(after).toHaveLength(2);
    expect(payload<{ kpis: { values: unknown[] }[] }>(after[1]!).data.kpis[0]!.values).toEqual([{ date: '2025-03-31', value: null }]);
  });

  it('kpi.status_changed when a write moves a KPI off track, with the status before and after; none when it does not move', async () => {
    const s = await setup();
    const { id } = await hook(s.ws.id, s.owner.id, undefined, ['kpi.status_changed']);
    // 30 then 32 (NPS, higher is better, target 40): on track. 31 next month: off track.
    await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '31' });
    const [moved, ...more] = await deliveriesOf(id);
    expect(more).toEqual([]);
    expect(payload<{ kpis: unknown[] }>(moved!).data).toEqual({
      source: 'manual',
      kpis: [expect.objectContaining({ id: s.npsKpi.id, before: 'on_track', after: 'off_track' })],
    });
    // 30.5 the next month: still off track, no event.
    await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-04-30', value: '30.5' });
    expect(await deliveriesOf(id)).toHaveLength(1);
  });

  it('an API batch and a CSV import each enqueue one delivery with every changed value, by source', async () => {
    const s = await setup();
    const { id } = await hook(s.ws.id, s.owner.id, undefined, ['kpi.values_changed', 'kpi.status_changed']);
    const batch = await applyKpiValueBatch(s.ws.id, { userId: s.owner.id }, [
      { kpi: s.npsKpi.id, date: '2025-03-31', value: '41' },
      { kpi: s.churnKpi.id, date: '2025-03-31', value: '3' },
      { kpi: s.npsKpi.id, date: '2025-02-28', value: '32' }, // unchanged: not a change
    ]);
    expect(batch.written).toBe(true);
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => r.event).sort()).toEqual(['kpi.status_changed', 'kpi.values_changed']);
    const values = payload<{ source: string; kpis: { id: string; values: unknown[] }[] }>(rows.find((r) => r.event === 'kpi.values_changed')!);
    expect(values.data.source).toBe('api');
    expect(values.data.kpis.map((k) => [k.id, k.values])).toEqual([
      [s.npsKpi.id, [{ date: '2025-03-31', value: '41' }]],
      [s.churnKpi.id, [{ date: '2025-03-31', value: '3' }]],
    ]);
    const status = payload<{ kpis: { id: string; before: string; after: string }[] }>(rows.find((r) => r.event === 'kpi.status_changed')!);
    expect(status.data.kpis.map((k) => [k.id, k.before, k.after])).toEqual([[s.npsKpi.id, 'on_track', 'met']]);

    await applyKpiImport(s.ws.id, s.owner.id, `kpi_id,date,value\n${s.churnKpi.id},2025-04-30,2.5\n`, 'en');
    const imported = (await deliveriesOf(id)).filter((r) => r.event === 'kpi.values_changed');
    expect(imported).toHaveLength(2);
    expect(payload<{ source: string }>(imported[1]!).data.source).toBe('import');
  });

  it('project.updated when a project’s fields, costs or KPI links change', async () => {
    const s = await setup();
    const { id } = await hook(s.ws.id, s.owner.id, undefined, ['project.updated']);
    const p = await makeProject(s.ws.id, { name: 'Self-service onboarding' });
    await updateProjectDetails(s.ws.id, s.owner.id, p.id, p.version, { name: 'Self-service', description: '', status: 'planned' });
    await addCost(s.ws.id, s.owner.id, p.id, { label: 'Build', kind: 'one_off', amount: '60000' });
    await linkKpi(s.ws.id, s.owner.id, p.id, s.npsKpi.id, '1');
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => payload<{ change: string }>(r).data.change)).toEqual(['details', 'costs', 'kpis']);
    expect(payload(rows[0]!).data).toEqual({ project: { id: p.id, name: 'Self-service', status: 'planned', archived: false }, change: 'details' });
  });

  it('a write that fails enqueues nothing: the delivery rolls back with the change', async () => {
    const s = await setup();
    const { id } = await hook(s.ws.id, s.owner.id);
    // Fails at commit, after the write and its enqueue ran: only the same transaction undoes both.
    await db.execute(sql`create function fail_at_commit() returns trigger language plpgsql as $$ begin raise exception 'refused at commit'; end $$`);
    await db.execute(
      sql`create constraint trigger kpi_value_fail after insert on kpi_value deferrable initially deferred for each row when (new.value = 666) execute function fail_at_commit()`,
    );
    await expect(applyKpiValueBatch(s.ws.id, { userId: s.owner.id }, [{ kpi: s.npsKpi.id, date: '2025-03-31', value: '666' }])).rejects.toThrow();
    await expect(recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '666' })).rejects.toThrow();
    await db.execute(sql`drop trigger kpi_value_fail on kpi_value`);
    expect(await db.select().from(kpiValue).where(eq(kpiValue.value, '666'))).toEqual([]);
    expect(await deliveriesOf(id)).toEqual([]);
    // The same writes without the failure enqueue.
    await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '36' });
    expect((await deliveriesOf(id)).length).toBeGreaterThan(0);
  });

  it('costs a fixed number of queries per batch, whatever its size (no query per value or KPI)', async () => {
    const s = await setup();
    const rows = (n: number, year: number) =>
      Array.from({ length: n }, (_, i) => ({
        kpi: i % 2 ? s.npsKpi.id : s.churnKpi.id,
        date: new Date(Date.UTC(year, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10),
        value: String(i),
      }));
    const cost = async (values: ReturnType<typeof rows>) => {
      const before = queryCounter.count;
      const result = await applyKpiValueBatch(s.ws.id, { userId: s.owner.id }, values);
      expect(result.written).toBe(true);
      return queryCounter.count - before;
    };
    const bare = { small: await cost(rows(10, 2001)), large: await cost(rows(900, 2003)) };
    const { id } = await hook(s.ws.id, s.owner.id);
    const hooked = { small: await cost(rows(10, 2005)), large: await cost(rows(900, 2007)) };
    expect(hooked.small - bare.small).toBe(hooked.large - bare.large);
    expect(hooked.large - bare.large).toBeLessThanOrEqual(7);
    const last = (await deliveriesOf(id)).filter((r) => r.event === 'kpi.values_changed').at(-1)!;
    expect(payload<{ kpis: { values: unknown[] }[] }>(last).data.kpis.reduce((n, k) => n + k.values.length, 0)).toBe(900);
  });
});

// ---------------------------------------------------------------- delivery

describe('the delivery worker', () => {
  it('POSTs the JSON body with the documented headers; the signature verifies with the webhook secret', async () => {
    const s = await setup();
    const r = await receiver([200]);
    const { id, secret } = await hook(s.ws.id, s.owner.id, r.url);
    await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '35' });
    const c = clock();
    await makeDue(c.now());
    expect(await worker(c).runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    const [delivery] = await deliveriesOf(id);
    expect(got!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Parcours-Webhooks/1',
      'parcours-event': 'kpi.values_changed',
      'parcours-delivery': delivery!.id,
    });
    const signature = got!.headers['parcours-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature.startsWith(`t=${Math.floor(c.now().getTime() / 1000)},`)).toBe(true);
    expect(verifySignature(signature, secret, got!.body, Math.floor(c.now().getTime() / 1000))).toBe(true);
    expect(verifySignature(signature, 'whsec_wrong', got!.body, Math.floor(c.now().getTime() / 1000))).toBe(false);
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'kpi.values_changed', workspace: { id: s.ws.id } });
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lockedUntil: null });
    const [attempt] = await attemptsOf(delivery!.id);
    expect(attempt).toMatchObject({ attempt: 1, httpStatus: 200, error: null, succeeded: true, startedAt: c.now() });
  });

  it('retries a failed try on the schedule (500, then 200 a minute later), every try recorded', async () => {
    const s = await setup();
    const r = await receiver([500, 200]);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    await sendTestEvent(s.ws.id, id);
    const c = clock();
    await makeDue(c.now());
    const w = worker(c);
    await w.runOnce();
    let [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(c.now().getTime() + 60_000), lockedUntil: null });
    c.advance(59);
    expect(await w.runOnce()).toBe(0);
    expect(r.received).toHaveLength(1);
    c.advance(1);
    expect(await w.runOnce()).toBe(1);
    [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await attemptsOf(delivery!.id)).map((a) => [a.attempt, a.httpStatus, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    expect(r.received.map((x) => x.headers['parcours-delivery'])).toEqual([delivery!.id, delivery!.id]);
  });

  it('tries six times over almost two hours (1, 5, 15, 30, 60 min apart), then the delivery has failed', async () => {
    const s = await setup();
    const r = await receiver([500]);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    await sendTestEvent(s.ws.id, id);
    const c = clock();
    await makeDue(c.now());
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await worker(c).runOnce()).toBe(1);
      const [delivery] = await deliveriesOf(id);
      if (delivery!.status === 'pending') {
        const gap = (delivery!.nextAttemptAt.getTime() - c.now().getTime()) / 1000;
        gaps.push(gap);
        c.advance(gap);
      }
    }
    expect(gaps).toEqual([60, 300, 900, 1800, 3600]);
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 6 });
    expect(await attemptsOf(delivery!.id)).toHaveLength(6);
    c.advance(86_400);
    expect(await worker(c).runOnce()).toBe(0);
    expect(r.received).toHaveLength(6);
  });

  it('a restart mid-retry loses nothing: a new worker, sharing nothing in memory with the first, sends the pending retry from the table', async () => {
    const s = await setup();
    const r = await receiver([500, 200]);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    await recordKpiValue(s.ws.id, s.owner.id, s.npsKpi.id, { date: '2025-03-31', value: '35' });
    const c = clock();
    await makeDue(c.now());
    const first = worker(c);
    first.start();
    await first.runOnce();
    await first.stop();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    // "Restart": a worker built from scratch, with its own clock object, an hour later.
    const later = clock(new Date(c.now().getTime() + 3600_000).toISOString());
    const second = createWebhookWorker({ now: later.now, allowPrivate: true });
    expect(await second.runOnce()).toBe(1);
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(r.received).toHaveLength(2);
    expect(r.received[0]!.body).toBe(r.received[1]!.body);
  });

  it('two workers in parallel never deliver one delivery twice', async () => {
    const s = await setup();
    const r = await receiver([200], 30);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    for (let i = 0; i < 24; i++) await sendTestEvent(s.ws.id, id);
    const c = clock();
    await makeDue(c.now());
    const a = worker(c, { batchSize: 5 });
    const b = worker(c, { batchSize: 5 });
    for (let round = 0; round < 10; round++) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      if (x + y === 0) break;
    }
    const ids = r.received.map((x) => x.headers['parcours-delivery']);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    const rows = await deliveriesOf(id);
    expect(rows.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
  });

  it('a claimed delivery is leased: another worker does not take it until the lease expires', async () => {
    const s = await setup();
    const r = await receiver([200]);
    const { id } = await hook(s.ws.id, s.owner.id, r.url);
    await sendTestEvent(s.ws.id, id);
    const c = clock();
    await makeDue(c.now());
    // A worker claimed it and died before recording anything: the lease is in the row.
    const lease = new Date(c.now().getTime() + 60_000);
    await db.update(webhookDelivery).set({ lockedUntil: lease }).where(eq(webhookDelivery.webhookId, id));
    expect(await worker(c).runOnce()).toBe(0);
    c.advance(61);
    expect(await worker(c).runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it('SSRF at connect: with the setting off, a loopback target saved earlier is refused, and so is a name that resolves to one', async () => {
    const s = await setup();
    const r = await receiver([200]);
    // Saved while private targets were allowed (or a name that pointed elsewhere then).
    const literal = await hook(s.ws.id, s.owner.id, `https://127.0.0.1:${r.port}/hook`);
    const named = await hook(s.ws.id, s.owner.id, `https://rebound.example.com:${r.port}/hook`);
    const plain = await hook(s.ws.id, s.owner.id, r.url);
    for (const w of [literal, named, plain]) await sendTestEvent(s.ws.id, w.id);
    // DNS now answers loopback for the name (rebinding): the connect-time check sees it.
    const lookup: DnsLookup = (hostname, _options, callback) =>
      hostname === 'rebound.example.com'
        ? callback(null, [{ address: '127.0.0.1', family: 4 }])
        : callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    const c = clock();
    await makeDue(c.now());
    await worker(c, { allowPrivate: false, lookup }).runOnce();
    expect(r.received).toEqual([]);
    const errors = async (webhookId: string) => (await attemptsOf((await deliveriesOf(webhookId))[0]!.id)).map((a) => [a.httpStatus, a.error]);
    expect(await errors(literal.id)).toEqual([[null, 'refused: private address']]);
    expect(await errors(named.id)).toEqual([[null, 'refused: rebound.example.com resolves to 127.0.0.1 (loopback)']]);
    expect(await errors(plain.id)).toEqual([[null, 'refused: URL (scheme)']]);
    // With the setting on, the same resolver's answer is where the worker connects.
    const httpNamed = await hook(s.ws.id, s.owner.id, `http://rebound.example.com:${r.port}/hook`);
    await sendTestEvent(s.ws.id, httpNamed.id);
    await makeDue(c.now());
    await db
      .update(webhookDelivery)
      .set({ status: 'failed' })
      .where(sql`${webhookDelivery.webhookId} <> ${httpNamed.id}`);
    expect(await worker(c, { allowPrivate: true, lookup }).runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it('the connect-time lookup refuses every private answer of the real resolver (localhost)', async () => {
    const look = (allowPrivate: boolean) =>
      new Promise<unknown>((resolve) =>
        guardedLookup(allowPrivate)('localhost', { all: true }, (error: unknown, addresses: unknown) => resolve(error ?? addresses)),
      );
    expect(String(await look(false))).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/);
    expect(await look(true)).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
  });
});
