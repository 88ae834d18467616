// What the history costs: 1,000 edits of the benchmarks' large map (480 cards, 20 stages, 120 KPIs)
// through the map's server functions, then the size of the history tables as the database counts it
// (pg_total_relation_size: rows, TOAST and indexes). The history stores changes, not copies of the
// map: it must grow with the edits, far below a snapshot of the map per edit.
import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { card, emotionPoint, lane, stage } from '../../db/schema';
import { addCard, deleteCard, moveCellItem, setEmotion, updateCard, updateStage } from '~/server/maps.server';
import { historyClock } from '~/server/map-history.server';
import { loadSnapshot } from '~/server/map-versions.server';
import { importMap } from '~/server/maps-transfer.server';
import { MapExportSchema } from '~/domain/map-export';
import { largeMapDocument } from '../bench/large-map';
import { makeUser, makeWorkspace } from '../support/factories';

const EDITS = 1000;
const CARDS = 480;

async function historySize() {
  const rows = await db.execute<{ bytes: string | number }>(sql`select pg_total_relation_size('map_change') + pg_total_relation_size('map_version') as bytes`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { bytes: string | number }[] }).rows;
  return Number(list[0]!.bytes);
}

/** A small deterministic generator (mulberry32), so every run makes the same edits. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('history storage', () => {
  it(`grows with the edits, not with the map: ${EDITS} edits of the ${CARDS}-card map`, async () => {
    const owner = await makeUser();
    const ws = await makeWorkspace(owner);
    const mapId = await importMap(ws.id, owner.id, MapExportSchema.parse(largeMapDocument({ cards: CARDS })));
    const stages = await db.select().from(stage).where(eq(stage.mapId, mapId)).orderBy(asc(stage.position));
    const [emotions] = await db
      .select()
      .from(lane)
      .where(and(eq(lane.mapId, mapId), eq(lane.kind, 'emotions')));
    const snapshot = await loadSnapshot(db, ws.id, mapId);
    const snapshotBytes = Buffer.byteLength(JSON.stringify(snapshot));
    const before = await historySize();

    const next = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let minute = 0;
    const kinds: Record<string, number> = {};
    for (let i = 0; i < EDITS; i++) {
      // A minute between saves, and a pause of a quarter of an hour every 20 saves: about 50 versions.
      minute += i % 20 === 19 ? 15 : 1;
      historyClock.now = () => new Date(Date.UTC(2026, 2, 12) + minute * 60_000);
      const cards = await db.select().from(card).where(eq(card.mapId, mapId)).orderBy(asc(card.id));
      const c = pick(cards);
      const roll = next();
      let kind: string;
      if (roll < 0.4) {
        kind = 'card edited';
        await updateCard(ws.id, owner.id, mapId, {
          cardId: c.id,
          version: c.version,
          title: `${c.title} (${i})`,
          description: `Note ${i}`,
          channel: c.channel,
          system: c.system,
        });
      } else if (roll < 0.6) {
        kind = 'card moved in its cell';
        await moveCellItem(ws.id, owner.id, mapId, 'card', { id: c.id, toStageId: c.stageId, toIndex: c.position === 0 ? 1 : 0 });
      } else if (roll < 0.75) {
        kind = 'card moved to another stage';
        const at = stages.findIndex((s) => s.id === c.stageId);
        await moveCellItem(ws.id, owner.id, mapId, 'card', { id: c.id, toStageId: stages[(at + 1) % stages.length]!.id, toIndex: 0 });
      } else if (roll < 0.85) {
        kind = 'emotion score';
        const s = pick(stages);
        const [point] = await db
          .select()
          .from(emotionPoint)
          .where(and(eq(emotionPoint.laneId, emotions!.id), eq(emotionPoint.stageId, s.id)));
        await setEmotion(ws.id, owner.id, mapId, { laneId: emotions!.id, stageId: s.id, score: (i % 5) - 2, version: point?.version });
      } else if (roll < 0.9) {
        kind = 'stage renamed';
        const s = pick(stages);
        const [row] = await db.select().from(stage).where(eq(stage.id, s.id));
        await updateStage(ws.id, owner.id, mapId, { stageId: s.id, version: row!.version, name: `Étape ${i}`, description: '', phase: row!.phase });
      } else if (roll < 0.95) {
        kind = 'card added';
        await addCard(ws.id, owner.id, mapId, {
          laneId: c.laneId,
          stageId: c.stageId,
          title: `Nouvelle carte ${i}`,
          description: '',
          channel: null,
          system: null,
        });
      } else {
        kind = 'card deleted';
        await deleteCard(ws.id, owner.id, mapId, c.id);
      }
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const [{ changes, versions }] = (await db
      .execute<{ changes: number; versions: number }>(
        sql`select (select count(*) from map_change where workspace_id = ${ws.id})::int as changes, (select count(*) from map_version where workspace_id = ${ws.id})::int as versions`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows))) as { changes: number; versions: number }[];
    const grown = (await historySize()) - before;
    console.log(
      `map history storage: ${EDITS} edits of a ${CARDS}-card map -> ${changes} changes in ${versions} versions, ` +
        `${(grown / 1024).toFixed(0)} KiB for the history tables (${(grown / EDITS).toFixed(0)} bytes per edit); ` +
        `one snapshot of the map is ${(snapshotBytes / 1024).toFixed(0)} KiB, so a snapshot per edit would be ${((snapshotBytes * EDITS) / 1024 / 1024).toFixed(0)} MiB. ` +
        `Edits: ${JSON.stringify(kinds)}`,
    );
    expect(versions).toBeGreaterThan(40);
    // Changes, not copies: well under a hundredth of a snapshot per edit.
    expect(grown).toBeLessThan((snapshotBytes * EDITS) / 100);
  }, 600_000);
});
