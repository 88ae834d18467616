// Saved dashboards: the ones the member can see (shared with the workspace, and their own private
// ones), and for editors the form for a new one.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DashboardForm } from '~/components/dashboards/dashboard-form';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { lastResultFor } from '~/lib/action-result';
import { pageTitle } from '~/lib/page-title';
import { DashboardCreateSchema } from '~/lib/schemas/dashboards';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { createDashboard, listDashboards } from '~/server/dashboards.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { reply, replyInvalid } from '~/server/result.server';
import styles from '~/styles/indicators.css?url';
import { DashboardList } from './dashboard-list';

export const handle = { i18n: ['indicators'] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboards');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug);
  return { dashboards: await listDashboards(workspace.id, user.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  if (formData.get('intent') !== 'create') throw badRequest();
  const submission = parseWithZod(formData, { schema: DashboardCreateSchema });
  if (submission.status !== 'success') return replyInvalid('create', submission);
  const { intent: _intent, ...input } = submission.value;
  const created = await createDashboard(workspace.id, user.id, input);
  if (created.status !== 'ok') return reply('create', created, submission);
  return redirect(`/w/${workspace.slug}/dashboards/${created.value}`);
}

export default function DashboardsRoute() {
  const { dashboards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { canEdit } = useWorkspace();
  const { t } = useTranslation('indicators');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('dashboards.title')}</h1>
          <p>{t('dashboards.lead')}</p>
        </div>
        {canEdit ? (
          <div className="row">
            <a className="button" href="#new-dashboard-heading">
              {t('dashboards.new')}
            </a>
          </div>
        ) : null}
      </div>
      <DashboardList dashboards={dashboards} />
      {canEdit ? (
        <section className="panel" aria-labelledby="new-dashboard-heading">
          <h2 id="new-dashboard-heading">{t('dashboards.new')}</h2>
          <DashboardForm id="new-dashboard" intent="create" lastResult={lastResultFor(actionData, 'create')} submitLabel={t('dashboards.create')} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
