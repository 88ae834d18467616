// The emotion lane's curve: one score per stage (-2..+2) drawn as a smooth SVG path. Pure maths so
// the drawing and the pointer/keyboard mapping are unit-tested without a browser.

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

export interface Point {
  x: number;
  y: number;
}

/** Keeps a score an integer inside -2..+2 (NaN counts as neutral). */
export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, Math.round(score)));
}

/** Vertical pixel of a score in a box of `height` with `padding` above and below (+2 at the top). */
export function scoreToY(score: number, height: number, padding = 12): number {
  const inner = height - 2 * padding;
  return padding + ((EMOTION_MAX - clampScore(score)) / (EMOTION_MAX - EMOTION_MIN)) * inner;
}

/** The nearest score for a vertical pixel: the inverse of scoreToY, used while dragging a point. */
export function yToScore(y: number, height: number, padding = 12): number {
  const inner = height - 2 * padding;
  if (inner <= 0) return 0;
  return clampScore(EMOTION_MAX - ((y - padding) / inner) * (EMOTION_MAX - EMOTION_MIN));
}

const r = (n: number) => Math.round(n * 100) / 100;

/**
 * A smooth path through every point (uniform Catmull-Rom turned into cubic Béziers), so the curve
 * passes exactly through each stage's score. One point gives a dot-sized move, none an empty path.
 */
export function smoothPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  if (points.length === 1) return `M${r(first.x)},${r(first.y)}`;
  let d = `M${r(first.x)},${r(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${r(c1.x)},${r(c1.y)} ${r(c2.x)},${r(c2.y)} ${r(p2.x)},${r(p2.y)}`;
  }
  return d;
}
