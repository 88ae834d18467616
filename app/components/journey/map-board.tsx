// The map grid with drag and drop: one DndContext for stages (columns), lanes (rows) and the items
// of each cell (cards, KPIs), loaded on the first drag (dnd-on-demand.tsx, map-dnd.tsx). A drop is shown at once (the pending save is applied to the loader's
// order) and saved with one request; a failed save falls back to the saved order.
import type { Announcements, DragEndEvent, DragStartEvent, UniqueIdentifier } from '@dnd-kit/core';
import { useFetchers, useNavigate } from '@remix-run/react';
import {
  memo,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { AddKpiBox } from '~/components/kpis/add-kpi-box';
import type { KpiChipData } from '~/lib/kpi-chip';
import { useHydrated } from '~/lib/use-hydrated';
import { CanvasToolbar } from './canvas-toolbar';
import { CommentCountsContext, type CommentTargetType } from './comment-counts';
import { useCanvasView, useZoomKeys } from './canvas-view';
import { useStageWindow } from './stage-window';
import { applyMove, baseArrangement, moveFromForm, type Arrangement, type Move } from './arrangement';
import { EmotionCells } from './emotion-lane';
import { ensureTabStop, gridKey, rove } from './grid-navigation';
import { DndLayer, Sortable, useDndKitOnDemand } from './dnd-on-demand';
import { DndKitContext, useDndKit, type DndKit } from './dnd-kit-context';
import { accepts, type DragData } from './drag-data';
import { AddCardForm, InlineEditingContext, LaneRow, SortableCard, SortableKpi, StageHeader, type Holdings } from './items';
import { Expandable } from './expandable';
import { useMoveSubmit } from './move-context';
import type { MoveOption } from './move-menu';
import { stageAnchor, StageIndex, StagePlaces, useStageAnchor, useStageInAddress } from './stage-pager';
import { cellKey, type CardData, type EmotionData, type LaneData, type MapEditorData, type StageData } from './types';

export const COLUMN_WIDTH = 220;

/** A stage's neighbours and the move menu's labels, translated once per stage rather than per card. */
interface Neighbours {
  prev: StageData | null;
  next: StageData | null;
  labels: { up: string; down: string; toPrev: string; toNext: string };
}

export function MapBoard({
  editor,
  canEdit,
  slug,
  currency,
  locale,
  action,
  userId,
  restored = NO_MOVES,
}: {
  editor: MapEditorData;
  canEdit: boolean;
  /** The workspace, for the KPI chips' links; null on a read-only shared map, which links nowhere. */
  slug: string | null;
  currency: string;
  locale: string;
  action: string;
  /** Whose view of the map (zoom, density) is remembered. */
  userId: string;
  /** Moves sent before a reload and not answered then, shown until their new save is under way. */
  restored?: readonly { form: FormData }[];
}) {
  const { t } = useTranslation('maps');
  const submitMove = useMoveSubmit();
  const dndId = useId();
  // Handles appear once the page is hydrated: a handle that cannot be dragged yet would mislead.
  const hydrated = useHydrated();
  const canDrag = canEdit && hydrated;
  useStageInAddress();
  const { view, setZoom, setCompact } = useCanvasView(userId, editor.map.id);
  const canvas = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useZoomKeys(canvas, view.zoom, setZoom);
  const grid = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const commentCounts = useContext(CommentCountsContext);
  const [editingId, setEditingId] = useState<string | null>(null);
  const inlineEditing = useMemo(() => ({ editingId, setEditingId }), [editingId]);
  // The grid keeps one Tab stop whatever a render removed.
  useEffect(() => {
    if (hydrated && grid.current) ensureTabStop(grid.current);
  });

  const stageById = useMemo(() => new Map(editor.stages.map((s) => [s.id, s])), [editor.stages]);
  const laneById = useMemo(() => new Map(editor.lanes.map((l) => [l.id, l])), [editor.lanes]);
  const cardById = useMemo(() => new Map(editor.cards.map((c) => [c.id, c])), [editor.cards]);
  const kpiById = useMemo(() => new Map(editor.kpis.map((k) => [k.id, k])), [editor.kpis]);
  const emotionsByLane = useMemo(() => {
    const byLane = new Map<string, Map<string, EmotionData>>();
    for (const e of editor.emotions) {
      if (!byLane.has(e.laneId)) byLane.set(e.laneId, new Map());
      byLane.get(e.laneId)!.set(e.stageId, e);
    }
    return byLane;
  }, [editor.emotions]);
  const base = useMemo(() => baseArrangement(editor), [editor]);

  // Moves still being saved, applied in the order they were made.
  const fetchers = useFetchers();
  const laneOf = useCallback((id: string) => cardById.get(id)?.laneId ?? kpiById.get(id)?.laneId, [cardById, kpiById]);
  const pending: Move[] = [];
  for (const r of restored) {
    const move = moveFromForm(r.form, laneOf);
    if (move) pending.push(move);
  }
  for (const f of fetchers) {
    if (!f.formData) continue;
    const move = moveFromForm(f.formData, laneOf);
    if (move) pending.push(move);
  }
  const pendingKey = JSON.stringify(pending);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const arrangement: Arrangement = useMemo(() => pending.reduce(applyMove, base), [base, pendingKey]);

  const stages = useMemo(() => arrangement.stages.map((id) => stageById.get(id)).filter((s): s is StageData => !!s), [arrangement.stages, stageById]);
  const lanes = useMemo(() => arrangement.lanes.map((id) => laneById.get(id)).filter((l): l is LaneData => !!l), [arrangement.lanes, laneById]);
  const neighbours = useMemo(() => {
    const m = new Map<string, Neighbours>();
    const up = t('move.up');
    const down = t('move.down');
    stages.forEach((s, i) => {
      const prev = stages[i - 1] ?? null;
      const next = stages[i + 1] ?? null;
      const toPrev = prev ? t('move.toStage', { stage: prev.name }) : '';
      const toNext = next ? t('move.toStage', { stage: next.name }) : '';
      m.set(s.id, { prev, next, labels: { up, down, toPrev, toNext } });
    });
    return m;
  }, [stages, t]);

  const holdings = editor.holdings;
  // The stages whose cells the loader sent; the window follows the scroll (see stage-window.ts).
  const loaded = useMemo(() => new Set(editor.stages.slice(editor.window.from, editor.window.to).map((s) => s.id)), [editor.stages, editor.window]);
  useStageWindow(scroller, editor.stages.length, editor.window);
  const stagePlaces = useMemo(() => new Map(stages.map((s, i) => [s.id, i])), [stages]);
  // Each lane's cells: one per loaded stage, and one cell across each run of stages not loaded.
  const columns = useMemo(() => {
    const out: ({ gap: false; stage: StageData; index: number } | { gap: true; span: number; key: string })[] = [];
    stages.forEach((stage, index) => {
      const last = out[out.length - 1];
      if (loaded.has(stage.id)) out.push({ gap: false, stage, index });
      else if (last?.gap) last.span += 1;
      else out.push({ gap: true, span: 1, key: `gap-${stage.id}` });
    });
    return out;
  }, [stages, loaded]);

  const [active, setActive] = useState<{ id: string; data: DragData } | null>(null);
  const { kit, loadKitFor } = useDndKitOnDemand(canDrag, grid, scroller);

  const nameOf = (id: UniqueIdentifier | undefined, data?: DragData): string => {
    if (id === undefined) return '';
    const key = String(id);
    if (data?.type === 'cell') return t('dnd.cell', { lane: laneById.get(data.laneId)?.name ?? '', stage: stageById.get(data.stageId)?.name ?? '' });
    return stageById.get(key)?.name ?? laneById.get(key)?.name ?? cardById.get(key)?.title ?? kpiById.get(key)?.measureName ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('dnd.pickedUp', { name: nameOf(a.id) }),
    onDragOver: ({ active: a, over }) =>
      over ? t('dnd.over', { name: nameOf(a.id), target: nameOf(over.id, over.data.current as DragData) }) : t('dnd.nowhere', { name: nameOf(a.id) }),
    onDragEnd: ({ active: a, over }) =>
      over ? t('dnd.dropped', { name: nameOf(a.id), target: nameOf(over.id, over.data.current as DragData) }) : t('dnd.cancelled', { name: nameOf(a.id) }),
    onDragCancel: ({ active: a }) => t('dnd.cancelled', { name: nameOf(a.id) }),
  };

  const onGridFocus = (event: FocusEvent<HTMLDivElement>) => {
    const place = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (place && grid.current) rove(grid.current, place);
  };
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = event.target as HTMLElement;
    if (!from.dataset.nav && !active && !event.defaultPrevented) {
      // Inside a cell's own controls (the emotion points): Escape goes back to the cell, and the
      // points are one row that Left and Right walk along.
      const place = from.closest<HTMLElement>('[data-nav]');
      if (event.key === 'Escape' && place && from.tagName !== 'INPUT' && from.tagName !== 'TEXTAREA' && from.tagName !== 'SELECT') {
        event.preventDefault();
        place.focus();
      } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && from.getAttribute('role') === 'slider' && place) {
        const points = [...place.querySelectorAll<HTMLElement>('[role="slider"]')];
        const next = points[points.indexOf(from) + (event.key === 'ArrowRight' ? 1 : -1)];
        if (next) {
          event.preventDefault();
          next.focus();
        }
      }
      return;
    }
    // Keys typed in a control (a menu, a form, the inline editor) and keys of a drag are theirs.
    if (!from.dataset.nav || active || event.defaultPrevented || event.altKey || (event.metaKey && event.key !== 'Home' && event.key !== 'End')) return;
    const action = gridKey(grid.current!, from, event.key, event.ctrlKey || event.metaKey);
    if (!action) return;
    const { target } = action;
    if (action.kind === 'focus') {
      event.preventDefault();
      rove(grid.current!, target);
      target.focus();
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    if (action.kind === 'reveal') {
      // A stage whose cells are not loaded yet: bring it into view, its cells follow.
      event.preventDefault();
      target.scrollIntoView({ block: 'nearest', inline: 'center' });
      return;
    }
    if (action.kind === 'leave') {
      scroller.current?.focus();
      return;
    }
    if (action.kind === 'comments') {
      const { cardId, kpiId, stageId } = target.dataset;
      const item: [CommentTargetType, string] | null = cardId ? ['card', cardId] : kpiId ? ['kpi', kpiId] : stageId ? ['stage', stageId] : null;
      if (!item || !commentCounts) return;
      event.preventDefault();
      navigate(commentCounts.href(...item), { preventScrollReset: true });
      return;
    }
    if (!canEdit && action.kind !== 'edit') return;
    event.preventDefault();
    if (action.kind === 'edit') {
      if (target.dataset.cardId && canEdit) setEditingId(target.dataset.cardId);
      else if (target.dataset.kpiId) target.querySelector<HTMLAnchorElement>('a.kpi-chip')?.click();
      else if (target.dataset.nav === 'head' && canEdit) openIn(target, '.item-menu', 'a.button[href*="edit="]');
      else if (target.dataset.nav === 'cell' && canEdit) {
        const point = target.querySelector<HTMLElement>('[role="slider"]');
        if (point) point.focus();
        else openIn(target, '.add-card');
      }
    } else if (action.kind === 'menu') openIn(target, '.item-menu');
    else if (action.kind === 'add') openIn(target.closest<HTMLElement>('[data-nav="cell"]') ?? target, '.add-card');
  };

  // Double-click on a card's text edits its title in place (a mouse shortcut; the keyboard has
  // Enter, above). One listener for the grid: the cards' markup stays the server's.
  const onGridDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    if (target.closest('a, button, input, textarea, select, form, .item-menu')) return;
    const id = target.closest<HTMLElement>('[data-card-id]')?.dataset.cardId;
    if (id) setEditingId(id);
  };

  const onDragStart = (event: DragStartEvent) => setActive({ id: String(event.active.id), data: event.active.data.current as DragData });
  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    const a = event.active.data.current as DragData | undefined;
    const over = event.over;
    const o = over?.data.current as DragData | undefined;
    if (!a || !over || !o || !accepts(a, o)) return;
    const form = new FormData();
    const id = String(event.active.id);
    form.set('id', id);
    if (a.type === 'stage' || a.type === 'lane') {
      const order = a.type === 'stage' ? arrangement.stages : arrangement.lanes;
      const to = order.indexOf(String(over.id));
      if (to < 0 || order.indexOf(id) === to) return;
      form.set('intent', a.type === 'stage' ? 'moveStage' : 'moveLane');
      form.set('toIndex', String(to));
    } else if (a.type === 'card' || a.type === 'kpi') {
      if (o.type !== 'cell' && o.type !== 'card' && o.type !== 'kpi') return;
      const target = arrangement.cells.get(cellKey(o.laneId, o.stageId)) ?? [];
      let to = o.type === 'cell' ? target.filter((x) => x !== id).length : target.indexOf(String(over.id));
      if (to < 0) to = target.length;
      if (o.stageId === a.stageId && target.indexOf(id) === to) return;
      form.set('intent', a.type === 'card' ? 'moveCard' : 'moveKpi');
      form.set('toStageId', o.stageId);
      form.set('toIndex', String(to));
    } else return;
    submitMove(form);
  };

  // The headers' move menus, kept from render to render: the headers are memoised, and a new list
  // each time drew every stage and lane header again on each of the router's updates.
  const stageOptions = useMemo(
    () =>
      new Map(
        stages.map((s, i): [string, MoveOption[]] => [
          s.id,
          [
            ...(i > 0 ? [{ label: t('move.left'), value: String(i - 1), anchor: stageAnchor(s.id) }] : []),
            ...(i < stages.length - 1 ? [{ label: t('move.right'), value: String(i + 1), anchor: stageAnchor(s.id) }] : []),
          ],
        ]),
      ),
    [stages, t],
  );
  const laneOptions = useMemo(
    () =>
      lanes.map((_, i): MoveOption[] => [
        ...(i > 0 ? [{ label: t('move.up'), value: String(i - 1) }] : []),
        ...(i < lanes.length - 1 ? [{ label: t('move.down'), value: String(i + 1) }] : []),
      ]),
    [lanes, t],
  );
  const phases = phaseGroups(stages);
  const gridColumns = `var(--lane-head) repeat(${Math.max(stages.length, 1)}, var(--col))`;

  return (
    <InlineEditingContext.Provider value={inlineEditing}>
      <StagePlaces.Provider value={stagePlaces}>
        <DndKitContext.Provider value={kit}>
          {/* The stage and lane names are level-3 headings: the map itself is the level 2 under the title. */}
          <h2 className="visually-hidden">{t('editor.gridLabel')}</h2>
          <StageIndex stages={stages} />
          <div className="map-canvas" ref={canvas} data-density={view.compact ? 'compact' : undefined}>
            <CanvasToolbar
              zoom={view.zoom}
              compact={view.compact}
              onZoom={setZoom}
              onCompact={setCompact}
              fitWidth={() => (scroller.current ? scroller.current.clientWidth : 0)}
              stageCount={stages.length}
            />
            {/* Focusable so the keyboard can scroll it and Ctrl/Cmd +/- can zoom it (a scroll box
            must be reachable by keyboard: WCAG 2.1.1, axe's scrollable-region-focusable). */}
            <div
              className="map-scroll"
              ref={scroller}
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              tabIndex={0}
              role="region"
              aria-label={t('canvas.region')}
              data-dragging={active ? 'true' : undefined}
              style={{ ['--zoom' as string]: view.zoom }}
            >
              <div
                role={hydrated ? 'grid' : 'table'}
                ref={grid}
                className="map-grid"
                aria-label={t('editor.gridLabel')}
                aria-describedby={hydrated ? `${dndId}-keys` : undefined}
                onKeyDown={hydrated ? onGridKeyDown : undefined}
                onFocus={hydrated ? onGridFocus : undefined}
                onDoubleClick={hydrated && canEdit ? onGridDoubleClick : undefined}
                // The first drag loads dnd-kit (a pointer over or on a grip, Space on an item).
                onPointerOverCapture={kit || !canDrag ? undefined : (e: PointerEvent<HTMLDivElement>) => loadKitFor(e.nativeEvent)}
                onPointerDownCapture={kit || !canDrag ? undefined : (e: PointerEvent<HTMLDivElement>) => loadKitFor(e.nativeEvent)}
                onKeyDownCapture={kit || !canDrag ? undefined : (e: KeyboardEvent<HTMLDivElement>) => loadKitFor(e.nativeEvent)}
                style={{ ['--grid-columns' as string]: gridColumns, ['--stage-count' as string]: Math.max(stages.length, 1) }}
              >
                <DndLayer
                  kit={kit}
                  id={dndId}
                  announcements={announcements}
                  instructions={t('dnd.instructions')}
                  onDragStart={onDragStart}
                  onDragEnd={onDragEnd}
                  onDragCancel={() => setActive(null)}
                  overlay={active ? <Overlay label={nameOf(active.id)} type={active.data.type} /> : null}
                >
                  <div role="rowgroup" className="map-head">
                    {phases.some((p) => p.phase) ? (
                      <div role="row" className="phase-row">
                        <div role="columnheader" className="corner" />
                        {phases.map((p, i) => (
                          <div
                            key={i}
                            role="columnheader"
                            className={`phase${p.phase ? '' : ' empty'}`}
                            style={{ gridColumn: `span ${p.span}` }}
                            aria-colspan={p.span}
                          >
                            {p.phase}
                          </div>
                        ))}
                      </div>
                    ) : null}
                    <div role="row" className="stage-row">
                      <div role="columnheader" className="corner">
                        {t('editor.lanesAndStages')}
                      </div>
                      <Sortable kit={kit} items={arrangement.stages} axis="x">
                        {stages.map((s, i) => (
                          <StageHeader
                            key={s.id}
                            stage={s}
                            canEdit={canEdit}
                            canDrag={canDrag}
                            holdings={holdings.byStage[s.id] ?? NO_HOLDINGS}
                            moveOptions={stageOptions.get(s.id)!}
                            index={i}
                            count={stages.length}
                            loaded={loaded.has(s.id)}
                            prev={neighbours.get(s.id)!.prev}
                            next={neighbours.get(s.id)!.next}
                          />
                        ))}
                      </Sortable>
                    </div>
                  </div>
                  <Sortable kit={kit} items={arrangement.lanes} axis="y">
                    {lanes.map((lane, i) => (
                      <LaneRow
                        key={lane.id}
                        lane={lane}
                        canEdit={canEdit}
                        canDrag={canDrag}
                        holdings={holdings.byLane[lane.id] ?? NO_HOLDINGS}
                        moveOptions={laneOptions[i]!}
                      >
                        {lane.kind === 'emotions' ? (
                          <EmotionCells
                            loaded={loaded}
                            lane={lane}
                            stages={stages}
                            points={emotionsByLane.get(lane.id) ?? EMPTY_POINTS}
                            canEdit={canEdit}
                            columnWidth={COLUMN_WIDTH}
                            action={action}
                          />
                        ) : (
                          columns.map((c) =>
                            c.gap ? (
                              <UnloadedCells key={c.key} span={c.span} />
                            ) : lane.kind === 'kpi' ? (
                              <KpiCell
                                key={c.stage.id}
                                lane={lane}
                                stage={c.stage}
                                col={c.index}
                                ids={arrangement.cells.get(cellKey(lane.id, c.stage.id)) ?? EMPTY}
                                kpiById={kpiById}
                                canEdit={canEdit}
                                canDrag={canDrag}
                                slug={slug}
                                mapId={editor.map.id}
                                currency={currency}
                                locale={locale}
                                neighbours={neighbours.get(c.stage.id)!}
                              />
                            ) : (
                              <CardCell
                                key={c.stage.id}
                                lane={lane}
                                stage={c.stage}
                                col={c.index}
                                ids={arrangement.cells.get(cellKey(lane.id, c.stage.id)) ?? EMPTY}
                                cardById={cardById}
                                canEdit={canEdit}
                                canDrag={canDrag}
                                neighbours={neighbours.get(c.stage.id)!}
                              />
                            ),
                          )
                        )}
                      </LaneRow>
                    ))}
                  </Sortable>
                </DndLayer>
              </div>
            </div>
          </div>
          {hydrated ? (
            <p id={`${dndId}-keys`} hidden>
              {t(canEdit ? 'grid.keys' : 'grid.keysReadOnly')}
            </p>
          ) : null}
        </DndKitContext.Provider>
      </StagePlaces.Provider>
    </InlineEditingContext.Provider>
  );
}

