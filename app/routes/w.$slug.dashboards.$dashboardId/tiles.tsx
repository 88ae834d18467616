// One measure of a dashboard: its name, its tools for editors (up, down, remove) and one tile per KPI
// of the measure (the map and stage it is measured at, latest value and date, target, status in
// words and colour, the trend line with its values as a table).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { KpiStatusChip } from '~/components/kpis/kpi-chip';
import { Sparkline } from '~/components/kpis/sparkline';
import { useMeasureValue } from '~/components/measures/unit';
import { ButtonForm } from '~/components/ui/button-form';
import { formatDate } from '~/lib/format';
import { DashboardMoveMeasureSchema, DashboardRemoveMeasureSchema } from '~/lib/schemas/dashboards';
import { useWorkspace } from '~/lib/workspace';
import type { loadDashboard } from '~/server/dashboards.server';

type DashboardMeasure = NonNullable<Awaited<ReturnType<typeof loadDashboard>>>['measures'][number];

export function MeasureTiles({
  measure: m,
  index,
  count,
  version,
  canEdit,
}: {
  measure: DashboardMeasure;
  index: number;
  count: number;
  version: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation('indicators');
  const { workspace } = useWorkspace();
  const value = useMeasureValue(workspace.currency, workspace.locale);
  const headingId = `measure-${m.id}-heading`;
  return (
    <section className="panel dashboard-measure" aria-labelledby={headingId}>
      <div className="dashboard-measure-head">
        <h2 id={headingId}>
          <Link to={`/w/${workspace.slug}/measures/${m.id}`}>{m.name}</Link>
          {m.archived ? <span className="muted small"> ({t('dashboards.archived')})</span> : null}
        </h2>
        {canEdit ? (
          <div className="dashboard-measure-tools">
            {index > 0 ? (
              <ButtonForm id={`up-${m.id}`} schema={DashboardMoveMeasureSchema} fields={{ intent: 'moveMeasure', version, measureId: m.id, direction: 'up' }}>
                <button type="submit" className="secondary small" aria-label={t('dashboards.moveUp', { name: m.name })}>
                  {t('dashboards.up')}
                </button>
              </ButtonForm>
            ) : null}
            {index < count - 1 ? (
              <ButtonForm
                id={`down-${m.id}`}
                schema={DashboardMoveMeasureSchema}
                fields={{ intent: 'moveMeasure', version, measureId: m.id, direction: 'down' }}
              >
                <button type="submit" className="secondary small" aria-label={t('dashboards.moveDown', { name: m.name })}>
                  {t('dashboards.down')}
                </button>
              </ButtonForm>
            ) : null}
            <ButtonForm id={`remove-${m.id}`} schema={DashboardRemoveMeasureSchema} fields={{ intent: 'removeMeasure', version, measureId: m.id }}>
              <button type="submit" className="secondary small" aria-label={t('dashboards.removeLabel', { name: m.name })}>
                {t('dashboards.remove')}
              </button>
            </ButtonForm>
          </div>
        ) : null}
      </div>
      {m.tiles.length === 0 ? (
        <p className="muted">{t('dashboards.tile.noKpi')}</p>
      ) : (
        <ul className="tiles">
          {m.tiles.map((tile) => {
            const values = tile.points.map((p) => p.value);
            return (
              <li key={tile.kpiId} className="tile" data-status={tile.status}>
                <h3>
                  {tile.mapName} › {tile.stageName}
                </h3>
                <dl>
                  <dt>{t('dashboards.tile.latest')}</dt>
                  <dd>
                    <strong>{value(tile.current, m.unit)}</strong>
                    {tile.currentDate ? (
                      <span className="muted small"> {t('dashboards.tile.asOf', { date: formatDate(tile.currentDate, workspace.locale) })}</span>
                    ) : null}
                  </dd>
                  <dt>{t('dashboards.tile.target')}</dt>
                  <dd>{tile.target !== null ? value(tile.target, m.unit) : <span className="muted">{t('dashboards.tile.none')}</span>}</dd>
                  <dt>{t('dashboards.tile.status')}</dt>
                  <dd>
                    <KpiStatusChip status={tile.status} />
                  </dd>
                </dl>
                <Sparkline
                  values={values}
                  width={200}
                  height={36}
                  label={t('dashboards.tile.trend', { values: values.map((v) => value(v, m.unit)).join(', ') })}
                />
                {tile.points.length > 1 ? (
                  <details>
                    <summary>{t('dashboards.tile.table')}</summary>
                    <table className="data">
                      <tbody>
                        {tile.points.map((p) => (
                          <tr key={p.date}>
                            <th scope="row">{formatDate(p.date, workspace.locale, 'short')}</th>
                            <td className="num">{value(p.value, m.unit)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                ) : null}
                <Link to={`/w/${workspace.slug}/maps/${tile.mapId}/kpis/${tile.kpiId}`} className="small">
                  {t('dashboards.tile.open')}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
