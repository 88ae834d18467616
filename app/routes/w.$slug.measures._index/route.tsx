// The measure library: search and filters (GET query), the measures with their financial value and
// use, a form for a new measure and the starter catalogue.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { MeasureForm } from '~/components/measures/measure-form';
import { StarterCatalogueForm } from '~/components/measures/starter-catalogue-form';
import { lastResultFor } from '~/lib/action-result';
import { MeasureFiltersSchema, StarterSchema, measureSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import * as measures from '~/server/measures.server';
import { ok, reply, replyInvalid } from '~/server/result.server';
import { listMembers } from '~/server/workspaces.server';
import measuresStyles from '~/styles/measures.css?url';
import { MeasureFilters } from './filters';
import { MeasureTable } from './measure-table';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'measures');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

export const handle = { i18n: ['library'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const filters = MeasureFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, options, members, total, starterTaken, touchpoints] = await Promise.all([
    measures.listMeasures(workspace.id, filters),
    measures.measureFilterOptions(workspace.id),
    listMembers(workspace.id),
    measures.countMeasures(workspace.id),
    measures.existingStarterKeys(workspace.id, workspace.locale),
    measures.touchpointOptions(workspace.id),
  ]);
  return { measures: list, options, members, total, starterTaken, touchpoints, filters };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const intent = formData.get('intent');
  switch (intent) {
    case 'create': {
      const submission = parseWithZod(formData, { schema: measureSchema(workspace.locale) });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const created = await measures.createMeasure(workspace.id, { userId: user.id }, submission.value);
      if (created.status === 'ok') return redirect(`/w/${workspace.slug}/measures/${created.value}`);
      return reply(intent, created, submission);
    }
    case 'starter': {
      const submission = parseWithZod(formData, { schema: StarterSchema });
      if (submission.status !== 'success') throw badRequest();
      return reply(intent, ok(await measures.addStarterMeasures(workspace.id, user.id, submission.value.keys, workspace.locale)));
    }
    default:
      throw badRequest();
  }
}

export default function MeasureLibrary() {
  const { measures, options, members, total, starterTaken, touchpoints, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit, user } = useWorkspace();
  const { t } = useTranslation(['measures', 'library']);
  const [searchParams] = useSearchParams();
  const base = `/w/${workspace.slug}`;
  const filtered = [...searchParams.keys()].length > 0;
  const starter = actionData?.intent === 'starter' && actionData.status === 'done' ? actionData.value : undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('library.title')}</h1>
          <p>{t('library.lead')}</p>
        </div>
        <div className="row">
          <Link to={`${base}/kpis/import`} className="button secondary">
            {t('library.importValues')}
          </Link>
        </div>
      </div>

      {canEdit && total === 0 ? (
        <section className="panel starter-empty" aria-labelledby="starter-heading">
          <h2 id="starter-heading">{t('starter.emptyTitle')}</h2>
          <p>{t('starter.emptyLead')}</p>
          <StarterCatalogueForm locale={workspace.locale} taken={starterTaken} result={starter} />
        </section>
      ) : null}

      {canEdit ? (
        <section className="panel" aria-labelledby="new-heading">
          <details open={actionData?.intent === 'create'}>
            <summary>
              <h2 id="new-heading" className="inline-heading">
                {t('library.new')}
              </h2>
            </summary>
            <MeasureForm
              id="new-measure"
              intent="create"
              defaults={{ trend: 'up', unit: 'count', impactType: 'revenue', ownerId: user.id }}
              lastResult={lastResultFor(actionData, 'create')}
              locale={workspace.locale}
              currency={workspace.currency}
              members={members}
              groups={options.groups}
              touchpoints={touchpoints}
              submitLabel={t('library.create')}
            />
          </details>
        </section>
      ) : null}

      <MeasureFilters filters={filters} groups={options.groups} tags={options.tags} members={members} />

      <MeasureTable measures={measures} filtered={filtered} />

      {canEdit && total > 0 ? (
        <section className="panel" aria-labelledby="starter-heading">
          <details open={actionData?.intent === 'starter'}>
            <summary>
              <h2 id="starter-heading" className="inline-heading">
                {t('starter.title')}
              </h2>
            </summary>
            <StarterCatalogueForm locale={workspace.locale} taken={starterTaken} result={starter} />
          </details>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
