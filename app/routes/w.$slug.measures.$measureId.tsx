// One measure: its definition and financial value, every map and stage where it is used (current,
// target, status), the edit form (versioned), archive / restore, and delete when unused.
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { MeasureForm } from '~/components/measures/measure-form';
import { decimalForInput, formatPerUnit, useUnitLabel, useUnitOne } from '~/components/measures/unit';
import { FormErrors } from '~/components/ui/field';
import { valuePerUnit } from '~/domain/kpi';
import { formatMoney, formatNumber } from '~/lib/format';
import { measureEditSchema } from '~/lib/schemas/measures';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import {
  deleteMeasure,
  getMeasure,
  measureFilterOptions,
  measureTouchpoints,
  measureWhereUsed,
  setMeasureArchived,
  touchpointOptions,
  updateMeasure,
} from '~/server/measures.server';
import { listMembers } from '~/server/workspaces.server';
import measuresStyles from '~/styles/measures.css?url';
import { useWorkspace } from '~/lib/workspace';

// A stale save (409) reloads the data so the form shows the current content (errors skip revalidation by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStyles }];

const MeasureIdSchema = z.string().uuid();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const id = MeasureIdSchema.safeParse(params.measureId);
  if (!id.success) throw notFound();
  const measure = await getMeasure(workspace.id, id.data);
  if (!measure) throw notFound();
  const [usedIn, linked, members, options, touchpoints] = await Promise.all([
    measureWhereUsed(workspace.id, measure.id, measure.trend),
    measureTouchpoints(workspace.id, measure.id),
    listMembers(workspace.id),
    measureFilterOptions(workspace.id),
    touchpointOptions(workspace.id),
  ]);
  return { measure, usedIn, linked, members, groups: options.groups, touchpoints };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const id = MeasureIdSchema.safeParse(params.measureId);
  if (!id.success) throw notFound();
  const formData = await readForm(request);
  const intent = formData.get('intent');
  switch (intent) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: measureEditSchema(workspace.locale) });
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 });
      const { version, intent: _i, ...input } = submission.value;
      const outcome = await updateMeasure(workspace.id, user.id, id.data, version, input);
      if (outcome.ok) return { intent, result: submission.reply(), saved: true as const };
      if (outcome.reason === 'badTouchpoint') throw notFound();
      if (outcome.reason === 'stale') {
        // 404 when the measure is gone; 409 with the current content (the loader reloads it) otherwise.
        if (!(await getMeasure(workspace.id, id.data))) throw notFound();
        return data({ intent, result: submission.reply({ formErrors: ['staleVersion'] }), stale: true as const }, { status: 409 });
      }
      const fieldErrors: Record<string, string[]> = outcome.reason === 'badOwner' ? { ownerId: ['field.choose'] } : { name: ['measures.nameTaken'] };
      return data({ intent, result: submission.reply({ fieldErrors }) }, { status: outcome.reason === 'duplicate' ? 409 : 400 });
    }
    case 'archive':
    case 'restore': {
      if (!(await setMeasureArchived(workspace.id, user.id, id.data, intent === 'archive'))) throw notFound();
      return { intent };
    }
    case 'delete': {
      const outcome = await deleteMeasure(workspace.id, user.id, id.data);
      if (outcome === 'notFound') throw notFound();
      if (outcome === 'inUse') return data({ intent, error: 'measures.inUse' }, { status: 409 });
      return redirect(`/w/${workspace.slug}/measures`);
    }
    default:
      throw badRequest();
  }
}

