// "Planned vs realised": cumulative planned and cumulative realised benefit by month (a line chart),
// with the same figures month by month in a table, which is also what a reader without JavaScript
// or a screen-reader user gets. Chart.js loads in its own chunk (chart-setup.ts) when the chart comes
// near the viewport and the browser is idle (use-chart.ts), so only the pages that show this chart
// load it, after their hydration. Printing uses an image drawn at the printed size when the page is
// about to print, as portfolio-chart.tsx explains.
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesMonth } from '~/domain/business-case';
import { formatMonth } from '~/lib/format';
import { TableScroll } from '~/components/ui/table-scroll';
import { money, type Money } from './figures';
import { useChart, usePrintImage } from './use-chart';

export type RealisedMonth = Pick<SeriesMonth, 'period' | 'planned' | 'realised' | 'cumulativePlanned' | 'cumulativeRealised'>;

// Chart.js draws with floats; the figures are exact in the table and only plotted here.
const plot = (x: string) => Number(x);

const PRINT_CHART = { width: 700, height: 280, pixelRatio: 2 } as const;

const PLANNED_COLOUR = '#6b7280';
const REALISED_COLOUR = '#2f7d5b';

export function RealisedChart({ months, m, caption }: { months: readonly RealisedMonth[]; m: Money; caption: string }) {
  const { t } = useTranslation('projects');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Pages pass a fresh Money object on every render: the chart depends on its values only.
  const { currency, locale } = m;

  const config = useMemo(() => {
    const whole = { currency, locale, fractionDigits: 0 };
    const config = {
      type: 'line',
      data: {
        labels: months.map((row) => formatMonth(row.period, locale)),
        datasets: [
          {
            label: t('realisedValue.cumulativePlanned'),
            data: months.map((row) => plot(row.cumulativePlanned)),
            borderColor: PLANNED_COLOUR,
            backgroundColor: PLANNED_COLOUR,
            // Dashed: the plan reads apart from reality without its colour.
            borderDash: [6, 4],
            tension: 0,
          },
          {
            label: t('realisedValue.cumulativeRealised'),
            data: months.map((row) => plot(row.cumulativeRealised)),
            borderColor: REALISED_COLOUR,
            backgroundColor: REALISED_COLOUR,
            tension: 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { ticks: { callback: (value: string | number) => money(String(value), whole) } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label}: ${money(String(c.parsed.y ?? 0), whole)}`,
            },
          },
        },
      },
    } satisfies ChartConfiguration;
    return config as ChartConfiguration;
  }, [months, currency, locale, t]);
  useChart(canvasRef, config);
  const printImage = usePrintImage(config, PRINT_CHART);

  return (
    <figure className="realised-chart">
      <div className="chart-box">
        <canvas ref={canvasRef} role="img" aria-label={t('realisedValue.chartLabel')} />
      </div>
      {printImage ? (
        <img className="chart-print" src={printImage} alt={t('realisedValue.chartLabel')} width={PRINT_CHART.width} height={PRINT_CHART.height} />
      ) : null}
      <figcaption>{caption}</figcaption>
      <details className="chart-data" open data-charted={printImage ? '' : undefined}>
        <summary>{t('realisedValue.data')}</summary>
        <TableScroll>
          <table className="data realised-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('realisedValue.month')}</th>
                <th scope="col" className="num">
                  {t('realisedValue.planned')}
                </th>
                <th scope="col" className="num">
                  {t('realisedValue.realised')}
                </th>
                <th scope="col" className="num">
                  {t('realisedValue.cumulativePlanned')}
                </th>
                <th scope="col" className="num">
                  {t('realisedValue.cumulativeRealised')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((row) => (
                <tr key={row.period}>
                  <th scope="row">{formatMonth(row.period, m.locale)}</th>
                  <td className="num">{money(row.planned, m)}</td>
                  <td className="num">{money(row.realised, m)}</td>
                  <td className="num">{money(row.cumulativePlanned, m)}</td>
                  <td className="num">{money(row.cumulativeRealised, m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
