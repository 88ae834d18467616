// The map editor page: header (name, persona, state, who else is viewing it, print and export), what
// went wrong with the last change, the board (and, while printing, the map cut into pages), and the
// forms that add stages and lanes. It reloads when a change to the map or its KPIs is committed
// anywhere (live updates), once the user is not mid-edit or mid-drag.
import { Form, Link, useActionData, useFetcher, useNavigation, useRevalidator, useSearchParams } from '@remix-run/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANE_KINDS } from '~/domain/vocabulary';
import { isTyping, useLiveData } from '~/lib/live';
import { useNonce } from '~/lib/nonce';
import { useWorkspace } from '~/lib/workspace';
import { CommentCountsContext, type CommentCounts, type CommentTargetType } from './comment-counts';
import {
  comparedInPlace,
  controlProps,
  formProps,
  Labelled,
  refusal,
  SaveOrConflict,
  settle,
  shownByForm,
  UnshownErrors,
  useEditorForm,
  type EditorAnswer,
} from './editor-form';
import { MapBoard } from './map-board';
import { MapPrint, PaperSelect, usePrinting, usePrintPaper } from './map-print';
import { MoveSubmitContext } from './move-context';
import { MapPresence } from './presence';
import { hideWhilePendingScript } from './pending-moves';
import type { MapEditorData } from './types';
import { useMoveSaver } from './use-move-saver';

function isEditing() {
  const root = document.querySelector('.journey');
  if (!root) return false;
  if (root.querySelector('.expandable-body, details.add-form[open], [data-dragging="true"]')) return true;
  // A field with focus anywhere in the page's main content, the KPI panel over the map included.
  return isTyping();
}

