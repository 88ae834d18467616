// The pieces of the grid: cards and KPIs (sortable inside a cell), stage headers (sortable columns)
// and lane headers (sortable rows), each with one actions menu for editors (move, edit, duplicate,
// delete) and, for cards, a title edited in place.
import { Form, Link, useFetcher, useRevalidator } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { createContext, memo, Suspense, useContext, useEffect, useRef, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KpiChip } from '~/components/kpis/kpi-chip';
import { CHANNELS } from '~/domain/vocabulary';
import { useHydrated } from '~/lib/use-hydrated';
import type { KpiChipData } from '~/lib/kpi-chip';
import {
  ConflictNotice,
  controlProps,
  formProps,
  isSettled,
  Labelled,
  refusal,
  SaveOrConflict,
  settle,
  UnshownErrors,
  useEditorForm,
  useKeepTheirs,
  type Conflict,
  type EditorAnswer,
  type EditorField,
} from './editor-form';
import { Expandable } from './expandable';
import { CommentBadge, CommentMenuLink } from './comment-counts';
import { ItemMenu, ItemMenuPanel } from './item-menu';
import { MoveMenuForm, type MoveOption } from './move-menu';
import { shortAnchor, stageAnchor, StagePager, useStageAnchor } from './stage-pager';
import { useDndKit, type DndKit } from './dnd-kit-context';
import type { DragData } from './drag-data';
import type { CardData, LaneData, StageData } from './types';

export type { DragData };

/**
 * The pointer's grip. The keyboard picks an item up from the item itself (Space, see the map
 * grid), so once the grid runs the grip is out of the Tab order; before that it is never rendered.
 * Until the first drag loads dnd-kit it has no listeners: a pointer over it or on it loads them.
 */
const DragHandle = memo(function DragHandle({ labelKey, name, listeners }: { labelKey: string; name: string; listeners?: object }) {
  const { t } = useTranslation('maps');
  return (
    <button type="button" className="drag-handle" aria-label={t(labelKey, { name })} {...listeners} tabIndex={-1}>
      <span aria-hidden="true">⠿</span>
    </button>
  );
});

// ---------------------------------------------------------------- cards

/** The card's text; re-renders only when the card itself changed (its version). */
export const CardContent = memo(
  function CardContent({ card }: { card: CardData }) {
    const { t } = useTranslation('maps');
    return (
      <>
        <p className="card-title">{card.title}</p>
        {card.description ? <p className="card-description">{card.description}</p> : null}
        {card.channel || card.system ? (
          <p className="card-meta">
            {card.channel ? <span className={`channel channel-${card.channel}`}>{t(`channel.${card.channel}`)}</span> : null}
            {card.system ? <span className="system">{t('card.systemValue', { system: card.system })}</span> : null}
          </p>
        ) : null}
      </>
    );
  },
  (a, b) => a.card.id === b.card.id && a.card.version === b.card.version,
);

/**
 * A card in its cell. Only this thin wrapper follows the drag state (dnd-kit re-renders every
 * sortable when a drag starts or ends); the handle, the text and the menu are memoised, so a drop
 * on the large map does not re-render every card's content.
 */
interface CardProps {
  card: CardData;
  stageId: string;
  canEdit: boolean;
  /** Drag handles and the keyboard grid only once JavaScript runs (before that the menu works). */
  canDrag: boolean;
  touchpoint: boolean;
  moveOptions: MoveOption[];
}

// Until the first drag a card is plain markup (with a grip once JavaScript runs): neither the server
// nor hydration pays for the drag-and-drop machinery of a few hundred cards; the sortable version
// takes over when dnd-kit has loaded.
export const SortableCard = memo(function SortableCard(props: CardProps) {
  const kit = useDndKit();
  if (props.canDrag && kit) return <DraggableCard {...props} kit={kit} />;
  return <CardShell {...props} handle={props.canDrag ? <DragHandle labelKey="dnd.dragCard" name={props.card.title} /> : undefined} />;
});

function DraggableCard({ kit, ...props }: CardProps & { kit: DndKit }) {
  const s = kit.useSortableItem(props.card.id, { type: 'card', laneId: props.card.laneId, stageId: props.stageId });
  return (
    <CardShell
      {...props}
      nodeRef={s.ref}
      style={s.style}
      dragging={s.dragging}
      itemProps={s.itemProps}
      handle={<DragHandle labelKey="dnd.dragCard" name={props.card.title} listeners={s.listeners} />}
    />
  );
}

