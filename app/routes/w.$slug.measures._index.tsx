// The measure library: search and filters (GET query), the measures with their financial value and
// use, a form for a new measure and the starter catalogue.
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { MeasureForm } from '~/components/measures/measure-form';
import { StarterCatalogueForm } from '~/components/measures/starter-catalogue-form';
import { formatPerUnit, useUnitLabel, useUnitOne } from '~/components/measures/unit';
import { valuePerUnit } from '~/domain/kpi';
import { STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import { FAMILIES, HEART_CATEGORIES, TRENDS } from '~/domain/vocabulary';
import { MeasureFiltersSchema, measureSchema } from '~/lib/schemas/measures';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import {
  addStarterMeasures,
  countMeasures,
  createMeasure,
  existingStarterKeys,
  listMeasures,
  measureFilterOptions,
  touchpointOptions,
} from '~/server/measures.server';
import { listMembers } from '~/server/workspaces.server';
import measuresStyles from '~/styles/measures.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const filters = MeasureFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [measures, options, members, total, starterTaken, touchpoints] = await Promise.all([
    listMeasures(workspace.id, filters),
    measureFilterOptions(workspace.id),
    listMembers(workspace.id),
    countMeasures(workspace.id),
    existingStarterKeys(workspace.id, workspace.locale),
    touchpointOptions(workspace.id),
  ]);
  return { measures, options, members, total, starterTaken, touchpoints, filters };
}

const StarterSchema = z.object({
  keys: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(STARTER_CATALOGUE.map((m) => m.key) as [string, ...string[]]))),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const intent = formData.get('intent');
  switch (intent) {
    case 'create': {
      const submission = parseWithZod(formData, { schema: measureSchema(workspace.locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const outcome = await createMeasure(workspace.id, user.id, submission.value);
      if (!outcome.ok) {
        if (outcome.reason === 'badTouchpoint') throw notFound();
        const fieldErrors: Record<string, string[]> = outcome.reason === 'badOwner' ? { ownerId: ['field.choose'] } : { name: ['measures.nameTaken'] };
        return data({ intent, result: submission.reply({ fieldErrors }) }, { status: outcome.reason === 'duplicate' ? 409 : 400 });
      }
      return redirect(`/w/${workspace.slug}/measures/${outcome.id}`);
    }
    case 'starter': {
      const parsed = StarterSchema.safeParse({ keys: formData.getAll('keys') });
      if (!parsed.success) throw badRequest();
      const result = await addStarterMeasures(workspace.id, user.id, parsed.data.keys, workspace.locale);
      return { intent, ...result };
    }
    default:
      throw badRequest();
  }
}

export default function MeasureLibrary() {
  const { measures, options, members, total, starterTaken, touchpoints, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('measures');
  const unitLabel = useUnitLabel(workspace.currency);
  const unitOne = useUnitOne(workspace.currency);
  const [searchParams] = useSearchParams();
  const base = `/w/${workspace.slug}`;
  const filtered = [...searchParams.keys()].length > 0;
  const select = (name: string, label: string, values: { value: string; label: string }[], current?: string) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={current ?? ''}>
        <option value="">{t('filters.any')}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
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
          <StarterCatalogueForm locale={workspace.locale} taken={starterTaken} result={actionData?.intent === 'starter' ? actionData : undefined} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          {t('filters.title')}
        </h2>
        <Form method="get" className="measure-filters" role="search">
          <div className="field">
            <label htmlFor="filter-q">{t('filters.search')}</label>
            <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} />
          </div>
          {select('group', t('fields.group'), options.groups.map((g) => ({ value: g, label: g })), filters.group)}
          {select('tag', t('fields.tag'), options.tags.map((g) => ({ value: g, label: g })), filters.tag)}
          {select('heart', t('fields.heartCategory'), HEART_CATEGORIES.map((h) => ({ value: h, label: t(`heart.${h}`) })), filters.heart)}
          {select('family', t('fields.family'), FAMILIES.map((h) => ({ value: h, label: t(`family.${h}`) })), filters.family)}
          {select('owner', t('fields.owner'), members.map((m) => ({ value: m.userId, label: m.displayName })), filters.owner)}
          {select('trend', t('fields.trend'), TRENDS.map((h) => ({ value: h, label: t(`trend.${h}`) })), filters.trend)}
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="archived" value="1" defaultChecked={filters.archived === '1'} /> {t('filters.archived')}
            </label>
          </div>
          <div className="field">
            <button type="submit">{t('filters.apply')}</button>
          </div>
          {filtered ? (
            <div className="field">
              <Link to={`${base}/measures`}>{t('filters.clear')}</Link>
            </div>
          ) : null}
        </Form>
      </section>

      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('library.count', { count: measures.length })}</h2>
        {measures.length === 0 ? <p className="muted">{filtered ? t('library.noMatch') : t('library.empty')}</p> : null}
        {measures.length > 0 ? (
          <table className="data">
            <thead>
              <tr>
                <th>{t('fields.name')}</th>
                <th>{t('fields.trend')}</th>
                <th className="num">{t('fields.valuePerUnit')}</th>
                <th>{t('fields.group')}</th>
                <th>{t('fields.heartCategory')}</th>
                <th>{t('fields.owner')}</th>
                <th className="num">{t('library.usedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => {
                const vpu = valuePerUnit(m.valueAmount, m.valueStep);
                return (
                  <tr key={m.id}>
                    <td>
                      <Link to={`${base}/measures/${m.id}`}>{m.name}</Link> <span className="muted small">{unitLabel(m.unit)}</span>
                      {m.archivedAt ? <span className="chip neutral">{t('archived')}</span> : null}
                      {m.tags.length ? (
                        <div className="tags">
                          {m.tags.map((tag) => (
                            <span key={tag} className="tag">
                              {tag}
                            </span>
                          ))}
                        </div>
                      ) : null}
                    </td>
                    <td>{t(`trend.${m.trend}`)}</td>
                    <td className="num">
                      {vpu !== null ? t('library.perUnit', { amount: formatPerUnit(vpu, workspace.currency, workspace.locale), unit: unitOne(m.unit) }) : '—'}
                    </td>
                    <td>{m.group ?? ''}</td>
                    <td>{m.heartCategory ? t(`heart.${m.heartCategory}`) : ''}</td>
                    <td>{m.ownerName ?? ''}</td>
                    <td className="num">{t('library.kpis', { count: m.usedBy })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>

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
              defaults={{ trend: 'up', unit: 'count', impactType: 'revenue' }}
              lastResult={actionData?.intent === 'create' && 'result' in actionData ? actionData.result : undefined}
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

      {canEdit && total > 0 ? (
        <section className="panel" aria-labelledby="starter-heading">
          <details open={actionData?.intent === 'starter'}>
            <summary>
              <h2 id="starter-heading" className="inline-heading">
                {t('starter.title')}
              </h2>
            </summary>
            <StarterCatalogueForm locale={workspace.locale} taken={starterTaken} result={actionData?.intent === 'starter' ? actionData : undefined} />
          </details>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
