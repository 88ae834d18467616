// The indicator plan (seed 000): the measure library as a cross-section, HEART categories on the
// left, GSM goal -> signal -> metric in the centre, financial value, owner and the finance view on
// the right. Filters by family and tag are a GET form; 40 measures a page; prints on one landscape page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/lib/page-title';
import { IndicatorFiltersSchema } from '~/lib/schemas/indicators';
import { useLiveData } from '~/lib/live';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { loadIndicatorPlan } from '~/server/indicators.server';
import styles from '~/styles/indicators.css?url';
import { PlanFilters } from './filters';
import { PlanOverview } from './overview';
import { PlanPages } from './pages';
import { PlanTable } from './plan-table';

export const handle = { i18n: ['indicators'] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'indicators');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const filters = IndicatorFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const plan = await loadIndicatorPlan(workspace.id, filters);
  return { ...plan, filters: { ...filters, page: plan.page } };
}

export default function IndicatorPlan() {
  const { measures, counts, tags, page, pageCount, filters } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  // New KPI values (typed, imported, from the API) change the figures shown: reload them.
  useLiveData({ figures: true });
  const { t } = useTranslation('indicators');
  const filtered = Boolean(filters.family || filters.tag);
  return (
    <div className="indicator-plan">
      <div className="page-header">
        <div>
          <h1>{t('plan.title')}</h1>
          <p>{t('plan.lead')}</p>
        </div>
        <div className="row no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('plan.print')}
          </button>
          <Link className="button secondary" to={`/w/${workspace.slug}/measures`}>
            {t('plan.library')}
          </Link>
        </div>
      </div>
      <PlanFilters filters={filters} tags={tags} filtered={filtered} />
      {counts.total === 0 ? (
        <section className="panel" aria-labelledby="plan-empty-heading">
          <h2 id="plan-empty-heading">{t('plan.count', { count: 0 })}</h2>
          <p className="muted">{filtered ? t('plan.empty') : t('plan.emptyLibrary')}</p>
        </section>
      ) : (
        <>
          <PlanOverview counts={counts} />
          <PlanTable measures={measures} total={counts.total} />
          <PlanPages filters={filters} page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
