import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { money, StatusChip, useRatio } from '~/components/projects/figures';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { formatDate } from '~/lib/format';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { ProjectCreateSchema } from '~/lib/schemas/projects';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest } from '~/server/http.server';
import { loadPortfolio } from '~/server/portfolio.server';
import { createProject, isWorkspaceMember, listProjects } from '~/server/projects.server';
import { listMembers } from '~/server/workspaces.server';
import styles from '~/styles/projects.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  const [projects, members, portfolio] = await Promise.all([
    listProjects(workspace.id, { archived }),
    role !== 'viewer' ? listMembers(workspace.id) : [],
    // Live projects show their headline figures, from the summary's roll-up (fixed queries).
    archived ? null : loadPortfolio(workspace.id, { sort: 'npv' }),
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
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { intent: _intent, ...input } = submission.value;
  if (input.ownerId && !(await isWorkspaceMember(workspace.id, input.ownerId))) {
    return data({ result: submission.reply({ fieldErrors: { ownerId: ['field.choose'] } }) }, { status: 400 });
  }
  const id = await createProject(workspace.id, user.id, input);
  return redirect(`/w/${workspace.slug}/projects/${id}`);
}

export default function ProjectsRoute() {
  const { projects, archived, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit, user } = useWorkspace();
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const [searchParams] = useSearchParams();
  const ratio = useRatio();
  const base = `/w/${workspace.slug}`;
  const [form, fields] = useForm({
    id: 'new-project',
    lastResult: actionData?.result,
    defaultValue: { status: 'idea', ownerId: user.id },
    constraint: getZodConstraint(ProjectCreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectCreateSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p>{t('list.lead')}</p>
        </div>
        <div className="row">
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
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('fields.owner')}</th>
                <th scope="col">{t('fields.startDate')}</th>
                <th scope="col" className="num">{t('list.kpis')}</th>
                <th scope="col" className="num">{t('assumptions.horizon')}</th>
                {archived ? null : (
                  <>
                    <th scope="col" className="num">{t('figures.npv')}</th>
                    <th scope="col" className="num">{t('figures.roi')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`${base}/projects/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>
                    <StatusChip status={p.status} />
                  </td>
                  <td>{p.ownerName ?? <span className="muted">{t('noOwner')}</span>}</td>
                  <td>{p.startDate ? formatDate(p.startDate, workspace.locale) : <span className="muted">—</span>}</td>
                  <td className="num">{p.kpiCount}</td>
                  <td className="num">{t('list.years', { count: p.horizonYears })}</td>
                  {archived ? null : (
                    <>
                      <td className="num">{money(p.npv, { currency: workspace.currency, locale: workspace.locale })}</td>
                      <td className="num">{ratio(p.roi, workspace.locale)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {canEdit ? (
        <section className="panel" aria-labelledby="new-project-heading">
          <h2 id="new-project-heading">{t('list.new')}</h2>
          <p className="muted">{t('list.newLead')}</p>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="create" />
            <FormErrors errors={form.errors} />
            <div className="row">
              <div className="field">
                <label htmlFor={fields.name.id}>{t('fields.name')}</label>
                <input {...getInputProps(fields.name, { type: 'text' })} key={fields.name.key} />
                <FieldErrors id={fields.name.errorId} errors={fields.name.errors} />
              </div>
              <div className="field">
                <label htmlFor={fields.status.id}>{t('fields.status')}</label>
                <select {...getSelectProps(fields.status)} key={fields.status.key}>
                  {PROJECT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {tc(`projectStatus.${s}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors id={fields.status.errorId} errors={fields.status.errors} />
              </div>
              <div className="field">
                <label htmlFor={fields.ownerId.id}>{t('fields.owner')}</label>
                <select {...getSelectProps(fields.ownerId)} key={fields.ownerId.key}>
                  <option value="">{t('noOwner')}</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
                <FieldErrors id={fields.ownerId.errorId} errors={fields.ownerId.errors} />
              </div>
              <div className="field">
                <label htmlFor={fields.startDate.id}>{t('fields.startDate')}</label>
                <input {...getInputProps(fields.startDate, { type: 'date' })} key={fields.startDate.key} />
                <FieldErrors id={fields.startDate.errorId} errors={fields.startDate.errors} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={fields.description.id}>{t('fields.description')}</label>
              <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={2} />
              <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
            </div>
            <button type="submit">{t('list.create')}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
