// The summary's charts: benefit and cost of the first projects of the ranking plus one bar for all
// the others (the server aggregates them, so the page stays small), and the portfolio's cumulative
// cash flow (line). Chart.js is imported in an effect, with only the pieces these two charts use, so it stays
// out of the first load and out of every other route. The data tables beside the charts are the
// accessible (and no-JavaScript) version of the same figures.
//
// Printing: a canvas sized for the screen prints blank or stretched (Chart.js redraws it on the
// print layout's resize, too late for the page). So each chart is also drawn once, off screen, at
// the size it takes on an A4 landscape page and at twice the resolution, and kept as an image that
// only print shows. It is ready before anyone prints: no beforeprint timing to win, and a PDF made
// without print events (headless browsers, "Save as PDF") has the charts too.
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from './figures';
import { TableScroll } from '~/components/ui/table-scroll';

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

interface PrintImages {
  bars: string;
  line: string;
}

export function PortfolioChart({ bars: projects, years, m }: { bars: readonly ChartBar[]; years: readonly ChartYear[]; m: Money }) {
  const { t } = useTranslation('projects');
  const labels = useMemo(() => projects.map((bar) => bar.name ?? t('summary.chart.others', { count: bar.projectCount })), [projects, t]);
  const barsRef = useRef<HTMLCanvasElement>(null);
  const lineRef = useRef<HTMLCanvasElement>(null);
  const [printImages, setPrintImages] = useState<PrintImages | null>(null);

  useEffect(() => {
    let cancelled = false;
    const charts: { destroy: () => void }[] = [];
    void import('./chart-setup').then(({ Chart }) => {
      if (cancelled || !barsRef.current || !lineRef.current) return;
      const ticks = { callback: (value: string | number) => money(String(value), m) };
      const tooltip = {
        callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label}: ${money(String(c.parsed.y ?? 0), m)}` },
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
      charts.push(new Chart(barsRef.current, bars), new Chart(lineRef.current, line));

      // The printed copies: a detached canvas of the printed size, drawn once, kept as a PNG.
      const printImage = (config: ChartConfiguration) => {
        const canvas = document.createElement('canvas');
        canvas.width = PRINT_CHART.width;
        canvas.height = PRINT_CHART.height;
        const chart = new Chart(canvas, {
          ...config,
          options: {
            ...config.options,
            responsive: false,
            devicePixelRatio: PRINT_CHART.pixelRatio,
            plugins: { ...config.options?.plugins, tooltip: { enabled: false } },
          },
        });
        const url = chart.toBase64Image('image/png');
        chart.destroy();
        return url;
      };
      setPrintImages({ bars: printImage(bars), line: printImage(line) });
    });
    return () => {
      cancelled = true;
      for (const c of charts) c.destroy();
    };
  }, [projects, labels, years, m, t]);

  return (
    <div className="portfolio-charts">
      <figure>
        <div className="chart-box">
          <canvas ref={barsRef} role="img" aria-label={t('summary.chart.barsLabel')} />
        </div>
        {printImages ? (
          <img className="chart-print" src={printImages.bars} alt={t('summary.chart.barsLabel')} width={PRINT_CHART.width} height={PRINT_CHART.height} />
        ) : null}
        <figcaption>{t('summary.chart.barsCaption')}</figcaption>
        <details className="chart-data" open data-charted={printImages ? '' : undefined}>
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
        {printImages ? (
          <img className="chart-print" src={printImages.line} alt={t('summary.chart.lineLabel')} width={PRINT_CHART.width} height={PRINT_CHART.height} />
        ) : null}
        <figcaption>{t('summary.chart.lineCaption')}</figcaption>
        <details className="chart-data" open data-charted={printImages ? '' : undefined}>
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
