// The comments panel's three views (route.tsx): the map's open threads, the threads on one item,
// one thread. Links inside it keep the map's window of stages (?from=&to=), so the map behind does
// not reload; the item being discussed is outlined on the map and scrolled into view.
import { Form, Link, useSearchParams } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm, type CommentAnswer } from '~/components/comments/comment-form';
import { CommentThread } from '~/components/comments/comment-thread';
import { SidePanel } from '~/components/ui/side-panel';
import { excerpt, type Member } from '~/domain/comments';
import { targetParam } from '~/lib/schemas/comments';
import { useWorkspace } from '~/lib/workspace';
import type { listMapTargets, openThreadsOfMap, TargetInfo, ThreadData } from '~/server/comments.server';

type MapRef = { id: string; name: string };
type OpenThread = Awaited<ReturnType<typeof openThreadsOfMap>>[number];
type MapTarget = Awaited<ReturnType<typeof listMapTargets>>[number];

export type PanelData =
  | { view: 'thread'; map: MapRef; target: TargetInfo; thread: ThreadData; members: Member[] }
  | { view: 'target'; map: MapRef; target: TargetInfo; threads: ThreadData[]; members: Member[] }
  | { view: 'map'; map: MapRef; threads: OpenThread[]; hasMore: boolean; shown: number; targets: MapTarget[] };

const HEADING_ID = 'comments-panel-heading';
const WINDOW_PARAMS = ['from', 'to'] as const;

/** The map item a target is (its place in the keyboard grid once it runs), by its data attribute. */
function itemOf(target: { type: string; id: string }) {
  return document.querySelector<HTMLElement>(`[data-${target.type}-id="${CSS.escape(target.id)}"]`);
}

export function CommentsPanel({ data, answer }: { data: PanelData; answer: CommentAnswer }) {
  const { t } = useTranslation('comments');
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const windowParams = WINDOW_PARAMS.flatMap((name): [string, string][] => (params.has(name) ? [[name, params.get(name)!]] : []));
  const mapHref = `/w/${workspace.slug}/maps/${data.map.id}`;
  const withWindow = (path: string, extra: Record<string, string> = {}) => {
    const search = new URLSearchParams([...Object.entries(extra), ...windowParams]).toString();
    return search ? `${path}?${search}` : path;
  };
  const panelHref = (extra: Record<string, string> = {}) => withWindow(`${mapHref}/comments`, extra);
  const target = data.view === 'map' ? null : data.target;
  const heading =
    data.view === 'map'
      ? t('panel.mapTitle')
      : t(data.view === 'thread' ? 'panel.threadTitle' : 'panel.targetTitle', { target: t(`target.${data.target.type}`, { name: data.target.name }) });
  return (
    <SidePanel
      headingId={HEADING_ID}
      closeHref={withWindow(mapHref)}
      focusKey={params.toString()}
      className="comments-panel"
      returnFocus={() => {
        const item = target ? itemOf(target) : null;
        if (item) return item.hasAttribute('data-nav') ? item : item.querySelector<HTMLElement>('a.comment-count');
        return document.querySelector<HTMLElement>('a.map-comments-link');
      }}
    >
      <div className="side-panel-head">
        <div>
          <h2 id={HEADING_ID} tabIndex={-1}>
            {heading}
          </h2>
          {target?.stageName && target.type !== 'stage' ? <p className="muted small">{t('panel.inStage', { stage: target.stageName })}</p> : null}
        </div>
        <Link to={withWindow(mapHref)} preventScrollReset className="button secondary small" aria-label={t('panel.closeLabel')}>
          {t('panel.close')}
        </Link>
      </div>
      {target ? <Highlight target={target} /> : null}
      {data.view === 'thread' ? (
        <>
          <p className="panel-links small">
            <Link to={panelHref({ on: targetParam(data.target) })} preventScrollReset>
              ← {t('panel.allOnTarget', { target: t(`target.${data.target.type}`, { name: data.target.name }) })}
            </Link>{' '}
            ·{' '}
            <Link to={panelHref()} preventScrollReset>
              {t('panel.allOpen')}
            </Link>
          </p>
          <CommentThread thread={data.thread} members={data.members} answer={answer} replyOpen />
        </>
      ) : data.view === 'target' ? (
        <TargetThreads threads={data.threads} members={data.members} answer={answer} target={data.target} allHref={panelHref()} />
      ) : (
        <MapThreads data={data} panelHref={panelHref} windowParams={windowParams} />
      )}
    </SidePanel>
  );
}

