// The figures below the what-if panel: the years, the KPI breakdown and the warnings.
import { useTranslation } from 'react-i18next';
import { WarningList, YearTable, type Money } from '~/components/projects/figures';
import { KpiBreakdown } from '~/components/projects/kpi-breakdown';
import type { BusinessCase, CaseWarning } from '~/domain/business-case';

export function CaseFigures({
  businessCase,
  warnings,
  lines,
  startDate,
  today,
  m,
}: {
  businessCase: BusinessCase;
  warnings: readonly CaseWarning[];
  lines: Parameters<typeof KpiBreakdown>[0]['lines'];
  startDate: string | null;
  today: string;
  m: Money;
}) {
  const { t } = useTranslation('projects');
  return (
    <>
      <section className="panel" aria-labelledby="years-heading">
        <h2 id="years-heading">{t('years.title')}</h2>
        <YearTable businessCase={businessCase} m={m} />
      </section>

      <section className="panel" aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">{t('breakdown.title')}</h2>
        <KpiBreakdown lines={lines} m={m} startDate={startDate} today={today} />
      </section>

      <section className="panel" aria-labelledby="warnings-heading">
        <h2 id="warnings-heading">{t('warnings.title')}</h2>
        <WarningList warnings={warnings} locale={m.locale} />
      </section>
    </>
  );
}
