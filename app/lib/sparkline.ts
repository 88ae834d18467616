// The line of a sparkline as an SVG path: values (oldest first) spread over a width × height box,
// the highest at the top. Whole-number coordinates and no spaces it can do without keep the `d`
// short, so a map with a hundred KPI chips stays light. Drawing only: plain numbers are fine here.

export function sparklinePath(values: readonly (string | number)[], width: number, height: number, pad = 1): string | null {
  const ys = values.map(Number).filter((y) => Number.isFinite(y));
  if (ys.length < 2) return null;
  const min = Math.min(...ys);
  const span = Math.max(...ys) - min;
  const step = (width - 2 * pad) / (ys.length - 1);
  // A flat history is drawn as a line across the middle.
  const y = (v: number) => (span === 0 ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / span);
  return ys.map((v, i) => `${i === 0 ? 'M' : 'L'}${Math.round(pad + i * step)} ${Math.round(y(v))}`).join('');
}
