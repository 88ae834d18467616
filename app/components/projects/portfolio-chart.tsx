// The summary's charts: benefit and cost of the first projects of the ranking plus one bar for all
// the others (the server aggregates them, so the page stays small), and the portfolio's cumulative
// cash flow (line). Chart.js loads in its own chunk, with only the pieces these charts use, and a
// chart is drawn only when it comes near the viewport, once the browser is idle (use-chart.ts), so
// neither weighs on the first load nor on the hydration. The data tables beside the charts are the
// accessible (and no-JavaScript) version of the same figures.
//
// Printing: a canvas sized for the screen prints blank or stretched (Chart.js redraws it on the
// print layout's resize, too late for the page). So when the page is about to print, each chart is
// also drawn off screen at the size it takes on an A4 landscape page and at twice the resolution,
// and shown by print only as an image (usePrintImage, on `beforeprint` and the print media query).
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from './figures';
import { TableScroll } from '~/components/ui/table-scroll';
import { useChart, usePrintImage } from './use-chart';

/** A bar: one project, or (name null) the sum of the projects after the first ones. */
export interface ChartBar {
  key: string;
  name: string | null;
  projectCount: number;
  totalBenefit: string;
  totalCost: string;
}

export interface ChartYear {
  year: number;
  cumulative: string;
}

// Chart.js draws with floats; the figures are exact in the tables and only plotted here.
const plot = (x: string) => Number(x);

/** One chart's printed size, in CSS pixels: half the printable width of an A4 landscape page. */
const PRINT_CHART = { width: 500, height: 260, pixelRatio: 2 } as const;

export function PortfolioChart({ bars: projects, years, m }: { bars: readonly ChartBar[]; years: readonly ChartYear[]; m: Money }) {
  const { t } = useTranslation('projects');
  const labels = useMemo(() => projects.map((bar) => bar.name ?? t('summary.chart.others', { count: bar.projectCount })), [projects, t]);
  const barsRef = useRef<HTMLCanvasElement>(null);
  const lineRef = useRef<HTMLCanvasElement>(null);
  // Pages may pass a fresh Money object on every render: the charts depend on its values only.
  const { currency, locale, fractionDigits } = m;

  const [barsConfig, lineConfig] = useMemo(() => {
    const shown = { currency, locale, fractionDigits };
    const ticks = { callback: (value: string | number) => money(String(value), shown) };
    const tooltip = {
      callbacks: {
        label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label}: ${money(String(c.parsed.y ?? 0), shown)}`,
      },
    };
    const bars = {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('summary.chart.benefit'), data: projects.map((p) => plot(p.totalBenefit)), backgroundColor: '#2f7d5b' },
          { label: t('summary.chart.cost'), data: projects.map((p) => plot(p.totalCost)), backgroundColor: '#c0573e' },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { ticks } }, plugins: { tooltip } },
    } satisfies ChartConfiguration;
    const line = {
      type: 'line',
      data: {
        labels: years.map((y) => t('summary.chart.yearLabel', { year: y.year })),
        datasets: [
          {
            label: t('summary.chart.cumulative'),
            data: years.map((y) => plot(y.cumulative)),
            borderColor: '#3b5bdb',
            backgroundColor: '#3b5bdb',
            tension: 0,
          },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { ticks } }, plugins: { tooltip } },
    } satisfies ChartConfiguration;
    return [bars as ChartConfiguration, line as ChartConfiguration];
  }, [projects, labels, years, currency, locale, fractionDigits, t]);

  useChart(barsRef, barsConfig);
  useChart(lineRef, lineConfig);
  const printBars = usePrintImage(barsConfig, PRINT_CHART);
  const printLine = usePrintImage(lineConfig, PRINT_CHART);

  return (
    <div className="portfolio-charts">
      <figure>
        <div className="chart-box">
          <canvas ref={barsRef} role="img" aria-label={t('summary.chart.barsLabel')} />
        </div>
        {printBars ? (
          <img className="chart-print" src={printBars} alt={t('summary.chart.barsLabel')} width={PRINT_CHART.width} height={PRINT_CHART.height} />
        ) : null}
        <figcaption>{t('summary.chart.barsCaption')}</figcaption>
        <details className="chart-data" open data-charted={printBars ? '' : undefined}>
          <summary>{t('summary.chart.data')}</summary>
          <TableScroll>
            <table className="data">
              <caption className="visually-hidden">{t('summary.chart.barsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summary.ranking.project')}</th>
                  <th scope="col" className="num">
                    {t('summary.chart.benefit')}
                  </th>
                  <th scope="col" className="num">
                    {t('summary.chart.cost')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p, i) => (
                  <tr key={p.key}>
                    <th scope="row">{labels[i]}</th>
                    <td className="num">{money(p.totalBenefit, m)}</td>
                    <td className="num">{money(p.totalCost, m)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </figure>
      <figure>
        <div className="chart-box">
          <canvas ref={lineRef} role="img" aria-label={t('summary.chart.lineLabel')} />
        </div>
        {printLine ? (
          <img className="chart-print" src={printLine} alt={t('summary.chart.lineLabel')} width={PRINT_CHART.width} height={PRINT_CHART.height} />
        ) : null}
        <figcaption>{t('summary.chart.lineCaption')}</figcaption>
        <details className="chart-data" open data-charted={printLine ? '' : undefined}>
          <summary>{t('summary.chart.data')}</summary>
          <TableScroll>
            <table className="data">
              <caption className="visually-hidden">{t('summary.chart.lineCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('years.year')}</th>
                  <th scope="col" className="num">
                    {t('summary.chart.cumulative')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{money(y.cumulative, m)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </figure>
    </div>
  );
}
