import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { KpiHealthPanel } from '~/components/kpis/kpi-health';
import { audienceText } from '~/domain/dashboards';
import type { DashboardAudience } from '~/domain/vocabulary';
import { formatDayOf } from '~/lib/format';
import { requireMember } from '~/server/access.server';
import { listDashboards } from '~/server/dashboards.server';
import { workspaceOverview } from '~/server/home.server';
import { topProjectsByNpv } from '~/server/portfolio.server';
import { TopProjects } from '~/components/projects/top-projects';
import { useWorkspace } from '~/lib/workspace';
import { pageTitle } from '~/lib/page-title';

/** How many of the dashboards the member can see the home lists (by name); the rest are a link away. */
const HOME_DASHBOARDS = 8;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'home');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects', 'indicators', 'pages'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug);
  const [overview, topProjects, dashboards] = await Promise.all([
    workspaceOverview(workspace.id),
    topProjectsByNpv(workspace.id),
    listDashboards(workspace.id, user.id, HOME_DASHBOARDS),
  ]);
  return { ...overview, topProjects, dashboards };
}

export default function WorkspaceHome() {
  const { maps, projectsByStatus, memberCount, kpiHealth, topProjects, dashboards } = useLoaderData<typeof loader>();
  const { workspace, role, canEdit } = useWorkspace();
  const { t } = useTranslation(['common', 'pages']);
  const base = `/w/${workspace.slug}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('home.welcome', { name: workspace.name })}</h1>
          <p>
            {t('home.yourRole', { role: t(`roles.${role}`) })} · {t('home.members', { count: memberCount })}
          </p>
        </div>
      </div>
      {maps.length === 0 ? <GettingStarted base={base} canEdit={canEdit} /> : null}
      <div className="grid-3">
        <section className="panel" aria-labelledby="maps-heading">
          <h2 id="maps-heading">{t('home.recentMaps')}</h2>
          {maps.length === 0 ? <p className="muted">{t('home.noMaps')}</p> : null}
          <ul>
            {maps.map((m) => (
              <li key={m.id}>
                <Link to={`${base}/maps/${m.id}`}>{m.name}</Link>{' '}
                <span className="muted small">{formatDayOf(m.updatedAt, workspace.locale, workspace.timeZone)}</span>
              </li>
            ))}
          </ul>
        </section>
        <KpiHealthPanel health={kpiHealth} />
        <section className="panel" aria-labelledby="projects-heading">
          <h2 id="projects-heading">{t('home.projects')}</h2>
          {projectsByStatus.length === 0 ? <p className="muted">{t('home.noProjects')}</p> : null}
          <ul>
            {projectsByStatus.map((p) => (
              <li key={p.status}>
                {t(`projectStatus.${p.status}`)}
                {t('punctuation.colon')} <strong>{p.n}</strong>
              </li>
            ))}
          </ul>
          <Link to={`${base}/projects`}>{t('nav.projects')} →</Link>
          <TopProjects projects={topProjects} slug={workspace.slug} currency={workspace.currency} locale={workspace.locale} />
        </section>
        <HomeDashboards dashboards={dashboards} base={base} />
      </div>
    </>
  );
}

/** The dashboards the member can see (shared ones and their own), with their audience. */
function HomeDashboards({ dashboards, base }: { dashboards: readonly HomeDashboard[]; base: string }) {
  const { t } = useTranslation('indicators');
  return (
    <section className="panel home-dashboards" aria-labelledby="home-dashboards-heading">
      <h2 id="home-dashboards-heading">{t('dashboards.home.title')}</h2>
      {dashboards.length === 0 ? <p className="muted">{t('dashboards.home.empty')}</p> : null}
      <ul>
        {dashboards.map((d) => (
          <li key={d.id}>
            <Link to={`${base}/dashboards/${d.id}`}>{d.name}</Link>{' '}
            <span className="muted small">{audienceText(d.audience, d.customAudience, (a) => t(`audience.${a}`))}</span>
          </li>
        ))}
      </ul>
      <Link to={`${base}/dashboards`}>{t('dashboards.home.all')} →</Link>
    </section>
  );
}

type HomeDashboard = { id: string; name: string; audience: DashboardAudience; customAudience: string | null };

/** An empty workspace leads somewhere: the three steps from a blank workspace to a business case. */
function GettingStarted({ base, canEdit }: { base: string; canEdit: boolean }) {
  const { t } = useTranslation(['common', 'pages']);
  return (
    <section className="panel getting-started" aria-labelledby="start-heading">
      <h2 id="start-heading">{t('home.start.title')}</h2>
      {canEdit ? (
        <ol>
          <li>
            <Link to={`${base}/maps`}>{t('home.start.map')}</Link> <span className="muted">{t('home.start.mapHint')}</span>
          </li>
          <li>
            <Link to={`${base}/measures`}>{t('home.start.measures')}</Link> <span className="muted">{t('home.start.measuresHint')}</span>
          </li>
          <li>
            <Link to={`${base}/projects`}>{t('home.start.project')}</Link> <span className="muted">{t('home.start.projectHint')}</span>
          </li>
        </ol>
      ) : (
        <p className="muted">{t('home.start.viewer')}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
