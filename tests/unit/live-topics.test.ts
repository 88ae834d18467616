import { describe, expect, it } from 'vitest';
import { concerns, liveMessage, MAX_NOTIFY_BYTES, presenceTopic, readLiveMessage, splitPresence } from '~/domain/live-topics';

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('live messages', () => {
  it('name each topic once and round-trip through the NOTIFY payload', () => {
    const text = liveMessage('w1', ['kpi:a', 'figures', 'kpi:a', 'map:m']);
    expect(readLiveMessage(text)).toEqual({ w: 'w1', t: ['kpi:a', 'figures', 'map:m'] });
  });

  it('fold KPI topics into kpi:* when a batch names too many KPIs for a NOTIFY payload', () => {
    const topics = Array.from({ length: 500 }, (_, i) => `kpi:${uuid(i)}` as const);
    const text = liveMessage('w1', [...topics, 'figures', 'map:m']);
    expect(text.length).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
    expect(readLiveMessage(text)).toEqual({ w: 'w1', t: ['figures', 'map:m', 'kpi:*'] });
    // 100 KPIs still fit and stay named.
    expect(readLiveMessage(liveMessage('w1', topics.slice(0, 100)))?.t).toHaveLength(100);
  });

  it('ignore payloads that are not ours', () => {
    for (const payload of ['', 'hello', '{"w":1,"t":[]}', '{"w":"x","t":[1]}', 'null', '[]']) expect(readLiveMessage(payload)).toBeNull();
  });
});

describe('which pages a change concerns', () => {
  const map = { mapId: 'm1', kpiIds: ['k1', 'k2'] };
  it('a map hears its own map, its own KPIs, and any KPI batch; not other maps or projects', () => {
    expect(concerns(['map:m1'], map)).toBe(true);
    expect(concerns(['kpi:k2', 'figures'], map)).toBe(true);
    expect(concerns(['kpi:*'], map)).toBe(true);
    expect(concerns(['map:m2'], map)).toBe(false);
    expect(concerns(['kpi:k9', 'figures'], map)).toBe(false);
    expect(concerns(['project:p1', 'figures'], map)).toBe(false);
  });

  it('the summary hears every change of figures; a business case its project and the figures', () => {
    expect(concerns(['kpi:k9', 'figures'], { figures: true })).toBe(true);
    expect(concerns(['map:m1'], { figures: true })).toBe(false);
    expect(concerns(['project:p1'], { projectId: 'p1' })).toBe(true);
    expect(concerns(['project:p2'], { projectId: 'p1' })).toBe(false);
  });

  it('a member hears their own notifications, not another member’s, and nothing else through them', () => {
    expect(concerns(['notify:u1'], { userId: 'u1' })).toBe(true);
    expect(concerns(['notify:u2'], { userId: 'u1' })).toBe(false);
    expect(concerns(['notify:u1'], map)).toBe(false);
    expect(concerns(['map:m1', 'kpi:*', 'figures'], { userId: 'u1' })).toBe(false);
  });

  it('a reconnected stream (*) concerns every page', () => {
    expect(concerns(['*'], {})).toBe(true);
  });
});

describe('presence topics', () => {
  it('are split from the topics pages hear, with the maps whose viewers changed', () => {
    expect(splitPresence([presenceTopic(uuid(1)), `map:${uuid(2)}`, 'figures', presenceTopic(uuid(3))])).toEqual({
      topics: [`map:${uuid(2)}`, 'figures'],
      presenceMaps: [uuid(1), uuid(3)],
    });
    expect(splitPresence([presenceTopic(uuid(1))]).topics).toEqual([]);
  });

  it('concern no page: a presence change never reloads the map', () => {
    expect(concerns([presenceTopic(uuid(1))], { mapId: uuid(1), kpiIds: [uuid(1)], figures: true })).toBe(false);
  });
});
