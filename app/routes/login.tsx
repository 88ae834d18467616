import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { Field, FormErrors } from '~/components/ui/field';
import { LoginSchema, safeRedirect } from '~/lib/schemas/auth';
import { endSession, getSignedIn, signIn, startSession } from '~/server/auth.server';
import { env } from '~/server/env.server';
import { assertSameOrigin } from '~/server/http.server';
import { clientAddressOf } from '~/server/request-context.server';
import { DEMO_PASSWORD, DEMO_USERS } from '~/server/demo/context.server';
import { readForm } from '~/server/form.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login');

export const handle = { i18n: ['pages'] };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedIn(request)) throw redirect('/');
  // A convenience of local development only: a production build prints the demo credentials on
  // its terminal at boot (boot.server) and never sends them in a page.
  const production = import.meta.env.PROD || env().NODE_ENV === 'production';
  const demo = !production && env().SEED_DEMO === 'true' ? { email: DEMO_USERS.owner.email, password: DEMO_PASSWORD } : null;
  return { demo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  // Decided before any session exists, so a hostile value can never fail after one is created.
  const target = safeRedirect(redirectTo, '/');
  const result = await signIn({ email, password, clientAddress: clientAddressOf(context) });
  if (!result.ok) {
    const throttled = result.reason === 'throttled';
    return data(submission.reply({ formErrors: [throttled ? 'throttled' : 'invalidCredentials'], hideFields: ['password'] }), {
      status: throttled ? 429 : 400,
    });
  }
  // A fresh session at every sign-in; a session the browser still carried is ended.
  await endSession(request);
  const { cookie } = await startSession(result.userId, request);
  return redirect(target, { headers: { 'Set-Cookie': cookie } });
}

export default function LoginRoute() {
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation(['common', 'pages']);
  const [form, fields] = useForm({
    id: 'login',
    lastResult,
    // An invitation link names the invited e-mail.
    defaultValue: { email: searchParams.get('email') ?? '' },
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const redirectTo = searchParams.get('redirectTo') ?? '';
  return (
    <AuthCard title={t('login.title')}>
      {demo ? <p className="notice">{t('login.demoHint', demo)}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t('fields.email')} field={fields.email} type="email" autoComplete="email" autoFocus />
        <Field label={t('fields.password')} field={fields.password} type="password" autoComplete="current-password" />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p className="alt">
        {t('login.noAccount')} <Link to={redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : '/signup'}>{t('login.signUpLink')}</Link>
      </p>
    </AuthCard>
  );
}
