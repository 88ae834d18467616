// The environment, validated once at boot: a bad value stops the process with a clear message.
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .url('DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().default('./data/pglite'),
  /** "false" turns off the demo workspace created on the first start of an empty database. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Set when the app runs behind a proxy that sets X-Forwarded-For (used for sign-in throttling). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Forces the Secure cookie flag (on by default in production). */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
