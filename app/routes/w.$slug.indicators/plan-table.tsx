// The cross-section itself: one row group per HEART band (the band's name on the left), each measure's
// GSM goal -> signal -> metric in the centre, its financial value, owner and finance view on the
// right. What a measure lacks is said in words beside its name, not by colour alone.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPerUnit, useMeasureValue, useUnitOne } from '~/components/measures/unit';
import { groupByHeartBand } from '~/domain/indicator-plan';
import { valuePerUnit } from '~/domain/kpi';
import { formatMoney, formatNumber } from '~/lib/format';
import { useWorkspace } from '~/lib/workspace';
import type { IndicatorPlan } from '~/server/indicators.server';

type PlanMeasure = IndicatorPlan['measures'][number];

export function PlanTable({ measures, total }: { measures: readonly PlanMeasure[]; total: number }) {
  const { t } = useTranslation('indicators');
  const { t: tm } = useTranslation('measures');
  const bands = groupByHeartBand(measures);
  return (
    <section className="panel" aria-labelledby="plan-table-heading">
      <h2 id="plan-table-heading" className="visually-hidden">
        {t('plan.caption')}
      </h2>
      <div className="plan-scroll">
        <table className="data plan-table">
          <caption className="visually-hidden">
            {t('plan.caption')} ({t('plan.count', { count: total })})
          </caption>
          <thead>
            <tr className="plan-sides">
              <th scope="col" className="side-heart">
                {t('plan.heart')}
              </th>
              <th scope="colgroup" colSpan={3} className="side-gsm">
                {t('plan.gsm')}
              </th>
              <th scope="colgroup" colSpan={3} className="side-finance">
                {t('plan.finance')}
              </th>
            </tr>
            <tr>
              <td className="side-heart" />
              <th scope="col">{t('plan.goal')}</th>
              <th scope="col">{t('plan.signal')}</th>
              <th scope="col">{t('plan.metric')}</th>
              <th scope="col">{t('plan.value')}</th>
              <th scope="col">{t('plan.owner')}</th>
              <th scope="col">{t('plan.atStakeHead')}</th>
            </tr>
          </thead>
          {bands.map(({ band, rows }) => (
            <tbody key={band} data-band={band}>
              {rows.map((m, i) => (
                <PlanRow
                  key={m.id}
                  measure={m}
                  band={
                    i === 0 ? (
                      <th scope="rowgroup" rowSpan={rows.length} className="band">
                        {band === 'none' ? t('plan.none') : tm(`heart.${band}`)}
                      </th>
                    ) : null
                  }
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

function PlanRow({ measure: m, band }: { measure: PlanMeasure; band: ReactNode }) {
  const { t } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const unitOne = useUnitOne(workspace.currency);
  const measureValue = useMeasureValue(workspace.currency, workspace.locale);
  const money = (v: string) => formatMoney(v, workspace.currency, workspace.locale);
  const vpu = valuePerUnit(m.valueAmount, m.valueStep);
  const notSet = <span className="muted">{t('plan.notSet')}</span>;
  const f = m.finance;
  return (
    <tr>
      {band}
      <td data-label={t('plan.goal')}>{m.gsmGoal ?? notSet}</td>
      <td data-label={t('plan.signal')}>{m.gsmSignal ?? notSet}</td>
      <td className="metric" data-label={t('plan.metric')}>
        <Link to={`/w/${workspace.slug}/measures/${m.id}`}>{m.name}</Link>
        {m.family ? <div className="muted small">{tm(`family.${m.family}`)}</div> : null}
        {m.flags.length ? (
          <p className="plan-flags">
            <span className="visually-hidden">
              {t('plan.flagsLabel')}
              {tc('punctuation.colon')}{' '}
            </span>
            {m.flags.map((flag) => (
              <span key={flag} className="chip warn">
                <span aria-hidden="true">⚠ </span>
                {t(`plan.flag.${flag}`)}
              </span>
            ))}
          </p>
        ) : null}
      </td>
      <td data-label={t('plan.value')}>
        {vpu !== null ? (
          <>
            {t('plan.perStep', {
              amount: money(m.valueAmount!),
              step: m.unit === 'count' ? formatNumber(m.valueStep!, workspace.locale) : measureValue(m.valueStep, m.unit),
            })}
            <div className="muted small">
              {t('plan.vpu', { amount: formatPerUnit(vpu, workspace.currency, workspace.locale), unit: unitOne(m.unit) })} · {tm(`impactType.${m.impactType}`)}
            </div>
          </>
        ) : (
          notSet
        )}
      </td>
      <td data-label={t('plan.owner')}>{m.ownerId ? (m.ownerName ?? notSet) : notSet}</td>
      <td className="finance" data-label={t('plan.atStakeHead')}>
        {f.kpiCount === 0 ? (
          <span className="muted">{t('plan.noKpi')}</span>
        ) : (
          <>
            <div>{f.atStake !== null ? <strong>{t('plan.atStake', { amount: money(f.atStake) })}</strong> : t('plan.atStakeNone')}</div>
            {f.planned !== null && f.planned !== '0' ? <div className="small">{t('plan.planned', { amount: money(f.planned) })}</div> : null}
            <div className="muted small">
              {t('plan.kpis', { count: f.kpiCount })}
              {f.unvalued ? ` · ${t('plan.unvalued', { count: f.unvalued })}` : null}
            </div>
          </>
        )}
      </td>
    </tr>
  );
}
