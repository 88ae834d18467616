// The business case of one project: headline figures, the what-if panel, years, KPI breakdown,
// warnings, scenarios and sensitivity for everyone; links, costs, details and the scenarios' overrides
// for editors. Each form posts an `intent`; the answer (server/result.server `reply`) says which form
// it belongs to.
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { CaseFigures } from '~/components/projects/case-figures';
import { HeadlinePanel } from '~/components/projects/case-headline';
import { FormErrors } from '~/components/ui/field';
import type { NumberLocale } from '~/domain/decimal';
import { answerFor } from '~/lib/action-result';
import { ArchiveSchema, DeleteCostSchema, ProjectDetailsSchema, UnlinkSchema, costSchema, linkSchema, projectAssumptionsSchema } from '~/lib/schemas/projects';
import { useLiveData } from '~/lib/live';
import { scenariosSchema } from '~/lib/schemas/scenarios';
import { useWorkspace } from '~/lib/workspace';
import { roleAtLeast } from '~/domain/roles';
import { isCommentIntent } from '~/lib/schemas/comments';
import { requireMember } from '~/server/access.server';
import { answerCommentForm } from '~/server/comment-forms.server';
import { readForm } from '~/server/form.server';
import { badRequest, forbidden } from '~/server/http.server';
import * as projects from '~/server/projects.server';
import * as scenarios from '~/server/scenarios.server';
import { reply, replyInvalid } from '~/server/result.server';
import commentsStyles from '~/styles/comments.css?url';
import styles from '~/styles/projects.css?url';
import { CostEditor } from './cost-editor';
import { DetailsForm } from './details-form';
import { CaseHeader } from './header';
import { LinkedKpis } from './kpi-links';
import { loadBusinessCasePage } from './page-data.server';
import { projectIdOf } from './params.server';
import { RealisedPanel } from './realised-panel';
import { KpiPicker } from './kpi-picker';
import { ProjectComments } from './comments';
import { ScenariosPanel } from './scenarios';
import { Sensitivity } from './sensitivity';
import { useScenarios } from './use-scenarios';
import { useWhatIf } from './use-what-if';
import { WhatIf } from './what-if';
import { pageTitle } from '~/lib/page-title';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: commentsStyles },
];

// A stale save (409) reloads the project so the forms show the current content (4xx replies skip
// revalidation by default); the share panel's forms change nothing of the business case.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, formAction, defaultShouldRevalidate }) =>
  !formAction?.endsWith('/share') && (actionStatus === 409 || defaultShouldRevalidate);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'projects', data?.project.name);

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects', 'comments'] };

export async function loader(args: LoaderFunctionArgs) {
  return loadBusinessCasePage(args);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Any member may comment (viewers discuss business cases too); every other change is an editor's.
  const member = await requireMember(request, params.slug);
  const projectId = projectIdOf(params);
  const formData = await readForm(request);
  const commentIntent = formData.get('intent');
  if (isCommentIntent(commentIntent)) return answerCommentForm(commentIntent, formData, member, { projectId });
  if (!roleAtLeast(member.role, 'editor')) throw forbidden();
  const { workspace, user } = member;
  const at = [workspace.id, user.id, projectId] as const;
  const locale = workspace.locale as NumberLocale;
  const intent = formData.get('intent');
  switch (intent) {
    case 'details': {
      const submission = parseWithZod(formData, { schema: ProjectDetailsSchema });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, intent: _intent, ...input } = submission.value;
      return reply(intent, await projects.updateProjectDetails(...at, version, input), submission);
    }
    case 'assumptions': {
      const submission = parseWithZod(formData, { schema: projectAssumptionsSchema(locale) });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { version, horizonYears, discountRate, confidence, rampUp } = submission.value;
      return reply(intent, await projects.updateAssumptions(...at, version, { horizonYears, discountRate, confidence, rampUp }), submission);
    }
    case 'scenarios': {
      const submission = parseWithZod(formData, { schema: scenariosSchema(locale) });
      if (submission.status !== 'success') return replyInvalid(intent, submission);
      const { intent: _intent, ...input } = submission.value;
      return reply(intent, await scenarios.saveScenarios(...at, input), submission);
    }
    case 'archive':
    case 'restore': {
      const submission = parseWithZod(formData, { schema: ArchiveSchema });
      if (submission.status !== 'success') throw badRequest();
      return reply(intent, await projects.setProjectArchived(...at, submission.value.version, intent === 'archive'));
    }
    case 'addCost':
    case 'updateCost': {
      const submission = parseWithZod(formData, { schema: costSchema(locale) });
      const rowId = intent === 'addCost' ? 'new' : String(formData.get('costId') ?? '');
      if (submission.status !== 'success') return replyInvalid(intent, submission, { rowId });
      const { costId, intent: _intent, ...input } = submission.value;
      if (intent === 'addCost') return reply(intent, await projects.addCost(...at, input), submission, { rowId });
      if (!costId) throw badRequest();
      return reply(intent, await projects.updateCost(...at, costId, input), submission, { rowId });
    }
    case 'deleteCost': {
      const submission = parseWithZod(formData, { schema: DeleteCostSchema });
      if (submission.status !== 'success') throw badRequest();
      return reply(intent, await projects.deleteCost(...at, submission.value.costId), submission, { rowId: submission.value.costId });
    }
    case 'link':
    case 'share': {
      const submission = parseWithZod(formData, { schema: linkSchema(locale) });
      const rowId = String(formData.get('kpiId') ?? '');
      if (submission.status !== 'success') return replyInvalid(intent, submission, { rowId });
      const { kpiId, share } = submission.value;
      return reply(intent, await projects.linkKpi(...at, kpiId, share, intent === 'share'), submission, { rowId });
    }
    case 'unlink': {
      const submission = parseWithZod(formData, { schema: UnlinkSchema });
      if (submission.status !== 'success') throw badRequest();
      return reply(intent, await projects.unlinkKpi(...at, submission.value.kpiId), submission, { rowId: submission.value.kpiId });
    }
    default:
      throw badRequest();
  }
}

