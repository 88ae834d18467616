// The map as one keyboard grid (WAI-ARIA grid pattern with a roving tabindex): the stage headers,
// the lane headers, every card and KPI, and every empty cell are the places the focus can be; one of
// them is in the Tab order at a time. The arrows move between them, Home/End go to the row's ends,
// Enter edits, M (or the context-menu key) opens the item's actions, N adds a card in the focused
// cell, C opens the comments on the item or stage, Escape leaves the grid for its scroll box. Space
// picks an item up (dnd-kit's keyboard sensor, on the item itself). It works on the DOM the board
// renders, so it costs no re-render.

export type GridKeyAction = { kind: 'focus' | 'reveal' | 'edit' | 'menu' | 'add' | 'comments' | 'leave'; target: HTMLElement };

const NAV = '[data-nav]';

/** The places in a cell, top to bottom: its items, or the cell itself when it has none. */
function placesIn(cell: HTMLElement): HTMLElement[] {
  if (cell.dataset.nav === 'head') return [cell];
  const items = [...cell.querySelectorAll<HTMLElement>('[data-nav="item"]')];
  return items.length ? items : [cell];
}

/** The rows of the grid, headers first, as arrays of their places' cells. */
function rowsOf(grid: HTMLElement): HTMLElement[][] {
  return [...grid.querySelectorAll<HTMLElement>('[role="row"]')]
    .map((row) => [...row.querySelectorAll<HTMLElement>(':scope > [data-nav]')])
    .filter((cells) => cells.length > 0);
}

/** The cell a place is in (a header is its own cell). */
function cellOf(place: HTMLElement): HTMLElement | null {
  if (place.dataset.nav !== 'item') return place;
  return place.closest<HTMLElement>('[data-nav="cell"]');
}

/** A cell's column: its stage's index, -1 for a lane's name, null for a cell across every stage. */
const columnOf = (cell: HTMLElement) => (cell.dataset.col === undefined || cell.dataset.col === 'all' ? null : Number(cell.dataset.col));

/**
 * Where a key takes the focus from `from`, or what it asks for; null when the key is not the grid's.
 * Columns are stage indexes (data-col); a column whose cells were not sent yet (off screen on a
 * large map) is only revealed: its stage header scrolls into view and its cells load.
 */
export function gridKey(grid: HTMLElement, from: HTMLElement, key: string, ctrl: boolean): GridKeyAction | null {
  switch (key) {
    case 'Enter':
    case 'F2':
      return { kind: 'edit', target: from };
    case 'm':
    case 'M':
    case 'ContextMenu':
      return { kind: 'menu', target: from };
    case 'n':
    case 'N':
      return { kind: 'add', target: from };
    case 'c':
    case 'C':
      return { kind: 'comments', target: from };
    case 'Escape':
      return { kind: 'leave', target: from };
  }
  const rows = rowsOf(grid);
  const cell = cellOf(from);
  if (!cell) return null;
  const r = rows.findIndex((cells) => cells.includes(cell));
  if (r < 0) return null;
  const row = rows[r]!;
  const column = columnOf(cell) ?? 0;
  const places = placesIn(cell);
  const at = Math.max(0, places.indexOf(from));
  const stageCount = grid.querySelectorAll('[data-stage-id]').length;
  const cellAt = (cells: HTMLElement[], col: number) => cells.find((c) => columnOf(c) === col) ?? cells.find((c) => c.dataset.col === 'all') ?? null;
  const go = (target: HTMLElement | null, index: number | 'last', col: number): GridKeyAction | null => {
    if (!target) {
      const head = grid.querySelectorAll<HTMLElement>('[data-stage-id]')[col];
      return head ? { kind: 'reveal', target: head } : null;
    }
    const list = placesIn(target);
    const place = index === 'last' ? list[list.length - 1] : list[Math.min(index, list.length - 1)];
    return place ? { kind: 'focus', target: place } : null;
  };
  switch (key) {
    case 'ArrowDown': {
      if (at < places.length - 1) return { kind: 'focus', target: places[at + 1]! };
      const below = rows[r + 1];
      const col = Math.max(column, 0);
      return below ? go(cellAt(below, col), 0, col) : null;
    }
    case 'ArrowUp': {
      if (at > 0) return { kind: 'focus', target: places[at - 1]! };
      const above = rows[r - 1];
      // The stage headers have no lane-name column: up from a lane's name goes to the first stage.
      const col = above && cellAt(above, column) ? column : Math.max(column, 0);
      return above ? go(cellAt(above, col), 'last', col) : null;
    }
    case 'ArrowRight':
      if (columnOf(cell) === null || column + 1 >= stageCount) return null;
      return go(cellAt(row, column + 1), at, column + 1);
    case 'ArrowLeft':
      if (columnOf(cell) === null || column - 1 < -1) return null;
      return cellAt(row, column - 1) ? go(cellAt(row, column - 1), at, column - 1) : column - 1 >= 0 ? go(null, 0, column - 1) : null;
    case 'Home':
      return go(ctrl ? (rows[0]![0] ?? null) : (row[0] ?? null), 0, 0);
    case 'End': {
      const last = ctrl ? rows[rows.length - 1]! : row;
      return go(last[last.length - 1] ?? null, 0, stageCount - 1);
    }
    default:
      return null;
  }
}

/** Makes `place` the grid's one Tab stop. */
export function rove(grid: HTMLElement, place: HTMLElement) {
  for (const el of grid.querySelectorAll<HTMLElement>(`${NAV}[tabindex="0"]`)) if (el !== place) el.tabIndex = -1;
  place.tabIndex = 0;
}

/** Keeps one Tab stop in the grid after a render (the one that held it may have gone). */
export function ensureTabStop(grid: HTMLElement) {
  if (grid.querySelector(`${NAV}[tabindex="0"]`)) return;
  const first = grid.querySelector<HTMLElement>('[data-nav="item"]') ?? grid.querySelector<HTMLElement>(NAV);
  if (first) first.tabIndex = 0;
}
