import { z } from 'zod';
import { LOCALES, ROLES } from '~/domain/vocabulary';
import { EmailSchema } from './auth';
import { nameSchema, UuidSchema, VersionSchema } from '~/domain/fields';
import { isTimeZone } from '~/lib/time-zone';

// ISO 4217 codes known to this runtime's Intl (Node and every current browser).
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const CurrencySchema = z
  .string({ required_error: 'field.required' })
  .trim()
  .toUpperCase()
  .refine((code) => ISO_CURRENCIES.has(code), 'field.currency');

/** An IANA time zone name that Intl knows (Europe/Paris, America/Montreal, UTC...). */
export const TimeZoneSchema = z.string({ required_error: 'field.required' }).trim().refine(isTimeZone, 'field.timeZone');

export const WorkspaceLocaleSchema = z.enum(LOCALES, { errorMap: () => ({ message: 'field.choose' }) });
export const RoleSchema = z.enum(ROLES, { errorMap: () => ({ message: 'field.choose' }) });

export const WorkspaceNameSchema = nameSchema(80);

export const NewWorkspaceSchema = z.object({
  name: WorkspaceNameSchema,
  currency: CurrencySchema,
  locale: WorkspaceLocaleSchema,
  // The form always sends one; a client that does not gets UTC, which it can change in the settings.
  timeZone: TimeZoneSchema.default('UTC'),
});

export const WorkspaceSettingsSchema = NewWorkspaceSchema.extend({
  intent: z.literal('settings'),
  timeZone: TimeZoneSchema,
  version: VersionSchema,
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
  invitationId: UuidSchema,
});

export const LeaveSchema = z.object({ intent: z.literal('leave') });