function CardShell({
  card,
  stageId,
  canEdit,
  touchpoint,
  moveOptions,
  nodeRef,
  style,
  dragging,
  handle,
  itemProps,
}: CardProps & {
  nodeRef?: (node: HTMLElement | null) => void;
  style?: CSSProperties;
  dragging?: boolean;
  handle?: ReactNode;
  itemProps?: HTMLAttributes<HTMLElement>;
}) {
  const inGrid = useHydrated();
  return (
    <li
      ref={nodeRef}
      className={`journey-card${dragging ? ' dragging' : ''}`}
      style={style}
      data-card-id={card.id}
      {...(inGrid ? { 'data-nav': 'item', tabIndex: -1 } : null)}
      {...itemProps}
    >
      {/* The same markup on the server and once hydrated (only the grip is added), as small as it
      can be: a large map sends a few hundred cards, and hydration then has no card to rebuild. */}
      {handle}
      <CardText card={card} canEdit={canEdit} />
      <CommentBadge type="card" id={card.id} name={card.title} />
      {canEdit ? <CardActions card={card} stageId={stageId} touchpoint={touchpoint} moveOptions={moveOptions} inGrid={inGrid} /> : null}
    </li>
  );
}

/**
 * The card's text, or its title in an inline editor (a double-click on the card, or Enter on it in
 * the grid: both handled by the map board).
 */
function CardText({ card, canEdit }: { card: CardData; canEdit: boolean }) {
  const { editingId, setEditingId } = useInlineEditing();
  if (canEdit && editingId === card.id) return <InlineTitleForm card={card} done={() => setEditingId(null)} />;
  return <CardContent card={card} />;
}

/**
 * The title edited in place: Enter saves (the card's other fields are sent as they were when the
 * editing began, with that version), Escape cancels, and either way the focus goes back to the card.
 * A save refused because the card changed meanwhile shows both titles: "Apply mine on top" saves
 * this title over their card (their other fields kept), "Keep theirs" drops it.
 */
function InlineTitleForm({ card, done }: { card: CardData; done: () => void }) {
  const { t } = useTranslation('maps');
  const { t: te } = useTranslation('errors');
  const fetcher = useFetcher<EditorAnswer>();
  const revalidator = useRevalidator();
  const input = useRef<HTMLInputElement>(null);
  const sent = useRef(false);
  // The card as the editing began: a live update meanwhile changes neither the text nor the version.
  const [drawn] = useState(card);
  const finish = () => {
    const item = input.current?.closest<HTMLElement>('[data-nav]');
    done();
    item?.focus();
  };
  useEffect(() => {
    if (sent.current && fetcher.state === 'idle' && fetcher.data?.status === 'done') finish();
  });
  const answer = fetcher.state === 'idle' ? fetcher.data : undefined;
  const conflict = answer?.status === 'stale' && answer.current && !isSettled(answer) ? (answer as Conflict) : undefined;
  const base: Record<string, unknown> = conflict ? conflict.current : drawn;
  const problem = conflict ? undefined : refusal(answer);
  const fieldError = (answer?.result as { error?: Record<string, string[]> } | undefined)?.error?.title?.[0];
  return (
    <fetcher.Form
      method="post"
      className="card-text inline-edit"
      onSubmit={() => {
        sent.current = true;
      }}
    >
      <input type="hidden" name="intent" value="updateCard" />
      <input type="hidden" name="cardId" value={card.id} />
      <input type="hidden" name="version" value={String(base.version)} />
      <input type="hidden" name="description" value={String(base.description ?? '')} />
      {base.channel ? <input type="hidden" name="channel" value={String(base.channel)} /> : null}
      <input type="hidden" name="system" value={String(base.system ?? '')} />
      <input
        ref={input}
        name="title"
        defaultValue={drawn.title}
        aria-label={t('card.titleOf', { name: drawn.title })}
        aria-describedby={problem ? `inline-error-${card.id}` : undefined}
        aria-invalid={problem ? true : undefined}
        required
        maxLength={200}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish();
          }
        }}
      />
      {problem ? (
        <p id={`inline-error-${card.id}`} className="field-errors" role="alert">
          {te(fieldError ?? problem)}
        </p>
      ) : null}
      {conflict ? (
        <Suspense fallback={null}>
          <ConflictNotice
            id={`inline-${card.id}`}
            fields={[{ name: 'title', label: t('card.title') }]}
            theirs={conflict.current}
            yours={(conflict.result as { initialValue?: Record<string, unknown> } | undefined)?.initialValue ?? {}}
            keepTheirsHref={`?edit=${card.id}`}
            onKeepTheirs={() => {
              settle(conflict);
              finish();
              revalidator.revalidate();
            }}
          />
        </Suspense>
      ) : null}
    </fetcher.Form>
  );
}

