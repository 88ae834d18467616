// The speed budgets of the map issue, issue 12's API batch and the executive summary (issue 14),
// checked against the figures the benchmark scripts record (bench-lib.ts `record`). All on the production build; the server ratios
// are against the sign-in page (/login) measured in the same run, so a slower or busier machine
// moves both sides. `npm run bench -- --check` prints the table and exits 1 when one is missed; a
// figure that was never recorded (a script that crashed or was skipped) counts as missed.
export type Figures = ReadonlyMap<string, number>;

export interface Budget {
  name: string;
  /** The script that records its figures (judged only when it ran: BENCH_ONLY). */
  script: string;
  /** The measured value, shown as text, or undefined when a figure it needs is missing. */
  measured: (f: Figures) => { value: number; text: string } | undefined;
  limit: string;
  pass: (value: number) => boolean;
}

/** Kilobytes of 1,000 bytes. */
const KB = 1000;
/** The linear extrapolation from 100 to 1,600 cards may be missed by this factor (noise). */
export const LINEAR_TOLERANCE = 1.25;

const get = (f: Figures, ...names: string[]) => {
  const values = names.map((n) => f.get(n));
  return values.every((v) => v !== undefined && Number.isFinite(v)) ? (values as number[]) : undefined;
};
const msText = (n: number) => `${n.toFixed(1)} ms`;

/** p50 = fixed + perCard * cards through the given points (least squares). */
export function linearFit(points: readonly { cards: number; p50: number }[]) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.cards, 0) / n;
  const my = points.reduce((s, p) => s + p.p50, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.cards - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.cards - mx) * (p.p50 - my), 0);
  const perCard = sxx === 0 ? 0 : sxy / sxx;
  return { fixed: my - perCard * mx, perCard };
}

/** The scaling maps' p50 at 1 connection, from the figures "scale.<cards>.p50" (smallest first). */
export function scalingPoints(f: Figures) {
  return [...f.entries()]
    .map(([name, p50]) => ({ cards: Number(/^scale\.(\d+)\.p50$/.exec(name)?.[1] ?? Number.NaN), p50 }))
    .filter((p) => Number.isFinite(p.cards))
    .sort((a, b) => a.cards - b.cards);
}

function dropBudget(kind: 'pointer' | 'keyboard', p: 75 | 99, limitMs: number): Budget {
  return {
    name: `${kind} drop to next frame, p${p}`,
    script: 'map-drop',
    measured: (f) => {
      const v = get(f, `drop.${kind}.p${p}`, `drop.${kind}.n`);
      return v && v[1] > 0 ? { value: v[0], text: `${msText(v[0])} (${v[1]} drops)` } : undefined;
    },
    limit: `<= ${limitMs} ms`,
    pass: (v) => v <= limitMs,
  };
}

function lighthouseBudget(preset: 'desktop' | 'mobile', category: 'performance' | 'accessibility', min: number): Budget {
  return {
    name: `Lighthouse ${preset} ${category}`,
    script: 'lighthouse',
    measured: (f) => {
      const v = get(f, `lighthouse.${preset}.${category}`);
      return v ? { value: v[0], text: Math.abs(v[0] - Math.round(v[0])) < 1e-9 ? String(Math.round(v[0])) : v[0].toFixed(1) } : undefined;
    },
    limit: min === 100 ? '100' : `>= ${min}`,
    // Performance as Lighthouse shows it (rounded); 100 means every weighted audit passed.
    pass: (v) => (min === 100 ? v >= 100 - 1e-9 : Math.round(v) >= min),
  };
}

/** The summary portfolios measured, by project count ("summary.<projects>.p50"), smallest first. */
export function summaryPoints(f: Figures) {
  return [...f.entries()]
    .map(([name, p50]) => {
      const projects = Number(/^summary\.(\d+)\.p50$/.exec(name)?.[1] ?? Number.NaN);
      return { projects, kpis: f.get(`summary.${projects}.kpis`) ?? Number.NaN, p50 };
    })
    .filter((p) => Number.isFinite(p.projects) && Number.isFinite(p.kpis))
    .sort((a, b) => a.projects - b.projects);
}

