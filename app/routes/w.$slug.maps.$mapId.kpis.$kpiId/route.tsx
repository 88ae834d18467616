// KPI settings, in a panel over the map (nested in the map route, so /w/:slug/maps/:mapId/kpis/:kpiId
// opens the map with the panel): the figures, one form for the current value, target, baseline and
// what the KPI represents, the value history with its sparkline (one value per date, one form per
// row), the annual financial impact with its formula in words, the projects counting on it, the NPS
// helper for point-based measures, and deletion.
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { answerFor } from '~/lib/action-result';
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { KpiProjects, LinkToProject } from '~/components/projects/kpi-projects';
import { annualImpact, currentFromHistory, kpiStatus } from '~/domain/kpi';
import { npsFromAnswers, parseNpsAnswers } from '~/domain/nps';
import { NpsSchema, kpiSettingsSchema, kpiValueSchema } from '~/lib/schemas/measures';
import { linkProjectSchema } from '~/lib/schemas/projects';
import { useLiveData } from '~/lib/live';
import { todayIn } from '~/lib/time-zone';
import { useWorkspace } from '~/lib/workspace';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import { deleteKpiValue, recordKpiValue } from '~/server/kpi-values.server';
import { deleteKpi, findKpi, getKpiSettings, updateKpiSettings } from '~/server/kpis.server';
import { linkKpi, listProjectsForKpi, listProjectsToLink } from '~/server/projects.server';
import { invalid, reply, replyInvalid, replyWithDraft, valueOr404 } from '~/server/result.server';
import measuresStyles from '~/styles/measures.css?url';
import sidePanelStyles from '~/styles/side-panel.css?url';
import { DeleteKpi, KpiFigures, KpiHeader } from './kpi-figures';
import { NpsHelper } from './nps-helper';
import { SettingsForm } from './settings-form';
import { ValueHistory } from './value-history';
import { KpiPanel } from './kpi-panel';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'kpi', data ? `${data.measure.name} (${data.stageName})` : null);

/** The locale namespaces this page needs beyond the root's (the browser loads only those at first). */
export const handle = { i18n: ['projects', 'library'] };

// A stale save (409) reloads the data, so the figures behind the comparison are the current ones (errors skip revalidation by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: sidePanelStyles },
  { rel: 'stylesheet', href: measuresStyles },
];

