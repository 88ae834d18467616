// Drawing the charts without weighing on the page's start. Profiled (Lighthouse mobile, the summary):
// the charts were drawn in the hydration's effects and each one also drew its printed copy off screen
// and encoded it as a PNG straight away, ~400 ms of long tasks in the chart chunk on a throttled
// phone, nearly all of the page's blocking time. So:
// - a chart is drawn only once its canvas comes near the viewport, and then when the browser is idle
//   (chart.js, in its own chunk, loads at that moment, not before);
// - the printed copy (an image drawn at the printed size, see portfolio-chart.tsx) is made only when
//   the page is about to print: `beforeprint` (the print dialog and headless printToPDF alike) or the
//   print media query (emulated print media), rendered inside the event with flushSync, the pattern
//   of components/journey/map-print.tsx. The Print buttons load chart.js first (`loadCharts`), so the
//   copy is drawn synchronously there; a keyboard print before chart.js ever loaded prints the data
//   tables instead, as without JavaScript.
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** What chart-setup.ts exports. */
interface ChartModule {
  Chart: typeof ChartInstance;
}

let loaded: ChartModule | null = null;
let loading: Promise<ChartModule> | null = null;

/** Chart.js with the pieces the charts use, loaded once (its own chunk). */
export function loadCharts(): Promise<ChartModule> {
  loading ??= import('./chart-setup').then((module) => (loaded = module));
  return loading;
}

/** Loads chart.js, then prints: for the Print buttons of the pages with charts. */
export function printWithCharts() {
  void loadCharts().then(
    () => window.print(),
    () => window.print(),
  );
}

function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 100);
  return () => window.clearTimeout(id);
}

/** Draws `config` on the canvas once it comes near the viewport, when the browser is idle. */
export function useChart(canvasRef: RefObject<HTMLCanvasElement | null>, config: ChartConfiguration | null) {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !config) return;
    let cancelled = false;
    let chart: ChartInstance | null = null;
    let cancelIdle = () => {};
    const draw = () => {
      cancelIdle = whenIdle(() => {
        void loadCharts().then(({ Chart }) => {
          if (!cancelled) chart = new Chart(canvas, config);
        });
      });
    };
    let observer: IntersectionObserver | null = null;
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer?.disconnect();
          draw();
        },
        { rootMargin: '200px 0px' },
      );
      observer.observe(canvas);
    } else draw();
    return () => {
      cancelled = true;
      observer?.disconnect();
      cancelIdle();
      chart?.destroy();
    };
  }, [canvasRef, config]);
}

export interface PrintSize {
  width: number;
  height: number;
  pixelRatio: number;
}

function drawImage({ Chart }: ChartModule, config: ChartConfiguration, size: PrintSize): string {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: size.pixelRatio,
      plugins: { ...config.options?.plugins, tooltip: { enabled: false } },
    },
  } as ChartConfiguration);
  const url = chart.toBase64Image('image/png');
  chart.destroy();
  return url;
}

/**
 * The printed copy of a chart, as a PNG data URL: null until the page first prints (or emulates
 * print media), then kept for as long as `config` stays the same.
 */
export function usePrintImage(config: ChartConfiguration | null, size: PrintSize): string | null {
  const [image, setImage] = useState<{ config: ChartConfiguration; url: string } | null>(null);
  const made = useRef<ChartConfiguration | null>(null);
  useEffect(() => {
    if (!config) return;
    let cancelled = false;
    const media = window.matchMedia('print');
    const make = () => {
      if (made.current === config) return;
      if (loaded) {
        const url = drawImage(loaded, config, size);
        made.current = config;
        flushSync(() => setImage({ config, url }));
        return;
      }
      void loadCharts().then((module) => {
        if (cancelled || made.current === config) return;
        made.current = config;
        setImage({ config, url: drawImage(module, config, size) });
      });
    };
    const change = (event: MediaQueryListEvent) => {
      if (event.matches) make();
    };
    if (media.matches) make();
    window.addEventListener('beforeprint', make);
    media.addEventListener('change', change);
    return () => {
      cancelled = true;
      window.removeEventListener('beforeprint', make);
      media.removeEventListener('change', change);
    };
  }, [config, size]);
  return image?.config === config ? image.url : null;
}