export function MapEditor({ editor }: { editor: MapEditorData }) {
  const { t } = useTranslation('maps');
  const { t: te } = useTranslation('errors');
  const { workspace, canEdit, user } = useWorkspace();
  const actionData = useActionData<EditorAnswer>();
  const nonce = useNonce();
  const action = `/w/${workspace.slug}/maps/${editor.map.id}`;

  // Each move gets its own fetcher key so saves in flight do not cancel each other; the last one is
  // watched to report a refusal. Moves not answered before a reload are shown and sent again.
  const { submitMove, lastKey: moveKey, restored } = useMoveSaver(editor.map.id, action);
  const lastMove = useFetcher<EditorAnswer>({ key: moveKey });
  const moveError = lastMove.state === 'idle' ? refusal(lastMove.data) : undefined;

  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const kpiIds = useMemo(() => editor.kpis.map((k) => k.id), [editor.kpis]);
  useLiveData({ mapId: editor.map.id, kpiIds }, isEditing);
  const printing = usePrinting();
  const [paper, setPaper] = usePrintPaper();
  // A large map holds the stages on screen only: Print loads them all, then prints.
  const whole = editor.window.from === 0 && editor.window.to >= editor.stages.length;
  const [searchParams, setSearchParams] = useSearchParams();
  // The comments panel on an item keeps the loaded stages (?from=&to=), so the map is not reloaded.
  const windowSearch = ['from', 'to'].flatMap((k) => (searchParams.has(k) ? [`&${k}=${encodeURIComponent(searchParams.get(k)!)}`] : [])).join('');
  const commentCounts: CommentCounts = useMemo(
    () => ({ byTarget: editor.comments.byTarget, href: (type: CommentTargetType, id: string) => `${action}/comments?on=${type}:${id}${windowSearch}` }),
    [editor.comments.byTarget, action, windowSearch],
  );
  const navigation = useNavigation();
  const [printWanted, setPrintWanted] = useState(false);
  const printWhole = () => {
    if (whole) return window.print();
    setPrintWanted(true);
    setSearchParams(
      (params) => {
        params.set('from', '0');
        params.set('to', String(editor.stages.length));
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  useEffect(() => {
    if (printWanted && whole && navigation.state === 'idle') {
      setPrintWanted(false);
      window.print();
    }
  }, [printWanted, whole, navigation.state]);
  // A refused move may mean the map changed: fetch the current state at once.
  useEffect(() => {
    if (moveError) revalidate.current();
  }, [moveError, moveKey]);

  const staleName = actionData?.status === 'stale' && actionData.current ? String(actionData.current.title ?? actionData.current.name ?? '') : '';
  // An invalid answer whose errors its form shows beside the fields needs no banner, nor a stale
  // save that its edit form compares in place.
  const problem = shownByForm(actionData) || comparedInPlace(actionData) ? undefined : refusal(actionData);
  return (
    <div className="journey">
      <MapIntro
        map={editor.map}
        eyebrow={<Link to={`/w/${workspace.slug}/maps`}>← {t('list.title')}</Link>}
        presence={<MapPresence mapId={editor.map.id} userId={user.id} />}
        actions={
          <div className="row no-print">
            <Link to={`${action}/comments`} preventScrollReset className="button secondary map-comments-link">
              {t('comments.link', { count: editor.comments.openThreads })}
            </Link>
            <PaperSelect paper={paper} onChange={setPaper} />
            <button type="button" className="secondary" onClick={printWhole}>
              {t('editor.print')}
            </button>
            <a className="button secondary" href={`${action}/export`} download>
              {t('editor.exportJson')}
            </a>
            <Link className="button secondary" to={`${action}/history`}>
              {t('editor.history')}
            </Link>
            {canEdit ? (
              // The share panel is a nested route: its code loads when it opens, not with the map.
              <Link className="button secondary" to={`${action}/share`} preventScrollReset>
                {t('common:actions.share')}
              </Link>
            ) : null}
          </div>
        }
      />

      {canEdit ? (
        <details className="edit add-form map-settings no-print">
          <summary>{t('editor.mapSettings')}</summary>
          <MapSettingsForm key={editor.map.version} editor={editor} action={action} />
        </details>
      ) : null}

      <div aria-live="polite" className="no-print">
        {problem === 'staleVersion' ? (
          <p className="notice warn" role="alert">
            {t('editor.stale', { name: staleName })}
          </p>
        ) : problem ? (
          <p className="notice warn" role="alert">
            {te(problem)}
          </p>
        ) : null}
        {moveError ? (
          <p className="notice warn" role="alert">
            {t('move.failed', { reason: te(moveError) })}
          </p>
        ) : null}
      </div>

      {canEdit ? (
        // Runs before the grid is drawn: hides it while moves from before a reload are waiting.
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: hideWhilePendingScript(editor.map.id) }} />
      ) : null}
      <MoveSubmitContext.Provider value={submitMove}>
        <CommentCountsContext.Provider value={commentCounts}>
          <MapBoard
            editor={editor}
            canEdit={canEdit}
            slug={workspace.slug}
            currency={workspace.currency}
            locale={workspace.locale}
            action={action}
            userId={user.id}
            restored={restored}
          />
        </CommentCountsContext.Provider>
      </MoveSubmitContext.Provider>
      {printing ? <MapPrint editor={editor} paper={paper} currency={workspace.currency} locale={workspace.locale} /> : null}

      {canEdit ? (
        <div className="row add-forms no-print">
          <details className="add-form">
            <summary>+ {t('stage.add')}</summary>
            <AddStageForm />
          </details>
          <details className="add-form">
            <summary>+ {t('lane.add')}</summary>
            <AddLaneForm />
          </details>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The top of a map's page: its title block (name, state, description) and its primary persona. The
 * editor puts its back link and buttons around it; the read-only share page (routes/s.$token), a
 * label. (Shared from this module on purpose: the share page then loads the editor's chunk, and the
 * bundler keeps the board in that one chunk instead of cutting it out, which would weigh on the
 * map's first load.)
 */
export function MapIntro({
  map,
  eyebrow,
  presence,
  actions,
}: {
  map: MapEditorData['map'];
  eyebrow: ReactNode;
  /** Who else views the map (the editor only). */
  presence?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('maps');
  const persona = map.persona;
  return (
    <>
      <div className="page-header map-header">
        <div>
          <p className="muted small no-print">{eyebrow}</p>
          <h1>{map.name}</h1>
          <p className="map-meta">
            <span className={`chip ${map.state === 'future' ? 'warn' : 'neutral'}`}>{t(`state.${map.state}`)}</span>
            {map.archivedAt ? <span className="chip neutral">{t('list.archived')}</span> : null}
            {map.description ? <span className="muted"> {map.description}</span> : null}
          </p>
          {presence}
        </div>
        {actions}
      </div>

      {persona ? (
        <section className="persona-card" aria-label={t('persona.label')}>
          <h2>{persona.name}</h2>
          {persona.description ? <p>{persona.description}</p> : null}
          <dl>
            {persona.goals ? (
              <>
                <dt>{t('persona.goals')}</dt>
                <dd>{persona.goals}</dd>
              </>
            ) : null}
            {persona.frustrations ? (
              <>
                <dt>{t('persona.frustrations')}</dt>
                <dd>{persona.frustrations}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}

const MAP_FIELDS = ['name', 'description', 'personaId', 'state'] as const;

function MapSettingsForm({ editor, action }: { editor: MapEditorData; action: string }) {
  const { t } = useTranslation('maps');
  const { map } = editor;
  const [form, field] = useEditorForm({
    id: 'map-settings',
    intent: 'updateMap',
    rowId: map.id,
    version: map.version,
    defaultValue: { name: map.name, description: map.description, personaId: map.personaId ?? '', state: map.state },
  });
  const revalidator = useRevalidator();
  const personaName = (id: unknown) => editor.personas.find((p) => p.id === id)?.name ?? '';
  const name = field('name');
  const description = field('description');
  const persona = field('personaId');
  const state = field('state');
  return (
    <Form method="post" preventScrollReset className="row" {...formProps(form)}>
      <input type="hidden" name="intent" value="updateMap" />
      <input type="hidden" name="mapId" value={map.id} />
      <input type="hidden" name="version" value={form.version} />
      <Labelled label={t('map.name')} field={name}>
        <input type="text" {...controlProps(name)} required maxLength={120} />
      </Labelled>
      <Labelled label={t('map.description')} field={description}>
        <input type="text" {...controlProps(description)} maxLength={2000} />
      </Labelled>
      <Labelled label={t('map.persona')} field={persona}>
        <select {...controlProps(persona)}>
          <option value="">{t('map.noPersona')}</option>
          {editor.personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label={t('map.state')} field={state}>
        <select {...controlProps(state)}>
          <option value="current">{t('state.current')}</option>
          <option value="future">{t('state.future')}</option>
        </select>
      </Labelled>
      <div className="field">
        <SaveOrConflict
          form={form}
          label={t('actions.save')}
          fields={MAP_FIELDS.map((name) => ({ name, label: t(`map.${name === 'personaId' ? 'persona' : name}`) }))}
          show={(name, value) => (name === 'personaId' ? personaName(value) : name === 'state' && value ? t(`state.${String(value)}`) : String(value ?? ''))}
          keepTheirsHref={action}
          onKeepTheirs={() => {
            if (form.conflict) settle(form.conflict);
            revalidator.revalidate();
          }}
        />
      </div>
      <UnshownErrors form={form} shown={MAP_FIELDS} />
    </Form>
  );
}

/** Starts empty again once the new stage has landed. */
function AddStageForm() {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({ id: 'add-stage', intent: 'addStage', rowId: 'new', resetOnDone: true });
  const name = field('name');
  const phase = field('phase');
  return (
    <Form method="post" preventScrollReset className="row" {...formProps(form)}>
      <input type="hidden" name="intent" value="addStage" />
      <Labelled label={t('stage.name')} field={name}>
        <input type="text" {...controlProps(name)} required maxLength={120} />
      </Labelled>
      <Labelled label={t('stage.phase')} field={phase}>
        <input type="text" {...controlProps(phase)} maxLength={80} />
      </Labelled>
      <div className="field">
        <button type="submit">{t('stage.add')}</button>
      </div>
      <UnshownErrors form={form} shown={['name', 'phase']} />
    </Form>
  );
}

/** Starts empty again once the new lane has landed. */
function AddLaneForm() {
  const { t } = useTranslation('maps');
  const [form, field] = useEditorForm({
    id: 'add-lane',
    intent: 'addLane',
    rowId: 'new',
    resetOnDone: true,
    defaultValue: { kind: 'touchpoints' },
  });
  const kind = field('kind');
  const name = field('name');
  return (
    <Form method="post" preventScrollReset className="row" {...formProps(form)}>
      <input type="hidden" name="intent" value="addLane" />
      <Labelled label={t('lane.kind')} field={kind}>
        <select {...controlProps(kind)}>
          {LANE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`laneKind.${k}`)}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label={t('lane.name')} field={name}>
        <input type="text" {...controlProps(name)} required maxLength={120} />
      </Labelled>
      <div className="field">
        <button type="submit">{t('lane.add')}</button>
      </div>
      <UnshownErrors form={form} shown={['kind', 'name']} />
    </Form>
  );
}