const EMPTY: string[] = [];
const NO_MOVES: readonly { form: FormData }[] = [];
const NO_HOLDINGS: Holdings = { cards: 0, kpis: 0, emotions: 0 };
const EMPTY_POINTS: ReadonlyMap<string, EmotionData> = new Map();

function Overlay({ label, type }: { label: string; type: DragData['type'] }) {
  return <div className={`drag-overlay overlay-${type}`}>{label}</div>;
}

/**
 * The cells of a run of stages whose cards were not sent (off screen on a large map): one cell
 * across them, filled when they scroll into view. Without JavaScript each such stage's header links
 * to the window that holds it.
 */
const UnloadedCells = memo(function UnloadedCells({ span }: { span: number }) {
  return <div role="cell" className="map-cell unloaded" aria-busy="true" aria-colspan={span} style={{ gridColumn: `span ${span}` }} />;
});

/**
 * Opens the expandable of `scope` (its actions menu, its add form) and, if given, clicks the control
 * `then` inside it once it is drawn; the opened panel takes the focus itself.
 */
function openIn(scope: HTMLElement, expandable: string, then?: string) {
  const root = scope.querySelector<HTMLElement>(`${expandable}:not(${expandable} ${expandable})`);
  const toggle = root?.querySelector<HTMLElement>(':scope > a');
  if (!root || !toggle) return;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  if (then) requestAnimationFrame(() => root.querySelector<HTMLElement>(then)?.click());
}

