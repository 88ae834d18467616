// The map canvas's zoom arithmetic: steps land on multiples of 10 % within 50-150 %, and "fit to
// width" picks the largest zoom at which every stage fits (never more than fits).
import { describe, expect, it } from 'vitest';
import { clampZoom, fitZoom, stepZoom } from '~/components/journey/canvas-view';

describe('stepZoom', () => {
  it.each([
    [1, 1, 1.1],
    [1, -1, 0.9],
    [0.66, 1, 0.7],
    [0.66, -1, 0.6],
    [0.7, -1, 0.6],
    [0.5, -1, 0.5],
    [1.5, 1, 1.5],
    [1.45, 1, 1.5],
  ] as const)('from %s in direction %s gives %s', (zoom, direction, expected) => {
    expect(stepZoom(zoom, direction)).toBeCloseTo(expected, 10);
  });
});

describe('fitZoom', () => {
  it('fits every stage: 190 px of lane names and 220 px per stage, scaled', () => {
    const zoom = fitZoom(1142, 7);
    expect(zoom).toBe(0.66);
    expect(zoom * (190 + 7 * 220)).toBeLessThanOrEqual(1142);
  });
  it('stays within 50-150 %', () => {
    expect(fitZoom(300, 20)).toBe(0.5);
    expect(fitZoom(3000, 1)).toBe(1.5);
  });
  it('treats a map without stages as one column', () => {
    expect(fitZoom(410, 0)).toBe(1);
  });
});

describe('clampZoom', () => {
  it.each([
    [0.1, 0.5],
    [2, 1.5],
    [0.755, 0.76],
    [1, 1],
  ])('%s becomes %s', (zoom, expected) => {
    expect(clampZoom(zoom)).toBe(expected);
  });
});
