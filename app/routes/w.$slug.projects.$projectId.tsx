import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CostEditor, KpiPicker, LinkedKpis, type RowErrors } from '~/components/projects/editors';
import { Headline, StatusChip, WarningList, YearTable, money } from '~/components/projects/figures';
import { KpiBreakdown } from '~/components/projects/kpi-breakdown';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { toDecimalString, type NumberLocale } from '~/domain/decimal';
import { caseWarnings, projectCase } from '~/domain/business-case';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { formatDate } from '~/lib/format';
import {
  ArchiveSchema,
  DeleteCostSchema,
  IdSchema,
  ProjectDetailsSchema,
  UnlinkSchema,
  assumptionDraft,
  costSchema,
  draftAssumptions,
  linkSchema,
  projectAssumptionsSchema,
  type AssumptionDraft,
} from '~/lib/schemas/projects';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import {
  addCost,
  deleteCost,
  getProject,
  isWorkspaceMember,
  linkKpi,
  loadBusinessCase,
  searchKpis,
  setProjectArchived,
  unlinkKpi,
  updateAssumptions,
  updateCost,
  updateProjectDetails,
  type SaveOutcome,
} from '~/server/projects.server';
import { listMembers } from '~/server/workspaces.server';
import styles from '~/styles/projects.css?url';
import { useWorkspace } from '~/lib/workspace';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// A stale save (409) reloads the project so the forms show the current content (4xx replies skip
// revalidation by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.name} · Parcours` : 'Parcours' }];

