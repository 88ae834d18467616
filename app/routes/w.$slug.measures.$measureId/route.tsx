// One measure: its definition and financial value, every map and stage where it is used (current,
// target, status), the edit form (versioned), archive / restore, and delete when unused.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { MeasureForm } from '~/components/measures/measure-form';
import { decimalForInput } from '~/components/measures/unit';
import { UuidSchema } from '~/domain/fields';
import { lastResultFor, answerFor } from '~/lib/action-result';
import { MeasureArchiveSchema, measureEditSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest, notFound } from '~/server/http.server';
import * as measures from '~/server/measures.server';
import { reply, replyInvalid } from '~/server/result.server';
import { listMembers } from '~/server/workspaces.server';
import measuresStyles from '~/styles/measures.css?url';
import { MeasureDefinition } from './definition';
import { ManageMeasure } from './manage';
import { WhereUsed } from './where-used';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'measures', data?.measure.name);

// A stale save (409) reloads the data so the form shows the current content (errors skip revalidation by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

function measureIdOf(params: Record<string, string | undefined>) {
  const parsed = UuidSchema.safeParse(params.measureId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const handle = { i18n: ['library'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const measure = await measures.getMeasure(workspace.id, measureIdOf(params));
  if (!measure) throw notFound();
  const [usedIn, linked, members, options, touchpoints] = await Promise.all([
    measures.measureWhereUsed(workspace.id, measure.id, measure.trend),
    measures.measureTouchpoints(workspace.id, measure.id),
    listMembers(workspace.id),
    measures.measureFilterOptions(workspace.id),
    measures.touchpointOptions(workspace.id),
  ]);
  return { measure, usedIn, linked, members, groups: options.groups, touchpoints };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const id = measureIdOf(params);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  switch (intent) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: measureEditSchema(workspace.locale) });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, intent: _intent, ...input } = submission.value;
      return reply(intent, await measures.updateMeasure(workspace.id, { userId: user.id }, id, version, input), submission);
    }
    case 'archive':
    case 'restore': {
      if (!MeasureArchiveSchema.safeParse({ intent }).success) throw badRequest();
      return reply(intent, await measures.setMeasureArchived(workspace.id, user.id, id, intent === 'archive'));
    }
    case 'delete': {
      const deleted = await measures.deleteMeasure(workspace.id, user.id, id);
      if (deleted.status === 'ok') return redirect(`/w/${workspace.slug}/measures`);
      return reply(intent, deleted);
    }
    default:
      throw badRequest();
  }
}

export default function MeasurePage() {
  const { measure, usedIn, linked, members, groups, touchpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation(['measures', 'library']);
  const base = `/w/${workspace.slug}`;
  const update = answerFor(actionData, 'update');
  const owner = members.find((m) => m.userId === measure.ownerId);
  const linkedCards = touchpoints.filter((c) => linked.includes(c.id));
  const archived = measure.archivedAt !== null;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`${base}/measures`}>← {t('library.title')}</Link>
          </p>
          <h1>
            {measure.name} {archived ? <span className="chip neutral">{t('archived')}</span> : null}
          </h1>
          {measure.description ? <p>{measure.description}</p> : null}
        </div>
      </div>

      {archived ? (
        <p className="notice warn" role="status">
          {t('measure.archivedNotice')}
        </p>
      ) : null}

      <MeasureDefinition measure={measure} ownerName={owner?.displayName} linkedCards={linkedCards} />

      <WhereUsed usedIn={usedIn} unit={measure.unit} />

      {canEdit ? (
        <>
          <section className="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t('measure.edit')}</h2>
            {update?.status === 'done' ? (
              <p className="notice" role="status">
                {t('measure.saved')}
              </p>
            ) : null}
            <MeasureForm
              key={measure.version}
              id={`measure-${measure.id}-${measure.version}`}
              intent="update"
              version={measure.version}
              defaults={{
                ...measure,
                valueAmount: decimalForInput(measure.valueAmount, workspace.locale),
                valueStep: decimalForInput(measure.valueStep, workspace.locale),
                touchpoints: linked,
              }}
              lastResult={lastResultFor(actionData, 'update')}
              formErrors={update?.status === 'stale' ? ['staleVersion'] : undefined}
              locale={workspace.locale}
              currency={workspace.currency}
              members={members}
              groups={groups}
              touchpoints={touchpoints}
              submitLabel={t('measure.save')}
            />
          </section>
          <ManageMeasure measure={measure} archived={archived} used={usedIn.length > 0} reply={actionData} />
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
