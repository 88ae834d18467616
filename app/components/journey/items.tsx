// The pieces of the grid: cards and KPIs (sortable inside a cell), stage headers (sortable columns)
// and lane headers (sortable rows), with their edit, delete and move controls for editors.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Form, Link } from '@remix-run/react';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KpiChip } from '~/components/kpis/kpi-chip';
import { CHANNELS } from '~/domain/vocabulary';
import type { KpiChipData } from '~/lib/kpi-chip';
import { AddCardSchema, DeleteSchema, UpdateCardSchema, UpdateLaneSchema, UpdateStageSchema } from '~/lib/schemas/maps';
import { Labelled, UnshownErrors, useEditorForm } from './editor-form';
import { Expandable } from './expandable';
import { MoveMenu, type MoveOption } from './move-menu';
import { stageAnchor, StagePager } from './stage-pager';
import type { CardData, LaneData, StageData } from './types';

export type DragData =
  | { type: 'stage' }
  | { type: 'lane' }
  | { type: 'card' | 'kpi'; laneId: string; stageId: string }
  | { type: 'cell'; cellKind: 'card' | 'kpi'; laneId: string; stageId: string };

const DragHandle = memo(function DragHandle({
  labelKey,
  name,
  attributes,
  listeners,
}: {
  labelKey: string;
  name: string;
  attributes: object;
  listeners: object | undefined;
}) {
  const { t } = useTranslation('maps');
  return (
    <button type="button" className="drag-handle" aria-label={t(labelKey, { name })} {...attributes} {...listeners}>
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
 * sortable when a drag starts or ends); the handle, the text and the tools are memoised, so a drop
 * on the large map does not re-render every card's content.
 */
interface CardProps {
  card: CardData;
  stageId: string;
  canEdit: boolean;
  /** Drag handles only once JavaScript runs (before that the move menu works). */
  canDrag: boolean;
  touchpoint: boolean;
  moveOptions: MoveOption[];
}

// Until the page is hydrated a card is plain markup: the server renders the large map without any
// drag-and-drop machinery, and the sortable version takes over once JavaScript runs.
export const SortableCard = memo(function SortableCard(props: CardProps) {
  return props.canDrag ? <DraggableCard {...props} /> : <CardShell {...props} />;
});

function DraggableCard(props: CardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: props.card.id,
    data: { type: 'card', laneId: props.card.laneId, stageId: props.stageId } satisfies DragData,
  });
  return (
    <CardShell
      {...props}
      nodeRef={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      dragging={isDragging}
      handle={<DragHandle labelKey="dnd.dragCard" name={props.card.title} attributes={attributes} listeners={listeners} />}
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
}: CardProps & { nodeRef?: (node: HTMLElement | null) => void; style?: CSSProperties; dragging?: boolean; handle?: ReactNode }) {
  return (
    <li ref={nodeRef} className={`journey-card${dragging ? ' dragging' : ''}`} style={style} data-card-id={card.id}>
      <div className="card-body">
        {handle}
        <div className="card-text">
          <CardContent card={card} />
        </div>
      </div>
      {canEdit ? <CardTools card={card} stageId={stageId} touchpoint={touchpoint} moveOptions={moveOptions} /> : null}
    </li>
  );
}

const CardTools = memo(function CardTools({
  card,
  stageId,
  touchpoint,
  moveOptions,
}: {
  card: CardData;
  stageId: string;
  touchpoint: boolean;
  moveOptions: MoveOption[];
}) {
  return (
    <div className="item-tools">
      <MoveMenu intent="moveCard" id={card.id} label={card.title} options={moveOptions} anchor={stageAnchor(stageId)} />
      <CardEditor card={card} stageId={stageId} touchpoint={touchpoint} />
    </div>
  );
});

type CardFieldset = {
  title: FieldMetadata<string>;
  description: FieldMetadata<string | undefined>;
  channel: FieldMetadata<string | undefined>;
  system: FieldMetadata<string | undefined>;
};

function CardFields({ fields, touchpoint }: { fields: CardFieldset; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  const title = getInputProps(fields.title, { type: 'text' });
  const description = getTextareaProps(fields.description);
  const channel = getSelectProps(fields.channel);
  const system = getInputProps(fields.system, { type: 'text' });
  return (
    <>
      <Labelled label={t('card.title')} field={fields.title}>
        <input {...title} key={title.key} required maxLength={200} />
      </Labelled>
      <Labelled label={t('card.description')} field={fields.description}>
        <textarea {...description} key={description.key} rows={2} maxLength={4000} />
      </Labelled>
      {touchpoint ? (
        <>
          <Labelled label={t('card.channel')} field={fields.channel}>
            <select {...channel} key={channel.key}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t('card.system')} field={fields.system}>
            <input {...system} key={system.key} maxLength={120} />
          </Labelled>
        </>
      ) : null}
    </>
  );
}

const CARD_FIELDS = ['title', 'description', 'channel', 'system'] as const;

function CardEditor({ card, stageId, touchpoint }: { card: CardData; stageId: string; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  return (
    <Expandable
      param="edit"
      id={card.id}
      closeWhen={card.version}
      label={t('actions.edit')}
      ariaLabel={t('card.editNamed', { name: card.title })}
      anchor={stageAnchor(stageId)}
    >
      {() => (
        <>
          <CardEditForm card={card} touchpoint={touchpoint} />
          <DeleteForm intent="deleteCard" id={card.id} confirm={t('card.deleteConfirm', { name: card.title })}>
            {t('card.delete')}
          </DeleteForm>
        </>
      )}
    </Expandable>
  );
}

function CardEditForm({ card, touchpoint }: { card: CardData; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  const [form, fields] = useEditorForm({
    id: `edit-card-${card.id}`,
    schema: UpdateCardSchema,
    intent: 'updateCard',
    rowId: card.id,
    defaultValue: { title: card.title, description: card.description, channel: card.channel ?? 'web', system: card.system ?? '' },
  });
  return (
    <Form method="post" preventScrollReset className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="updateCard" />
      <input type="hidden" name="cardId" value={card.id} />
      <input type="hidden" name="version" value={card.version} />
      <CardFields fields={fields as unknown as CardFieldset} touchpoint={touchpoint} />
      <button type="submit" className="small">
        {t('actions.save')}
      </button>
      <UnshownErrors form={form} shown={CARD_FIELDS} />
    </Form>
  );
}

/**
 * A delete button in a form of its own, checked with DeleteSchema. `confirm` is asked first with
 * JavaScript; cancelling keeps the page as it is.
 */
function DeleteForm({
  intent,
  id,
  confirm,
  children,
}: {
  intent: 'deleteStage' | 'deleteLane' | 'deleteCard';
  id: string;
  confirm?: string;
  children: ReactNode;
}) {
  const [form] = useEditorForm({ id: `${intent}-${id}`, schema: DeleteSchema, intent, rowId: id });
  const props = getFormProps(form);
  return (
    <Form
      method="post"
      preventScrollReset
      {...props}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        props.onSubmit(event);
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="danger small">
        {children}
      </button>
      <UnshownErrors form={form} />
    </Form>
  );
}

/** The add form of a cell; it starts again empty once the new card has landed. */
export function AddCardForm({ laneId, stageId, touchpoint, where }: { laneId: string; stageId: string; touchpoint: boolean; where: string }) {
  const { t } = useTranslation('maps');
  return (
    <Expandable
      param="add"
      id={`${laneId}:${stageId}`}
      label={`+ ${t('card.add')}`}
      ariaLabel={t('card.addIn', { where })}
      className="add-card"
      anchor={stageAnchor(stageId)}
    >
      {() => <AddCardFields laneId={laneId} stageId={stageId} touchpoint={touchpoint} />}
    </Expandable>
  );
}

function AddCardFields({ laneId, stageId, touchpoint }: { laneId: string; stageId: string; touchpoint: boolean }) {
  const { t } = useTranslation('maps');
  const [form, fields] = useEditorForm({
    id: `add-card-${laneId}-${stageId}`,
    schema: AddCardSchema,
    intent: 'addCard',
    rowId: `${laneId}:${stageId}`,
    resetOnDone: true,
    defaultValue: { channel: 'web' },
  });
  return (
    <Form method="post" preventScrollReset className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="addCard" />
      <input type="hidden" name="laneId" value={laneId} />
      <input type="hidden" name="stageId" value={stageId} />
      <CardFields fields={fields as unknown as CardFieldset} touchpoint={touchpoint} />
      <button type="submit" className="small">
        {t('card.add')}
      </button>
      <UnshownErrors form={form} shown={CARD_FIELDS} />
    </Form>
  );
}

// ---------------------------------------------------------------- KPIs

export const SortableKpi = memo(function SortableKpi({
  kpi,
  stageId,
  canEdit,
  canDrag,
  href,
  locale,
  moveOptions,
}: {
  kpi: KpiChipData;
  stageId: string;
  canEdit: boolean;
  /** Drag handles only once JavaScript runs (before that the move menu works). */
  canDrag: boolean;
  href: string;
  locale: string;
  moveOptions: MoveOption[];
}) {
  const { t } = useTranslation('maps');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: kpi.id,
    data: { type: 'kpi', laneId: kpi.laneId, stageId } satisfies DragData,
    disabled: !canDrag,
  });
  return (
    <li ref={setNodeRef} className={`journey-kpi${isDragging ? ' dragging' : ''}`} style={{ transform: CSS.Translate.toString(transform), transition }}>
      <div className="card-body">
        {canDrag ? <DragHandle labelKey="dnd.dragKpi" name={kpi.measureName} attributes={attributes} listeners={listeners} /> : null}
        <KpiChip kpi={kpi} href={href} locale={locale} />
      </div>
      {canEdit ? (
        <div className="item-tools">
          <MoveMenu intent="moveKpi" id={kpi.id} label={kpi.measureName} options={moveOptions} anchor={stageAnchor(stageId)} />
          {/* The KPI page's link form (projects count on a KPI through it). */}
          <Link to={`${href}#link-project`} aria-label={t('kpiTools.linkToProjectOf', { name: kpi.measureName })}>
            {t('kpiTools.linkToProject')}
          </Link>
        </div>
      ) : null}
    </li>
  );
});

// ---------------------------------------------------------------- stages and lanes

export interface Holdings {
  cards: number;
  kpis: number;
  emotions: number;
}

function DeleteWithContents({
  intent,
  id,
  name,
  holdings,
  label,
}: {
  intent: 'deleteStage' | 'deleteLane';
  id: string;
  name: string;
  holdings: Holdings;
  label: string;
}) {
  const { t } = useTranslation('maps');
  const empty = holdings.cards + holdings.kpis + holdings.emotions === 0;
  return (
    <Expandable param="delete" id={id} label={label} ariaLabel={t('delete.named', { name })}>
      {() => (
        <div className="stack">
          <p>{empty ? t('delete.empty', { name }) : t('delete.holds', { name })}</p>
          {!empty ? (
            <ul className="holdings">
              {holdings.cards ? <li>{t('delete.cards', { count: holdings.cards })}</li> : null}
              {holdings.kpis ? <li>{t('delete.kpis', { count: holdings.kpis })}</li> : null}
              {holdings.emotions ? <li>{t('delete.emotions', { count: holdings.emotions })}</li> : null}
            </ul>
          ) : null}
          <DeleteForm intent={intent} id={id}>
            {t('delete.confirm', { name })}
          </DeleteForm>
        </div>
      )}
    </Expandable>
  );
}

export const StageHeader = memo(function StageHeader({
  stage,
  canEdit,
  canDrag,
  holdings,
  moveOptions,
  index,
  count,
  prev,
  next,
}: {
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
}) {
  const { t } = useTranslation('maps');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    data: { type: 'stage' } satisfies DragData,
    disabled: !canDrag,
  });
  // The column's head: the pager (shown on a phone) above the stage's own header, which holds only
  // what the stage is and its tools.
  return (
    <div
      ref={setNodeRef}
      role="columnheader"
      id={stageAnchor(stage.id)}
      className={`stage-head${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-stage-id={stage.id}
    >
      <StagePager stage={stage} index={index} count={count} prev={prev} next={next} />
      <div className="stage-header">
        <div className="card-body">
          {canDrag ? <DragHandle labelKey="dnd.dragStage" name={stage.name} attributes={attributes} listeners={listeners} /> : null}
          <div>
            <h3 className="stage-name">{stage.name}</h3>
            {stage.description ? <p className="muted small">{stage.description}</p> : null}
          </div>
        </div>
        {canEdit ? (
          <div className="item-tools">
            <MoveMenu intent="moveStage" id={stage.id} label={stage.name} options={moveOptions} anchor={stageAnchor(stage.id)} />
            <Expandable
              param="edit"
              id={stage.id}
              closeWhen={stage.version}
              label={t('actions.edit')}
              ariaLabel={t('stage.editNamed', { name: stage.name })}
              anchor={stageAnchor(stage.id)}
            >
              {() => <StageEditForm stage={stage} />}
            </Expandable>
            <DeleteWithContents intent="deleteStage" id={stage.id} name={stage.name} holdings={holdings} label={t('stage.delete')} />
          </div>
        ) : null}
      </div>
    </div>
  );
});

function StageEditForm({ stage }: { stage: StageData }) {
  const { t } = useTranslation('maps');
  const [form, fields] = useEditorForm({
    id: `edit-stage-${stage.id}`,
    schema: UpdateStageSchema,
    intent: 'updateStage',
    rowId: stage.id,
    defaultValue: { name: stage.name, phase: stage.phase ?? '', description: stage.description },
  });
  const name = getInputProps(fields.name, { type: 'text' });
  const phase = getInputProps(fields.phase, { type: 'text' });
  const description = getTextareaProps(fields.description);
  return (
    <Form method="post" preventScrollReset className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="updateStage" />
      <input type="hidden" name="stageId" value={stage.id} />
      <input type="hidden" name="version" value={stage.version} />
      <Labelled label={t('stage.name')} field={fields.name}>
        <input {...name} key={name.key} required maxLength={120} />
      </Labelled>
      <Labelled label={t('stage.phase')} field={fields.phase}>
        <input {...phase} key={phase.key} maxLength={80} />
      </Labelled>
      <Labelled label={t('stage.description')} field={fields.description}>
        <textarea {...description} key={description.key} rows={2} maxLength={2000} />
      </Labelled>
      <button type="submit" className="small">
        {t('actions.save')}
      </button>
      <UnshownErrors form={form} shown={['name', 'phase', 'description']} />
    </Form>
  );
}

export function LaneRow({
  lane,
  canEdit,
  canDrag,
  holdings,
  moveOptions,
  children,
}: {
  lane: LaneData;
  canEdit: boolean;
  /** Drag handles only once JavaScript runs (before that the move menu works). */
  canDrag: boolean;
  holdings: Holdings;
  moveOptions: MoveOption[];
  children: ReactNode;
}) {
  const { t } = useTranslation('maps');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: lane.id,
    data: { type: 'lane' } satisfies DragData,
    disabled: !canDrag,
  });
  return (
    <div
      ref={setNodeRef}
      role="row"
      className={`lane-row lane-${lane.kind}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-lane-id={lane.id}
    >
      <div role="rowheader" className="lane-header">
        <div className="card-body">
          {canDrag ? <DragHandle labelKey="dnd.dragLane" name={lane.name} attributes={attributes} listeners={listeners} /> : null}
          <div>
            <h3 className="lane-name">{lane.name}</h3>
            {t(`laneKind.${lane.kind}`) !== lane.name ? <p className="muted small">{t(`laneKind.${lane.kind}`)}</p> : null}
          </div>
        </div>
        {canEdit ? (
          <div className="item-tools">
            <MoveMenu intent="moveLane" id={lane.id} label={lane.name} options={moveOptions} />
            <Expandable param="edit" id={lane.id} closeWhen={lane.version} label={t('actions.edit')} ariaLabel={t('lane.editNamed', { name: lane.name })}>
              {() => <LaneEditForm lane={lane} />}
            </Expandable>
            <DeleteWithContents intent="deleteLane" id={lane.id} name={lane.name} holdings={holdings} label={t('lane.delete')} />
          </div>
        ) : null}
      </div>
      {children}
    </div>
  );
}

function LaneEditForm({ lane }: { lane: LaneData }) {
  const { t } = useTranslation('maps');
  const [form, fields] = useEditorForm({
    id: `edit-lane-${lane.id}`,
    schema: UpdateLaneSchema,
    intent: 'updateLane',
    rowId: lane.id,
    defaultValue: { name: lane.name },
  });
  const name = getInputProps(fields.name, { type: 'text' });
  return (
    <Form method="post" preventScrollReset className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="updateLane" />
      <input type="hidden" name="laneId" value={lane.id} />
      <input type="hidden" name="version" value={lane.version} />
      <Labelled label={t('lane.name')} field={fields.name}>
        <input {...name} key={name.key} required maxLength={120} />
      </Labelled>
      <button type="submit" className="small">
        {t('actions.save')}
      </button>
      <UnshownErrors form={form} shown={['name']} />
    </Form>
  );
}
