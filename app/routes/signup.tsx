import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { Field, FormErrors } from '~/components/ui/field';
import { isLanguage } from '~/lib/i18n';
import { SignupSchema, safeRedirect } from '~/lib/schemas/auth';
import { createUser, getSignedIn, startSession } from '~/server/auth.server';
import { assertSameOrigin } from '~/server/http.server';
import { clientAddressOf } from '~/server/request-context.server';
import { hit, SIGN_UP_PER_ADDRESS } from '~/server/throttle.server';
import { i18nServer } from '~/server/i18n.server';
import { readForm } from '~/server/form.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup');

export const handle = { i18n: ['pages'] };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedIn(request)) throw redirect('/');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignupSchema });
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 });
  }
  const { email, displayName, password, redirectTo } = submission.value;
  // Decided before any account or session exists, so a hostile value can never fail after them.
  const target = safeRedirect(redirectTo, '/workspaces/new');
  // Counted before the account is created, so parallel requests cannot pass the limit.
  const address = clientAddressOf(context);
  if (address && (await hit(SIGN_UP_PER_ADDRESS, address)).exceeded) {
    return data(submission.reply({ formErrors: ['signupThrottled'], hideFields: ['password'] }), { status: 429 });
  }
  const browserLanguage = await i18nServer.getLocale(request);
  const userId = await createUser({ email, displayName, password, locale: isLanguage(browserLanguage) ? browserLanguage : null });
  if (!userId) {
    // Non-committal on purpose: saying "this e-mail has an account" would tell anyone who has one.
    // The password was hashed either way (createUser), so the answer takes as long.
    return data(submission.reply({ formErrors: ['signupRefused'], hideFields: ['password'] }), { status: 400 });
  }
  const { cookie } = await startSession(userId, request);
  return redirect(target, { headers: { 'Set-Cookie': cookie } });
}

export default function SignupRoute() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation(['common', 'pages']);
  const [form, fields] = useForm({
    id: 'signup',
    lastResult,
    // An invitation link names the invited e-mail.
    defaultValue: { email: searchParams.get('email') ?? '' },
    constraint: getZodConstraint(SignupSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  const redirectTo = searchParams.get('redirectTo') ?? '';
  return (
    <AuthCard title={t('signup.title')}>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t('fields.email')} field={fields.email} type="email" autoComplete="email" autoFocus />
        <Field label={t('fields.displayName')} field={fields.displayName} autoComplete="name" />
        <Field label={t('fields.password')} field={fields.password} type="password" autoComplete="new-password" hint={t('signup.passwordHint')} />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('signup.submit')}
        </button>
      </Form>
      <p className="alt">
        {t('signup.haveAccount')} <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login'}>{t('signup.signInLink')}</Link>
      </p>
    </AuthCard>
  );
}