export default function BusinessCaseRoute() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('projects');
  const locale = workspace.locale as NumberLocale;
  // The business case shows cents: it is the detailed view whose figures reproduce to the cent.
  const m = { currency: workspace.currency, locale: workspace.locale, fractionDigits: 2 };
  const base = `/w/${workspace.slug}`;
  const p = loaded.project;
  const whatIf = useWhatIf(p, loaded.costs, loaded.lines, locale);
  const scenarios = useScenarios(loaded.scenarios, whatIf.input, locale);
  useLiveData({ projectId: p.id, figures: true });

  return (
    <div className="business-case">
      <CaseHeader p={p} base={base} locale={workspace.locale} canEdit={canEdit} />

      {/* The comment forms show their own answers, beside the comment. */}
      {actionData?.status === 'stale' && !isCommentIntent(actionData.intent) ? <FormErrors errors={['staleVersion']} /> : null}
      {actionData?.status === 'done' && !isCommentIntent(actionData.intent) ? (
        <p className="notice no-print" role="status">
          {t(`saved.${actionData.intent}`)}
        </p>
      ) : null}

      <HeadlinePanel
        businessCase={whatIf.businessCase}
        changed={whatIf.changed}
        realisedTotal={loaded.realisedTotal}
        started={(p.startDate ?? '') <= loaded.today}
        empty={loaded.lines.length === 0 && loaded.costs.length === 0}
        m={m}
      />

      <WhatIf version={p.version} locale={locale} canEdit={canEdit} whatIf={whatIf} reply={answerFor(actionData, 'assumptions')} />

      <RealisedPanel
        series={loaded.realisedSeries}
        whatIf={whatIf.changed ? whatIf.businessCase : null}
        startDate={p.startDate}
        kpiNames={new Map(loaded.lines.map((l) => [l.kpiId, `${l.measureName} @ ${l.stageName}`]))}
        m={m}
      />

      <CaseFigures businessCase={whatIf.businessCase} warnings={whatIf.warnings} lines={loaded.lines} startDate={p.startDate} today={loaded.today} m={m} />

      {loaded.lines.length === 0 && loaded.costs.length === 0 ? (
        <section className="panel" aria-labelledby="scenarios-heading">
          <h2 id="scenarios-heading">{t('scenarios.title')}</h2>
          <p className="muted">{t('scenarios.empty')}</p>
        </section>
      ) : (
        <>
          <ScenariosPanel saved={loaded.scenarios} scenarios={scenarios} locale={locale} canEdit={canEdit} reply={answerFor(actionData, 'scenarios')} m={m} />
          <Sensitivity analysis={scenarios.analysis} lines={loaded.lines} m={m} />
        </>
      )}

      {canEdit ? (
        <>
          <section className="panel no-print" aria-labelledby="links-heading">
            <h2 id="links-heading">{t('links.title')}</h2>
            <LinkedKpis lines={loaded.lines} locale={locale} reply={actionData} />
            <h3>{t('picker.title')}</h3>
            <KpiPicker
              page={loaded.picker}
              step={loaded.pickerStep}
              linkedIds={new Set(loaded.lines.map((l) => l.kpiId))}
              base={base}
              locale={locale}
              reply={actionData}
            />
          </section>

          <section className="panel no-print" aria-labelledby="costs-heading">
            <h2 id="costs-heading">{t('costs.title')}</h2>
            <CostEditor costs={loaded.costs} locale={locale} m={m} reply={actionData} />
          </section>

          <DetailsForm p={p} members={loaded.members} reply={actionData} />
        </>
      ) : null}

      <ProjectComments threads={loaded.threads} members={loaded.members} answer={actionData} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
