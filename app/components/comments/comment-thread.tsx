// A thread as a list of comments (author, time, text; "comment deleted" where one was), with what the
// reader may do: reply (any member), edit or delete their own comments, resolve or reopen the thread
// (editors, and whoever started it). Each form opens in place (a disclosure: it works without
// JavaScript) and takes the focus to its box when it opens.
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import type { Member } from '~/domain/comments';
import { formatDateTime } from '~/lib/format';
import { ThreadStateSchema } from '~/lib/schemas/comments';
import { useWorkspace } from '~/lib/workspace';
import type { ThreadData } from '~/server/comments.server';
import { CommentBody } from './comment-body';
import { CommentForm, type CommentAnswer } from './comment-form';

type CommentData = ThreadData['comments'][number];

/** A disclosure whose comment box takes the focus when it opens. */
function Disclosure({ summary, open, className, children }: { summary: ReactNode; open?: boolean; className?: string; children: ReactNode }) {
  return (
    <details
      className={className}
      open={open}
      onToggle={(event) => {
        if (event.currentTarget.open) event.currentTarget.querySelector('textarea')?.focus();
      }}
    >
      <summary className="button secondary small">{summary}</summary>
      {children}
    </details>
  );
}

export function CommentThread({
  thread,
  members,
  answer,
  replyOpen,
}: {
  thread: ThreadData;
  members: readonly Member[];
  answer: CommentAnswer;
  /** The thread a link pointed at: its reply box is open. */
  replyOpen?: boolean;
}) {
  const { t } = useTranslation('comments');
  const { workspace, user, canEdit } = useWorkspace();
  const resolved = !!thread.resolvedAt;
  const canResolve = canEdit || thread.authorId === user.id;
  const starter = thread.comments[0];
  return (
    <article
      className={`comment-thread${resolved ? ' resolved' : ''}`}
      id={`thread-${thread.id}`}
      aria-label={t('thread.label', { name: starter?.authorName ?? t('comment.formerMember'), count: thread.comments.length })}
    >
      {resolved ? (
        <p className="small">
          <span className="chip neutral">{t('thread.resolved')}</span>{' '}
          {thread.resolvedByName
            ? t('thread.resolvedBy', { name: thread.resolvedByName, date: formatDateTime(thread.resolvedAt!, workspace.locale, workspace.timeZone) })
            : null}
        </p>
      ) : null}
      <ol className="comments">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} comment={c} mine={c.authorId === user.id} members={members} answer={answer} />
        ))}
      </ol>
      <div className="thread-actions">
        <Disclosure className="reply-form" summary={t('thread.reply')} open={replyOpen}>
          <CommentForm
            intent="reply"
            rowId={thread.id}
            hidden={{ threadId: thread.id }}
            label={t('thread.replyLabel')}
            submitLabel={t('thread.sendReply')}
            members={members}
            answer={answer}
          />
        </Disclosure>
        {canResolve ? (
          <ButtonForm
            id={`${resolved ? 'reopen' : 'resolve'}-${thread.id}`}
            schema={ThreadStateSchema}
            fields={{ intent: resolved ? 'reopenThread' : 'resolveThread', threadId: thread.id }}
            preventScrollReset
          >
            <button type="submit" className="secondary small">
              {resolved ? t('thread.reopen') : t('thread.resolve')}
            </button>
          </ButtonForm>
        ) : null}
      </div>
    </article>
  );
}

function CommentItem({ comment, mine, members, answer }: { comment: CommentData; mine: boolean; members: readonly Member[]; answer: CommentAnswer }) {
  const { t } = useTranslation('comments');
  const { workspace } = useWorkspace();
  const deleted = !!comment.deletedAt;
  const when = formatDateTime(comment.createdAt, workspace.locale, workspace.timeZone);
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <p className="comment-meta small">
        <strong>{comment.authorName ?? t('comment.formerMember')}</strong>{' '}
        <time dateTime={new Date(comment.createdAt).toISOString()} className="muted">
          {when}
        </time>
        {comment.editedAt && !deleted ? <span className="muted"> · {t('comment.edited')}</span> : null}
      </p>
      {deleted ? <p className="comment-body muted">{t('comment.deleted')}</p> : <CommentBody body={comment.body} mentions={comment.mentions} />}
      {mine && !deleted ? (
        <div className="comment-actions">
          {/* A new version (the edit landed) draws the disclosure closed again. */}
          <Disclosure
            key={comment.version}
            summary={
              <>
                {t('comment.edit')}
                <span className="visually-hidden"> {t('comment.yours', { date: when })}</span>
              </>
            }
          >
            <CommentForm
              intent="editComment"
              rowId={comment.id}
              hidden={{ commentId: comment.id, version: comment.version }}
              label={t('comment.editBox')}
              submitLabel={t('comment.save')}
              members={members}
              answer={answer}
              defaultBody={comment.body}
              defaultPicked={comment.mentions.map((m) => m.userId)}
            />
          </Disclosure>
          <Form
            method="post"
            preventScrollReset
            className="inline-form"
            onSubmit={(event) => {
              if (!window.confirm(t('comment.deleteConfirm'))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="deleteComment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="danger small" aria-label={`${t('comment.delete')} ${t('comment.yours', { date: when })}`}>
              {t('comment.delete')}
            </button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}