/** Consecutive stages with the same phase share one header. */
export function phaseGroups(stages: readonly { phase: string | null }[]) {
  const groups: { phase: string | null; span: number }[] = [];
  for (const s of stages) {
    const last = groups[groups.length - 1];
    if (last && last.phase === (s.phase || null)) last.span += 1;
    else groups.push({ phase: s.phase || null, span: 1 });
  }
  return groups;
}

function cellMoveOptions(stageId: string, index: number, count: number, n: Neighbours): MoveOption[] {
  const options: MoveOption[] = [];
  const here = stageAnchor(stageId);
  if (index > 0) options.push({ label: n.labels.up, value: `${stageId}:${index - 1}`, anchor: here });
  if (index < count - 1) options.push({ label: n.labels.down, value: `${stageId}:${index + 1}`, anchor: here });
  if (n.prev) options.push({ label: n.labels.toPrev, value: `${n.prev.id}:9999`, anchor: stageAnchor(n.prev.id) });
  if (n.next) options.push({ label: n.labels.toNext, value: `${n.next.id}:9999`, anchor: stageAnchor(n.next.id) });
  return options;
}

/**
 * The drop target around a cell. It follows the drag state (dnd-kit re-renders it on every drag
 * change) but its children come from the memoised cell, so React skips them.
 */