export default function MeasurePage() {
  const { measure, usedIn, linked, members, groups, touchpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('measures');
  const unitLabel = useUnitLabel(workspace.currency);
  const unitOne = useUnitOne(workspace.currency);
  const base = `/w/${workspace.slug}`;
  const vpu = valuePerUnit(measure.valueAmount, measure.valueStep);
  const unit = unitLabel(measure.unit);
  const num = (v: string | null) => (v === null ? '—' : `${formatNumber(v, workspace.locale)} ${unit}`.trim());
  const owner = members.find((m) => m.userId === measure.ownerId);
  const linkedCards = touchpoints.filter((c) => linked.includes(c.id));
  const archived = measure.archivedAt !== null;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`${base}/measures`}>← {t('library.title')}</Link>
          </p>
          <h1>
            {measure.name} {archived ? <span className="chip neutral">{t('archived')}</span> : null}
          </h1>
          {measure.description ? <p>{measure.description}</p> : null}
        </div>
      </div>

      {archived ? (
        <p className="notice warn" role="status">
          {t('measure.archivedNotice')}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t('measure.definition')}</h2>
        <dl className="definition">
          <dt>{t('fields.unit')}</dt>
          <dd>{measure.unit === 'count' ? t('unitNames.count') : unit}</dd>
          <dt>{t('fields.trend')}</dt>
          <dd>{t(`trend.${measure.trend}`)}</dd>
          <dt>{t('fields.financialValue')}</dt>
          <dd>
            {vpu !== null ? (
              <>
                {t('measure.valueSentence', {
                  amount: formatMoney(measure.valueAmount!, workspace.currency, workspace.locale),
                  step: formatNumber(measure.valueStep!, workspace.locale),
                  unit: unit || t('unitOne.count'),
                })}{' '}
                <strong>{t('form.vpu', { amount: formatPerUnit(vpu, workspace.currency, workspace.locale), unit: unitOne(measure.unit) })}</strong> ·{' '}
                {t(`impactType.${measure.impactType}`)}
              </>
            ) : (
              <span className="muted">{t('measure.noValue')}</span>
            )}
          </dd>
          <dt>{t('fields.owner')}</dt>
          <dd>{owner?.displayName ?? '—'}</dd>
          <dt>{t('fields.group')}</dt>
          <dd>{measure.group ?? '—'}</dd>
          <dt>{t('fields.tags')}</dt>
          <dd>{measure.tags.length ? measure.tags.join(', ') : '—'}</dd>
          <dt>{t('fields.heartCategory')}</dt>
          <dd>{measure.heartCategory ? t(`heart.${measure.heartCategory}`) : '—'}</dd>
          <dt>{t('fields.family')}</dt>
          <dd>{measure.family ? t(`family.${measure.family}`) : '—'}</dd>
          <dt>{t('fields.gsmGoal')}</dt>
          <dd>{measure.gsmGoal ?? '—'}</dd>
          <dt>{t('fields.gsmSignal')}</dt>
          <dd>{measure.gsmSignal ?? '—'}</dd>
          <dt>{t('fields.systems')}</dt>
          <dd>{measure.systems.length ? measure.systems.join(', ') : '—'}</dd>
          <dt>{t('fields.touchpoints')}</dt>
          <dd>
            {linkedCards.length ? (
              <ul>
                {linkedCards.map((c) => (
                  <li key={c.id}>
                    {c.mapName} › {c.stageName} › {c.title}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="used-heading">
        <h2 id="used-heading">{t('measure.whereUsed', { count: usedIn.length })}</h2>
        {usedIn.length === 0 ? <p className="muted">{t('measure.unused')}</p> : null}
        {usedIn.length > 0 ? (
          <table className="data">
            <thead>
              <tr>
                <th>{t('measure.map')}</th>
                <th>{t('measure.stage')}</th>
                <th className="num">{t('kpi.current')}</th>
                <th className="num">{t('kpi.target')}</th>
                <th>{t('kpi.status')}</th>
                <th>
                  <span className="visually-hidden">{t('kpi.settings')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {usedIn.map((u) => (
                <tr key={u.kpiId}>
                  <td>
                    <Link to={`${base}/maps/${u.mapId}`}>{u.mapName}</Link>
                  </td>
                  <td>{u.stageName}</td>
                  <td className="num">{num(u.current)}</td>
                  <td className="num">{num(u.target)}</td>
                  <td>
                    <KpiStatusChip status={u.status} />
                  </td>
                  <td>
                    <Link to={`${base}/maps/${u.mapId}/kpis/${u.kpiId}`} aria-label={t('measure.openKpi', { map: u.mapName, stage: u.stageName })}>
                      {t('kpi.settings')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {canEdit ? (
        <>
          <section className="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t('measure.edit')}</h2>
            {actionData?.intent === 'update' && 'saved' in actionData ? (
              <p className="notice" role="status">
                {t('measure.saved')}
              </p>
            ) : null}
            <MeasureForm
              key={measure.version}
              id={`measure-${measure.id}-${measure.version}`}
              intent="update"
              version={measure.version}
              defaults={{
                ...measure,
                valueAmount: decimalForInput(measure.valueAmount, workspace.locale),
                valueStep: decimalForInput(measure.valueStep, workspace.locale),
                touchpoints: linked,
              }}
              lastResult={actionData?.intent === 'update' && !('stale' in actionData) ? actionData.result : undefined}
              formErrors={actionData?.intent === 'update' && 'stale' in actionData ? ['staleVersion'] : undefined}
              locale={workspace.locale}
              currency={workspace.currency}
              members={members}
              groups={groups}
              touchpoints={touchpoints}
              submitLabel={t('measure.save')}
            />
          </section>
          <section className="panel danger-zone" aria-labelledby="archive-heading">
            <h2 id="archive-heading">{t('measure.manage')}</h2>
            <div className="row">
              <Form method="post">
                <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
                <button type="submit" className="secondary">
                  {archived ? t('measure.restore') : t('measure.archive')}
                </button>
              </Form>
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(t('measure.deleteConfirm', { name: measure.name }))) event.preventDefault();
                }}
              >
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="danger">
                  {t('measure.delete')}
                </button>
              </Form>
            </div>
            {usedIn.length > 0 ? <p className="muted small">{t('measure.deleteHint')}</p> : null}
            {actionData?.intent === 'delete' && 'error' in actionData ? <FormErrors errors={[actionData.error]} /> : null}
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
