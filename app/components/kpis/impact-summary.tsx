// The annual financial impact of a KPI with its formula in words, e.g.
// "(42 − 32) pts × 5,000 € per pt = 50,000 € a year"; lower-is-better measures read
// "(current − target)". The numbers come from annualImpact (app/domain/kpi.ts).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { AnnualImpact } from '~/domain/kpi';
import type { ImpactMode, ImpactType, Trend } from '~/domain/vocabulary';
import { formatMoney, formatNumber } from '~/lib/format';
import { formatPerUnit, useMeasureValue, useUnitLabel, useUnitOne } from '~/components/measures/unit';

export function ImpactSummary({
  impact,
  mode,
  current,
  target,
  trend,
  unit,
  impactType,
  measureHref,
  currency,
  locale,
}: {
  impact: AnnualImpact;
  mode: ImpactMode;
  current: string | null;
  target: string | null;
  trend: Trend;
  unit: string;
  impactType: ImpactType;
  measureHref: string;
  currency: string;
  locale: string;
}) {
  const { t } = useTranslation('measures');
  const unitLabel = useUnitLabel(currency);
  const measureValue = useMeasureValue(currency, locale);
  const unitOne = useUnitOne(currency);
  const money = (v: string) => formatMoney(v, currency, locale);
  const n = (v: string) => formatNumber(v, locale);
  let sentence: React.ReactNode;
  if (mode === 'manual') {
    sentence = impact.amount !== null ? t('impact.manualSentence', { amount: money(impact.amount) }) : t('impact.manualMissing');
  } else if (impact.reason === 'no_financial_value') {
    sentence = (
      <>
        {t('impact.noValue')} <Link to={measureHref}>{t('impact.setValue')}</Link>
      </>
    );
  } else if (impact.reason === 'missing_values') {
    sentence = t('impact.missingValues');
  } else if (impact.reason === 'target_not_improvement') {
    sentence = t('impact.noGap', { gap: measureValue(impact.gap ?? '0', unit) });
  } else if (impact.amount !== null && current !== null && target !== null && impact.vpu !== null) {
    const [a, b] = trend === 'up' ? [target, current] : [current, target];
    sentence = t('impact.formula', {
      a: n(a),
      b: n(b),
      unit: unitLabel(unit),
      vpu: formatPerUnit(impact.vpu, currency, locale),
      per: unitOne(unit),
      amount: money(impact.amount),
    });
  }
  return (
    <div>
      {impact.amount !== null && impact.reason !== 'target_not_improvement' ? (
        <p className="stat" data-testid="kpi-impact">
          {t('impact.perYear', { amount: money(impact.amount) })} <span className="muted small">{t(`impactType.${impactType}`)}</span>
        </p>
      ) : null}
      <p className="impact-formula">{sentence}</p>
      <p className="muted small">{mode === 'auto' ? t('impact.autoHint') : t('impact.manualHint')}</p>
    </div>
  );
}
