// Forms of the comments feature (the map's comments panel and the project page's comments), shared
// by the forms and the actions; and the address of a comment target ("card:<id>"). Messages are keys
// in the "errors" namespace, or in the "comments" one (loaded with the comment forms only).
import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from '~/domain/comments';
import { UuidSchema, VersionSchema } from '~/domain/fields';
import { COMMENT_TARGETS, type CommentTarget } from '~/domain/vocabulary';

export const CommentBodySchema = z
  .string({ required_error: 'field.required', invalid_type_error: 'field.required' })
  .trim()
  .min(1, 'field.required')
  .max(MAX_COMMENT_LENGTH, 'comments:errors.tooLong');

/** The members picked from the mention list (hidden fields): they settle who a shared name means. */
const PickedMentionsSchema = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(UuidSchema).max(50));

export interface TargetRef {
  type: CommentTarget;
  id: string;
}

const TARGET = new RegExp(`^(${COMMENT_TARGETS.join('|')}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i');

/** "card:<uuid>" -> { type: 'card', id }; anything else null. */
export function parseTarget(value: unknown): TargetRef | null {
  if (typeof value !== 'string') return null;
  const match = TARGET.exec(value);
  return match ? { type: match[1]!.toLowerCase() as CommentTarget, id: match[2]!.toLowerCase() } : null;
}

export const targetParam = (target: TargetRef) => `${target.type}:${target.id}`;

export const StartThreadSchema = z.object({
  intent: z.literal('startThread'),
  /** What the thread is about, on the map's panel; the project page's threads are about its project. */
  target: z.string().optional(),
  body: CommentBodySchema,
  mention: PickedMentionsSchema,
});

export const ReplySchema = z.object({ intent: z.literal('reply'), threadId: UuidSchema, body: CommentBodySchema, mention: PickedMentionsSchema });

export const EditCommentSchema = z.object({
  intent: z.literal('editComment'),
  commentId: UuidSchema,
  version: VersionSchema,
  body: CommentBodySchema,
  mention: PickedMentionsSchema,
});

export const DeleteCommentSchema = z.object({ intent: z.literal('deleteComment'), commentId: UuidSchema });

export const ThreadStateSchema = z.object({ intent: z.enum(['resolveThread', 'reopenThread']), threadId: UuidSchema });

/** The intents of the comment forms, which the map's panel and the project page both answer. */
export const COMMENT_INTENTS = ['startThread', 'reply', 'editComment', 'deleteComment', 'resolveThread', 'reopenThread'] as const;
export type CommentIntent = (typeof COMMENT_INTENTS)[number];
export const isCommentIntent = (value: unknown): value is CommentIntent => (COMMENT_INTENTS as readonly unknown[]).includes(value);

export const NotificationReadSchema = z.object({ intent: z.literal('read'), notificationId: UuidSchema });

export const NotificationsReadAllSchema = z.object({ intent: z.literal('readAll') });
