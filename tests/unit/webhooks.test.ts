// The pure parts of webhooks: the signature (a known vector, and the receiver's check), the retry
// schedule, the classification of target addresses (v4, v6, IPv4-mapped, names) and of URLs, and
// the event documents.
import { describe, expect, it } from 'vitest';
import {
  checkWebhookUrl,
  classifyAddress,
  classifyHost,
  isAllowedAddress,
  kpiStatusChangedData,
  kpiValuesChangedData,
  MAX_ATTEMPTS,
  nextAttemptAt,
  RETRY_DELAYS_SECONDS,
  signatureHeader,
  verifySignature,
  type KpiPlace,
} from '~/domain/webhooks';

describe('signature', () => {
  const secret = 'whsec_test';
  const body = '{"type":"ping"}';

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">: a known vector', () => {
    // printf '1700000000.{"type":"ping"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader(secret, 1700000000, body)).toBe('t=1700000000,v1=bc08c591847b765241711bcbe7067e3869a219e424d3fdd9d00b3b6f915baf97');
  });

  it('verifies with the same secret and body and a timestamp within 5 minutes, and only then', () => {
    const header = signatureHeader(secret, 1700000000, body);
    expect(verifySignature(header, secret, body, 1700000000 + 300)).toBe(true);
    expect(verifySignature(header, secret, body, 1700000000 - 300)).toBe(true);
    expect(verifySignature(header, secret, body, 1700000000 + 301)).toBe(false);
    expect(verifySignature(header, 'another secret', body, 1700000000)).toBe(false);
    expect(verifySignature(header, secret, `${body} `, 1700000000)).toBe(false);
    expect(verifySignature(header.replace('t=1700000000', 't=1700000001'), secret, body, 1700000000)).toBe(false);
    expect(verifySignature('v1=bc08', secret, body, 1700000000)).toBe(false);
    expect(verifySignature('', secret, body, 1700000000)).toBe(false);
  });
});

describe('retry schedule', () => {
  const failedAt = new Date('2025-06-30T12:00:00Z');
  const after = (attempts: number) => nextAttemptAt(attempts, failedAt)?.toISOString() ?? null;

  it('tries at least 5 times over at least an hour: at once, then 1, 5, 15, 30 and 60 minutes after each failure', () => {
    expect(RETRY_DELAYS_SECONDS).toEqual([0, 60, 300, 900, 1800, 3600]);
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(5);
    expect(RETRY_DELAYS_SECONDS.reduce<number>((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3600);
    expect(after(1)).toBe('2025-06-30T12:01:00.000Z');
    expect(after(2)).toBe('2025-06-30T12:05:00.000Z');
    expect(after(3)).toBe('2025-06-30T12:15:00.000Z');
    expect(after(4)).toBe('2025-06-30T12:30:00.000Z');
    expect(after(5)).toBe('2025-06-30T13:00:00.000Z');
  });

  it('gives up after the last try', () => {
    expect(after(MAX_ATTEMPTS)).toBeNull();
    expect(after(MAX_ATTEMPTS + 1)).toBeNull();
  });
});

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['64:ff9b::7f00:1', 'rfc6052'],
  ])('%s is %s, refused', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isAllowedAddress(address, false)).toBe(false);
    expect(isAllowedAddress(address, true)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '[2a00:1450:4007:80e::200e]', '::ffff:8.8.8.8'])('%s is public, allowed', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(isAllowedAddress(address, false)).toBe(true);
  });

  it('names: localhost is this machine; other names must be resolved first', () => {
    expect(classifyAddress('hooks.example.com')).toBeNull();
    expect(classifyHost('localhost')).toEqual({ kind: 'address', range: 'loopback' });
    expect(classifyHost('LOCALHOST.')).toEqual({ kind: 'address', range: 'loopback' });
    expect(classifyHost('api.localhost')).toEqual({ kind: 'address', range: 'loopback' });
    expect(classifyHost('hooks.example.com')).toEqual({ kind: 'name' });
    expect(classifyHost('[::1]')).toEqual({ kind: 'address', range: 'loopback' });
  });
});

describe('webhook URLs', () => {
  it('takes https with a public or unresolved host', () => {
    expect(checkWebhookUrl('https://hooks.example.com/parcours?x=1', false)).toMatchObject({ ok: true, needsLookup: true });
    expect(checkWebhookUrl('https://93.184.216.34:8443/in', false)).toMatchObject({ ok: true, needsLookup: false });
  });

  it.each([
    ['not a url', 'invalid'],
    ['ftp://hooks.example.com/', 'scheme'],
    ['http://hooks.example.com/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://user:pass@hooks.example.com/', 'credentials'],
    ['https://127.0.0.1/', 'privateAddress'],
    ['https://127.1/', 'privateAddress'],
    ['https://0x7f.0.0.1/', 'privateAddress'],
    ['https://2130706433/', 'privateAddress'],
    ['https://[::1]/', 'privateAddress'],
    ['https://[::ffff:127.0.0.1]/', 'privateAddress'],
    ['https://169.254.169.254/latest/meta-data', 'privateAddress'],
    ['https://localhost:3000/', 'privateAddress'],
    ['https://10.0.0.7/', 'privateAddress'],
  ])('refuses %s (%s) when private targets are not allowed', (url, problem) => {
    expect(checkWebhookUrl(url, false)).toEqual({ ok: false, problem });
  });

  it('allows http and private hosts when private targets are allowed (local testing)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('ftp://127.0.0.1/', true)).toEqual({ ok: false, problem: 'scheme' });
  });
});

describe('event documents', () => {
  const place = (id: string): KpiPlace => ({ id, map: { id: 'm', name: 'Map' }, stage: { id: 's', name: 'Stage' }, measure: { id: 'x', name: 'NPS' } });
  const places = new Map([
    ['a', place('a')],
    ['b', place('b')],
  ]);

  it('kpi.values_changed groups the changed values per KPI, each with its map, stage and measure', () => {
    const data = kpiValuesChangedData(
      'api',
      [
        { kpiId: 'a', date: '2025-01-31', value: '30' },
        { kpiId: 'b', date: '2025-01-31', value: null },
        { kpiId: 'a', date: '2025-02-28', value: '32' },
      ],
      places,
    );
    expect(data).toEqual({
      source: 'api',
      kpis: [
        {
          ...place('a'),
          values: [
            { date: '2025-01-31', value: '30' },
            { date: '2025-02-28', value: '32' },
          ],
        },
        { ...place('b'), values: [{ date: '2025-01-31', value: null }] },
      ],
    });
  });

  it('kpi.status_changed lists only the KPIs whose status moved, before and after; null when none did', () => {
    const before = new Map([
      ['a', 'on_track' as const],
      ['b', 'met' as const],
    ]);
    const after = new Map([
      ['a', 'off_track' as const],
      ['b', 'met' as const],
    ]);
    expect(kpiStatusChangedData('manual', before, after, places)).toEqual({
      source: 'manual',
      kpis: [{ ...place('a'), before: 'on_track', after: 'off_track' }],
    });
    expect(kpiStatusChangedData('manual', before, before, places)).toBeNull();
  });
});
