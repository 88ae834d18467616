import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { Field, SelectField } from '~/components/ui/field';
import { CURRENCIES } from '~/lib/format';
import { NewWorkspaceSchema } from '~/lib/schemas/workspace';
import { readForm } from '~/server/form.server';
import { requireUser } from '~/server/auth.server';
import { createWorkspace, listWorkspacesForUser } from '~/server/workspaces.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'newWorkspace');

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return { workspaces: await listWorkspacesForUser(user.id), locale: user.locale ?? 'en' };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: NewWorkspaceSchema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const created = await createWorkspace(user.id, submission.value);
  return redirect(`/w/${created.slug}`);
}

export default function NewWorkspaceRoute() {
  const { workspaces, locale } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: 'new-workspace',
    lastResult,
    defaultValue: { currency: 'EUR', locale },
    constraint: getZodConstraint(NewWorkspaceSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewWorkspaceSchema }),
  });
  return (
    <AuthCard title={t('workspaces.newTitle')}>
      <p className="muted">{t('workspaces.newLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <Field label={t('fields.workspaceName')} field={fields.name} autoFocus />
        <SelectField label={t('fields.currency')} field={fields.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <SelectField
          label={t('fields.workspaceLocale')}
          field={fields.locale}
          options={[
            { value: 'en', label: t('languages.en') },
            { value: 'fr', label: t('languages.fr') },
          ]}
        />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('workspaces.create')}
        </button>
      </Form>
      {workspaces.length ? (
        <div className="alt">
          <p>{t('account.workspaces')}</p>
          <ul>
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link to={`/w/${w.slug}`}>{w.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </AuthCard>
  );
}