function DroppableCell({
  kit,
  kind,
  laneId,
  stageId,
  col,
  className,
  label,
  children,
}: {
  kit: DndKit;
  kind: 'card' | 'kpi';
  laneId: string;
  stageId: string;
  col: number;
  className: string;
  label?: string;
  children: ReactNode;
}) {
  const { ref, isOver } = kit.useDropCell(kind, laneId, stageId);
  return (
    <div role="gridcell" ref={ref} className={`${className}${isOver ? ' over' : ''}`} data-cell={label} data-nav="cell" data-col={col} tabIndex={-1}>
      {children}
    </div>
  );
}

/** One cell of a card lane; memoised so a drop re-renders only the cells it changed. */
const CardCell = memo(function CardCell({
  lane,
  stage,
  col,
  ids,
  cardById,
  canEdit,
  canDrag,
  neighbours,
}: {
  lane: LaneData;
  stage: StageData;
  /** The stage's index: the cell's column in the keyboard grid. */
  col: number;
  ids: string[];
  cardById: ReadonlyMap<string, CardData>;
  canEdit: boolean;
  canDrag: boolean;
  neighbours: Neighbours;
}) {
  const { t } = useTranslation('maps');
  const hydrated = useHydrated();
  const touchpoint = lane.kind === 'touchpoints';
  return (
    <CellFrame
      kind="card"
      laneId={lane.id}
      stageId={stage.id}
      col={col}
      ids={ids}
      canDrag={canDrag}
      className="map-cell"
      label={`${lane.name} / ${stage.name}`}
      list={
        <ul className="cell-items" aria-label={t('dnd.cell', { lane: lane.name, stage: stage.name })}>
          {ids.map((id, index) => {
            const card = cardById.get(id);
            return card ? (
              <SortableCard
                key={id}
                card={card}
                stageId={stage.id}
                canEdit={canEdit}
                canDrag={canDrag}
                touchpoint={touchpoint}
                moveOptions={canEdit ? cellMoveOptions(stage.id, index, ids.length, neighbours) : EMPTY_OPTIONS}
              />
            ) : null;
          })}
        </ul>
      }
      footer={
        canEdit ? <AddCardForm laneId={lane.id} stageId={stage.id} touchpoint={touchpoint} where={`${lane.name} · ${stage.name}`} inGrid={hydrated} /> : null
      }
    />
  );
});

