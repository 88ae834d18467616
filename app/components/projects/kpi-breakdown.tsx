// The per-KPI breakdown of a business case, in words ("NPS at Onboarding: 32 -> 42 pts (+10) x
// 5,000 EUR/pt x 100 % = 50,000 EUR a year"), with the realised benefit since the project start.
import { useTranslation } from 'react-i18next';
import { dec } from '~/domain/decimal';
import type { KpiLine } from '~/domain/business-case';
import { formatDate, formatMoney, formatNumber, formatPercent } from '~/lib/format';
import { useMeasureValue, useUnitOne } from '~/components/measures/unit';
import type { Money } from './figures';
import { TableScroll } from '~/components/ui/table-scroll';

export type BreakdownLine = Omit<KpiLine, 'history'>;

function moneyFine(value: string, m: Money) {
  // Whole amounts without cents; values per unit such as 333.33 EUR/pt with them.
  return formatMoney(value, m.currency, m.locale, dec(value).mod(1).eq(0) ? 0 : 2);
}

function signed(value: string, locale: string) {
  const text = formatNumber(value, locale, 4);
  return value.startsWith('-') ? text : `+${text}`;
}

export function KpiSentence({ line, m }: { line: BreakdownLine; m: Money }) {
  const { t } = useTranslation('projects');
  const measureValue = useMeasureValue(m.currency, m.locale);
  const unitOne = useUnitOne(m.currency);
  const kpi = t('breakdown.kpiAt', { measure: line.measureName, stage: line.stageName });
  const share = formatPercent(line.share, m.locale, 1);
  if (line.impactMode === 'manual') {
    return line.impact === null ? (
      <>{t('breakdown.manualMissing', { kpi })}</>
    ) : (
      <>{t('breakdown.manual', { kpi, impact: moneyFine(line.impact, m), share, amount: moneyFine(line.contribution ?? '0', m) })}</>
    );
  }
  if (line.reason === 'no_financial_value') return <>{t('breakdown.noValue', { kpi })}</>;
  if (line.reason === 'missing_values' || line.current === null || line.target === null) return <>{t('breakdown.missing', { kpi })}</>;
  const current = formatNumber(line.current, m.locale, 4);
  // The unit once, after the target: "32 → 42 pts", "420 → 360 s", "8.5 → 7%".
  const target = measureValue(line.target, line.unit, { maximumFractionDigits: 4 });
  if (line.reason === 'target_not_improvement') return <>{t('breakdown.notImprovement', { kpi, current, target })}</>;
  return (
    <>
      {t('breakdown.auto', {
        kpi,
        current,
        target,
        unitOne: unitOne(line.unit),
        delta: signed(line.delta ?? '0', m.locale),
        vpu: moneyFine(line.vpu ?? '0', m),
        share,
        amount: moneyFine(line.contribution ?? '0', m),
      })}
      {line.trend === 'down' ? <span className="muted"> {t('breakdown.lowerIsBetter')}</span> : null}
    </>
  );
}

export function RealisedText({ line, m, startDate, today }: { line: BreakdownLine; m: Money; startDate: string | null; today: string }) {
  const { t } = useTranslation('projects');
  const measureValue = useMeasureValue(m.currency, m.locale);
  const r = line.realised;
  if (!startDate) return <span className="muted">{t('realised.noStart')}</span>;
  if (startDate > today) return <span className="muted">{t('realised.notStarted', { date: formatDate(startDate, m.locale) })}</span>;
  if (!r || r.baseline === null || r.current === null) return <span className="muted">{t('realised.noBaseline')}</span>;
  const units = r.units ?? '0';
  const withUnit = (v: string) => measureValue(v, line.unit, { maximumFractionDigits: 4 });
  return (
    <span>
      {t('realised.moved', {
        baseline: withUnit(r.baseline),
        current: withUnit(r.current),
        date: formatDate(startDate, m.locale),
      })}{' '}
      {r.amount !== null ? <strong>{t('realised.amount', { amount: moneyFine(r.amount, m) })}</strong> : <span className="muted">{t('realised.noValue')}</span>}{' '}
      <span className={`chip ${dec(units).gt(0) ? 'good' : dec(units).lt(0) ? 'bad' : 'neutral'}`}>
        {dec(units).gt(0) ? t('realised.better') : dec(units).lt(0) ? t('realised.worse') : t('realised.unchanged')}
      </span>
    </span>
  );
}

export function KpiBreakdown({ lines, m, startDate, today }: { lines: readonly BreakdownLine[]; m: Money; startDate: string | null; today: string }) {
  const { t } = useTranslation('projects');
  if (lines.length === 0) return <p className="muted">{t('breakdown.empty')}</p>;
  return (
    <TableScroll>
      <table className="data breakdown">
        <thead>
          <tr>
            <th scope="col">{t('breakdown.plan')}</th>
            <th scope="col">{t('breakdown.realised')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.kpiId}>
              <td>
                <KpiSentence line={line} m={m} />
                <div className="muted small">{line.mapName}</div>
              </td>
              <td>
                <RealisedText line={line} m={m} startDate={startDate} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
