// The environment, validated once at boot by the HTTP server (server/index.ts) and again by the app:
// a bad value stops the process with a message naming the variable. Every variable the code reads
// is here (the database layer's own are in db/env.ts and merged in).
import { z } from 'zod';
import { DatabaseEnvSchema, describeEnvIssues } from '#db/env';

const flag = z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) });
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

const EnvSchema = DatabaseEnvSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** "true" creates the demo workspace on the first start of an empty database (off in production unless asked). */
  SEED_DEMO: z.preprocess(emptyAsUnset, flag.optional()),
  /** Set when the app runs behind a proxy that sets X-Forwarded-For / X-Forwarded-Host. */
  TRUST_PROXY: z.preprocess(emptyAsUnset, flag.default('false')),
  /** Forces the Secure cookie flag (on by default in production). */
  SECURE_COOKIES: z.preprocess(emptyAsUnset, flag.optional()),
  PORT: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ invalid_type_error: 'must be a port number' })
      .int('must be a port number')
      .min(1, 'must be a port number')
      .max(65535, 'must be a port number')
      .default(3000),
  ),
  /** "true" lets webhooks reach http:// URLs and private, loopback and link-local addresses (local testing only). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.preprocess(emptyAsUnset, flag.default('false')),
  /** The interface to listen on; unset listens on every interface. */
  HOST: z.preprocess(emptyAsUnset, z.string().optional()),
}).transform((e) => ({ ...e, SEED_DEMO: e.SEED_DEMO ?? (e.NODE_ENV === 'production' ? 'false' : 'true') }));

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${describeEnvIssues(parsed.error)}`);
  return parsed.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
