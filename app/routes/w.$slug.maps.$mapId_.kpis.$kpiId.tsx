// KPI settings (a page of its own, outside the map editor's layout): what the KPI represents here,
// baseline and target, the value history (one value per date), the annual financial impact with its
// formula in words, the NPS helper for point-based measures, and deletion.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { KpiProjects } from '~/components/projects/kpi-projects';
import { ImpactSummary } from '~/components/kpis/impact-summary';
import { Sparkline } from '~/components/kpis/sparkline';
import { decimalForInput, useUnitLabel } from '~/components/measures/unit';
import { Field, FieldErrors, FormErrors, SelectField } from '~/components/ui/field';
import { annualImpact, currentFromHistory, kpiStatus } from '~/domain/kpi';
import { npsFromAnswers, parseNpsAnswers, type NpsResult } from '~/domain/nps';
import { formatDate, formatNumber } from '~/lib/format';
import { NpsSchema, kpiSettingsSchema, kpiValueSchema } from '~/lib/schemas/measures';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import { deleteKpiValue, recordKpiValue } from '~/server/kpi-values.server';
import { deleteKpi, findKpi, getKpiSettings, updateKpiSettings } from '~/server/kpis.server';
import { listProjectsForKpi } from '~/server/projects.server';
import measuresStyles from '~/styles/measures.css?url';
import { useWorkspace } from '~/lib/workspace';

// A stale save (409) reloads the data so the form shows the current content (errors skip revalidation by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

const ParamsSchema = z.object({ mapId: z.string().uuid(), kpiId: z.string().uuid() });
const ValueIdSchema = z.object({ valueId: z.string().uuid() });
const MAX_NPS_FILE = 2 * 1024 * 1024;

