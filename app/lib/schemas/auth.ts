// Form schemas for sign-up, sign-in and the account page, shared by the form (Conform) and the action.
// Messages are keys in the "errors" namespace.
import { z } from 'zod';
import { LOCALES } from '~/domain/vocabulary';

export const EmailSchema = z
  .string({ required_error: 'field.required' })
  .trim()
  .max(254, 'field.tooLong')
  .email('field.email')
  .transform((v) => v.toLowerCase());

export const PasswordSchema = z.string({ required_error: 'field.required' }).min(8, 'field.passwordLength').max(128, 'field.passwordLength');

export const DisplayNameSchema = z.string({ required_error: 'field.required' }).trim().min(1, 'field.required').max(80, 'field.tooLong');

export const LocaleChoiceSchema = z.enum([...LOCALES, 'browser'], { errorMap: () => ({ message: 'field.choose' }) });

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ required_error: 'field.required' }).max(128, 'field.passwordLength'),
  redirectTo: z.string().optional(),
});

export const SignupSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  password: PasswordSchema,
  redirectTo: z.string().optional(),
});

export const ProfileSchema = z.object({
  intent: z.literal('profile'),
  displayName: DisplayNameSchema,
  locale: LocaleChoiceSchema,
});

export const ChangePasswordSchema = z.object({
  intent: z.literal('password'),
  currentPassword: z.string({ required_error: 'field.required' }).max(128, 'field.passwordLength'),
  newPassword: PasswordSchema,
});

const REDIRECT_BASE = 'http://parcours.invalid';
// Browsers drop tabs and newlines inside URLs and read "\\" as "/", so "/\t/evil" or "/\\evil" would
// become "//evil" in the Location header: such values are refused before any parsing.
// eslint-disable-next-line no-control-regex
const UNSAFE_REDIRECT_CHARS = /[\u0000-\u001F\u007F\\]/;

/**
 * Only same-site paths are followed after sign-in (no open redirects): the value must be a path,
 * free of control characters and backslashes, that resolves to our own origin. Returns the
 * resolved path, query and hash, or the fallback.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/') {
  if (!to || !to.startsWith('/') || UNSAFE_REDIRECT_CHARS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
