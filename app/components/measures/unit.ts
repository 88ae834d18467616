// How a measure's unit reads: Intl's own unit names where it has them (%, seconds, minutes, hours,
// days: "12 s", "12 secondes"), the interface's labels for the others ("pts", the workspace currency
// for 'currency', nothing for plain counts), free-text units as typed. A value with its unit is
// written the workspace's way, like every number; a unit on its own is a word of the reader's language.
import { useTranslation } from 'react-i18next';
import { dec, toDecimalString } from '~/domain/decimal';
import { formatMoney, formatNumber, formatUnit, intlUnitOf, intlUnitName, type UnitDisplay } from '~/lib/format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The unit formatters for a reader's language (t, language) and a workspace (currency, locale).
 * Pure, so that they are tested without React; the hooks below bind them. */
export function unitFormatters({ t, language, currency, locale }: { t: Translate; language: string; currency: string; locale: string }) {
  /** The label of a unit next to numbers ("s", "%", "pts", "EUR"); '' for plain counts. */
  const label = (unit: string, display: UnitDisplay = 'short') => {
    const intl = intlUnitOf(unit);
    if (intl) return intlUnitName(intl, language, display);
    if (unit === 'currency') return currency;
    if (unit === 'count') return '';
    if (unit === 'pts') return t('unitShort.pts');
    return unit;
  };
  /** The unit in "… per pt": singular ("per second", "par jour"; a percentage point is a "pt"). */
  const one = (unit: string) => {
    if (unit === '%') return t('unitOne.percent');
    const intl = intlUnitOf(unit);
    if (intl) return intlUnitName(intl, language, 'long', 1);
    if (unit === 'currency') return currency;
    if (unit === 'count') return t('unitOne.count');
    if (unit === 'pts') return t('unitOne.pts');
    return unit;
  };
  /** A measure's value with its unit, in the workspace's locale: "420 s", "8,5 %", "32 pts", "1 850". */
  const value = (amount: string | null, unit: string, options: { display?: UnitDisplay; maximumFractionDigits?: number } = {}) => {
    if (amount === null) return '—';
    const { display = 'short', maximumFractionDigits = 2 } = options;
    const intl = intlUnitOf(unit);
    if (intl) return formatUnit(amount, intl, locale, display, maximumFractionDigits);
    const text = label(unit, display);
    const number = formatNumber(amount, locale, maximumFractionDigits);
    return text ? `${number}\u00a0${text}` : number;
  };
  return { label, one, value };
}

function useUnitFormatters(currency: string, locale?: string) {
  const { t, i18n } = useTranslation('measures');
  return unitFormatters({ t, language: i18n.language, currency, locale: locale ?? i18n.language });
}

export const useUnitLabel = (currency: string) => useUnitFormatters(currency).label;
export const useUnitOne = (currency: string) => useUnitFormatters(currency).one;
export const useMeasureValue = (currency: string, locale: string) => useUnitFormatters(currency, locale).value;

/** Money per unit: cents only when there are some ("5 000 €", "0,50 €"). */
export function formatPerUnit(value: string, currency: string, locale: string) {
  const whole = dec(value).eq(dec(value).round(0));
  return formatMoney(value, currency, locale, whole ? 0 : 2);
}

/** A stored decimal as a person of this locale types it back ("8,5" in French). */
export function decimalForInput(value: string | null | undefined, locale: string) {
  if (value === null || value === undefined) return undefined;
  const plain = toDecimalString(value);
  return locale === 'fr' ? plain.replace('.', ',') : plain;
}
