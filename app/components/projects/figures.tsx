// Read-only pieces of a business case: headline figures, the year-by-year table, the warnings and
// small formatting helpers. All amounts arrive as exact decimal strings from the domain code.
import { useTranslation } from 'react-i18next';
import type { BusinessCase, CaseWarning } from '~/domain/business-case';
import { toFixedString } from '~/domain/decimal';
import { formatMoney, formatNumber, formatPercent } from '~/lib/format';
import { TableScroll } from '~/components/ui/table-scroll';

export interface Money {
  currency: string;
  locale: string;
  /** Cents or not (default: whole currency units). */
  fractionDigits?: number;
}

export function money(value: string | null, m: Money) {
  return value === null ? '—' : formatMoney(value, m.currency, m.locale, m.fractionDigits ?? 0);
}

const inMonths = new Map<string, Intl.NumberFormat>();
/** "13.0 months" / "13,0 mois": Intl's month unit, with exactly one decimal, in one language. */
function formatMonths(value: string, locale: string) {
  let format = inMonths.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    inMonths.set(locale, format);
  }
  return format.format(value as unknown as number);
}

/** ROI and similar ratios: "not applicable" rather than Infinity or NaN. */
export function useRatio() {
  const { t } = useTranslation('projects');
  return (value: string | null, locale: string) => (value === null ? t('figures.notApplicable') : formatPercent(value, locale, 1));
}

/** "13.0 months" / "13,0 mois": a phrase of the reader's language, its number written the same way. */
export function usePayback() {
  const { t, i18n } = useTranslation('projects');
  return (months: string | null) => (months === null ? t('figures.notWithinHorizon') : formatMonths(toFixedString(months, 1), i18n.language));
}

export function Headline({ businessCase, m }: { businessCase: BusinessCase; m: Money }) {
  const { t } = useTranslation('projects');
  const ratio = useRatio();
  const payback = usePayback();
  const items: [string, string, string?][] = [
    [t('figures.runRate'), money(businessCase.runRateBenefit, m)],
    [t('figures.totalBenefit'), money(businessCase.totalBenefit, m)],
    [t('figures.totalCost'), money(businessCase.totalCost, m)],
    [t('figures.netBenefit'), money(businessCase.netBenefit, m)],
    [t('figures.roi'), ratio(businessCase.roi, m.locale)],
    [t('figures.pvBenefit'), money(businessCase.pvBenefit, m)],
    [t('figures.pvCost'), money(businessCase.pvCost, m)],
    [t('figures.npv'), money(businessCase.npv, m), 'npv'],
    [t('figures.roiPv'), ratio(businessCase.roiPv, m.locale)],
    [t('figures.payback'), payback(businessCase.paybackMonths)],
  ];
  return (
    <dl className="headline-figures" aria-live="polite">
      {items.map(([label, value, key]) => (
        <div key={label} className={key === 'npv' ? 'figure emphasis' : 'figure'}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function YearTable({ businessCase, m }: { businessCase: BusinessCase; m: Money }) {
  const { t } = useTranslation('projects');
  return (
    <TableScroll>
      <table className="data year-table">
        <caption className="visually-hidden">{t('years.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('years.year')}</th>
            <th scope="col" className="num">
              {t('years.benefit')}
            </th>
            <th scope="col" className="num">
              {t('years.cost')}
            </th>
            <th scope="col" className="num">
              {t('years.net')}
            </th>
            <th scope="col" className="num">
              {t('years.cumulative')}
            </th>
            <th scope="col" className="num">
              {t('years.discountFactor')}
            </th>
            <th scope="col" className="num">
              {t('years.discountedNet')}
            </th>
          </tr>
        </thead>
        <tbody>
          {businessCase.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{money(y.benefit, m)}</td>
              <td className="num">{money(y.cost, m)}</td>
              <td className="num">{money(y.net, m)}</td>
              <td className="num">{money(y.cumulative, m)}</td>
              <td className="num">{formatNumber(toFixedString(y.discountFactor, 4), m.locale, 4)}</td>
              <td className="num">{money(y.discountedNet, m)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('years.total')}</th>
            <td className="num">{money(businessCase.totalBenefit, m)}</td>
            <td className="num">{money(businessCase.totalCost, m)}</td>
            <td className="num">{money(businessCase.netBenefit, m)}</td>
            <td />
            <td />
            <td className="num">{money(businessCase.npv, m)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function WarningList({ warnings, locale }: { warnings: readonly CaseWarning[]; locale: string }) {
  const { t } = useTranslation('projects');
  if (warnings.length === 0) return <p className="muted">{t('warnings.none')}</p>;
  return (
    <ul className="warning-list">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.kpiId ?? i}`}>
          <span className="chip warn">{t(`warnings.chip.${w.code}`)}</span>{' '}
          {t(`warnings.${w.code}`, {
            kpi: w.measureName ? t('breakdown.kpiAt', { measure: w.measureName, stage: w.stageName }) : '',
            total: w.totalShare ? formatPercent(w.totalShare, locale, 1) : '',
            count: w.count ?? 0,
          })}
        </li>
      ))}
    </ul>
  );
}

export function StatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === 'delivered' ? 'good' : status === 'cancelled' ? 'bad' : status === 'in_progress' ? 'warn' : 'neutral';
  return <span className={`chip ${tone}`}>{t(`projectStatus.${status}`)}</span>;
}
