// Positions inside one container (a stage cell, a map's lanes, a map's stages) are the clean integer
// sequence 0..n-1. These helpers compute the new order of ids after a move; the server then writes
// index = position for every id in the returned list. All return new arrays and clamp indexes.

function clamp(index: number, max: number): number {
  if (Number.isNaN(index)) return max;
  return Math.min(Math.max(Math.trunc(index), 0), max);
}

function without(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** Puts `id` at `index` (clamped to 0..length); an id already in the list is moved, not duplicated. */
export function insertAt(ids: readonly string[], id: string, index: number): string[] {
  const rest = without(ids, id);
  const at = clamp(index, rest.length);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Moves `id` so that it ends at `toIndex`; a list without `id` comes back unchanged (as a copy). */
export function moveWithin(ids: readonly string[], id: string, toIndex: number): string[] {
  return ids.includes(id) ? insertAt(ids, id, toIndex) : [...ids];
}

/** Moves `id` out of `from` into `to` at `toIndex`; both lists come back unchanged if `from` lacks it. */
export function moveAcross(from: readonly string[], to: readonly string[], id: string, toIndex: number): { from: string[]; to: string[] } {
  if (!from.includes(id)) return { from: [...from], to: [...to] };
  if (from === to) {
    const moved = moveWithin(from, id, toIndex);
    return { from: moved, to: [...moved] };
  }
  return { from: without(from, id), to: insertAt(to, id, toIndex) };
}

/**
 * Ids in display order from stored rows, even if positions have gaps or ties (after a concurrent
 * edit): by position, then by id so every reader agrees on the same order.
 */
export function normalise(items: readonly { id: string; position: number }[]): string[] {
  return [...items].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((item) => item.id);
}

/** The rows to write for an ordered list: position = index. */
export function toPositions(ids: readonly string[]): { id: string; position: number }[] {
  return ids.map((id, position) => ({ id, position }));
}
