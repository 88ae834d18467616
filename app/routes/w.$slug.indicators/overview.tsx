// Above the plan: how many measures each HEART band holds (every page of the filtered plan), and what
// is still to complete (no category, no owner, no financial value), in words.
import { useTranslation } from 'react-i18next';
import { HEART_BANDS, MEASURE_FLAGS } from '~/domain/indicator-plan';
import type { IndicatorPlan } from '~/server/indicators.server';

export function PlanOverview({ counts }: { counts: IndicatorPlan['counts'] }) {
  const { t } = useTranslation('indicators');
  const { t: tm } = useTranslation('measures');
  const flagged = MEASURE_FLAGS.filter((f) => counts.flags[f] > 0);
  return (
    <section className="panel plan-overview" aria-labelledby="plan-overview-heading">
      <h2 id="plan-overview-heading">{t('plan.count', { count: counts.total })}</h2>
      <div className="plan-overview-grid">
        <div>
          <h3>{t('plan.bands')}</h3>
          <dl className="plan-bands">
            {HEART_BANDS.map((band) => (
              <div key={band} data-band={band}>
                <dt>{band === 'none' ? t('plan.none') : tm(`heart.${band}`)}</dt>
                <dd>{counts.bands[band] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{t('plan.flagsTitle')}</h3>
          {flagged.length === 0 ? (
            <p className="muted">{t('plan.flagsNone')}</p>
          ) : (
            <ul className="plan-flag-counts">
              {flagged.map((f) => (
                <li key={f}>
                  <span aria-hidden="true">⚠ </span>
                  {t(`plan.flagCount.${f}`, { count: counts.flags[f] })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