function summaryP50Budget(projects: number, kpis: number, maxRatio: number): Budget {
  return {
    name: `summary p50, ${projects.toLocaleString('en')} projects / ${kpis.toLocaleString('en')} KPIs, vs sign-in p50`,
    script: 'summary-page',
    measured: (f) => {
      const v = get(f, `summary.${projects}.p50`, 'summary.login.p50');
      return v && { value: v[0] / v[1], text: `${(v[0] / v[1]).toFixed(2)}x (${msText(v[0])} / ${msText(v[1])})` };
    },
    limit: `<= ${maxRatio}x`,
    pass: (v) => v <= maxRatio,
  };
}

const SUMMARY_BUDGETS: Budget[] = [
  {
    name: 'summary HTML (uncompressed), largest portfolio',
    script: 'summary-page',
    measured: (f) => {
      const sizes = summaryPoints(f).map((p) => ({ projects: p.projects, bytes: f.get(`summary.${p.projects}.htmlBytes`) }));
      const largest = sizes.filter((s) => s.bytes !== undefined).sort((a, b) => b.bytes! - a.bytes!)[0];
      return (
        largest && {
          value: largest.bytes!,
          text: `${(largest.bytes! / KB).toFixed(1)} KB (${sizes.map((s) => `${s.projects}: ${((s.bytes ?? 0) / KB).toFixed(0)}`).join(', ')})`,
        }
      );
    },
    limit: '<= 150 KB',
    pass: (v) => v <= 150 * KB,
  },
  summaryP50Budget(300, 5_000, 5),
  summaryP50Budget(3_000, 50_000, 10),
  {
    name: 'summary: largest portfolio vs line through two smallest (per linked KPI)',
    script: 'summary-page',
    measured: (f) => {
      const points = summaryPoints(f);
      if (points.length < 3) return undefined;
      const { fixed, perCard: perKpi } = linearFit(points.slice(0, 2).map((p) => ({ cards: p.kpis, p50: p.p50 })));
      const largest = points[points.length - 1]!;
      // A fixed part below 0 would make the line steeper than proportional: take proportional then.
      const linear = Math.max(fixed + perKpi * largest.kpis, (points[1]!.p50 * largest.kpis) / points[1]!.kpis);
      return {
        value: largest.p50 / linear,
        text: `${(largest.p50 / linear).toFixed(2)}x (${largest.kpis.toLocaleString('en')} KPIs: ${msText(largest.p50)}, linear ${msText(linear)})`,
      };
    },
    limit: `<= ${LINEAR_TOLERANCE}x`,
    pass: (v) => v > 0 && v <= LINEAR_TOLERANCE,
  },
  {
    name: 'Lighthouse mobile performance, 300-project summary',
    script: 'summary-page',
    measured: (f) => {
      const v = get(f, 'lighthouse.summary.mobile.performance');
      return v && { value: v[0], text: String(Math.round(v[0])) };
    },
    limit: '>= 95',
    pass: (v) => Math.round(v) >= 95,
  },
];

