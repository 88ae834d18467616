// The variables the database layer reads, validated with zod: a bad value stops the process with a
// message that names the variable, never a raw RangeError from deep inside a driver.
import { z } from 'zod';

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

export const DatabaseEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .url('must be a postgres:// URL')
      .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// URL')
      .optional(),
  ),
  PGLITE_DIR: z.preprocess(emptyAsUnset, z.string().default('./data/pglite')),
  DATABASE_POOL_SIZE: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ invalid_type_error: 'must be a whole number from 1 to 100' })
      .int('must be a whole number from 1 to 100')
      .min(1, 'must be a whole number from 1 to 100')
      .max(100, 'must be a whole number from 1 to 100')
      .default(10),
  ),
  MIGRATIONS_DIR: z.preprocess(emptyAsUnset, z.string().default('drizzle')),
});

export type DatabaseEnv = z.infer<typeof DatabaseEnvSchema>;

/** Formats zod issues as "  NAME: message" lines. */
export function describeEnvIssues(error: z.ZodError) {
  return error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

export function databaseEnv(source: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const parsed = DatabaseEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${describeEnvIssues(parsed.error)}`);
  return parsed.data;
}
