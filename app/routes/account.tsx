import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { Field, FormErrors, SelectField } from '~/components/ui/field';
import { ChangePasswordSchema, ProfileSchema } from '~/lib/schemas/auth';
import { readForm } from '~/server/form.server';
import { changePassword, requireUser } from '~/server/auth.server';
import { badRequest } from '~/server/http.server';
import { updateProfile } from '~/server/users.server';
import { listWorkspacesForUser } from '~/server/workspaces.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account');

export const handle = { i18n: ['pages'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return {
    user: { displayName: user.displayName, email: user.email, locale: user.locale ?? 'browser' },
    workspaces: await listWorkspacesForUser(user.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: ProfileSchema });
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), done: false }, { status: 400 });
    const { displayName, locale } = submission.value;
    await updateProfile(user.id, { displayName, locale: locale === 'browser' ? null : locale });
    return { intent, result: submission.reply(), done: true };
  }
  if (intent === 'password') {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
    if (submission.status !== 'success') {
      return data({ intent, result: submission.reply({ hideFields: ['currentPassword', 'newPassword'] }), done: false }, { status: 400 });
    }
    const ok = await changePassword(user.id, session.id, submission.value.currentPassword, submission.value.newPassword);
    if (!ok) {
      return data(
        {
          intent,
          result: submission.reply({ fieldErrors: { currentPassword: ['wrongPassword'] }, hideFields: ['currentPassword', 'newPassword'] }),
          done: false,
        },
        { status: 400 },
      );
    }
    return { intent, result: submission.reply({ resetForm: true }), done: true };
  }
  throw badRequest();
}

export default function AccountRoute() {
  const { user, workspaces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(['common', 'pages']);
  const [profileForm, profileFields] = useForm({
    id: 'profile',
    lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
    defaultValue: { displayName: user.displayName, locale: user.locale },
    constraint: getZodConstraint(ProfileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: 'password',
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  return (
    <AuthCard title={t('account.title')}>
      <p className="muted">{user.email}</p>
      <h2>{t('account.profile')}</h2>
      {actionData?.intent === 'profile' && actionData.done ? (
        <p className="notice" role="status">
          {t('account.profileSaved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(profileForm)}>
        <input type="hidden" name="intent" value="profile" />
        <Field label={t('fields.displayName')} field={profileFields.displayName} autoComplete="name" />
        <SelectField
          label={t('fields.language')}
          field={profileFields.locale}
          options={[
            { value: 'browser', label: t('languages.browser') },
            { value: 'en', label: t('languages.en') },
            { value: 'fr', label: t('languages.fr') },
          ]}
        />
        <button type="submit">{t('account.saveProfile')}</button>
      </Form>
      <h2 style={{ marginTop: 24 }}>{t('account.password')}</h2>
      {actionData?.intent === 'password' && actionData.done ? (
        <p className="notice" role="status">
          {t('account.passwordChanged')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(passwordForm)}>
        <FormErrors errors={passwordForm.errors} />
        <input type="hidden" name="intent" value="password" />
        <Field label={t('fields.currentPassword')} field={passwordFields.currentPassword} type="password" autoComplete="current-password" />
        <Field label={t('fields.newPassword')} field={passwordFields.newPassword} type="password" autoComplete="new-password" hint={t('signup.passwordHint')} />
        <button type="submit">{t('account.savePassword')}</button>
      </Form>
      <h2 style={{ marginTop: 24 }}>{t('account.workspaces')}</h2>
      <ul>
        {workspaces.map((w) => (
          <li key={w.id}>
            <Link to={`/w/${w.slug}`}>{w.name}</Link> <span className="muted small">({t(`roles.${w.role}`)})</span>
          </li>
        ))}
        <li>
          <Link to="/workspaces/new">{t('nav.newWorkspace')}</Link>
        </li>
      </ul>
    </AuthCard>
  );
}