export const BUDGETS: Budget[] = [
  {
    name: 'large map p50, 1 connection, vs sign-in p50',
    script: 'map-page',
    measured: (f) => {
      const v = get(f, 'map.p50.c1', 'login.p50.c1');
      return v && { value: v[0] / v[1], text: `${(v[0] / v[1]).toFixed(2)}x (${msText(v[0])} / ${msText(v[1])})` };
    },
    limit: '<= 3x',
    pass: (v) => v <= 3,
  },
  {
    name: 'large map req/s, 10 connections, vs sign-in',
    script: 'map-page',
    measured: (f) => {
      const v = get(f, 'map.rps.c10', 'login.rps.c10');
      return v && { value: v[0] / v[1], text: `${((100 * v[0]) / v[1]).toFixed(1)} % (${v[0].toFixed(1)} / ${v[1].toFixed(1)} req/s)` };
    },
    limit: '>= 30 %',
    pass: (v) => v >= 0.3,
  },
  {
    name: 'large map HTML (uncompressed)',
    script: 'map-page',
    measured: (f) => {
      const v = get(f, 'map.htmlBytes');
      return v && { value: v[0], text: `${(v[0] / KB).toFixed(1)} KB` };
    },
    limit: `<= 150 KB`,
    pass: (v) => v <= 150 * KB,
  },
  {
    name: 'scaling: fixed part (least squares) vs sign-in p50',
    script: 'map-page',
    measured: (f) => {
      const points = scalingPoints(f);
      const login = get(f, 'login.p50.c1');
      if (points.length < 2 || !login) return undefined;
      const { fixed, perCard } = linearFit(points);
      return { value: fixed / login[0], text: `${(fixed / login[0]).toFixed(2)}x (${msText(fixed)} + ${(perCard * 1000).toFixed(1)} µs/card)` };
    },
    limit: '<= 1x',
    pass: (v) => v <= 1,
  },
  {
    name: 'scaling: largest map vs line through two smallest',
    script: 'map-page',
    measured: (f) => {
      const points = scalingPoints(f);
      if (points.length < 3) return undefined;
      // The line through the two smaller maps, extrapolated: (p50(small) - fixed) * 16 + fixed for 100 -> 1,600.
      const { fixed, perCard } = linearFit(points.slice(0, 2));
      const largest = points[points.length - 1]!;
      const linear = fixed + perCard * largest.cards;
      return {
        value: largest.p50 / linear,
        text: `${(largest.p50 / linear).toFixed(2)}x (${largest.cards} cards: ${msText(largest.p50)}, linear ${msText(linear)})`,
      };
    },
    limit: `<= ${LINEAR_TOLERANCE}x`,
    pass: (v) => v > 0 && v <= LINEAR_TOLERANCE,
  },
  dropBudget('pointer', 75, 50),
  dropBudget('pointer', 99, 100),
  dropBudget('keyboard', 75, 50),
  dropBudget('keyboard', 99, 100),
  {
    name: 'drops never shown in a new place (of all)',
    script: 'map-drop',
    measured: (f) => {
      const v = get(f, 'drop.pointer.lost', 'drop.keyboard.lost', 'drop.pointer.n', 'drop.keyboard.n');
      return v && { value: v[0] + v[1], text: `${v[0] + v[1]} of ${v[0] + v[1] + v[2] + v[3]}` };
    },
    limit: '0',
    pass: (v) => v === 0,
  },
  lighthouseBudget('desktop', 'performance', 95),
  lighthouseBudget('desktop', 'accessibility', 100),
  lighthouseBudget('mobile', 'performance', 95),
  lighthouseBudget('mobile', 'accessibility', 100),
  {
    name: 'first-load JS of the editor, gzip: HTML scripts',
    script: 'first-load-js',
    measured: (f) => {
      const v = get(f, 'js.firstLoadGzip', 'js.files');
      return v && { value: v[0], text: `${(v[0] / KB).toFixed(1)} KB (${v[1]} files)` };
    },
    limit: '<= 150 KB',
    pass: (v) => v <= 150 * KB,
  },
  {
    name: 'first-load JS of the editor, gzip: all at start',
    script: 'first-load-js',
    measured: (f) => {
      const v = get(f, 'js.browserGzip', 'js.browserFiles');
      return v && { value: v[0], text: `${(v[0] / KB).toFixed(1)} KB (${v[1]} files, Chromium)` };
    },
    limit: '<= 150 KB',
    pass: (v) => v <= 150 * KB,
  },
  {
    name: 'POST /api/v1/kpi-values, 10,000 values, slowest',
    script: 'kpi-values',
    measured: (f) => {
      const v = get(f, 'kpiValues.maxMs');
      return v && { value: v[0], text: msText(v[0]) };
    },
    limit: '<= 3000 ms',
    pass: (v) => v <= 3000,
  },
  ...SUMMARY_BUDGETS,
];

export interface Verdict {
  name: string;
  measured: string;
  limit: string;
  result: 'pass' | 'FAIL' | 'MISSING';
}

/** The verdicts of the budgets whose script ran (all of them when `scripts` is left out). */
export function judge(figures: Figures, scripts?: readonly string[]): Verdict[] {
  return BUDGETS.filter((b) => !scripts || scripts.includes(b.script)).map((b) => {
    const m = b.measured(figures);
    return { name: b.name, measured: m?.text ?? '(not measured)', limit: b.limit, result: m === undefined ? 'MISSING' : b.pass(m.value) ? 'pass' : 'FAIL' };
  });
}

export function table(verdicts: readonly Verdict[], checked: boolean): string {
  const rows = [
    ['budget', 'measured', 'limit', checked ? 'result' : 'result (smoke: not checked)'],
    ...verdicts.map((v) => [v.name, v.measured, v.limit, v.result]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
