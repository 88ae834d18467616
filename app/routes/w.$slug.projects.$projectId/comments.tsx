// The project's comments: its threads (open ones, then the resolved ones folded away) and a box to
// start one. Any member may comment; a link to a thread (?thread=<id>#thread-<id>, where a
// notification leads) opens it, its reply box ready.
import { useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CommentForm, type CommentAnswer } from '~/components/comments/comment-form';
import { CommentThread } from '~/components/comments/comment-thread';
import type { Member } from '~/domain/comments';
import type { ThreadData } from '~/server/comments.server';

export function ProjectComments({ threads, members, answer }: { threads: ThreadData[]; members: readonly Member[]; answer: CommentAnswer }) {
  const { t } = useTranslation('comments');
  const [params] = useSearchParams();
  const linked = params.get('thread');
  const open = threads.filter((th) => !th.resolvedAt);
  const resolved = threads.filter((th) => th.resolvedAt);
  return (
    <section className="panel project-comments no-print" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('project.title')}</h2>
      {open.length === 0 ? <p className="muted">{t('project.none')}</p> : null}
      {open.map((thread) => (
        <CommentThread key={thread.id} thread={thread} members={members} answer={answer} replyOpen={thread.id === linked} />
      ))}
      {resolved.length ? (
        <details className="resolved-threads" open={resolved.some((th) => th.id === linked)}>
          <summary>{t('panel.resolvedThreads', { count: resolved.length })}</summary>
          {resolved.map((thread) => (
            <CommentThread key={thread.id} thread={thread} members={members} answer={answer} replyOpen={thread.id === linked} />
          ))}
        </details>
      ) : null}
      <h3>{t('panel.newThread')}</h3>
      <CommentForm
        intent="startThread"
        rowId="new"
        hidden={{}}
        label={t('project.newThreadLabel')}
        submitLabel={t('panel.send')}
        members={members}
        answer={answer}
      />
    </section>
  );
}
