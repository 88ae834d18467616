// The emotion lane: one score per stage (-2..+2) drawn as a smooth curve. Each point is a slider:
// drag it vertically, or use the arrow keys; a select per stage (a Conform form) is the plain way.
import { useFetcher, useRevalidator } from '@remix-run/react';
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '~/components/ui/field-errors';
import { clampScore, EMOTION_MAX, EMOTION_MIN, scoreToY, smoothPath, yToScore } from '~/domain/emotion-curve';
import { useHydrated } from '~/lib/use-hydrated';
import { controlProps, formProps, useEditorForm, type EditorAnswer } from './editor-form';
import type { EmotionData, LaneData, StageData } from './types';

const HEIGHT = 120;
const SCORES = [2, 1, 0, -1, -2];

export const EmotionCells = memo(function EmotionCells({
  lane,
  stages,
  points,
  canEdit,
  columnWidth,
  action,
  loaded,
}: {
  lane: LaneData;
  stages: StageData[];
  points: ReadonlyMap<string, EmotionData>;
  canEdit: boolean;
  columnWidth: number;
  action: string;
  /** The stages on screen: their score has a select; the others show it as text until they are. */
  loaded: ReadonlySet<string>;
}) {
  const { t } = useTranslation('maps');
  const fetcher = useFetcher<EditorAnswer>();
  // Scores being changed here and not yet saved (drag in progress, or keys waiting to be sent).
  const [draft, setDraft] = useState<Record<string, number>>({});
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const pendingStage = fetcher.formData?.get('stageId');
  const pendingScore = fetcher.formData?.get('score');

  const scoreOf = (stageId: string): number | null => {
    if (draft[stageId] !== undefined) return draft[stageId]!;
    // A score being saved shows at once; an empty one is a score being cleared.
    if (pendingStage === stageId && typeof pendingScore === 'string') return pendingScore === '' ? null : Number(pendingScore);
    return points.get(stageId)?.score ?? null;
  };

  const save = (stageId: string, score: number) => {
    const form = new FormData();
    form.set('intent', 'setEmotion');
    form.set('laneId', lane.id);
    form.set('stageId', stageId);
    form.set('score', String(clampScore(score)));
    const point = points.get(stageId);
    if (point) form.set('version', String(point.version));
    fetcher.submit(form, { method: 'post', action, preventScrollReset: true });
  };

  // A refused save (someone else changed the score): show the saved scores again, read afresh (a
  // refusal does not reload the page's data), so the next change is made on their version.
  const refused = fetcher.state === 'idle' && fetcher.data !== undefined && fetcher.data.status !== 'done';
  const { revalidate } = useRevalidator();
  const reload = useRef(revalidate);
  reload.current = revalidate;
  useEffect(() => {
    if (!refused) return;
    setDraft({});
    if (fetcher.data?.status === 'stale') reload.current();
  }, [refused, fetcher.data]);

  // Drop a draft once the saved data catches up.
  useEffect(() => {
    setDraft((d) => {
      const next = { ...d };
      let changed = false;
      for (const [stageId, score] of Object.entries(d)) {
        if (points.get(stageId)?.score === score && !timers.current[stageId]) {
          delete next[stageId];
          changed = true;
        }
      }
      return changed ? next : d;
    });
  }, [points]);

  const label = (score: number) => t(`emotion.score.${score}`);
  const coords = stages
    .map((s, i) => ({ stage: s, score: scoreOf(s.id), x: i * columnWidth + columnWidth / 2 }))
    .filter((p): p is { stage: StageData; score: number; x: number } => p.score !== null);

  const onKey = (stageId: string, current: number) => (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowUp' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowDown' || event.key === 'ArrowLeft' ? -1 : 0;
    let next = current + delta;
    if (event.key === 'Home') next = EMOTION_MIN;
    if (event.key === 'End') next = EMOTION_MAX;
    if (next === current && delta === 0 && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    next = clampScore(next);
    setDraft((d) => ({ ...d, [stageId]: next }));
    // Several key presses in a row are saved once, based on the version the user saw.
    clearTimeout(timers.current[stageId]);
    timers.current[stageId] = setTimeout(() => {
      delete timers.current[stageId];
      save(stageId, next);
    }, 500);
  };

  const dragging = useRef<string | null>(null);
  const onPointerDown = (stageId: string) => (event: PointerEvent<SVGCircleElement>) => {
    if (!canEdit) return;
    dragging.current = stageId;
    (event.target as Element).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const stageId = dragging.current;
    if (!stageId) return;
    const box = event.currentTarget.getBoundingClientRect();
    // The curve is drawn HEIGHT units tall and shown at the map's zoom.
    const score = yToScore(((event.clientY - box.top) * HEIGHT) / (box.height || HEIGHT), HEIGHT);
    setDraft((d) => (d[stageId] === score ? d : { ...d, [stageId]: score }));
  };
  const inGrid = useHydrated();
  const onPointerUp = () => {
    const stageId = dragging.current;
    dragging.current = null;
    if (stageId && draft[stageId] !== undefined && draft[stageId] !== points.get(stageId)?.score) save(stageId, draft[stageId]!);
  };

  return (
    <div role={inGrid ? 'gridcell' : 'cell'} className="emotion-cells" {...(inGrid ? { 'data-nav': 'cell', 'data-col': 'all', tabIndex: -1 } : null)}>
      <svg
        className="emotion-curve"
        width={stages.length * columnWidth}
        height={HEIGHT}
        viewBox={`0 0 ${stages.length * columnWidth} ${HEIGHT}`}
        preserveAspectRatio="none"
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        aria-label={t('emotion.curve', { lane: lane.name })}
      >
        <line x1={0} x2={stages.length * columnWidth} y1={scoreToY(0, HEIGHT)} y2={scoreToY(0, HEIGHT)} className="emotion-axis" />
        <path d={smoothPath(coords.map((p) => ({ x: p.x, y: scoreToY(p.score, HEIGHT) })))} className="emotion-path" />
        {coords.map((p) => (
          <circle
            key={p.stage.id}
            cx={p.x}
            cy={scoreToY(p.score, HEIGHT)}
            r={canEdit ? 9 : 6}
            className={`emotion-point score-${p.score < 0 ? 'neg' : p.score > 0 ? 'pos' : 'zero'}`}
            {...(canEdit
              ? {
                  role: 'slider',
                  // In the keyboard grid the cell is the Tab stop: Enter goes to the first point.
                  tabIndex: inGrid ? -1 : 0,
                  'aria-label': t('emotion.pointFor', { stage: p.stage.name }),
                  'aria-valuemin': EMOTION_MIN,
                  'aria-valuemax': EMOTION_MAX,
                  'aria-valuenow': p.score,
                  'aria-valuetext': `${p.score > 0 ? '+' : ''}${p.score} (${label(p.score)})`,
                  'aria-orientation': 'vertical' as const,
                  onKeyDown: onKey(p.stage.id, p.score),
                  onPointerDown: onPointerDown(p.stage.id),
                }
              : { 'aria-hidden': true })}
          />
        ))}
      </svg>
      <div className="emotion-values">
        {stages.map((s) => {
          const score = scoreOf(s.id);
          return canEdit && loaded.has(s.id) ? (
            <EmotionSelect
              key={s.id}
              lane={lane}
              stage={s}
              score={score}
              version={points.get(s.id)?.version}
              fetcher={fetcher}
              action={action}
              inGrid={inGrid}
            />
          ) : (
            <p key={s.id} className="emotion-value">
              {score === null ? t('emotion.none') : `${score > 0 ? '+' : ''}${score} · ${label(score)}`}
            </p>
          );
        })}
      </div>
      {refused ? (
        <p className="notice warn" role="alert">
          {t('emotion.failed')}
        </p>
      ) : null}
    </div>
  );
});

/**
 * The plain way to set a stage's score: a select in a form the action parses with SetEmotionSchema,
 * saved through the lane's fetcher as soon as it changes (a button without JavaScript). The lane's
 * answer is this form's only when it names this stage.
 */
function EmotionSelect({
  lane,
  stage,
  score,
  version,
  fetcher,
  action,
  inGrid,
}: {
  lane: LaneData;
  stage: StageData;
  score: number | null;
  version: number | undefined;
  fetcher: ReturnType<typeof useFetcher<EditorAnswer>>;
  action: string;
  inGrid: boolean;
}) {
  const { t } = useTranslation('maps');
  // useId, not the lane and stage uuids: a form per stage is rendered on every page load.
  const id = useId();
  const [form, field] = useEditorForm({
    id,
    intent: 'setEmotion',
    rowId: `${lane.id}:${stage.id}`,
    answer: fetcher.data,
  });
  const scoreField = field('score');
  const { defaultValue: _unused, ...select } = controlProps(scoreField);
  return (
    <fetcher.Form method="post" action={action} preventScrollReset className="emotion-select" {...formProps(form)}>
      <input type="hidden" name="intent" value="setEmotion" />
      <input type="hidden" name="laneId" value={lane.id} />
      <input type="hidden" name="stageId" value={stage.id} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <select
        {...select}
        aria-label={t('emotion.selectFor', { stage: stage.name })}
        tabIndex={inGrid ? -1 : undefined}
        value={score === null ? '' : String(score)}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {/* "No score" clears a score once set. */}
        <option value="">{t('emotion.none')}</option>
        {SCORES.map((v) => (
          <option key={v} value={v}>
            {v > 0 ? '+' : ''}
            {v} · {t(`emotion.score.${v}`)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="small secondary">
          {t('actions.save')}
        </button>
      </noscript>
      <FieldErrors id={scoreField.errorId} errors={scoreField.errors} />
    </fetcher.Form>
  );
}
