import { describe, expect, it } from 'vitest';
import { applyMove, baseArrangement } from '~/components/journey/arrangement';
import { clampScore, scoreToY, smoothPath, yToScore } from '~/domain/emotion-curve';
import { MAP_EXPORT_FORMAT, MapExportSchema, parseMapExport } from '~/domain/map-export';
import { MAP_TEMPLATES, templateToExport } from '~/domain/map-templates';
import { insertAt, moveAcross, moveWithin, normalise } from '~/domain/ordering';
import { LOCALES } from '~/domain/vocabulary';

describe('ordering as the editor uses it', () => {
  it('inserts between two items, moves across cells and normalises gaps and ties', () => {
    expect(insertAt(['a', 'c'], 'b', 1)).toEqual(['a', 'b', 'c']);
    expect(moveWithin(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveAcross(['a', 'b'], ['x'], 'a', 0)).toEqual({ from: ['b'], to: ['a', 'x'] });
    expect(moveAcross(['a', 'b'], ['x'], 'a', 99)).toEqual({ from: ['b'], to: ['x', 'a'] });
    expect(
      normalise([
        { id: 'b', position: 3 },
        { id: 'a', position: 3 },
        { id: 'c', position: 0 },
      ]),
    ).toEqual(['c', 'a', 'b']);
  });

  it('applies pending moves optimistically and leaves untouched cells as they were', () => {
    const base = baseArrangement({
      stages: [{ id: 's1' }, { id: 's2' }] as never,
      lanes: [{ id: 'l1' }, { id: 'l2' }] as never,
      cards: [
        { id: 'c1', laneId: 'l1', stageId: 's1', position: 0 },
        { id: 'c2', laneId: 'l1', stageId: 's1', position: 1 },
        { id: 'c3', laneId: 'l2', stageId: 's1', position: 0 },
      ] as never,
      kpis: [],
    });
    const moved = applyMove(base, { intent: 'moveCard', id: 'c2', laneId: 'l1', toStageId: 's2', toIndex: 0 });
    expect(moved.cells.get('l1:s1')).toEqual(['c1']);
    expect(moved.cells.get('l1:s2')).toEqual(['c2']);
    expect(moved.cells.get('l2:s1')).toBe(base.cells.get('l2:s1'));
    expect(applyMove(moved, { intent: 'moveStage', id: 's2', toIndex: 0 }).stages).toEqual(['s2', 's1']);
    expect(applyMove(base, { intent: 'moveLane', id: 'l1', toIndex: 1 }).lanes).toEqual(['l2', 'l1']);
    // A move of an item that is no longer there changes nothing.
    expect(applyMove(base, { intent: 'moveCard', id: 'gone', laneId: 'l1', toStageId: 's2', toIndex: 0 })).toBe(base);
  });
});

describe('emotion curve', () => {
  it('maps scores to heights and back, clamping to -2..+2', () => {
    expect(scoreToY(2, 120)).toBe(12);
    expect(scoreToY(-2, 120)).toBe(108);
    expect(scoreToY(0, 120)).toBe(60);
    for (const s of [-2, -1, 0, 1, 2]) expect(yToScore(scoreToY(s, 120), 120)).toBe(s);
    expect(yToScore(-50, 120)).toBe(2);
    expect(yToScore(500, 120)).toBe(-2);
    expect(clampScore(7)).toBe(2);
    expect(clampScore(Number.NaN)).toBe(0);
  });

  it('draws a smooth path that passes through every point', () => {
    expect(smoothPath([])).toBe('');
    expect(smoothPath([{ x: 10, y: 20 }])).toBe('M10,20');
    const d = smoothPath([
      { x: 0, y: 0 },
      { x: 100, y: 50 },
      { x: 200, y: 0 },
    ]);
    expect(d.startsWith('M0,0 C')).toBe(true);
    const segments = d.split(' C').slice(1);
    expect(segments).toHaveLength(2);
    expect(segments[0]!.endsWith('100,50')).toBe(true);
    expect(segments[1]!.endsWith('200,0')).toBe(true);
    // Catmull-Rom: the tangent at the middle point is horizontal (its neighbours are at the same height).
    const [, c2] = segments[0]!.split(' ');
    expect(c2).toBe('66.67,50');
  });
});

describe('templates and the export format', () => {
  it('offers at least three valid templates in English and French, each with a KPI row and phases', () => {
    expect(MAP_TEMPLATES.map((t) => t.id)).toEqual(['subscription', 'ecommerce', 'b2b_onboarding']);
    for (const template of MAP_TEMPLATES) {
      for (const lang of LOCALES) {
        const doc = templateToExport(template, lang, template.name[lang]);
        expect(MapExportSchema.safeParse(doc).success).toBe(true);
        expect(doc.lanes.some((l) => l.kind === 'kpi')).toBe(true);
        expect(new Set(doc.lanes.map((l) => l.kind)).size).toBeGreaterThanOrEqual(4);
        expect(doc.stages.every((s) => s.phase)).toBe(true);
        expect(doc.cards.length).toBeGreaterThan(2);
      }
      expect(template.name.fr).not.toBe(template.name.en);
    }
  });

  it('refuses documents with a wrong format, version, or dangling references', () => {
    expect(parseMapExport('{')).toEqual({ ok: false, error: 'import.notJson' });
    expect(parseMapExport('[]')).toEqual({ ok: false, error: 'import.wrongFormat' });
    expect(parseMapExport(JSON.stringify({ format: MAP_EXPORT_FORMAT, version: 2 }))).toEqual({ ok: false, error: 'import.wrongVersion' });
    const base = {
      format: MAP_EXPORT_FORMAT,
      version: 1,
      map: { name: 'M' },
      stages: [{ name: 'A' }],
      lanes: [
        { kind: 'actions', name: 'L' },
        { kind: 'emotions', name: 'E' },
      ],
      cards: [],
      emotions: [],
    };
    expect(parseMapExport(JSON.stringify(base)).ok).toBe(true);
    const cardOnEmotionLane = { ...base, cards: [{ lane: 1, stage: 0, title: 'x' }] };
    expect(parseMapExport(JSON.stringify(cardOnEmotionLane))).toEqual({ ok: false, error: 'import.invalid' });
    const twoScores = {
      ...base,
      emotions: [
        { lane: 1, stage: 0, score: 1 },
        { lane: 1, stage: 0, score: 2 },
      ],
    };
    expect(parseMapExport(JSON.stringify(twoScores)).ok).toBe(false);
    const badScore = { ...base, emotions: [{ lane: 1, stage: 0, score: 3 }] };
    expect(parseMapExport(JSON.stringify(badScore)).ok).toBe(false);
    const badValue = {
      ...base,
      lanes: [{ kind: 'kpi', name: 'K' }],
      kpis: [{ lane: 0, stage: 0, measure: { name: 'NPS' }, values: [{ date: '2025-01-01', value: '1e5' }] }],
    };
    expect(parseMapExport(JSON.stringify(badValue)).ok).toBe(false);
  });
});