/** The item on the map, outlined (a style rule: it shows before JavaScript runs) and brought into view. */
function Highlight({ target }: { target: TargetInfo }) {
  useEffect(() => {
    itemOf(target)?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [target]);
  // Ids are UUIDs (checked by the loader): nothing in them can end the rule.
  return <style>{`[data-${target.type}-id="${target.id}"]{outline:3px solid var(--brand);outline-offset:2px;border-radius:6px}`}</style>;
}

function TargetThreads({
  threads,
  members,
  answer,
  target,
  allHref,
}: {
  threads: ThreadData[];
  members: Member[];
  answer: CommentAnswer;
  target: TargetInfo;
  allHref: string;
}) {
  const { t } = useTranslation('comments');
  const open = threads.filter((th) => !th.resolvedAt);
  const resolved = threads.filter((th) => th.resolvedAt);
  return (
    <>
      <p className="panel-links small">
        <Link to={allHref} preventScrollReset>
          ← {t('panel.allOpen')}
        </Link>
      </p>
      {open.length === 0 ? <p className="muted">{t('panel.noneOnTarget')}</p> : null}
      {open.map((thread) => (
        <CommentThread key={thread.id} thread={thread} members={members} answer={answer} />
      ))}
      {resolved.length ? (
        <details className="resolved-threads">
          <summary>{t('panel.resolvedThreads', { count: resolved.length })}</summary>
          {resolved.map((thread) => (
            <CommentThread key={thread.id} thread={thread} members={members} answer={answer} />
          ))}
        </details>
      ) : null}
      <section className="new-thread" aria-labelledby="new-thread-heading">
        <h3 id="new-thread-heading">{t('panel.newThread')}</h3>
        <CommentForm
          intent="startThread"
          rowId="new"
          hidden={{ target: targetParam(target) }}
          label={t('panel.newThreadLabel', { target: t(`target.${target.type}`, { name: target.name }) })}
          submitLabel={t('panel.send')}
          members={members}
          answer={answer}
        />
      </section>
    </>
  );
}

function MapThreads({
  data,
  panelHref,
  windowParams,
}: {
  data: Extract<PanelData, { view: 'map' }>;
  panelHref: (extra?: Record<string, string>) => string;
  windowParams: [string, string][];
}) {
  const { t } = useTranslation('comments');
  const stageNames = new Map(data.targets.filter((x) => x.type === 'stage').map((s) => [s.id, s.name]));
  const byStage = new Map<string, MapTarget[]>();
  for (const x of data.targets) byStage.set(x.stageId, [...(byStage.get(x.stageId) ?? []), x]);
  return (
    <>
      {data.threads.length === 0 ? (
        <p className="muted">{t('panel.noneOpen')}</p>
      ) : (
        <ul className="thread-list">
          {data.threads.map((thread) => {
            const first = thread.comments.find((c) => !c.deletedAt) ?? thread.comments[0];
            return (
              <li key={thread.id}>
                <Link to={panelHref({ thread: thread.id })} preventScrollReset className="thread-link">
                  {t(`label.${thread.target.type}`, { name: thread.target.name })}
                </Link>
                {first ? (
                  <p className="small">
                    <strong>{first.authorName ?? t('comment.formerMember')}</strong>
                    {t('punctuation.colon', { ns: 'common' })} {first.deletedAt ? t('comment.deleted') : excerpt(first.body)}
                  </p>
                ) : null}
                <p className="muted small">{t('panel.commentCount', { count: thread.comments.filter((c) => !c.deletedAt).length })}</p>
              </li>
            );
          })}
        </ul>
      )}
      {data.hasMore ? (
        <p>
          <Link to={panelHref({ shown: String(data.shown * 2) })} preventScrollReset>
            {t('panel.more')}
          </Link>
        </p>
      ) : null}
      {data.targets.length ? (
        <section className="new-thread" aria-labelledby="start-on-heading">
          <h3 id="start-on-heading">{t('panel.startOn')}</h3>
          <Form method="get" preventScrollReset className="row">
            {windowParams.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div className="field">
              <label htmlFor="comment-target">{t('panel.targetLabel')}</label>
              <select id="comment-target" name="on">
                {[...byStage].map(([stageId, items]) => (
                  <optgroup key={stageId} label={stageNames.get(stageId) ?? ''}>
                    {items.map((x) => (
                      <option key={x.id} value={targetParam(x)}>
                        {t(`option.${x.type}`, { name: x.name, lane: x.lane ?? '' })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="field">
              <button type="submit" className="secondary">
                {t('panel.openTarget')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
