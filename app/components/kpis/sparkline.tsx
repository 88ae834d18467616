// A tiny inline line chart of a KPI's value history (oldest to newest), with its own text summary.
// Coordinates are for drawing only, so plain numbers are fine here.

export function Sparkline({ values, label, width = 160, height = 36 }: { values: string[]; label: string; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const ys = values.map(Number);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const span = max - min || 1;
  const pad = 3;
  const points = ys
    .map((y, i) => `${(pad + (i * (width - 2 * pad)) / (ys.length - 1)).toFixed(1)},${(height - pad - ((y - min) * (height - 2 * pad)) / span).toFixed(1)}`)
    .join(' ');
  const last = points.split(' ').pop()!.split(',');
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      <circle cx={last[0]} cy={last[1]} r="2.6" fill="currentColor" />
    </svg>
  );
}
