// One saved dashboard: its measures in order, each with one tile per KPI (latest value, target,
// trend, status). Editors who can see it change its details and its measures (add, remove, move);
// every change names the version it was based on.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { audienceText } from '~/domain/dashboards';
import { UuidSchema } from '~/domain/fields';
import { pageTitle } from '~/lib/page-title';
import {
  DashboardAddMeasureSchema,
  DashboardDeleteSchema,
  DashboardMoveMeasureSchema,
  DashboardRemoveMeasureSchema,
  DashboardUpdateSchema,
} from '~/lib/schemas/dashboards';
import { useLiveData } from '~/lib/live';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import * as dashboards from '~/server/dashboards.server';
import { readForm } from '~/server/form.server';
import { badRequest, notFound } from '~/server/http.server';
import { reply, replyInvalid } from '~/server/result.server';
import styles from '~/styles/indicators.css?url';
import { AddMeasure, ChangeRefused, EditDashboard } from './manage';
import { MeasureTiles } from './tiles';

export const handle = { i18n: ['indicators'] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'dashboards', data?.dashboard.name);

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// A refused save (409) reloads the data so the forms show the current version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

function dashboardIdOf(params: Record<string, string | undefined>) {
  const parsed = UuidSchema.safeParse(params.dashboardId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user, role } = await requireMember(request, params.slug);
  const id = dashboardIdOf(params);
  const [view, choices] = await Promise.all([
    dashboards.loadDashboard(workspace.id, user.id, id),
    role === 'viewer' ? [] : dashboards.measureChoices(workspace.id),
  ]);
  if (!view) throw notFound();
  const shown = new Set(view.measures.map((m) => m.id));
  return { ...view, choices: choices.filter((c) => !shown.has(c.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const id = dashboardIdOf(params);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  switch (intent) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: DashboardUpdateSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { intent: _intent, version, ...input } = submission.value;
      return reply(intent, await dashboards.updateDashboard(workspace.id, user.id, id, version, input), submission);
    }
    case 'addMeasure': {
      const submission = parseWithZod(formData, { schema: DashboardAddMeasureSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, measureId } = submission.value;
      return reply(intent, await dashboards.addDashboardMeasure(workspace.id, user.id, id, version, measureId), submission);
    }
    case 'removeMeasure': {
      const submission = parseWithZod(formData, { schema: DashboardRemoveMeasureSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, measureId } = submission.value;
      return reply(intent, await dashboards.removeDashboardMeasure(workspace.id, user.id, id, version, measureId), submission);
    }
    case 'moveMeasure': {
      const submission = parseWithZod(formData, { schema: DashboardMoveMeasureSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, measureId, direction } = submission.value;
      return reply(intent, await dashboards.moveDashboardMeasure(workspace.id, user.id, id, version, measureId, direction), submission);
    }
    case 'delete': {
      const submission = parseWithZod(formData, { schema: DashboardDeleteSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const deleted = await dashboards.deleteDashboard(workspace.id, user.id, id, submission.value.version);
      if (deleted.status === 'ok') return redirect(`/w/${workspace.slug}/dashboards`);
      return reply(intent, deleted, submission);
    }
    default:
      throw badRequest();
  }
}

export default function DashboardPage() {
  const { dashboard, measures, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  // New KPI values (typed, imported, from the API) change the figures shown: reload them.
  useLiveData({ figures: true });
  const { t } = useTranslation('indicators');
  const audience = audienceText(dashboard.audience, dashboard.customAudience, (a) => t(`audience.${a}`));
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/w/${workspace.slug}/dashboards`}>← {t('dashboards.back')}</Link>
          </p>
          <h1>{dashboard.name}</h1>
          <p>
            {t('dashboards.byline', {
              audience,
              visibility: dashboard.shared ? t('dashboards.isShared') : t('dashboards.isPrivate'),
              name: dashboard.ownerName ?? t('dashboards.someone'),
            })}
          </p>
        </div>
      </div>
      {canEdit ? <ChangeRefused answer={actionData} /> : null}
      {measures.length === 0 ? (
        <section className="panel" aria-labelledby="no-measures-heading">
          <h2 id="no-measures-heading">{t('dashboards.noMeasures')}</h2>
        </section>
      ) : (
        <>
          <p className="muted small">{t('dashboards.tilesRule')}</p>
          {measures.map((m, i) => (
            <MeasureTiles key={m.id} measure={m} index={i} count={measures.length} version={dashboard.version} canEdit={canEdit} />
          ))}
        </>
      )}
      {canEdit ? (
        <>
          <AddMeasure version={dashboard.version} choices={choices} full={measures.length} answer={actionData} />
          <EditDashboard dashboard={dashboard} answer={actionData} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