/** Which card's title is being edited in place: one at a time on the whole map. */
export const InlineEditingContext = createContext<{ editingId: string | null; setEditingId: (id: string | null) => void }>({
  editingId: null,
  setEditingId: () => {},
});
const useInlineEditing = () => useContext(InlineEditingContext);

/** One menu per card: move, edit, duplicate, delete. */
const CardActions = memo(function CardActions({
  card,
  stageId,
  touchpoint,
  moveOptions,
  inGrid,
}: {
  card: CardData;
  stageId: string;
  touchpoint: boolean;
  moveOptions: MoveOption[];
  inGrid: boolean;
}) {
  const { t } = useTranslation('maps');
  const anchor = useStageAnchor(stageId);
  return (
    <ItemMenu id={card.id} name={card.title} anchor={anchor} closeWhen={card.version} inGrid={inGrid}>
      {(close) => (
        <ItemMenuPanel
          id={card.id}
          anchor={anchor}
          editLabel={t('card.editNamed', { name: card.title })}
          edit={() => <CardEditForm card={card} touchpoint={touchpoint} close={close} />}
          move={moveOptions.length ? <MoveMenuForm intent="moveCard" id={card.id} options={moveOptions} close={close} /> : null}
        >
          <RowActionForm intent="duplicateCard" id={card.id} onSent={close}>
            {t('menu.duplicate')}
          </RowActionForm>
          <CommentMenuLink type="card" id={card.id} onClick={close} />
          <RowActionForm intent="deleteCard" id={card.id} danger confirm={t('card.deleteConfirm', { name: card.title })}>
            {t('card.delete')}
          </RowActionForm>
        </ItemMenuPanel>
      )}
    </ItemMenu>
  );
});

