import { z } from 'zod';
import { EmailSchema } from './auth';

export const CurrencySchema = z
  .string({ required_error: 'field.required' })
  .trim()
  .toUpperCase()
  .refine((code) => {
    if (!/^[A-Z]{3}$/.test(code)) return false;
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().currency === code;
    } catch {
      return false;
    }
  }, 'field.currency');

export const WorkspaceLocaleSchema = z.enum(['en', 'fr'], { errorMap: () => ({ message: 'field.choose' }) });
export const RoleSchema = z.enum(['owner', 'editor', 'viewer'], { errorMap: () => ({ message: 'field.choose' }) });

export const WorkspaceNameSchema = z.string({ required_error: 'field.required' }).trim().min(1, 'field.required').max(80, 'field.tooLong');

export const NewWorkspaceSchema = z.object({
  name: WorkspaceNameSchema,
  currency: CurrencySchema,
  locale: WorkspaceLocaleSchema,
});

export const WorkspaceSettingsSchema = NewWorkspaceSchema.extend({
  intent: z.literal('settings'),
  version: z.coerce.number().int(),
});

export const InviteSchema = z.object({
  intent: z.literal('invite'),
  email: EmailSchema,
  role: RoleSchema,
});

export const MemberRoleSchema = z.object({
  intent: z.literal('role'),
  userId: z.string().min(1),
  role: RoleSchema,
});

export const RemoveMemberSchema = z.object({
  intent: z.literal('remove'),
  userId: z.string().min(1),
});

export const RevokeInvitationSchema = z.object({
  intent: z.literal('revoke'),
  invitationId: z.string().uuid(),
});
