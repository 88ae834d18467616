// On a KPI's settings page: the projects that count on this KPI, with their attribution shares, and
// a warning when the shares of the live projects add up to more than 100 % (double counting); for
// editors, the form that links the KPI to one more project (the business case's link, from this side).
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { doubleCounting } from '~/domain/business-case';
import { sum, toDecimalString, type NumberLocale } from '~/domain/decimal';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { formatPercent } from '~/lib/format';
import { linkProjectSchema } from '~/lib/schemas/projects';
import { StatusChip } from './figures';

/** What listProjectsForKpi (app/server/projects.server.ts) returns for each project. */
export interface KpiProjectLink {
  id: string;
  name: string;
  status: string;
  /** Fraction. */
  share: string;
  archived: boolean;
}

export function KpiProjects({
  kpiId,
  projects,
  slug,
  locale,
  children,
}: {
  kpiId: string;
  projects: readonly KpiProjectLink[];
  slug: string;
  locale: string;
  /** What editors may do here (the link form). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('projects');
  const live = projects.filter((p) => !p.archived);
  const total = toDecimalString(sum(...live.map((p) => p.share)));
  const overShared = doubleCounting(live.map((p) => ({ kpiId, projectId: p.id, share: p.share }))).length > 0;
  return (
    <section className="panel" aria-labelledby="kpi-projects-heading">
      <h3 id="kpi-projects-heading">{t('kpiProjects.title')}</h3>
      {projects.length === 0 ? (
        <p className="muted">{t('kpiProjects.none')}</p>
      ) : (
        <>
          <ul>
            {projects.map((p) => (
              <li key={p.id}>
                <Link to={`/w/${slug}/projects/${p.id}`}>{p.name}</Link> <StatusChip status={p.status} />{' '}
                {t('kpiProjects.share', { share: formatPercent(p.share, locale, 1) })}
                {p.archived ? (
                  <>
                    {' '}
                    <span className="chip neutral">{t('archived')}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {overShared ? (
            <p className="notice warn" role="status">
              <span className="chip warn">{t('warnings.chip.double_counting')}</span> {t('kpiProjects.overShared', { total: formatPercent(total, locale, 1) })}
            </p>
          ) : null}
        </>
      )}
      {children}
    </section>
  );
}

/** What listProjectsToLink (app/server/projects.server.ts) returns for each project. */
export interface ProjectToLink {
  id: string;
  name: string;
  status: string;
}

type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

/**
 * Links this KPI to a project not counting on it yet, with the attribution share the business case
 * asks for (the intent `linkProject` of the KPI page). A plain form post: works before JavaScript.
 */
export function LinkToProject({ projects, slug, locale, answer }: { projects: readonly ProjectToLink[]; slug: string; locale: NumberLocale; answer?: Answer }) {
  const { t } = useTranslation('projects');
  const schema = linkProjectSchema(locale);
  const [form, fields] = useForm({
    id: 'link-project-form',
    lastResult: lastResultFor(answer, 'linkProject', undefined, { resetOnDone: true }),
    defaultValue: { projectId: '', share: '100' },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  const done = answerFor(answer, 'linkProject')?.status === 'done';
  const project = getSelectProps(fields.projectId);
  const hintId = `${fields.share.id}-hint`;
  const share = getInputProps(fields.share, { type: 'text', ariaDescribedBy: hintId });
  return (
    <div className="link-project no-print" id="link-project">
      <h4 id="link-project-heading">{t('kpiProjects.linkTitle')}</h4>
      {done ? (
        <p className="notice" role="status">
          {t('kpiProjects.linked')}
        </p>
      ) : null}
      {projects.length === 0 ? (
        <p className="muted">
          {t('kpiProjects.nothingToLink')} <Link to={`/w/${slug}/projects`}>{t('kpiProjects.toProjects')}</Link>
        </p>
      ) : (
        <Form method="post" preventScrollReset className="row" aria-labelledby="link-project-heading" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="linkProject" />
          <div className="field">
            <label htmlFor={fields.projectId.id}>{t('kpiProjects.project')}</label>
            <select {...project} key={project.key}>
              <option value="">{t('kpiProjects.chooseProject')}</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('kpiProjects.projectOption', { name: p.name, status: t(`projectStatus.${p.status}`, { ns: 'common' }) })}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.projectId.errorId} errors={fields.projectId.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.share.id}>{t('kpiProjects.shareLabel')}</label>
            <input {...share} key={share.key} inputMode="decimal" className="share-input" />
            <p className="field-hint" id={hintId}>
              {t('kpiProjects.shareHint')}
            </p>
            <FieldErrors id={fields.share.errorId} errors={fields.share.errors} />
          </div>
          <div className="field actions">
            <button type="submit">{t('kpiProjects.link')}</button>
          </div>
          <FormErrors errors={form.errors} />
        </Form>
      )}
    </div>
  );
}
