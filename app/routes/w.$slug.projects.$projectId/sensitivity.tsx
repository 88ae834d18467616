// Sensitivity of the base case: the tornado (chart and, as its accessible truth, a table) and the
// break-even reach of each linked KPI. Both follow the what-if and the scenarios as they are typed.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import { TornadoChart } from '~/components/projects/tornado-chart';
import { TableScroll } from '~/components/ui/table-scroll';
import type { BreakEven, KpiLineData, ScenarioAnalysis, TornadoBar } from '~/domain/business-case';
import { toFixedString } from '~/domain/decimal';
import { formatPercent } from '~/lib/format';

export function Sensitivity({ analysis, lines, m }: { analysis: ScenarioAnalysis; lines: readonly KpiLineData[]; m: Money }) {
  const { t } = useTranslation('projects');
  const kpiNames = useMemo(() => new Map(lines.map((l) => [l.kpiId, t('breakdown.kpiAt', { measure: l.measureName, stage: l.stageName })])), [lines, t]);
  const kpiName = (id: string | undefined, fallback = '') => (id ? (kpiNames.get(id) ?? fallback) : fallback);
  const barLabel = (b: TornadoBar) =>
    b.driver === 'kpiReach' ? t('tornado.driver.kpiReach', { kpi: kpiName(b.kpiId, b.label) }) : t(`tornado.driver.${b.driver}`);
  const { tornado, breakEvens } = analysis;
  const chartBars = useMemo(() => tornado.bars.map((b) => ({ label: barLabel(b), npvDown: b.npvDown, npvUp: b.npvUp })), [tornado, kpiNames]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <section className="panel" aria-labelledby="tornado-heading">
        <h2 id="tornado-heading">{t('tornado.title')}</h2>
        <p className="muted">{t('tornado.lead')}</p>
        <p>{t('tornado.base', { npv: money(tornado.baseNpv, m) })}</p>
        <TornadoChart baseNpv={tornado.baseNpv} bars={chartBars} m={m} />
        <TableScroll>
          <table className="data tornado-table">
            <caption>{t('tornado.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tornado.assumption')}</th>
                <th scope="col" className="num">
                  {t('tornado.down')}
                </th>
                <th scope="col" className="num">
                  {t('tornado.up')}
                </th>
                <th scope="col" className="num">
                  {t('tornado.swing')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tornado.bars.map((b, i) => (
                <tr key={b.kpiId ?? b.driver}>
                  <th scope="row">{chartBars[i]?.label ?? barLabel(b)}</th>
                  <td className="num">{money(b.npvDown, m)}</td>
                  <td className="num">{money(b.npvUp, m)}</td>
                  <td className="num">{money(b.swing, m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="panel" aria-labelledby="break-even-heading">
        <h2 id="break-even-heading">{t('breakEven.title')}</h2>
        <p className="muted">{t('breakEven.lead')}</p>
        {breakEvens.length === 0 ? (
          <p className="muted">{t('breakEven.none')}</p>
        ) : (
          <ul className="break-even-list">
            {breakEvens.map((b) => (
              <li key={b.kpiId}>{breakEvenSentence(b, kpiName(b.kpiId, b.label), m.locale, t)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function breakEvenSentence(b: BreakEven, kpi: string, locale: string, t: (key: string, options: Record<string, string>) => string) {
  // Reported to 0.1 %: the solver's tolerance is 0.01 point.
  const reach = b.reach === null ? '' : formatPercent(toFixedString(b.reach, 3), locale, 1);
  return t(`breakEven.${b.status}`, { kpi, reach });
}