const ParamsSchema = z.object({ mapId: z.string().uuid(), kpiId: z.string().uuid() });
const ValueIdSchema = z.object({ valueId: z.string().uuid() });
const MAX_NPS_FILE = 2 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request, params.slug);
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { kpi, measure, values, mapName, stageName } = valueOr404(await getKpiSettings(workspace.id, ids.data.kpiId, ids.data.mapId));
  const current = currentFromHistory(values);
  const [projects, projectsToLink] = await Promise.all([
    listProjectsForKpi(workspace.id, ids.data.kpiId),
    role === 'viewer' ? [] : listProjectsToLink(workspace.id, ids.data.kpiId),
  ]);
  const { trend, valueAmount, valueStep } = measure;
  return {
    projects,
    projectsToLink,
    kpi,
    measure,
    mapName,
    stageName,
    values,
    current,
    status: kpiStatus({ current, target: kpi.targetValue, trend, history: values }),
    impact: annualImpact({ mode: kpi.impactMode, manualAmount: kpi.manualAmount, current, target: kpi.targetValue, trend, valueAmount, valueStep }),
    // "Today" of the workspace: a value set at 00:30 in Paris is dated that day, not the day before (UTC).
    today: todayIn(workspace.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { kpiId, mapId } = ids.data;
  if (!(await findKpi(workspace.id, kpiId, mapId))) throw notFound();
  const formData = await readForm(request);
  const intent = formData.get('intent');
  const locale = workspace.locale;
  switch (intent) {
    case 'settings': {
      const s = parseWithZod(formData, { schema: kpiSettingsSchema(locale) });
      if (s.status !== 'success') return replyInvalid(intent, s);
      const { version, intent: _i, currentValue, currentDate, ...settings } = s.value;
      const current = currentValue !== undefined && currentDate ? { value: currentValue, date: currentDate } : undefined;
      return replyWithDraft(intent, await updateKpiSettings(workspace.id, user.id, kpiId, version, { ...settings, current }), s);
    }
    // 'current': "set the current value" dated today, as posted before the panel's combined form.
    case 'value':
    case 'current': {
      // Each row of the history has its own form: the answer names the row it is about.
      const valueId = formData.get('valueId');
      const extra = { rowId: typeof valueId === 'string' && valueId ? valueId.slice(0, 40) : 'new' };
      const s = parseWithZod(formData, { schema: kpiValueSchema(locale) });
      if (s.status !== 'success') return replyInvalid(intent, s, extra);
      const date = intent === 'current' ? todayIn(workspace.timeZone) : s.value.date;
      if (!date) return reply(intent, invalid('date', 'field.required'), s, extra);
      const input = { date, value: s.value.value!, replaceValueId: s.value.valueId };
      return reply(intent, await recordKpiValue(workspace.id, user.id, kpiId, input), s, extra);
    }
    case 'delete-value': {
      const parsed = ValueIdSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw notFound();
      return reply(intent, await deleteKpiValue(workspace.id, user.id, kpiId, parsed.data.valueId));
    }
    case 'nps': {
      const s = parseWithZod(formData, { schema: NpsSchema });
      if (s.status !== 'success') return replyInvalid(intent, s);
      const file = formData.get('answersFile');
      let text = s.value.answers ?? '';
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_NPS_FILE)
          return data({ intent, status: 'invalid' as const, result: s.reply({ formErrors: ['measures.fileTooLarge'] }) }, { status: 413 });
        text = `${text}\n${await file.text()}`;
      }
      const { answers, errors } = parseNpsAnswers(text);
      if (errors.length) {
        const npsErrors = errors.slice(0, 50).map((e) => ({ position: e.index + 1, token: e.token, code: e.code }));
        return data({ intent, status: 'invalid' as const, result: s.reply(), npsErrors, npsErrorCount: errors.length }, { status: 400 });
      }
      const nps = npsFromAnswers(answers);
      if (nps.nps === null) return reply(intent, invalid('answers', 'measures.npsEmpty'), s);
      const recorded = reply(intent, await recordKpiValue(workspace.id, user.id, kpiId, { date: s.value.date, value: nps.nps }), s);
      return data({ ...recorded.data, nps }, recorded.init ?? undefined);
    }
    case 'linkProject': {
      const s = parseWithZod(formData, { schema: linkProjectSchema(locale) });
      if (s.status !== 'success') return replyInvalid(intent, s);
      return reply(intent, await linkKpi(workspace.id, user.id, s.value.projectId, kpiId, s.value.share), s);
    }
    case 'delete': {
      valueOr404(await deleteKpi(workspace.id, user.id, kpiId));
      return redirect(`/w/${workspace.slug}/maps/${mapId}`);
    }
    default:
      throw badRequest();
  }
}

export default function KpiSettingsPanel() {
  const page = useLoaderData<typeof loader>();
  const { kpi, projects, measure, values, today } = page;
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  useLiveData({ kpiIds: [kpi.id] });
  const closeHref = `/w/${workspace.slug}/maps/${kpi.mapId}`;
  return (
    <KpiPanel kpiId={kpi.id} closeHref={closeHref}>
      <KpiHeader kpi={kpi} measure={measure} stageName={page.stageName} status={page.status} closeHref={closeHref} />
      <KpiFigures kpi={kpi} measure={measure} current={page.current} status={page.status} impact={page.impact} />
      {canEdit ? <SettingsForm key={kpi.id} answer={answerFor(actionData, 'settings')} kpi={kpi} current={page.current} today={today} /> : null}
      <ValueHistory answer={actionData} canEdit={canEdit} values={values} unit={measure.unit} today={today} />
      <KpiProjects kpiId={kpi.id} projects={projects} slug={workspace.slug} locale={workspace.locale}>
        {canEdit ? <LinkToProject projects={page.projectsToLink} slug={workspace.slug} locale={workspace.locale} answer={actionData} /> : null}
      </KpiProjects>
      {canEdit && measure.unit === 'pts' ? <NpsHelper answer={actionData} today={today} /> : null}
      {canEdit ? <DeleteKpi measureName={measure.name} stageName={page.stageName} /> : null}
    </KpiPanel>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