const today = () => new Date().toISOString().slice(0, 10);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const found = await getKpiSettings(workspace.id, ids.data.kpiId, ids.data.mapId);
  if (!found) throw notFound();
  const { kpi, measure, values } = found;
  const current = currentFromHistory(values);
  const projects = await listProjectsForKpi(workspace.id, ids.data.kpiId);
  return {
    projects,
    kpi,
    measure,
    mapName: found.mapName,
    stageName: found.stageName,
    values,
    current,
    status: kpiStatus({ current, target: kpi.targetValue, trend: measure.trend, history: values }),
    impact: annualImpact({
      mode: kpi.impactMode,
      manualAmount: kpi.manualAmount,
      current,
      target: kpi.targetValue,
      trend: measure.trend,
      valueAmount: measure.valueAmount,
      valueStep: measure.valueStep,
    }),
    today: today(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const { kpiId, mapId } = ids.data;
  const found = await findKpi(workspace.id, kpiId, mapId);
  if (!found) throw notFound();
  const formData = await readForm(request);
  const intent = formData.get('intent');
  const locale = workspace.locale;
  switch (intent) {
    case 'settings': {
      const submission = parseWithZod(formData, { schema: kpiSettingsSchema(locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const { version, intent: _i, ...input } = submission.value;
      if (!(await updateKpiSettings(workspace.id, user.id, kpiId, version, input))) {
        return data({ intent, result: submission.reply({ formErrors: ['staleVersion'] }), stale: true as const }, { status: 409 });
      }
      return { intent, result: submission.reply(), saved: true as const };
    }
    case 'value':
    case 'current': {
      const submission = parseWithZod(formData, { schema: kpiValueSchema(locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const date = intent === 'current' ? today() : submission.value.date;
      if (!date) return data({ intent, result: submission.reply({ fieldErrors: { date: ['field.required'] } }) }, { status: 400 });
      const ok = await recordKpiValue(workspace.id, user.id, kpiId, {
        date,
        value: submission.value.value!,
        replaceValueId: submission.value.valueId,
      });
      if (!ok) throw notFound();
      return { intent, result: submission.reply({ resetForm: true }), saved: true as const };
    }
    case 'delete-value': {
      const parsed = ValueIdSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw notFound();
      if (!(await deleteKpiValue(workspace.id, user.id, kpiId, parsed.data.valueId))) throw notFound();
      return { intent };
    }
    case 'nps': {
      const submission = parseWithZod(formData, { schema: NpsSchema });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const file = formData.get('answersFile');
      let text = submission.value.answers ?? '';
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_NPS_FILE) return data({ intent, result: submission.reply({ formErrors: ['measures.fileTooLarge'] }) }, { status: 413 });
        text = `${text}\n${await file.text()}`;
      }
      const { answers, errors } = parseNpsAnswers(text);
      if (errors.length) {
        return data(
          { intent, result: submission.reply(), npsErrors: errors.slice(0, 50).map((e) => ({ position: e.index + 1, token: e.token, code: e.code })), npsErrorCount: errors.length },
          { status: 400 },
        );
      }
      const nps = npsFromAnswers(answers);
      if (nps.nps === null) return data({ intent, result: submission.reply({ fieldErrors: { answers: ['measures.npsEmpty'] } }) }, { status: 400 });
      await recordKpiValue(workspace.id, user.id, kpiId, { date: submission.value.date, value: nps.nps });
      return { intent, result: submission.reply({ resetForm: true }), nps };
    }
    case 'delete': {
      if (!(await deleteKpi(workspace.id, user.id, kpiId))) throw notFound();
      return redirect(`/w/${workspace.slug}/maps/${mapId}`);
    }
    default:
      throw badRequest();
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

export default function KpiSettingsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { kpi, measure, mapName, stageName, values, current, status, impact, projects } = loaderData;
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('measures');
  const unitLabel = useUnitLabel(workspace.currency);
  const unit = unitLabel(measure.unit);
  const base = `/w/${workspace.slug}`;
  const num = (v: string | null) => (v === null ? '—' : `${formatNumber(v, workspace.locale)} ${unit}`.trim());
  const newestFirst = [...values].reverse();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`${base}/maps/${kpi.mapId}`}>← {mapName}</Link> · {stageName}
          </p>
          <h1>
            {t('kpi.title', { name: measure.name })} <KpiStatusChip status={status} />
          </h1>
          <p>
            <Link to={`${base}/measures/${measure.id}`}>{t('kpi.openMeasure')}</Link>
          </p>
        </div>
      </div>
      {measure.archivedAt ? (
        <p className="notice warn" role="status">
          {t('kpi.archivedMeasure')}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('kpi.figures')}</h2>
        <div className="kpi-figures">
          <div>
            <span className="label">{t('kpi.current')}</span>
            <span className="stat" data-testid="kpi-current">
              {num(current)}
            </span>
          </div>
          <div>
            <span className="label">{t('kpi.target')}</span>
            <span className="stat" data-testid="kpi-target">
              {num(kpi.targetValue)}
            </span>
            {kpi.targetDate ? <span className="muted small">{t('kpi.by', { date: formatDate(kpi.targetDate, workspace.locale) })}</span> : null}
          </div>
          <div>
            <span className="label">{t('kpi.baseline')}</span>
            <span className="stat">{num(kpi.baselineValue)}</span>
            {kpi.baselineDate ? <span className="muted small">{formatDate(kpi.baselineDate, workspace.locale)}</span> : null}
          </div>
          <div>
            <span className="label">{t('kpi.status')}</span>
            <span>
              <KpiStatusChip status={status} />
            </span>
          </div>
          <div>
            <span className="label">{t('kpi.history')}</span>
            <Sparkline values={values.map((v) => v.value)} label={t('kpi.sparkline', { count: values.length })} />
          </div>
        </div>
        {kpi.note ? <p>{kpi.note}</p> : null}
      </section>

      <section className="panel" aria-labelledby="impact-heading">
        <h2 id="impact-heading">{t('impact.title')}</h2>
        <ImpactSummary
          impact={impact}
          mode={kpi.impactMode}
          current={current}
          target={kpi.targetValue}
          trend={measure.trend}
          unit={measure.unit}
          impactType={measure.impactType}
          measureHref={`${base}/measures/${measure.id}`}
          currency={workspace.currency}
          locale={workspace.locale}
        />
      </section>

      <KpiProjects kpiId={kpi.id} projects={projects} slug={workspace.slug} locale={workspace.locale} />

      {canEdit ? <SetCurrentForm actionData={actionData} /> : null}

      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('kpi.historyTitle', { count: values.length })}</h2>
        {values.length === 0 ? <p className="muted">{t('kpi.noValues')}</p> : null}
        {values.length > 0 ? (
          <table className="data">
            <thead>
              <tr>
                <th>{t('kpi.date')}</th>
                <th className="num">{t('kpi.value')}</th>
                <th>{t('kpi.source')}</th>
                {canEdit ? (
                  <th>
                    <span className="visually-hidden">{t('kpi.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((v) => (
                <tr key={v.id}>
                  <td>{formatDate(v.date, workspace.locale)}</td>
                  <td className="num">{num(v.value)}</td>
                  <td>{t(`source.${v.source}`)}</td>
                  {canEdit ? (
                    <td>
                      <div className="row">
                        <Form method="post" className="value-row-form">
                          <input type="hidden" name="intent" value="value" />
                          <input type="hidden" name="valueId" value={v.id} />
                          <input type="date" name="date" defaultValue={v.date} required aria-label={t('kpi.editDate', { date: v.date })} />
                          <input name="value" defaultValue={decimalForInput(v.value, workspace.locale)} inputMode="decimal" required aria-label={t('kpi.editValue', { date: v.date })} />
                          <button type="submit" className="secondary small">
                            {t('kpi.saveValue')}
                          </button>
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="delete-value" />
                          <input type="hidden" name="valueId" value={v.id} />
                          <button type="submit" className="danger small" aria-label={t('kpi.deleteValue', { date: v.date })}>
                            {t('kpi.delete')}
                          </button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {canEdit ? <AddValueForm actionData={actionData} /> : null}
      </section>

      {canEdit ? <SettingsForm key={kpi.version} actionData={actionData} /> : null}

      {canEdit && measure.unit === 'pts' ? <NpsHelper actionData={actionData} /> : null}

      {canEdit ? (
        <section className="panel danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t('kpi.deleteTitle')}</h2>
          <p className="muted">{t('kpi.deleteLead')}</p>
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t('kpi.deleteConfirm', { name: measure.name, stage: stageName }))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="danger">
              {t('kpi.deleteKpi')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function resultFor(actionData: ActionData, intent: string) {
  return actionData && actionData.intent === intent && 'result' in actionData ? actionData.result : undefined;
}

function SetCurrentForm({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation('measures');
  const { today } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const [form, fields] = useForm<{ value?: string }>({ id: 'set-current', lastResult: resultFor(actionData, 'current') });
  return (
    <section className="panel" aria-labelledby="current-heading">
      <h2 id="current-heading">{t('kpi.setCurrent')}</h2>
      <Form method="post" {...getFormProps(form)} className="row">
        <input type="hidden" name="intent" value="current" />
        <Field label={t('kpi.currentValueOn', { date: formatDate(today, workspace.locale) })} field={fields.value} inputMode="decimal" />
        <div className="field shrink">
          <button type="submit">{t('kpi.setCurrentSubmit')}</button>
        </div>
      </Form>
    </section>
  );
}

function AddValueForm({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation('measures');
  const { today } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<{ date?: string; value?: string }>({ id: 'add-value', lastResult: resultFor(actionData, 'value'), defaultValue: { date: today } });
  return (
    <Form method="post" {...getFormProps(form)} className="row settings-section-gap">
      <input type="hidden" name="intent" value="value" />
      <Field label={t('kpi.date')} field={fields.date} type="date" />
      <Field label={t('kpi.value')} field={fields.value} inputMode="decimal" />
      <div className="field shrink">
        <button type="submit" className="secondary">
          {t('kpi.addValue')}
        </button>
      </div>
      <p className="muted small">{t('kpi.sameDateHint')}</p>
    </Form>
  );
}

function SettingsForm({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation('measures');
  const { kpi } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const plain = (v: string | null) => decimalForInput(v, workspace.locale);
  const stale = actionData?.intent === 'settings' && 'stale' in actionData;
  const [form, fields] = useForm({
    id: `kpi-settings-${kpi.version}`,
    lastResult: stale ? undefined : resultFor(actionData, 'settings'),
    defaultValue: {
      note: kpi.note,
      baselineValue: plain(kpi.baselineValue),
      baselineDate: kpi.baselineDate ?? undefined,
      targetValue: plain(kpi.targetValue),
      targetDate: kpi.targetDate ?? undefined,
      impactMode: kpi.impactMode,
      manualAmount: plain(kpi.manualAmount),
    },
  });
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('kpi.settingsTitle')}</h2>
      {actionData?.intent === 'settings' && 'saved' in actionData ? (
        <p className="notice" role="status">
          {t('kpi.saved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        {stale ? <FormErrors errors={['staleVersion']} /> : <FormErrors errors={form.errors} />}
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="version" value={kpi.version} />
        <div className="field">
          <label htmlFor={fields.note.id}>{t('kpi.note')}</label>
          <textarea {...getTextareaProps(fields.note)} rows={2} />
          <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
        </div>
        <div className="row">
          <Field label={t('kpi.baselineValue')} field={fields.baselineValue} inputMode="decimal" />
          <Field label={t('kpi.baselineDate')} field={fields.baselineDate} type="date" />
          <Field label={t('kpi.targetValue')} field={fields.targetValue} inputMode="decimal" />
          <Field label={t('kpi.targetDate')} field={fields.targetDate} type="date" />
        </div>
        <div className="row">
          <SelectField
            label={t('kpi.impactMode')}
            field={fields.impactMode}
            options={[
              { value: 'auto', label: t('impact.auto') },
              { value: 'manual', label: t('impact.manual') },
            ]}
          />
          <Field label={t('kpi.manualAmount')} field={fields.manualAmount} inputMode="decimal" />
        </div>
        <button type="submit">{t('kpi.saveSettings')}</button>
      </Form>
    </section>
  );
}

interface NpsActionData {
  nps?: NpsResult;
  npsErrors?: { position: number; token: string; code: string }[];
  npsErrorCount?: number;
}

function NpsHelper({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation('measures');
  const { today } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ date?: string; answers?: string }>({ id: 'nps', lastResult: resultFor(actionData, 'nps'), defaultValue: { date: today } });
  const npsData = actionData?.intent === 'nps' ? (actionData as NpsActionData) : undefined;
  return (
    <section className="panel" aria-labelledby="nps-heading">
      <h2 id="nps-heading">{t('nps.title')}</h2>
      <p className="muted">{t('nps.lead')}</p>
      {npsData?.nps ? (
        <p className="notice" role="status">
          {t('nps.recorded', {
            nps: formatNumber(npsData.nps.nps ?? '0', workspace.locale, 1),
            total: npsData.nps.total,
            promoters: npsData.nps.promoters,
            passives: npsData.nps.passives,
            detractors: npsData.nps.detractors,
          })}
        </p>
      ) : null}
      {npsData?.npsErrors ? (
        <div className="form-errors" role="alert">
          <p>{t('nps.errors', { count: npsData.npsErrorCount })}</p>
          <ul>
            {npsData.npsErrors.map((e) => (
              <li key={e.position}>{t(`nps.error.${e.code}`, { position: e.position, token: e.token })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="nps" />
        <div className="field">
          <label htmlFor={fields.answers.id}>{t('nps.answers')}</label>
          <textarea {...getTextareaProps(fields.answers)} rows={4} placeholder="10 9 7 3 8 10 6" />
          <FieldErrors id={fields.answers.errorId} errors={fields.answers.errors} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="nps-file">{t('nps.file')}</label>
            <input id="nps-file" type="file" name="answersFile" accept=".csv,.txt,text/csv,text/plain" />
          </div>
          <Field label={t('kpi.date')} field={fields.date} type="date" />
          <div className="field shrink">
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {t('nps.submit')}
            </button>
          </div>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
