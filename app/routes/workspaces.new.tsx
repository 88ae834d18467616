import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '~/components/auth-card';
import { Field, SelectField } from '~/components/ui/field';
import { CURRENCIES } from '~/lib/format';
import { NewWorkspaceSchema } from '~/lib/schemas/workspace';
import { TIME_ZONES, defaultTimeZone } from '~/lib/time-zone';
import { readForm } from '~/server/form.server';
import { requireUser } from '~/server/auth.server';
import { createWorkspace, listWorkspacesForUser } from '~/server/workspaces.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'newWorkspace');

export const handle = { i18n: ['pages'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const locale = user.locale ?? 'en';
  return { workspaces: await listWorkspacesForUser(user.id), locale, timeZone: defaultTimeZone(locale), timeZones: TIME_ZONES };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: NewWorkspaceSchema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const created = await createWorkspace(user.id, submission.value);
  return redirect(`/w/${created.slug}`);
}

export default function NewWorkspaceRoute() {
  const { workspaces, locale, timeZone, timeZones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(['common', 'pages']);
  const [form, fields] = useForm({
    id: 'new-workspace',
    lastResult,
    defaultValue: { currency: 'EUR', locale, timeZone },
    constraint: getZodConstraint(NewWorkspaceSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewWorkspaceSchema }),
  });
  // Once the page runs in the browser, the creator's own zone is a better guess (when this server knows it).
  const { update } = form;
  const timeZoneName = fields.timeZone.name;
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own !== timeZone && timeZones.includes(own)) update({ name: timeZoneName, value: own });
  }, [timeZone, timeZones, update, timeZoneName]);
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
        <SelectField label={t('fields.timeZone')} field={fields.timeZone} options={timeZones.map((zone) => ({ value: zone, label: zone }))} />
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
