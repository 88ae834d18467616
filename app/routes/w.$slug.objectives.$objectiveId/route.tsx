// One business objective: its target and progress (planned and realised benefit of its projects
// against a money target and the gap no project covers yet, or the measure's current value against
// its target), its sub-objectives' roll-up, and the projects, KPIs and measures linked to it. Editors
// link and unlink them (pickers), edit and delete the objective. Each form posts an `intent`.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ObjectiveProgressPanel } from '~/components/objectives/progress';
import { money } from '~/components/projects/figures';
import { FormErrors } from '~/components/ui/field';
import type { NumberLocale } from '~/domain/decimal';
import { pageTitle } from '~/lib/page-title';
import { DeleteObjectiveSchema, LinkSchema, ObjectiveIdSchema, UnlinkSchema, objectiveSchema } from '~/lib/schemas/objectives';
import { todayIn } from '~/lib/time-zone';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest, notFound } from '~/server/http.server';
import * as objectives from '~/server/objectives.server';
import { browseKpis } from '~/server/projects.server';
import { KPI_PICKER_PAGE, kpiPickerQuery } from '~/lib/schemas/kpi-picker';
import { reply, replyInvalid, valueOr404 } from '~/server/result.server';
import { listMembers } from '~/server/workspaces.server';
import styles from '~/styles/objectives.css?url';
import projectStyles from '~/styles/projects.css?url';
import { EditObjective } from './edit-objective';
import { ObjectiveHeader } from './header';
import { LinkedKpis } from './linked-kpis';
import { LinkedMeasures } from './linked-measures';
import { LinkedProjects } from './linked-projects';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: projectStyles },
  { rel: 'stylesheet', href: styles },
];

// A stale save (409) reloads the objective so the forms show the current content.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const handle = { i18n: ['objectives', 'projects'] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'objectives', data?.objective.name);

function objectiveIdOf(params: Record<string, string | undefined>) {
  const parsed = ObjectiveIdSchema.safeParse(params.objectiveId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const page = valueOr404(await objectives.loadObjective(workspace.id, objectiveIdOf(params), todayIn(workspace.timeZone)));
  const canEdit = role !== 'viewer';
  const { q, shown } = kpiPickerQuery(new URL(request.url));
  const [members, measures, projects, kpis] = await Promise.all([
    canEdit ? listMembers(workspace.id) : [],
    canEdit ? objectives.listMeasureOptions(workspace.id) : [],
    canEdit ? objectives.listProjectOptions(workspace.id) : [],
    canEdit ? browseKpis(workspace.id, q, shown) : { results: [], total: 0 },
  ]);
  return {
    ...page,
    members: members.map((m) => ({ id: m.userId, name: m.displayName })),
    measureOptions: measures.map((m) => ({ id: m.id, name: m.name })),
    projectOptions: projects,
    kpiPicker: { q, shown, step: KPI_PICKER_PAGE, ...kpis },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const objectiveId = objectiveIdOf(params);
  const intent = formData.get('intent');
  switch (intent) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: objectiveSchema(workspace.locale as NumberLocale) });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, ...input } = submission.value;
      return reply(intent, await objectives.updateObjective(workspace.id, user.id, objectiveId, version!, input), submission);
    }
    case 'delete': {
      const submission = parseWithZod(formData, { schema: DeleteObjectiveSchema });
      if (submission.status !== 'success') throw badRequest();
      const deleted = await objectives.deleteObjective(workspace.id, user.id, objectiveId, submission.value.version);
      if (deleted.status !== 'ok') return reply(intent, deleted, submission);
      return redirect(`/w/${workspace.slug}/objectives`);
    }
    case 'link': {
      const submission = parseWithZod(formData, { schema: LinkSchema });
      const rowId = String(formData.get('kind') ?? '');
      if (submission.status !== 'success') return replyInvalid(intent, submission, { rowId });
      const { version, kind, ids } = submission.value;
      return reply(intent, await objectives.linkToObjective(workspace.id, user.id, objectiveId, version, kind, ids), submission, { rowId: kind });
    }
    case 'unlink': {
      const submission = parseWithZod(formData, { schema: UnlinkSchema });
      if (submission.status !== 'success') throw badRequest();
      const { version, kind, id } = submission.value;
      return reply(intent, await objectives.unlinkFromObjective(workspace.id, user.id, objectiveId, version, kind, id), submission, { rowId: kind });
    }
    default:
      throw badRequest();
  }
}

export default function ObjectiveRoute() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('objectives');
  const m = { currency: workspace.currency, locale: workspace.locale };
  const o = loaded.objective;
  return (
    <div className="objective-page">
      <ObjectiveHeader objective={o} parent={loaded.parent} depth={loaded.depth} />

      {actionData?.status === 'stale' ? <FormErrors errors={['staleVersion']} /> : null}
      {actionData?.status === 'invalid' && (actionData.intent === 'delete' || actionData.intent === 'unlink') && 'message' in actionData ? (
        <FormErrors errors={[String(actionData.message)]} />
      ) : null}
      {actionData?.status === 'done' ? (
        <p className="notice" role="status">
          {t(`saved.${actionData.intent}`)}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('progress.title')}</h2>
        <ObjectiveProgressPanel progress={loaded.progress} unit={o.measureUnit} impactType={o.impactType} m={m} />
      </section>

      {loaded.children.length ? (
        <section className="panel" aria-labelledby="children-heading">
          <h2 id="children-heading">{t('children.title', { count: loaded.children.length })}</h2>
          {loaded.rolledUp ? (
            <p data-figure="rolled-up">
              {t('children.rolledUp', {
                planned: money(loaded.rolledUp.planned, m),
                realised: loaded.rolledUp.realised === null ? t('progress.notYet') : money(loaded.rolledUp.realised, m),
                count: loaded.rolledUp.projectCount,
              })}
            </p>
          ) : null}
          <ul>
            {loaded.children.map((c) => (
              <li key={c.id}>
                <Link to={`/w/${workspace.slug}/objectives/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <LinkedProjects version={o.version} projects={loaded.projects} options={loaded.projectOptions} canEdit={canEdit} m={m} reply={actionData} />
      <LinkedKpis version={o.version} kpis={loaded.kpis} picker={loaded.kpiPicker} canEdit={canEdit} reply={actionData} />
      <LinkedMeasures version={o.version} measures={loaded.measures} options={loaded.measureOptions} canEdit={canEdit} reply={actionData} />

      {canEdit ? (
        <EditObjective
          objective={o}
          members={loaded.members}
          measures={loaded.measureOptions}
          parents={loaded.nodes}
          hasChildren={loaded.children.length > 0}
          reply={actionData}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