const EMPTY_OPTIONS: MoveOption[] = [];

/**
 * A cell's frame: plain markup until the first drag (the server and hydration render no drag-and-
 * drop machinery), then a drop target holding a sortable list. It has no aria-label: its row and
 * column headers name it, and a label would hide its cards' text from its name.
 */
function CellFrame({
  kind,
  laneId,
  stageId,
  col,
  ids,
  canDrag,
  className,
  label,
  list,
  footer,
}: {
  kind: 'card' | 'kpi';
  laneId: string;
  stageId: string;
  col: number;
  ids: string[];
  canDrag: boolean;
  className: string;
  label: string;
  list: ReactNode;
  footer: ReactNode;
}) {
  const inGrid = useHydrated();
  const kit = useDndKit();
  if (!canDrag || !kit) {
    return (
      <div
        role={inGrid ? 'gridcell' : 'cell'}
        className={className}
        data-cell={label}
        {...(inGrid ? { 'data-nav': 'cell', 'data-col': col, tabIndex: -1 } : null)}
      >
        {list}
        {footer}
      </div>
    );
  }
  return (
    <DroppableCell kit={kit} kind={kind} laneId={laneId} stageId={stageId} col={col} className={className} label={label}>
      <kit.SortableList id={`cell:${laneId}:${stageId}`} items={ids} axis="y">
        {list}
      </kit.SortableList>
      {footer}
    </DroppableCell>
  );
}

