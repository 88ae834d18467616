// The comment forms' answers, for every page that shows threads (the map's comments panel, the
// project page): each intent's form is parsed with its schema, the thread or comment is looked up
// in the page's scope, and the result answered the usual way (result.server `reply`). Any member
// may comment, viewers included; comments.server.ts decides who may edit, delete and resolve.
import { parseWithZod } from '@conform-to/zod';
import type { Role } from '~/domain/vocabulary';
import {
  DeleteCommentSchema,
  EditCommentSchema,
  parseTarget,
  ReplySchema,
  StartThreadSchema,
  ThreadStateSchema,
  type CommentIntent,
  type TargetRef,
} from '~/lib/schemas/comments';
import { deleteComment, editComment, replyToThread, setThreadResolved, startThread, type ThreadScope } from './comments.server';
import { badRequest } from './http.server';
import { reply, replyInvalid } from './result.server';

interface Member {
  workspace: { id: string };
  user: { id: string };
  role: Role;
}

/** The id a form is about, for the answer to find its form again (never trusted: only echoed back). */
const rowOf = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return { rowId: typeof value === 'string' && value ? value.slice(0, 40) : 'new' };
};

export async function answerCommentForm(intent: CommentIntent, formData: FormData, member: Member, scope: ThreadScope) {
  const ws = member.workspace.id;
  const actorId = member.user.id;
  switch (intent) {
    case 'startThread': {
      const extra = { rowId: 'new' };
      const s = parseWithZod(formData, { schema: StartThreadSchema });
      if (s.status !== 'success') return replyInvalid(intent, s, extra);
      const target: TargetRef | null = 'projectId' in scope ? { type: 'project', id: scope.projectId } : parseTarget(s.value.target);
      if (!target || (target.type === 'project') !== 'projectId' in scope) throw badRequest();
      return reply(intent, await startThread(ws, actorId, scope, target, { body: s.value.body, picked: s.value.mention }), s, extra);
    }
    case 'reply': {
      const extra = rowOf(formData, 'threadId');
      const s = parseWithZod(formData, { schema: ReplySchema });
      if (s.status !== 'success') return replyInvalid(intent, s, extra);
      return reply(intent, await replyToThread(ws, actorId, scope, s.value.threadId, { body: s.value.body, picked: s.value.mention }), s, extra);
    }
    case 'editComment': {
      const extra = rowOf(formData, 'commentId');
      const s = parseWithZod(formData, { schema: EditCommentSchema });
      if (s.status !== 'success') return replyInvalid(intent, s, extra);
      const { commentId, version, body, mention } = s.value;
      return reply(intent, await editComment(ws, actorId, scope, commentId, version, { body, picked: mention }), s, extra);
    }
    case 'deleteComment': {
      const extra = rowOf(formData, 'commentId');
      const s = parseWithZod(formData, { schema: DeleteCommentSchema });
      if (s.status !== 'success') throw badRequest();
      return reply(intent, await deleteComment(ws, actorId, scope, s.value.commentId), s, extra);
    }
    case 'resolveThread':
    case 'reopenThread': {
      const extra = rowOf(formData, 'threadId');
      const s = parseWithZod(formData, { schema: ThreadStateSchema });
      if (s.status !== 'success') throw badRequest();
      return reply(intent, await setThreadResolved(ws, actorId, member.role, scope, s.value.threadId, intent === 'resolveThread'), s, extra);
    }
  }
}
