// The webhook forms (settings, owners): create with a URL and the events to send; the row actions
// (enable, disable, rotate the secret, delete, send a test event) name the webhook.
import { z } from 'zod';
import { UuidSchema } from '~/domain/fields';
import { WEBHOOK_EVENTS } from '~/domain/vocabulary';

function parses(url: string) {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

export const CreateWebhookSchema = z.object({
  intent: z.literal('create'),
  url: z
    .string({ required_error: 'field.required', invalid_type_error: 'field.required' })
    .trim()
    .max(2000, 'field.tooLong')
    .url('webhooks.url.invalid')
    // Said once: an address that does not parse is "invalid", not also "not https".
    .refine((u) => !parses(u) || /^https?:\/\//i.test(u), 'webhooks.url.scheme'),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { errorMap: () => ({ message: 'field.choose' }) }), {
      required_error: 'webhooks.events',
      invalid_type_error: 'webhooks.events',
    })
    .min(1, 'webhooks.events')
    .max(WEBHOOK_EVENTS.length, 'field.choose'),
});

export const WEBHOOK_ROW_INTENTS = ['enable', 'disable', 'rotate', 'delete', 'test'] as const;

export const WebhookRowSchema = z.object({ intent: z.enum(WEBHOOK_ROW_INTENTS), webhookId: UuidSchema });
