// The API token forms (settings, owners): create with name, scope and optional expiry; revoke.
import { z } from 'zod';
import { IsoDateSchema, nameSchema, UuidSchema } from '~/domain/fields';
import { API_SCOPES } from '~/domain/vocabulary';
import { endOfDayInZone } from '~/lib/time-zone';

export const CreateApiTokenSchema = z.object({
  intent: z.literal('create'),
  name: nameSchema(80),
  scope: z.enum(API_SCOPES, { errorMap: () => ({ message: 'field.choose' }) }),
  /** The last day the token works; empty for a token that does not expire. */
  expiresOn: IsoDateSchema.optional().refine((d) => d === undefined || d > new Date().toISOString().slice(0, 10), 'field.futureDate'),
});

export const RevokeApiTokenSchema = z.object({ intent: z.literal('revoke'), tokenId: UuidSchema });

/** The last moment of the last valid day, in the workspace's time zone. */
export const expiryInstant = (expiresOn: string | undefined, timeZone: string) => (expiresOn ? endOfDayInZone(expiresOn, timeZone) : null);
