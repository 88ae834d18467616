// The moves written down until the server answers (app/components/journey/pending-moves.ts): what a
// reloaded page finds, and the early script that hides the map agreeing with it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PENDING_ATTRIBUTE,
  PENDING_MOVE_TTL_MS,
  forgetMoves,
  formOf,
  hideWhilePendingScript,
  pendingMovesOf,
  rememberMove,
} from '~/components/journey/pending-moves';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const MAP = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function move(id: string, toStageId: string, toIndex: string) {
  const form = new FormData();
  form.set('intent', 'moveCard');
  form.set('id', id);
  form.set('toStageId', toStageId);
  form.set('toIndex', toIndex);
  form.set('unrelated', 'x');
  return form;
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', { sessionStorage: storage });
  vi.stubGlobal('sessionStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('pending moves', () => {
  it('a move sent and not answered is found again for its map only, oldest first, with its fields', () => {
    rememberMove('k2', MAP, move('card-b', 'stage-2', '9999'), 2_000);
    rememberMove('k1', MAP, move('card-a', 'stage-1', '0'), 1_000);
    rememberMove('k3', OTHER, move('card-c', 'stage-3', '1'), 2_000);
    const found = pendingMovesOf(MAP, 3_000);
    expect(found.map((m) => m.key)).toEqual(['k1', 'k2']);
    expect(Object.fromEntries(formOf(found[1]!))).toEqual({ intent: 'moveCard', id: 'card-b', toStageId: 'stage-2', toIndex: '9999' });
  });

  it('an answered move is crossed off; one older than the limit is not sent again', () => {
    rememberMove('k1', MAP, move('card-a', 'stage-1', '0'), 1_000);
    rememberMove('k2', MAP, move('card-b', 'stage-1', '0'), 1_500);
    forgetMoves(['k2']);
    expect(pendingMovesOf(MAP, 1_600).map((m) => m.key)).toEqual(['k1']);
    expect(pendingMovesOf(MAP, 1_000 + PENDING_MOVE_TTL_MS)).toEqual([]);
    forgetMoves(['k1']);
    expect(storage.items.size).toBe(0);
    // Writing a new move drops the ones too old to matter.
    rememberMove('k3', MAP, move('card-a', 'stage-1', '0'), 1_000);
    rememberMove('k4', MAP, move('card-b', 'stage-1', '0'), 1_000 + PENDING_MOVE_TTL_MS);
    expect(JSON.parse(storage.getItem('parcours:pending-moves')!).map((m: { key: string }) => m.key)).toEqual(['k4']);
  });

  it('ignores what it did not write (other shapes, broken JSON)', () => {
    storage.setItem('parcours:pending-moves', '{not json');
    expect(pendingMovesOf(MAP)).toEqual([]);
    storage.setItem('parcours:pending-moves', JSON.stringify([{ key: 'x', mapId: MAP, at: Date.now(), fields: { intent: 'deleteCard', id: 'c' } }, 42]));
    expect(pendingMovesOf(MAP)).toEqual([]);
  });

  it('the early script marks the page exactly when a young move of this map is waiting, and unmarks it by itself', () => {
    vi.useFakeTimers();
    try {
      const attributes = new Set<string>();
      vi.stubGlobal('document', {
        documentElement: { setAttribute: (a: string) => attributes.add(a), removeAttribute: (a: string) => attributes.delete(a) },
      });
      const run = (mapId: string) => new Function(hideWhilePendingScript(mapId))();
      run(MAP);
      expect(attributes.has(PENDING_ATTRIBUTE)).toBe(false);
      rememberMove('k1', MAP, move('card-a', 'stage-1', '0'));
      run(OTHER);
      expect(attributes.has(PENDING_ATTRIBUTE)).toBe(false);
      run(MAP);
      expect(attributes.has(PENDING_ATTRIBUTE)).toBe(true);
      vi.advanceTimersByTime(3_000);
      expect(attributes.has(PENDING_ATTRIBUTE)).toBe(false);
      vi.advanceTimersByTime(PENDING_MOVE_TTL_MS);
      run(MAP);
      expect(attributes.has(PENDING_ATTRIBUTE)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the script cannot be broken out of by the map id', () => {
    expect(hideWhilePendingScript('</script><script>alert(1)</script>')).not.toContain('</script>');
  });
});