const KpiCell = memo(function KpiCell({
  lane,
  stage,
  col,
  ids,
  kpiById,
  canEdit,
  canDrag,
  slug,
  mapId,
  currency,
  locale,
  neighbours,
}: {
  lane: LaneData;
  stage: StageData;
  /** The stage's index: the cell's column in the keyboard grid. */
  col: number;
  ids: string[];
  kpiById: ReadonlyMap<string, KpiChipData>;
  canEdit: boolean;
  canDrag: boolean;
  slug: string | null;
  mapId: string;
  currency: string;
  locale: string;
  neighbours: Neighbours;
}) {
  const { t } = useTranslation('maps');
  const hydrated = useHydrated();
  const anchor = useStageAnchor(stage.id);
  return (
    <CellFrame
      kind="kpi"
      laneId={lane.id}
      stageId={stage.id}
      col={col}
      ids={ids}
      canDrag={canDrag}
      className="map-cell kpi-cell"
      label={`${lane.name} / ${stage.name}`}
      list={
        <ul className="cell-items" aria-label={t('dnd.cell', { lane: lane.name, stage: stage.name })}>
          {ids.map((id, index) => {
            const kpi = kpiById.get(id);
            return kpi ? (
              <SortableKpi
                key={id}
                kpi={kpi}
                stageId={stage.id}
                canEdit={canEdit}
                canDrag={canDrag}
                href={slug ? `/w/${slug}/maps/${mapId}/kpis/${kpi.id}` : null}
                currency={currency}
                locale={locale}
                moveOptions={canEdit ? cellMoveOptions(stage.id, index, ids.length, neighbours) : EMPTY_OPTIONS}
              />
            ) : null;
          })}
        </ul>
      }
      footer={
        canEdit && slug ? (
          <Expandable
            param="add"
            id={`${lane.id}:${stage.id}`}
            label={<span aria-hidden="true">+</span>}
            ariaLabel={t('kpiTools.addIn', { where: `${lane.name} · ${stage.name}` })}
            className="add-card no-print"
            anchor={anchor}
            toggleTabIndex={hydrated ? -1 : undefined}
          >
            {() => <AddKpiBox slug={slug} mapId={mapId} laneId={lane.id} stageId={stage.id} />}
          </Expandable>
        ) : null
      }
    />
  );
});
