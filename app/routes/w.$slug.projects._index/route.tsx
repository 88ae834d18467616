// The projects of a workspace (live or archived) with their headline figures, and the form for a
// new project.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { money, StatusChip, useRatio } from '~/components/projects/figures';
import { formatDate } from '~/lib/format';
import { ProjectCreateSchema } from '~/lib/schemas/projects';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { loadPortfolio } from '~/server/portfolio.server';
import { todayIn } from '~/lib/time-zone';
import { createProject, listProjects } from '~/server/projects.server';
import { reply, replyInvalid } from '~/server/result.server';
import { listMembers } from '~/server/workspaces.server';
import styles from '~/styles/projects.css?url';
import { useWorkspace } from '~/lib/workspace';
import { NewProjectForm } from './new-project-form';
import { TableScroll } from '~/components/ui/table-scroll';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'projects');

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects'] };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  const [projects, members, portfolio] = await Promise.all([
    listProjects(workspace.id, { archived }),
    role !== 'viewer' ? listMembers(workspace.id) : [],
    // Live projects show their headline figures, from the summary's roll-up (fixed queries).
    archived ? null : loadPortfolio(workspace.id, { sort: 'npv', today: todayIn(workspace.timeZone), revision: workspace.figuresRevision }),
  ]);
  const figures = new Map((portfolio?.projects ?? []).map((p) => [p.id, { npv: p.npv, roi: p.roi }]));
  return {
    projects: projects.map((p) => ({ ...p, npv: figures.get(p.id)?.npv ?? null, roi: figures.get(p.id)?.roi ?? null })),
    archived,
    members: members.map((m) => ({ id: m.userId, name: m.displayName })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  if (formData.get('intent') !== 'create') throw badRequest();
  const submission = parseWithZod(formData, { schema: ProjectCreateSchema });
  if (submission.status !== 'success') return replyInvalid('create', submission);
  const { intent: _intent, ...input } = submission.value;
  const created = await createProject(workspace.id, user.id, input);
  if (created.status !== 'ok') return reply('create', created, submission);
  return redirect(`/w/${workspace.slug}/projects/${created.value}`);
}

export default function ProjectsRoute() {
  const { projects, archived, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('projects');
  const [searchParams] = useSearchParams();
  const ratio = useRatio();
  const base = `/w/${workspace.slug}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p>{t('list.lead')}</p>
        </div>
        <div className="row">
          {/* The form sits below the list: on a phone, several screens down. */}
          {canEdit ? (
            <a className="button" href="#new-project-heading">
              {t('list.new')}
            </a>
          ) : null}
          <Link className="button secondary" to={`${base}/summary`}>
            {t('list.summary')}
          </Link>
        </div>
      </div>

      <section className="panel" aria-labelledby="projects-heading">
        <div className="row spread">
          <h2 id="projects-heading">{archived ? t('list.archivedTitle') : t('list.activeTitle')}</h2>
          <Link to={archived ? '.' : '?archived=1'} aria-current={searchParams.get('archived') === '1' ? 'page' : undefined}>
            {archived ? t('list.showActive') : t('list.showArchived')}
          </Link>
        </div>
        {projects.length === 0 ? (
          <p className="muted">{archived ? t('list.noArchived') : t('list.empty')}</p>
        ) : (
          <TableScroll>
            <table className="data records">
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  <th scope="col">{t('fields.owner')}</th>
                  <th scope="col">{t('fields.startDate')}</th>
                  <th scope="col" className="num">
                    {t('list.kpis')}
                  </th>
                  <th scope="col" className="num">
                    {t('assumptions.horizon')}
                  </th>
                  {archived ? null : (
                    <>
                      <th scope="col" className="num">
                        {t('figures.npv')}
                      </th>
                      <th scope="col" className="num">
                        {t('figures.roi')}
                      </th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td className="record-name">
                      <Link to={`${base}/projects/${p.id}`}>{p.name}</Link>
                    </td>
                    <td data-label={t('fields.status')}>
                      <StatusChip status={p.status} />
                    </td>
                    <td data-label={t('fields.owner')}>{p.ownerName ?? <span className="muted">{t('noOwner')}</span>}</td>
                    <td data-label={t('fields.startDate')}>{p.startDate ? formatDate(p.startDate, workspace.locale) : <span className="muted">—</span>}</td>
                    <td className="num" data-label={t('list.kpis')}>
                      {p.kpiCount}
                    </td>
                    <td className="num" data-label={t('assumptions.horizon')}>
                      {t('list.years', { count: p.horizonYears })}
                    </td>
                    {archived ? null : (
                      <>
                        <td className="num" data-label={t('figures.npv')}>
                          {money(p.npv, { currency: workspace.currency, locale: workspace.locale })}
                        </td>
                        <td className="num" data-label={t('figures.roi')}>
                          {ratio(p.roi, workspace.locale)}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      {canEdit ? <NewProjectForm members={members} reply={actionData} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