function projectIdOf(params: Record<string, string | undefined>) {
  const parsed = IdSchema.safeParse(params.projectId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The KPI picker's search words: trimmed, at most 100 characters, anything else ignored. */
const KpiSearchQuerySchema = z.object({ q: z.string().trim().transform((q) => q.slice(0, 100)).catch('') });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const projectId = projectIdOf(params);
  const businessCase = await loadBusinessCase(workspace.id, projectId);
  if (!businessCase) throw notFound();
  const { q } = KpiSearchQuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  const canEdit = role !== 'viewer';
  const [results, members] = await Promise.all([canEdit && q ? searchKpis(workspace.id, q) : [], canEdit ? listMembers(workspace.id) : []]);
  return { ...businessCase, search: { q, results }, members: members.map((mb) => ({ id: mb.userId, name: mb.displayName })) };
}

async function savedOrFail(outcome: SaveOutcome, intent: string, workspaceId: string, projectId: string) {
  if (outcome === 'missing') throw notFound();
  if (outcome === 'stale') {
    // Refused: the reply carries the current content so the page shows it.
    return data({ intent, stale: true as const, project: await getProject(workspaceId, projectId) }, { status: 409 });
  }
  return { intent, done: true as const };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const projectId = projectIdOf(params);
  const locale = workspace.locale as NumberLocale;
  const intent = formData.get('intent');
  switch (intent) {
    case 'details': {
      const submission = parseWithZod(formData, { schema: ProjectDetailsSchema });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const { version, ...input } = submission.value;
      if (input.ownerId && !(await isWorkspaceMember(workspace.id, input.ownerId))) {
        return data({ intent, result: submission.reply({ fieldErrors: { ownerId: ['field.choose'] } }) }, { status: 400 });
      }
      return savedOrFail(await updateProjectDetails(workspace.id, user.id, projectId, version, input), intent, workspace.id, projectId);
    }
    case 'assumptions': {
      const submission = parseWithZod(formData, { schema: projectAssumptionsSchema(locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const { version, horizonYears, discountRate, confidence, rampUp } = submission.value;
      return savedOrFail(
        await updateAssumptions(workspace.id, user.id, projectId, version, { horizonYears, discountRate, confidence, rampUp }),
        intent,
        workspace.id,
        projectId,
      );
    }
    case 'archive':
    case 'restore': {
      const submission = parseWithZod(formData, { schema: ArchiveSchema });
      if (submission.status !== 'success') throw badRequest();
      const outcome = await setProjectArchived(workspace.id, user.id, projectId, submission.value.version, intent === 'archive');
      return savedOrFail(outcome, intent, workspace.id, projectId);
    }
    case 'addCost':
    case 'updateCost': {
      const submission = parseWithZod(formData, { schema: costSchema(locale) });
      const rowId = intent === 'addCost' ? 'new' : String(formData.get('costId') ?? '');
      if (submission.status !== 'success') return data({ intent, rowId, result: submission.reply() }, { status: 400 });
      const { costId, ...input } = submission.value;
      if (intent === 'updateCost' && !costId) throw badRequest();
      const ok = intent === 'addCost' ? await addCost(workspace.id, user.id, projectId, input) : await updateCost(workspace.id, user.id, projectId, costId!, input);
      if (!ok) throw notFound();
      return { intent, rowId, done: true as const };
    }
    case 'deleteCost': {
      const submission = parseWithZod(formData, { schema: DeleteCostSchema });
      if (submission.status !== 'success') throw badRequest();
      if (!(await deleteCost(workspace.id, user.id, projectId, submission.value.costId))) throw notFound();
      return { intent, done: true as const };
    }
    case 'link':
    case 'share': {
      const submission = parseWithZod(formData, { schema: linkSchema(locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const { kpiId, share } = submission.value;
      if (!(await linkKpi(workspace.id, user.id, projectId, kpiId, share, intent === 'share'))) throw notFound();
      return { intent, done: true as const };
    }
    case 'unlink': {
      const submission = parseWithZod(formData, { schema: UnlinkSchema });
      if (submission.status !== 'success') throw badRequest();
      if (!(await unlinkKpi(workspace.id, user.id, projectId, submission.value.kpiId))) throw notFound();
      return { intent, done: true as const };
    }
    default:
      throw badRequest();
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

function resultOf(actionData: ActionData, intent: string) {
  return actionData && actionData.intent === intent && 'result' in actionData ? actionData.result : undefined;
}

export default function BusinessCaseRoute() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const locale = workspace.locale as NumberLocale;
  // The business case shows cents: it is the detailed view whose figures reproduce to the cent.
  const m = { currency: workspace.currency, locale: workspace.locale, fractionDigits: 2 };
  const base = `/w/${workspace.slug}`;
  const p = loaded.project;

  // What-if: the figures follow the assumptions as they are typed, with the same domain code as the
  // server; "Save these assumptions" persists them.
  // Canonical decimals ('0.080000' from numeric -> '0.08') so that an untouched form is not "changed".
  const saved = useMemo(
    () => ({
      horizonYears: p.horizonYears,
      discountRate: toDecimalString(p.discountRate),
      confidence: toDecimalString(p.confidence),
      rampUp: p.rampUp.map((r) => toDecimalString(r)),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ramp-up array is new on every revalidation
    [p.horizonYears, p.discountRate, p.confidence, p.rampUp.join('/')],
  );
  const [draft, setDraft] = useState<AssumptionDraft>(() => assumptionDraft(saved, locale));
  // Only a new version (a save, here or elsewhere) replaces what is being tried: adding a cost or a
  // link keeps the what-if, like the inputs (keyed by version) keep what was typed.
  useEffect(() => setDraft(assumptionDraft(saved, locale)), [saved, locale, p.version]);
  const whatIf = useMemo(() => draftAssumptions(draft, saved, locale), [draft, saved, locale]);
  const costInputs = useMemo(() => loaded.costs.map((c) => ({ kind: c.kind, amount: c.amount, year: c.year })), [loaded.costs]);
  const businessCase = useMemo(() => projectCase(whatIf.value, costInputs, loaded.lines), [whatIf.value, costInputs, loaded.lines]);
  const warnings = useMemo(() => caseWarnings(loaded.lines, businessCase), [loaded.lines, businessCase]);
  const changed = JSON.stringify(whatIf.value) !== JSON.stringify({ ...saved, rampUp: saved.rampUp.slice(0, whatIf.value.horizonYears) });

  const [assumptionsForm, af] = useForm({
    id: `assumptions-${p.version}`,
    lastResult: resultOf(actionData, 'assumptions'),
    defaultValue: assumptionDraft(saved, locale),
    constraint: getZodConstraint(projectAssumptionsSchema(locale)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: projectAssumptionsSchema(locale) }),
    shouldValidate: 'onSubmit',
  });
  const [detailsForm, df] = useForm({
    id: `details-${p.version}`,
    lastResult: resultOf(actionData, 'details'),
    defaultValue: { name: p.name, description: p.description, ownerId: p.ownerId ?? '', status: p.status, startDate: p.startDate ?? '' },
    constraint: getZodConstraint(ProjectDetailsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectDetailsSchema }),
    shouldValidate: 'onBlur',
  });

  const stale = actionData && 'stale' in actionData;
  const costErrors = (id: string): RowErrors =>
    actionData && 'rowId' in actionData && actionData.rowId === id && 'result' in actionData ? actionData.result?.error : undefined;
  const linkErrors =
    actionData && (actionData.intent === 'link' || actionData.intent === 'share') && 'result' in actionData
      ? Object.values(actionData.result?.error ?? {}).flat().filter((e): e is string => typeof e === 'string')
      : undefined;

  return (
    <div className="business-case">
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`${base}/projects`}>{tc('nav.projects')}</Link>
          </p>
          <h1>
            {p.name} <StatusChip status={p.status} /> {p.archivedAt ? <span className="chip neutral">{t('archived')}</span> : null}
          </h1>
          <p className="muted">
            {p.ownerName ? t('ownedBy', { name: p.ownerName }) : t('noOwner')}
            {' · '}
            {p.startDate ? t('startsOn', { date: formatDate(p.startDate, workspace.locale) }) : t('noStart')}
          </p>
          {p.description ? <p className="description">{p.description}</p> : null}
        </div>
        <div className="row no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <a className="button secondary" href={`${base}/projects/${p.id}/csv`} download>
            {t('exportCsv')}
          </a>
          {canEdit ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value={p.archivedAt ? 'restore' : 'archive'} />
              <input type="hidden" name="version" value={p.version} />
              <button type="submit" className="secondary">
                {p.archivedAt ? t('restore') : t('archive')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>

      {stale ? <FormErrors errors={['staleVersion']} /> : null}
      {actionData && 'done' in actionData ? (
        <p className="notice no-print" role="status">
          {t(`saved.${actionData.intent}`)}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="headline-heading">
        <h2 id="headline-heading">{t('headline')}</h2>
        {changed ? (
          <p className="notice warn" role="status">
            {t('whatIf.unsaved')}
          </p>
        ) : null}
        <Headline businessCase={businessCase} m={m} />
        {loaded.realisedTotal !== null && (p.startDate ?? '') <= loaded.today ? (
          <p>
            {t('realised.total', { amount: money(loaded.realisedTotal, m), plan: money(businessCase.runRateBenefit, m) })}
          </p>
        ) : null}
      </section>

      <section className="panel what-if no-print" aria-labelledby="whatif-heading">
        <h2 id="whatif-heading">{canEdit ? t('whatIf.title') : t('whatIf.titleViewer')}</h2>
        <p className="muted">{t('whatIf.lead')}</p>
        <Form
          method="post"
          {...getFormProps(assumptionsForm)}
          onChange={(event) => {
            const f = new FormData(event.currentTarget);
            setDraft({
              horizonYears: String(f.get('horizonYears') ?? ''),
              discountRate: String(f.get('discountRate') ?? ''),
              confidence: String(f.get('confidence') ?? ''),
              rampUp: String(f.get('rampUp') ?? ''),
            });
          }}
          onReset={() => setDraft(assumptionDraft(saved, locale))}
        >
          <input type="hidden" name="intent" value="assumptions" />
          <input type="hidden" name="version" value={p.version} />
          <FormErrors errors={assumptionsForm.errors} />
          <div className="row">
            {(
              [
                ['horizonYears', t('assumptions.horizon'), 'numeric'],
                ['discountRate', t('assumptions.discountRate'), 'decimal'],
                ['confidence', t('assumptions.confidence'), 'decimal'],
              ] as const
            ).map(([name, label, mode]) => (
              <div className="field" key={name}>
                <label htmlFor={af[name].id}>{label}</label>
                <input {...getInputProps(af[name], { type: 'text' })} key={af[name].key} inputMode={mode} aria-invalid={whatIf.invalid.includes(name) || undefined} />
                <FieldErrors id={af[name].errorId} errors={af[name].errors} />
              </div>
            ))}
            <div className="field wide">
              <label htmlFor={af.rampUp.id}>{t('assumptions.rampUp')}</label>
              <input
                {...getInputProps(af.rampUp, { type: 'text', ariaDescribedBy: `${af.rampUp.id}-hint` })}
                key={af.rampUp.key}
                aria-invalid={whatIf.invalid.includes('rampUp') || undefined}
              />
              <p className="field-hint" id={`${af.rampUp.id}-hint`}>
                {t('assumptions.rampUpHint')}
              </p>
              <FieldErrors id={af.rampUp.errorId} errors={af.rampUp.errors} />
            </div>
          </div>
          <div className="row">
            {canEdit ? <button type="submit">{t('whatIf.save')}</button> : null}
            <button type="reset" className="secondary">
              {t('whatIf.reset')}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel" aria-labelledby="years-heading">
        <h2 id="years-heading">{t('years.title')}</h2>
        <YearTable businessCase={businessCase} m={m} />
      </section>

      <section className="panel" aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">{t('breakdown.title')}</h2>
        <KpiBreakdown lines={loaded.lines} m={m} startDate={p.startDate} today={loaded.today} />
      </section>

      <section className="panel" aria-labelledby="warnings-heading">
        <h2 id="warnings-heading">{t('warnings.title')}</h2>
        <WarningList warnings={warnings} locale={workspace.locale} />
      </section>

      {canEdit ? (
        <>
          <section className="panel no-print" aria-labelledby="links-heading">
            <h2 id="links-heading">{t('links.title')}</h2>
            <LinkedKpis lines={loaded.lines} locale={locale} errors={linkErrors} />
            <h3>{t('picker.title')}</h3>
            <KpiPicker q={loaded.search.q} results={loaded.search.results} linkedIds={new Set(loaded.lines.map((l) => l.kpiId))} base={base} />
          </section>

          <section className="panel no-print" aria-labelledby="costs-heading">
            <h2 id="costs-heading">{t('costs.title')}</h2>
            <CostEditor costs={loaded.costs} locale={locale} m={m} errorsFor={costErrors} />
          </section>

          <section className="panel no-print" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('details.title')}</h2>
            <Form method="post" {...getFormProps(detailsForm)}>
              <input type="hidden" name="intent" value="details" />
              <input type="hidden" name="version" value={p.version} />
              <FormErrors errors={detailsForm.errors} />
              <div className="row">
                <div className="field">
                  <label htmlFor={df.name.id}>{t('fields.name')}</label>
                  <input {...getInputProps(df.name, { type: 'text' })} key={df.name.key} />
                  <FieldErrors id={df.name.errorId} errors={df.name.errors} />
                </div>
                <div className="field">
                  <label htmlFor={df.status.id}>{t('fields.status')}</label>
                  <select {...getSelectProps(df.status)} key={df.status.key}>
                    {PROJECT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {tc(`projectStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={df.ownerId.id}>{t('fields.owner')}</label>
                  <select {...getSelectProps(df.ownerId)} key={df.ownerId.key}>
                    <option value="">{t('noOwner')}</option>
                    {loaded.members.map((mb) => (
                      <option key={mb.id} value={mb.id}>
                        {mb.name}
                      </option>
                    ))}
                  </select>
                  <FieldErrors id={df.ownerId.errorId} errors={df.ownerId.errors} />
                </div>
                <div className="field">
                  <label htmlFor={df.startDate.id}>{t('fields.startDate')}</label>
                  <input {...getInputProps(df.startDate, { type: 'date' })} key={df.startDate.key} />
                  <FieldErrors id={df.startDate.errorId} errors={df.startDate.errors} />
                </div>
              </div>
              <div className="field">
                <label htmlFor={df.description.id}>{t('fields.description')}</label>
                <textarea {...getTextareaProps(df.description)} key={df.description.key} rows={3} />
                <FieldErrors id={df.description.errorId} errors={df.description.errors} />
              </div>
              <button type="submit">{t('details.save')}</button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
