// The share link forms: create (optional last day, optional password) and revoke, in the share panel
// of a map, a business case or the summary (editors); and the password form of a protected link.
import { z } from 'zod';
import { IsoDateSchema, isIsoDate, UuidSchema } from '~/domain/fields';
import { PasswordSchema } from './auth';

export const CreateShareLinkSchema = z.object({
  intent: z.literal('create'),
  /** The last day the link opens; empty for a link that does not expire. One message: not a date, or not after today. */
  expiresOn: IsoDateSchema.optional().refine((d) => d === undefined || !isIsoDate(d) || d > new Date().toISOString().slice(0, 10), 'field.futureDate'),
  /** Empty for a link anyone holding it may open. */
  password: PasswordSchema.optional(),
});

export const RevokeShareLinkSchema = z.object({ intent: z.literal('revoke'), linkId: UuidSchema });

export const UnlockShareLinkSchema = z.object({
  password: z.string({ required_error: 'field.required' }).max(128, 'field.passwordLength'),
});
