// How a measure's unit reads next to a number: "pts", "%", the workspace currency for 'currency',
// nothing for plain counts; free-text units as typed.
import { useTranslation } from 'react-i18next';

const KNOWN: Record<string, string> = { pts: 'pts', '%': 'percent', seconds: 'seconds', minutes: 'minutes', days: 'days' };

export function useUnitLabel(currency: string) {
  const { t } = useTranslation('measures');
  return (unit: string) => {
    if (unit === 'currency') return currency;
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
