// The value/effort matrix of the prioritisation page: one bubble per project, total cost across,
// value (NPV or run-rate benefit) up, size by confidence or weighted score, and the status shown
// three ways: colour, shape and, in the text legend beside the chart, words. Chart.js is imported
// in an effect with only the bubble pieces, so it stays out of the first load and of every other
// page. The server sends only the largest bubbles; the table on the page is the accessible (and
// no-JavaScript) form of the same figures.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '~/domain/vocabulary';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { formatNumber, formatPercent } from '~/lib/format';
import { money, type Money } from '~/components/projects/figures';

export interface MatrixBubble {
  id: string;
  name: string;
  status: ProjectStatus;
  cost: string;
  value: string;
  /** Fraction, '0.8'. */
  confidence: string;
  /** 0-100, or null when the project has no score. */
  score: string | null;
}

export type BubbleSizeBy = 'confidence' | 'score';

/** Colour, Chart.js point shape and the same shape as a character for the text legend. */
/** Chart.js point styles used here (its PointStyle type also takes images, too deep for tsc in a dataset). */
type Shape = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot';

export const STATUS_MARKS: Record<ProjectStatus, { colour: string; shape: Shape; glyph: string }> = {
  idea: { colour: '#5b6770', shape: 'circle', glyph: '●' },
  planned: { colour: '#3b5bdb', shape: 'rect', glyph: '■' },
  in_progress: { colour: '#a35f00', shape: 'triangle', glyph: '▲' },
  delivered: { colour: '#1e7a4c', shape: 'rectRot', glyph: '◆' },
  cancelled: { colour: '#b42318', shape: 'crossRot', glyph: '✕' },
};

const MIN_RADIUS = 5;
const MAX_EXTRA = 15;

/** Radius in pixels: 5 to 20 by confidence (0-100 %) or score (0-100); the smallest without a score. */
export function bubbleRadius(bubble: MatrixBubble, sizeBy: BubbleSizeBy): number {
  const share = sizeBy === 'confidence' ? Number(bubble.confidence) : bubble.score === null ? 0 : Number(bubble.score) / 100;
  return MIN_RADIUS + MAX_EXTRA * Math.min(1, Math.max(0, share));
}

// Chart.js draws with floats; the exact figures are in the table.
const plot = (x: string) => Number(x);

interface BubblePoint {
  x: number;
  y: number;
  r: number;
  name: string;
  bubble: MatrixBubble;
}

const shorten = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

/** Each bubble's project name beside it, when the chart is wide enough for names to be read. */
const nameLabels: Plugin<'bubble'> = {
  id: 'parcoursNames',
  afterDatasetsDraw(chart) {
    if (chart.width < 480) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#17232b';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((element, j) => {
        const point = dataset.data[j] as { r: number; name?: string } | undefined;
        if (!point?.name) return;
        // Beside the bubble, on its left when the name would run past the plot's right edge.
        const text = shorten(point.name);
        const right = element.x + point.r + 4 + ctx.measureText(text).width <= chart.chartArea.right;
        ctx.textAlign = right ? 'left' : 'right';
        ctx.fillText(text, right ? element.x + point.r + 4 : element.x - point.r - 4, element.y);
      });
    });
    ctx.restore();
  },
};

export function ValueEffortMatrix({
  bubbles,
  sizeBy,
  valueLabel,
  sizeLabel,
  m,
}: {
  bubbles: readonly MatrixBubble[];
  sizeBy: BubbleSizeBy;
  valueLabel: string;
  sizeLabel: string;
  m: Money;
}) {
  const { t } = useTranslation('priorities');
  const { t: tc } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let chart: { destroy: () => void } | null = null;
    void import('./bubble-setup').then(({ Chart }) => {
      if (cancelled || !canvasRef.current) return;
      const compact = new Intl.NumberFormat(m.locale, { style: 'currency', currency: m.currency, notation: 'compact', maximumFractionDigits: 1 });
      const ticks = { callback: (value: string | number) => compact.format(Number(value)) };
      const statusName = (status: ProjectStatus): string => tc(`projectStatus.${status}`);
      const costAxis: string = t('matrix.costAxis');
      const sizeText = (b: MatrixBubble): string =>
        sizeBy === 'confidence' ? formatPercent(b.confidence, m.locale, 0) : b.score === null ? t('table.noScore') : formatNumber(b.score, m.locale, 1);
      const config: ChartConfiguration<'bubble', BubblePoint[]> = {
        type: 'bubble',
        data: {
          datasets: PROJECT_STATUSES.filter((s) => bubbles.some((b) => b.status === s)).map((status) => {
            const mark = STATUS_MARKS[status];
            return {
              label: statusName(status),
              data: bubbles
                .filter((b) => b.status === status)
                .map((b): BubblePoint => ({ x: plot(b.cost), y: plot(b.value), r: bubbleRadius(b, sizeBy), name: b.name, bubble: b })),
              pointStyle: mark.shape,
              backgroundColor: `${mark.colour}99`,
              borderColor: mark.colour,
              borderWidth: 2,
            };
          }),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          layout: { padding: { right: 8, top: 8 } },
          scales: {
            x: { title: { display: true, text: costAxis }, ticks, grace: '5%', beginAtZero: true },
            y: { title: { display: true, text: valueLabel }, ticks, grace: '5%', beginAtZero: true },
          },
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: (items: { raw: unknown }[]) => (items[0]?.raw as BubblePoint | undefined)?.name ?? '',
                label: (item: { raw: unknown }) => {
                  const b = (item.raw as BubblePoint).bubble;
                  return [statusName(b.status), `${costAxis}: ${money(b.cost, m)}`, `${valueLabel}: ${money(b.value, m)}`, `${sizeLabel}: ${sizeText(b)}`];
                },
              },
            },
          },
        },
        plugins: [nameLabels],
      };
      chart = new Chart<'bubble', BubblePoint[]>(canvasRef.current, config);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [bubbles, sizeBy, valueLabel, sizeLabel, m, t, tc]);

  const shown = PROJECT_STATUSES.filter((s) => bubbles.some((b) => b.status === s));
  return (
    <figure className="matrix">
      <div className="matrix-box">
        <canvas ref={canvasRef} role="img" aria-label={t('matrix.label', { count: bubbles.length, value: valueLabel, size: sizeLabel })} />
      </div>
      <figcaption>
        <p>{t('matrix.caption', { value: valueLabel, size: sizeLabel })}</p>
        <ul className="matrix-legend" aria-label={t('matrix.legend')}>
          {shown.map((status) => (
            <li key={status}>
              <span className="matrix-glyph" aria-hidden="true" style={{ color: STATUS_MARKS[status].colour }}>
                {STATUS_MARKS[status].glyph}
              </span>{' '}
              {tc(`projectStatus.${status}`)} <span className="muted">({t(`matrix.shapes.${status}`)})</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