function CardFields({ field, touchpoint }: { field: (name: string) => EditorField; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  const [title, description, channel, system] = CARD_FIELDS.map(field) as [EditorField, EditorField, EditorField, EditorField];
  return (
    <>
      <Labelled label={t('card.title')} field={title}>
        <input type="text" {...controlProps(title)} required maxLength={200} />
      </Labelled>
      <Labelled label={t('card.description')} field={description}>
        <textarea {...controlProps(description)} rows={2} maxLength={4000} />
      </Labelled>
      {touchpoint ? (
        <>
          <Labelled label={t('card.channel')} field={channel}>
            <select {...controlProps(channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t('card.system')} field={system}>
            <input type="text" {...controlProps(system)} maxLength={120} />
          </Labelled>
        </>
      ) : null}
    </>
  );
}

const CARD_FIELDS = ['title', 'description', 'channel', 'system'] as const;

/** A card's fields as the conflict notice compares them (a channel by its name). */
const cardConflict = (t: TFunction<'maps'>, touchpoint: boolean) => ({
  fields: (touchpoint ? CARD_FIELDS : CARD_FIELDS.slice(0, 2)).map((name) => ({ name, label: t(`card.${name}`) })),
  show: (name: string, value: unknown) => (name === 'channel' && value ? t(`channel.${String(value)}`) : String(value ?? '')),
});

function CardEditForm({ card, touchpoint, close }: { card: CardData; touchpoint: boolean; close: () => void }) {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({
    id: `edit-card-${card.id}`,
    intent: 'updateCard',
    rowId: card.id,
    version: card.version,
    defaultValue: { title: card.title, description: card.description, channel: card.channel ?? 'web', system: card.system ?? '' },
  });
  const keepTheirs = useKeepTheirs(form, close);
  return (
    <Form method="post" preventScrollReset className="stack" {...formProps(form)}>
      <input type="hidden" name="intent" value="updateCard" />
      <input type="hidden" name="cardId" value={card.id} />
      <input type="hidden" name="version" value={form.version} />
      <CardFields field={field} touchpoint={touchpoint} />
      <SaveOrConflict form={form} label={t('actions.save')} {...cardConflict(t, touchpoint)} keepTheirsHref={`?edit=${card.id}`} onKeepTheirs={keepTheirs} />
      <UnshownErrors form={form} shown={CARD_FIELDS} />
    </Form>
  );
}

/**
 * One button in a form of its own (duplicate, delete), checked with the schema the action parses.
 * `confirm` is asked first with JavaScript; cancelling keeps the page as it is.
 */
function RowActionForm({
  intent,
  id,
  confirm,
  danger,
  onSent,
  children,
}: {
  intent: 'deleteStage' | 'deleteLane' | 'deleteCard' | 'duplicateCard' | 'duplicateStage' | 'duplicateLane';
  id: string;
  confirm?: string;
  danger?: boolean;
  onSent?: () => void;
  children: ReactNode;
}) {
  const [form] = useEditorForm({ id: `${intent}-${id}`, intent, rowId: id });
  return (
    <Form
      method="post"
      preventScrollReset
      {...formProps(form)}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        onSent?.();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={`${danger ? 'danger' : 'secondary'} small`}>
        {children}
      </button>
      <UnshownErrors form={form} />
    </Form>
  );
}

/** The add form of a cell; it starts again empty once the new card has landed. */
export function AddCardForm({
  laneId,
  stageId,
  touchpoint,
  where,
  inGrid,
}: {
  laneId: string;
  stageId: string;
  touchpoint: boolean;
  where: string;
  /** Inside the keyboard grid, N opens it from the focused cell. */
  inGrid: boolean;
}) {
  const { t } = useTranslation('maps');
  const anchor = useStageAnchor(stageId);
  return (
    <Expandable
      param="add"
      id={`${laneId}:${stageId}`}
      label="+"
      ariaLabel={t('card.addIn', { where })}
      className="add-card"
      anchor={anchor}
      toggleTabIndex={inGrid ? -1 : undefined}
    >
      {() => <AddCardFields laneId={laneId} stageId={stageId} touchpoint={touchpoint} />}
    </Expandable>
  );
}

function AddCardFields({ laneId, stageId, touchpoint }: { laneId: string; stageId: string; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({
    id: `add-card-${laneId}-${stageId}`,
    intent: 'addCard',
    rowId: `${laneId}:${stageId}`,
    resetOnDone: true,
    defaultValue: { channel: 'web' },
  });
  return (
    <Form method="post" preventScrollReset className="stack" {...formProps(form)}>
      <input type="hidden" name="intent" value="addCard" />
      <input type="hidden" name="laneId" value={laneId} />
      <input type="hidden" name="stageId" value={stageId} />
      <CardFields field={field} touchpoint={touchpoint} />
      <button type="submit" className="small">
        {t('card.add')}
      </button>
      <UnshownErrors form={form} shown={CARD_FIELDS} />
    </Form>
  );
}

// ---------------------------------------------------------------- KPIs

interface KpiProps {
  kpi: KpiChipData;
  stageId: string;
  canEdit: boolean;
  /** Drag handles and the keyboard grid only once JavaScript runs (before that the menu works). */
  canDrag: boolean;
  /** The KPI's settings; null on a read-only shared map (no link into the workspace). */
  href: string | null;
  currency: string;
  locale: string;
  moveOptions: MoveOption[];
}

export const SortableKpi = memo(function SortableKpi(props: KpiProps) {
  const kit = useDndKit();
  if (props.canDrag && kit) return <DraggableKpi {...props} kit={kit} />;
  return <KpiShell {...props} handle={props.canDrag ? <DragHandle labelKey="dnd.dragKpi" name={props.kpi.measureName} /> : undefined} />;
});

function DraggableKpi({ kit, ...props }: KpiProps & { kit: DndKit }) {
  const s = kit.useSortableItem(props.kpi.id, { type: 'kpi', laneId: props.kpi.laneId, stageId: props.stageId });
  return (
    <KpiShell
      {...props}
      nodeRef={s.ref}
      style={s.style}
      dragging={s.dragging}
      itemProps={s.itemProps}
      handle={<DragHandle labelKey="dnd.dragKpi" name={props.kpi.measureName} listeners={s.listeners} />}
    />
  );
}

function KpiShell({
  kpi,
  stageId,
  canEdit,
  href,
  currency,
  locale,
  moveOptions,
  nodeRef,
  style,
  dragging,
  handle,
  itemProps,
}: KpiProps & {
  nodeRef?: (node: HTMLElement | null) => void;
  style?: CSSProperties;
  dragging?: boolean;
  handle?: ReactNode;
  itemProps?: HTMLAttributes<HTMLElement>;
}) {
  const inGrid = useHydrated();
  return (
    <li
      ref={nodeRef}
      className={`journey-kpi${dragging ? ' dragging' : ''}`}
      style={style}
      data-kpi-id={kpi.id}
      {...(inGrid ? { 'data-nav': 'item', tabIndex: -1 } : null)}
      {...itemProps}
    >
      {handle}
      <KpiChip kpi={kpi} href={href} currency={currency} locale={locale} inGrid={inGrid} />
      <CommentBadge type="kpi" id={kpi.id} name={kpi.measureName} />
      {canEdit && href ? <KpiActions kpi={kpi} stageId={stageId} href={href} moveOptions={moveOptions} inGrid={inGrid} /> : null}
    </li>
  );
}

const KpiActions = memo(function KpiActions({
  kpi,
  stageId,
  href,
  moveOptions,
  inGrid,
}: {
  kpi: KpiChipData;
  stageId: string;
  href: string;
  moveOptions: MoveOption[];
  inGrid: boolean;
}) {
  const { t } = useTranslation('maps');
  const anchor = useStageAnchor(stageId);
  return (
    <ItemMenu id={kpi.id} name={kpi.measureName} anchor={anchor} closeWhen={kpi.version} inGrid={inGrid}>
      {(close) => (
        <div className="item-menu-panel">
          {moveOptions.length ? (
            <div className="menu-section">
              <p className="menu-heading">{t('menu.moveTo')}</p>
              <MoveMenuForm intent="moveKpi" id={kpi.id} options={moveOptions} close={close} />
            </div>
          ) : null}
          <div className="menu-section menu-actions">
            <Link className="button secondary small" to={href} preventScrollReset>
              {t('kpiTools.settings')}
            </Link>
            {/* The KPI's link form (projects count on a KPI through it). */}
            <Link
              className="button secondary small"
              to={`${href}#link-project`}
              preventScrollReset
              aria-label={t('kpiTools.linkToProjectOf', { name: kpi.measureName })}
            >
              {t('kpiTools.linkToProject')}
            </Link>
          </div>
        </div>
      )}
    </ItemMenu>
  );
});

// ---------------------------------------------------------------- stages and lanes

export interface Holdings {
  cards: number;
  kpis: number;
  emotions: number;
}

/** What deleting a stage or lane takes along, and the button that does it. */
function DeleteWithContents({ intent, id, name, holdings }: { intent: 'deleteStage' | 'deleteLane'; id: string; name: string; holdings: Holdings }) {
  const { t } = useTranslation('maps');
  const empty = holdings.cards + holdings.kpis + holdings.emotions === 0;
  return (
    <div className="stack">
      <p>{empty ? t('delete.empty', { name }) : t('delete.holds', { name })}</p>
      {!empty ? (
        <ul className="holdings">
          {holdings.cards ? <li>{t('delete.cards', { count: holdings.cards })}</li> : null}
          {holdings.kpis ? <li>{t('delete.kpis', { count: holdings.kpis })}</li> : null}
          {holdings.emotions ? <li>{t('delete.emotions', { count: holdings.emotions })}</li> : null}
        </ul>
      ) : null}
      <RowActionForm intent={intent} id={id} danger>
        {t('delete.confirm', { name })}
      </RowActionForm>
    </div>
  );
}

type StageHeaderProps = {
  /** Whether the stage's cells were sent: one that is off screen has a lighter header until it is. */
  loaded: boolean;
  stage: StageData;
  canEdit: boolean;
  /** Drag handles only once JavaScript runs (before that the move menu works). */
  canDrag: boolean;
  holdings: Holdings;
  moveOptions: MoveOption[];
  /** Where the stage stands, for the pager shown on a phone. */
  index: number;
  count: number;
  prev: StageData | null;
  next: StageData | null;
};

/** What the drag-and-drop layer gives a stage or lane header once it has loaded. */
interface Sorted {
  ref: (node: HTMLElement | null) => void;
  style: CSSProperties;
  dragging: boolean;
  itemProps: HTMLAttributes<HTMLElement>;
  listeners?: object;
}

export const StageHeader = memo(function StageHeader(props: StageHeaderProps) {
  const kit = useDndKit();
  return props.canDrag && kit ? <DraggableStageHeader {...props} kit={kit} /> : <StageHeaderShell {...props} />;
});

function DraggableStageHeader({ kit, ...props }: StageHeaderProps & { kit: DndKit }) {
  return <StageHeaderShell {...props} sorted={kit.useSortableItem(props.stage.id, { type: 'stage' })} />;
}

function StageHeaderShell({
  stage,
  canEdit,
  canDrag,
  holdings,
  moveOptions,
  index,
  count,
  prev,
  next,
  loaded,
  sorted,
}: StageHeaderProps & { sorted?: Sorted }) {
  const { t } = useTranslation('maps');
  const anchor = stageAnchor(stage.id);
  const inGrid = useHydrated();
  // The column's head: the pager (shown on a phone) above the stage's own header, which holds only
  // what the stage is and its menu.
  return (
    <div
      ref={sorted?.ref}
      role="columnheader"
      id={anchor}
      className={`stage-head${sorted?.dragging ? ' dragging' : ''}`}
      style={sorted?.style}
      data-stage-id={stage.id}
      {...(inGrid ? { 'data-nav': 'head', 'data-col': index, tabIndex: -1 } : null)}
      {...sorted?.itemProps}
    >
      {loaded ? <StagePager stage={stage} index={index} count={count} prev={prev} next={next} /> : null}
      <div className="stage-header" id={shortAnchor(index)}>
        <div className="card-body">
          {canDrag ? <DragHandle labelKey="dnd.dragStage" name={stage.name} listeners={sorted?.listeners} /> : null}
          <div className="card-text">
            <h3 className="stage-name">{stage.name}</h3>
            {stage.description ? <p className="muted small">{stage.description}</p> : null}
          </div>
        </div>
        <CommentBadge type="stage" id={stage.id} name={stage.name} />
        {!loaded && !inGrid ? (
          // Without JavaScript the window does not follow the scroll: this link shows the stage.
          <a className="small" href={`?from=${index}#${anchor}`}>
            {t('window.show')}
          </a>
        ) : null}
        {canEdit && loaded ? (
          <ItemMenu id={stage.id} name={stage.name} anchor={anchor} closeWhen={stage.version} inGrid={inGrid}>
            {(close) => (
              <ItemMenuPanel
                id={stage.id}
                anchor={anchor}
                editLabel={t('stage.editNamed', { name: stage.name })}
                edit={() => <StageEditForm stage={stage} close={close} />}
                move={moveOptions.length ? <MoveMenuForm intent="moveStage" id={stage.id} options={moveOptions} close={close} /> : null}
                del={{
                  label: t('delete.named', { name: stage.name }),
                  render: () => <DeleteWithContents intent="deleteStage" id={stage.id} name={stage.name} holdings={holdings} />,
                }}
              >
                <RowActionForm intent="duplicateStage" id={stage.id} onSent={close}>
                  {t('menu.duplicate')}
                </RowActionForm>
                <CommentMenuLink type="stage" id={stage.id} onClick={close} />
              </ItemMenuPanel>
            )}
          </ItemMenu>
        ) : null}
      </div>
    </div>
  );
}

const STAGE_FIELDS = ['name', 'phase', 'description'] as const;

function StageEditForm({ stage, close }: { stage: StageData; close: () => void }) {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({
    id: `edit-stage-${stage.id}`,
    intent: 'updateStage',
    rowId: stage.id,
    version: stage.version,
    defaultValue: { name: stage.name, phase: stage.phase ?? '', description: stage.description },
  });
  const keepTheirs = useKeepTheirs(form, close);
  const name = field('name');
  const phase = field('phase');
  const description = field('description');
  return (
    <Form method="post" preventScrollReset className="stack" {...formProps(form)}>
      <input type="hidden" name="intent" value="updateStage" />
      <input type="hidden" name="stageId" value={stage.id} />
      <input type="hidden" name="version" value={form.version} />
      <Labelled label={t('stage.name')} field={name}>
        <input type="text" {...controlProps(name)} required maxLength={120} />
      </Labelled>
      <Labelled label={t('stage.phase')} field={phase}>
        <input type="text" {...controlProps(phase)} maxLength={80} />
      </Labelled>
      <Labelled label={t('stage.description')} field={description}>
        <textarea {...controlProps(description)} rows={2} maxLength={2000} />
      </Labelled>
      <SaveOrConflict
        form={form}
        label={t('actions.save')}
        fields={STAGE_FIELDS.map((n) => ({ name: n, label: t(`stage.${n}`) }))}
        keepTheirsHref={`?edit=${stage.id}#${stageAnchor(stage.id)}`}
        onKeepTheirs={keepTheirs}
      />
      <UnshownErrors form={form} shown={STAGE_FIELDS} />
    </Form>
  );
}

type LaneRowProps = {
  lane: LaneData;
  canEdit: boolean;
  /** Drag handles only once JavaScript runs (before that the move menu works). */
  canDrag: boolean;
  holdings: Holdings;
  moveOptions: MoveOption[];
  children: ReactNode;
};

export function LaneRow(props: LaneRowProps) {
  const kit = useDndKit();
  return props.canDrag && kit ? <DraggableLaneRow {...props} kit={kit} /> : <LaneRowShell {...props} />;
}

function DraggableLaneRow({ kit, ...props }: LaneRowProps & { kit: DndKit }) {
  return <LaneRowShell {...props} sorted={kit.useSortableItem(props.lane.id, { type: 'lane' })} />;
}

function LaneRowShell({ lane, canEdit, canDrag, holdings, moveOptions, children, sorted }: LaneRowProps & { sorted?: Sorted }) {
  const { t } = useTranslation('maps');
  const inGrid = useHydrated();
  return (
    <div
      ref={sorted?.ref}
      role="row"
      className={`lane-row lane-${lane.kind}${sorted?.dragging ? ' dragging' : ''}`}
      style={sorted?.style}
      data-lane-id={lane.id}
    >
      <div role="rowheader" className="lane-header" {...(inGrid ? { 'data-nav': 'head', 'data-col': -1, tabIndex: -1 } : null)} {...sorted?.itemProps}>
        <div className="card-body">
          {canDrag ? <DragHandle labelKey="dnd.dragLane" name={lane.name} listeners={sorted?.listeners} /> : null}
          <div className="card-text">
            <h3 className="lane-name">{lane.name}</h3>
            {t(`laneKind.${lane.kind}`) !== lane.name ? <p className="muted small">{t(`laneKind.${lane.kind}`)}</p> : null}
          </div>
        </div>
        {canEdit ? (
          <ItemMenu id={lane.id} name={lane.name} closeWhen={lane.version} inGrid={inGrid}>
            {(close) => (
              <ItemMenuPanel
                id={lane.id}
                editLabel={t('lane.editNamed', { name: lane.name })}
                edit={() => <LaneEditForm lane={lane} close={close} />}
                move={moveOptions.length ? <MoveMenuForm intent="moveLane" id={lane.id} options={moveOptions} close={close} /> : null}
                del={{
                  label: t('delete.named', { name: lane.name }),
                  render: () => <DeleteWithContents intent="deleteLane" id={lane.id} name={lane.name} holdings={holdings} />,
                }}
              >
                <RowActionForm intent="duplicateLane" id={lane.id} onSent={close}>
                  {t('menu.duplicate')}
                </RowActionForm>
              </ItemMenuPanel>
            )}
          </ItemMenu>
        ) : null}
      </div>
      {children}
    </div>
  );
}

function LaneEditForm({ lane, close }: { lane: LaneData; close: () => void }) {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({
    id: `edit-lane-${lane.id}`,
    intent: 'updateLane',
    rowId: lane.id,
    version: lane.version,
    defaultValue: { name: lane.name },
  });
  const keepTheirs = useKeepTheirs(form, close);
  const name = field('name');
  return (
    <Form method="post" preventScrollReset className="stack" {...formProps(form)}>
      <input type="hidden" name="intent" value="updateLane" />
      <input type="hidden" name="laneId" value={lane.id} />
      <input type="hidden" name="version" value={form.version} />
      <Labelled label={t('lane.name')} field={name}>
        <input type="text" {...controlProps(name)} required maxLength={120} />
      </Labelled>
      <SaveOrConflict
        form={form}
        label={t('actions.save')}
        fields={[{ name: 'name', label: t('lane.name') }]}
        keepTheirsHref={`?edit=${lane.id}`}
        onKeepTheirs={keepTheirs}
      />
      <UnshownErrors form={form} shown={['name']} />
    </Form>
  );
}
