// The version history forms: naming the map's current version (history page) and restoring a
// version (its page), which sends back the map's newest change as the page saw it.
import { z } from 'zod';

export const VERSION_NAME_MAX = 120;

export const NameVersionSchema = z.object({
  intent: z.literal('name'),
  name: z
    .string({ required_error: 'field.required', invalid_type_error: 'field.required' })
    .trim()
    .min(1, 'field.required')
    .max(VERSION_NAME_MAX, 'field.tooLong'),
});

export const RestoreVersionSchema = z.object({
  intent: z.literal('restore'),
  head: z.coerce.number({ invalid_type_error: 'field.required' }).int().min(0).max(Number.MAX_SAFE_INTEGER),
});
