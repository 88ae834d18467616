// The KPI panel's pieces: its head (name, status, stage, Close), the figures (current, target,
// baseline), the annual impact, and the danger zone at the foot.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ImpactSummary } from '~/components/kpis/impact-summary';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { useMeasureValue } from '~/components/measures/unit';
import type { annualImpact } from '~/domain/kpi';
import type { KpiStatus } from '~/domain/vocabulary';
import { formatDate } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { KpiRow, MeasureRow } from './data';

/** The panel's head: the KPI's name (the panel's label) and status, its stage, its measure, Close. */
export function KpiHeader({
  kpi,
  measure,
  stageName,
  status,
  closeHref,
}: {
  kpi: KpiRow;
  measure: MeasureRow;
  stageName: string;
  status: KpiStatus;
  closeHref: string;
}) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const title = t('kpi.title', { name: measure.name });
  return (
    <>
      <div className="side-panel-head">
        <div>
          <h2 id={`kpi-panel-${kpi.id}`} tabIndex={-1}>
            {title} <KpiStatusChip status={status} />
          </h2>
          <p className="muted">
            {stageName} · <Link to={`/w/${workspace.slug}/measures/${measure.id}`}>{t('kpi.openMeasure')}</Link>
          </p>
        </div>
        <Link to={closeHref} preventScrollReset className="button secondary small" aria-label={t('kpi.closePanel', { name: measure.name })}>
          {t('kpi.close')}
        </Link>
      </div>
      {measure.archivedAt ? (
        <p className="notice warn" role="status">
          {t('kpi.archivedMeasure')}
        </p>
      ) : null}
    </>
  );
}

export function KpiFigures(props: { kpi: KpiRow; measure: MeasureRow; current: string | null; status: KpiStatus; impact: ReturnType<typeof annualImpact> }) {
  const { kpi, measure, current, status, impact } = props;
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const num = (v: string | null) => measureValue(v, measure.unit);
  return (
    <>
      <section className="panel" aria-labelledby="figures-heading">
        <h3 id="figures-heading">{t('kpi.figures')}</h3>
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
        </div>
        {kpi.note ? <p>{kpi.note}</p> : null}
      </section>

      <section className="panel" aria-labelledby="impact-heading">
        <h3 id="impact-heading">{t('impact.title')}</h3>
        <ImpactSummary
          impact={impact}
          mode={kpi.impactMode}
          current={current}
          target={kpi.targetValue}
          trend={measure.trend}
          unit={measure.unit}
          impactType={measure.impactType}
          measureHref={`/w/${workspace.slug}/measures/${measure.id}`}
          currency={workspace.currency}
          locale={workspace.locale}
        />
      </section>
    </>
  );
}

export function DeleteKpi({ measureName, stageName }: { measureName: string; stageName: string }) {
  const { t } = useTranslation('measures');
  return (
    <section className="panel danger-zone" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('kpi.deleteTitle')}</h3>
      <p className="muted">{t('kpi.deleteLead')}</p>
      <Form
        method="post"
        preventScrollReset
        onSubmit={(event) => {
          if (!window.confirm(t('kpi.deleteConfirm', { name: measureName, stage: stageName }))) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger">
          {t('kpi.deleteKpi')}
        </button>
      </Form>
    </section>
  );
}
