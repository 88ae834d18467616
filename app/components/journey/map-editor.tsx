// The map editor page: header (name, persona, state, print and export), what went wrong with the
// last change, the board, and the forms that add stages and lanes. It refreshes on window focus and
// every 30 s, unless the user is in the middle of an edit or a drag.
import { Form, Link, useActionData, useFetcher, useRevalidator, useSubmit } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANE_KINDS } from '~/domain/vocabulary';
import { useWorkspace } from '~/lib/workspace';
import { MapBoard } from './map-board';
import { MoveSubmitContext } from './move-context';
import type { MapEditorData } from './types';

/** The editor action's answer (see the route): its intent, the row it is about and how it went. */
export interface EditorAnswer {
  intent?: string;
  rowId?: string;
  status?: 'done' | 'invalid' | 'stale' | 'gone';
  /** Why a change was refused: a key in the "errors" namespace. */
  message?: string;
  current?: Record<string, unknown>;
  result?: unknown;
}

/** What went wrong with a change, as a message key; undefined when it landed. */
export function refusal(answer: EditorAnswer | undefined): string | undefined {
  if (!answer?.status || answer.status === 'done') return undefined;
  if (answer.status === 'stale') return 'staleVersion';
  return answer.message ?? 'badRequest';
}

const REFRESH_MS = 30_000;
/** The printable area of an A4 landscape page with 8 mm margins, in CSS pixels. */
const PAGE = { width: 1060, height: 730 };

/** Scales the map so all of it fits one printed page (see journey.css, @media print). */
function fitForPrint() {
  const el = document.querySelector<HTMLElement>('.journey');
  if (!el) return;
  const grid = el.querySelector<HTMLElement>('.map-grid');
  const width = Math.max(el.scrollWidth, grid?.scrollWidth ?? 0);
  const height = el.scrollHeight;
  el.style.setProperty('--print-zoom', String(Math.min(1, PAGE.width / width, PAGE.height / height)));
}

function isEditing() {
  const root = document.querySelector('.journey');
  if (!root) return false;
  if (root.querySelector('.expandable-body, details.add-form[open], [data-dragging="true"]')) return true;
  const focused = document.activeElement;
  return !!focused && root.contains(focused) && /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName);
}

export function MapEditor({ editor }: { editor: MapEditorData }) {
  const { t } = useTranslation('maps');
  const { t: te } = useTranslation('errors');
  const { workspace, canEdit } = useWorkspace();
  const actionData = useActionData<EditorAnswer>();
  const action = `/w/${workspace.slug}/maps/${editor.map.id}`;

  // Each move gets its own fetcher key so saves in flight do not cancel each other; the last one is
  // watched to report a refusal.
  const submit = useSubmit();
  const [moveKey, setMoveKey] = useState('move:none');
  const lastMove = useFetcher<EditorAnswer>({ key: moveKey });
  const sequence = useRef(0);
  const submitMove = useCallback(
    (form: FormData) => {
      const key = `move:${Date.now()}:${sequence.current++}`;
      setMoveKey(key);
      submit(form, { method: 'post', action, navigate: false, fetcherKey: key, preventScrollReset: true });
    },
    [submit, action],
  );
  const moveError = lastMove.state === 'idle' ? refusal(lastMove.data) : undefined;

  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const revalidatorState = useRef(revalidator.state);
  revalidatorState.current = revalidator.state;
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible' || revalidatorState.current !== 'idle' || isEditing()) return;
      revalidate.current();
    };
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, []);
  useEffect(() => {
    window.addEventListener('beforeprint', fitForPrint);
    return () => window.removeEventListener('beforeprint', fitForPrint);
  }, []);
  // A refused move may mean the map changed: fetch the current state at once.
  useEffect(() => {
    if (moveError) revalidate.current();
  }, [moveError, moveKey]);

  const persona = editor.map.persona;
  const staleName = actionData?.status === 'stale' && actionData.current ? String(actionData.current.title ?? actionData.current.name ?? '') : '';
  const problem = refusal(actionData);
  return (
    <div className="journey">
      <div className="page-header map-header">
        <div>
          <p className="muted small no-print">
            <Link to={`/w/${workspace.slug}/maps`}>← {t('list.title')}</Link>
          </p>
          <h1>{editor.map.name}</h1>
          <p className="map-meta">
            <span className={`chip ${editor.map.state === 'future' ? 'warn' : 'neutral'}`}>{t(`state.${editor.map.state}`)}</span>
            {editor.map.archivedAt ? <span className="chip neutral">{t('list.archived')}</span> : null}
            {editor.map.description ? <span className="muted"> {editor.map.description}</span> : null}
          </p>
        </div>
        <div className="row no-print">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              fitForPrint();
              window.print();
            }}
          >
            {t('editor.print')}
          </button>
          <a className="button secondary" href={`${action}/export`} download>
            {t('editor.exportJson')}
          </a>
        </div>
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

      {canEdit ? (
        <details className="edit add-form map-settings no-print">
          <summary>{t('editor.mapSettings')}</summary>
          <Form method="post" preventScrollReset className="row">
            <input type="hidden" name="intent" value="updateMap" />
            <input type="hidden" name="mapId" value={editor.map.id} />
            <input type="hidden" name="version" value={editor.map.version} />
            <label>
              {t('map.name')}
              <input name="name" required maxLength={120} defaultValue={editor.map.name} />
            </label>
            <label>
              {t('map.description')}
              <input name="description" maxLength={2000} defaultValue={editor.map.description} />
            </label>
            <label>
              {t('map.persona')}
              <select name="personaId" defaultValue={editor.map.personaId ?? ''}>
                <option value="">{t('map.noPersona')}</option>
                {editor.personas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('map.state')}
              <select name="state" defaultValue={editor.map.state}>
                <option value="current">{t('state.current')}</option>
                <option value="future">{t('state.future')}</option>
              </select>
            </label>
            <div className="field">
              <button type="submit">{t('actions.save')}</button>
            </div>
          </Form>
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

      <MoveSubmitContext.Provider value={submitMove}>
        <MapBoard editor={editor} canEdit={canEdit} slug={workspace.slug} locale={workspace.locale} action={action} />
      </MoveSubmitContext.Provider>

      {canEdit ? (
        <div className="row add-forms no-print">
          <details className="add-form">
            <summary>+ {t('stage.add')}</summary>
            <Form key={editor.stages.length} method="post" preventScrollReset className="row">
              <input type="hidden" name="intent" value="addStage" />
              <label>
                {t('stage.name')}
                <input name="name" required maxLength={120} />
              </label>
              <label>
                {t('stage.phase')}
                <input name="phase" maxLength={80} />
              </label>
              <div className="field">
                <button type="submit">{t('stage.add')}</button>
              </div>
            </Form>
          </details>
          <details className="add-form">
            <summary>+ {t('lane.add')}</summary>
            <Form key={editor.lanes.length} method="post" preventScrollReset className="row">
              <input type="hidden" name="intent" value="addLane" />
              <label>
                {t('lane.kind')}
                <select name="kind" defaultValue="touchpoints">
                  {LANE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`laneKind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('lane.name')}
                <input name="name" required maxLength={120} />
              </label>
              <div className="field">
                <button type="submit">{t('lane.add')}</button>
              </div>
            </Form>
          </details>
        </div>
      ) : null}
    </div>
  );
}
