// How a measure's unit reads next to a number: "pts", "%", the workspace currency for 'currency',
// nothing for plain counts; free-text units as typed.
import { useTranslation } from 'react-i18next';
import { dec, toDecimalString } from '~/domain/decimal';
import { formatMoney } from '~/lib/format';

const KNOWN: Record<string, string> = { pts: 'pts', '%': 'percent', seconds: 'seconds', minutes: 'minutes', days: 'days' };

export function useUnitLabel(currency: string) {
  const { t } = useTranslation('measures');
  return (unit: string) => {
    if (unit === 'currency') return currency;
    if (unit === 'count') return '';
    const key = KNOWN[unit];
    return key ? t(`unitShort.${key}`) : unit;
  };
}

/** The unit in "… per pt": singular where the language has one. */
export function useUnitOne(currency: string) {
  const { t } = useTranslation('measures');
  return (unit: string) => {
    if (unit === 'currency') return currency;
    if (unit === 'count') return t('unitOne.count');
    const key = KNOWN[unit];
    return key ? t(`unitOne.${key}`) : unit;
  };
}

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
