// The tornado of a business case: one horizontal bar per assumption, from the base NPV to the NPV
// with that assumption at -20 % and at +20 %, biggest swing on top. Chart.js (the same pieces as the
// summary's charts) loads and draws when the chart comes near the viewport and the browser is idle
// (use-chart.ts), so it loads only on this page and after the hydration.
// The table below it is the accessible (and printed, and no-JavaScript) version of the same figures.
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from './figures';
import { useChart } from './use-chart';

export interface TornadoChartBar {
  label: string;
  npvDown: string;
  npvUp: string;
}

// Chart.js draws with floats; the figures are exact in the table and only plotted here.
const plot = (x: string) => Number(x);
/** Characters of an axis label: about one per 18 px of chart width (16 on a phone, 60 on a desktop). */
const shorten = (label: string, width: number) => {
  const max = Math.max(12, Math.floor(width / 18));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
};

export function TornadoChart({ baseNpv, bars, m }: { baseNpv: string; bars: readonly TornadoChartBar[]; m: Money }) {
  const { t } = useTranslation('projects');
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // Pages pass a fresh Money object on every render: the chart depends on its values only.
  const { currency, locale, fractionDigits } = m;
  const config = useMemo(() => {
    const m = { currency, locale, fractionDigits };
    const base = plot(baseNpv);
    const config = {
      type: 'bar',
      data: {
        labels: bars.map((b) => b.label),
        datasets: [
          { label: t('tornado.down'), data: bars.map((b) => [base, plot(b.npvDown)] as [number, number]), backgroundColor: '#c0573e' },
          { label: t('tornado.up'), data: bars.map((b) => [base, plot(b.npvUp)] as [number, number]), backgroundColor: '#2f7d5b' },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          // Whole currency units on the axis; the table has the cents.
          x: { ticks: { callback: (value: string | number) => money(String(value), { ...m, fractionDigits: 0 }) } },
          // Long KPI names are shortened on the axis (a phone has no room for them); the table has them whole.
          y: {
            stacked: true,
            ticks: { callback: (_value: string | number, index: number) => shorten(bars[index]?.label ?? '', canvasRef.current?.clientWidth ?? 600) },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c: { dataset: { label?: string }; raw: unknown }) => {
                const [, npv] = c.raw as [number, number];
                return `${c.dataset.label}: ${money(String(npv), m)}`;
              },
            },
          },
        },
      },
    } satisfies ChartConfiguration<'bar', [number, number][]>;
    return config as unknown as ChartConfiguration;
  }, [baseNpv, bars, currency, locale, fractionDigits, t]);
  useChart(canvasRef, config);

  return (
    <div className="chart-box tornado-box no-print" style={{ height: `${Math.max(160, 40 + bars.length * 36)}px` }}>
      <canvas ref={canvasRef} role="img" aria-label={t('tornado.chartLabel')} />
    </div>
  );
}
