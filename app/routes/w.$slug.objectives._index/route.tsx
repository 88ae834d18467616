// The business objectives of a workspace as a tree (company -> CX programme -> team) with each one's
// target and progress, and the money progress of everything under a parent; the form for a new
// objective (editors).
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import type { NumberLocale } from '~/domain/decimal';
import { pageTitle } from '~/lib/page-title';
import { objectiveSchema } from '~/lib/schemas/objectives';
import { todayIn } from '~/lib/time-zone';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { createObjective, listMeasureOptions, loadObjectiveTree } from '~/server/objectives.server';
import { reply, replyInvalid } from '~/server/result.server';
import { listMembers } from '~/server/workspaces.server';
import styles from '~/styles/objectives.css?url';
import projectStyles from '~/styles/projects.css?url';
import { NewObjectiveForm } from './new-objective-form';
import { ObjectiveTree } from './objective-tree';

export const handle = { i18n: ['objectives', 'projects'] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'objectives');

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: projectStyles },
  { rel: 'stylesheet', href: styles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const canEdit = role !== 'viewer';
  const [objectives, members, measures] = await Promise.all([
    loadObjectiveTree(workspace.id, todayIn(workspace.timeZone)),
    canEdit ? listMembers(workspace.id) : [],
    canEdit ? listMeasureOptions(workspace.id) : [],
  ]);
  return {
    objectives,
    members: members.map((m) => ({ id: m.userId, name: m.displayName })),
    measures: measures.map((m) => ({ id: m.id, name: m.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  if (formData.get('intent') !== 'create') throw badRequest();
  const submission = parseWithZod(formData, { schema: objectiveSchema(workspace.locale as NumberLocale) });
  if (submission.status !== 'success') return replyInvalid('create', submission);
  const { version: _version, ...input } = submission.value;
  const created = await createObjective(workspace.id, user.id, input);
  if (created.status !== 'ok') return reply('create', created, submission);
  return redirect(`/w/${workspace.slug}/objectives/${created.value}`);
}

export default function ObjectivesRoute() {
  const { objectives, members, measures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { canEdit } = useWorkspace();
  const { t } = useTranslation('objectives');
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p>{t('list.lead')}</p>
        </div>
        {canEdit ? (
          <div className="row">
            <a className="button" href="#new-objective-heading">
              {t('list.new')}
            </a>
          </div>
        ) : null}
      </div>
      <ObjectiveTree objectives={objectives} />
      {canEdit ? (
        <NewObjectiveForm
          members={members}
          measures={measures}
          parents={objectives.map((o) => ({ id: o.id, name: o.name, depth: o.depth, parentId: o.parentId }))}
          reply={actionData}
        />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
