// The API token forms (settings, owners): create with name, scope and optional expiry; revoke.
import { z } from 'zod';
import { IsoDateSchema, nameSchema, UuidSchema } from '~/domain/fields';
import { API_SCOPES } from '~/domain/vocabulary';

export const CreateApiTokenSchema = z.object({
  intent: z.literal('create'),
  name: nameSchema(80),
  scope: z.enum(API_SCOPES, { errorMap: () => ({ message: 'field.choose' }) }),
  /** The last day the token works; empty for a token that does not expire. */
  expiresOn: IsoDateSchema.optional().refine((d) => d === undefined || d > new Date().toISOString().slice(0, 10), 'field.futureDate'),
});

export const RevokeApiTokenSchema = z.object({ intent: z.literal('revoke'), tokenId: UuidSchema });

/** The first moment after the last valid day (UTC). */
export const expiryInstant = (expiresOn: string | undefined) => (expiresOn ? new Date(`${expiresOn}T23:59:59.999Z`) : null);
