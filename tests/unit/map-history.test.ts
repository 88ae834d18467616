// The map history's pure parts: which fields a change keeps, the map rebuilt by undoing later
// changes, the plan that brings a map back to an earlier state, and what a version changed in words.
import { createInstance } from 'i18next';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deleted,
  emptySnapshot,
  inserted,
  planChanges,
  planRestore,
  positionChanges,
  ROW_KINDS,
  summariseChanges,
  TRACKED_FIELDS,
  undoChanges,
  updated,
  type MapChange,
  type MapSnapshot,
} from '~/domain/map-history';
import { i18nConfig } from '~/lib/i18n';
import { summaryText } from '~/lib/version-summary';

/** Applies changes forward (what the server writes): the inverse of undoChanges, for checking it. */
function apply(start: MapSnapshot, changes: readonly MapChange[]): MapSnapshot {
  const s = structuredClone(start);
  for (const c of changes) {
    if (c.kind === 'map') {
      if (c.op !== 'insert') s.map = { ...s.map, ...c.after };
      continue;
    }
    if (c.op === 'insert') s[c.kind][c.entityId] = { ...c.after };
    else if (c.op === 'delete') delete s[c.kind][c.entityId];
    else s[c.kind][c.entityId] = { ...s[c.kind][c.entityId], ...c.after };
  }
  return s;
}

/** Only the followed fields: what a restore must get right (versions and KPI settings ride along). */
function tracked(s: MapSnapshot) {
  const pick = (kind: keyof typeof TRACKED_FIELDS, row: Record<string, unknown>) => Object.fromEntries(TRACKED_FIELDS[kind].map((f) => [f, row[f] ?? null]));
  return {
    map: pick('map', s.map),
    ...Object.fromEntries(ROW_KINDS.map((k) => [k, Object.fromEntries(Object.entries(s[k]).map(([id, row]) => [id, pick(k, row)]))])),
  };
}

const stageRow = (name: string, position: number) => ({ name, description: '', phase: null, position, version: 1 });
const cardRow = (title: string, stageId: string, position: number, laneId = 'L1') => ({
  laneId,
  stageId,
  title,
  description: '',
  channel: null,
  system: null,
  position,
  version: 1,
});

function startingMap(): MapSnapshot {
  const s = emptySnapshot({ name: 'Abonnement', description: '', personaId: null, state: 'current' });
  s.stage.S1 = stageRow('Découverte', 0);
  s.stage.S2 = stageRow('Achat', 1);
  s.lane.L1 = { kind: 'touchpoints', name: 'Points de contact', position: 0, version: 1 };
  s.lane.L2 = { kind: 'emotions', name: 'Émotions', position: 1, version: 1 };
  s.card.C1 = cardRow('Site web', 'S1', 0);
  s.card.C2 = cardRow('Boutique', 'S1', 1);
  s.emotion.E1 = { laneId: 'L2', stageId: 'S1', score: 1, note: '', version: 1 };
  return s;
}

/** A session of edits on the starting map, as the server records them. */
function edits(): MapChange[] {
  return [
    inserted('card', 'C3', cardRow('Appel', 'S2', 0)),
    updated('card', 'C1', cardRow('Site web', 'S1', 0), { title: 'Site internet' })!,
    // C2 moves before C1 in its cell: C2 is the moved card, C1 only shifts.
    ...positionChanges(
      'card',
      [
        { id: 'C2', before: 1, after: 0 },
        { id: 'C1', before: 0, after: 1 },
      ],
      'C2',
    ),
    updated('stage', 'S2', stageRow('Achat', 1), { name: 'Commande', description: '', phase: null })!,
    updated('emotion', 'E1', { score: 1 }, { score: -2 })!,
    deleted('card', 'C3', cardRow('Appel', 'S2', 0)),
    inserted('stage', 'S3', stageRow('Usage', 2)),
    inserted('card', 'C4', cardRow('Application', 'S3', 0)),
    deleted('card', 'C2', { ...cardRow('Boutique', 'S1', 0), version: 1 }),
    updated('map', 'M', { name: 'Abonnement' }, { name: 'Abonnement mobile' })!,
  ];
}

describe('recorded changes', () => {
  it('keep the followed fields that differ, nothing when none does', () => {
    expect(updated('card', 'C1', cardRow('A', 'S1', 0), { title: 'B', description: '' })).toEqual({
      kind: 'card',
      entityId: 'C1',
      op: 'update',
      before: { title: 'A' },
      after: { title: 'B' },
    });
    expect(updated('card', 'C1', cardRow('A', 'S1', 0), { title: 'A', description: '' })).toBeNull();
    // A KPI's settings are the KPI's, not the map's: a target change is no change of the map.
    expect(updated('kpi', 'K1', { targetValue: '40' }, { targetValue: '45' })).toBeNull();
  });

  it('keep a whole row when it is removed, a KPI with its settings, so a restore can bring it back', () => {
    const row = { laneId: 'L9', stageId: 'S1', measureId: 'M1', position: 0, note: 'ici', targetValue: '45', impactMode: 'auto', version: 3, workspaceId: 'W' };
    const change = deleted('kpi', 'K1', row);
    expect(change.before).toMatchObject({ measureId: 'M1', note: 'ici', targetValue: '45', version: 3, baselineValue: null });
    expect(change.before).not.toHaveProperty('workspaceId');
  });
});

describe('undoing changes', () => {
  it('rebuilds the map as it was before them, from the map after them', () => {
    const before = startingMap();
    const after = apply(before, edits());
    expect(after.card.C1).toMatchObject({ title: 'Site internet', position: 1 });
    expect(after.card.C2).toBeUndefined();
    expect(undoChanges(after, edits())).toEqual(before);
  });

  it('rebuilds any point in between: the state after the first k changes', () => {
    const all = edits();
    const start = startingMap();
    const end = apply(start, all);
    for (let k = 0; k <= all.length; k++) {
      expect(undoChanges(end, all.slice(k))).toEqual(apply(start, all.slice(0, k)));
    }
  });

  it('leaves the state it was given untouched', () => {
    const after = apply(startingMap(), edits());
    const copy = structuredClone(after);
    undoChanges(after, edits());
    expect(after).toEqual(copy);
  });
});

describe('restore plans', () => {
  it('turn the current map into the earlier one, whatever happened in between', () => {
    const then = startingMap();
    const now = apply(then, edits());
    const plan = planRestore('M', now, then);
    expect(tracked(apply(now, planChanges(plan)))).toEqual(tracked(then));
    // And back again: a restore is undone by restoring the state before it.
    const back = planRestore('M', then, now);
    expect(tracked(apply(then, planChanges(back)))).toEqual(tracked(now));
  });

  it('remove what a stage holds before the stage, add a stage before what it holds', () => {
    const then = startingMap();
    const now = apply(then, edits());
    const plan = planRestore('M', now, then);
    expect(plan.removeItems.map((c) => c.entityId).sort()).toEqual(['C4']);
    expect(plan.removeAxes.map((c) => c.entityId)).toEqual(['S3']);
    expect(plan.addItems.map((c) => c.entityId)).toEqual(['C2']);
    const forward = planRestore('M', then, now);
    expect(forward.addAxes.map((c) => c.entityId)).toEqual(['S3']);
    expect(forward.addItems.map((c) => c.entityId)).toEqual(['C4']);
    const order = planChanges(forward).map((c) => c.entityId);
    expect(order.indexOf('S3')).toBeLessThan(order.indexOf('C4'));
  });

  it('are empty when the map is already there', () => {
    expect(planChanges(planRestore('M', startingMap(), startingMap()))).toEqual([]);
  });
});

describe('what a version changed', () => {
  it('counts each row once by its net effect', () => {
    const s = summariseChanges(edits());
    // C3 was added then removed: nothing. C1 was edited (its shift is no move). C2 moved, then was removed.
    expect(s.counts.card).toEqual({ added: 1, edited: 1, moved: 0, removed: 1 });
    expect(s.counts.stage).toEqual({ added: 1, edited: 0, moved: 0, removed: 0 });
    expect(s.renamed).toEqual([{ kind: 'stage', from: 'Achat', to: 'Commande' }]);
    expect(s.emotions).toBe(1);
    expect(s.mapRenamed).toEqual({ from: 'Abonnement', to: 'Abonnement mobile' });
    expect(s.created).toBe(false);
  });

  it('a move that comes back where it started is no move; a rename back is no rename', () => {
    const s = summariseChanges([
      ...positionChanges('card', [{ id: 'C1', before: 0, after: 2 }], 'C1'),
      ...positionChanges('card', [{ id: 'C1', before: 2, after: 0 }], 'C1'),
      updated('stage', 'S1', { name: 'A' }, { name: 'B' })!,
      updated('stage', 'S1', { name: 'B' }, { name: 'A' })!,
    ]);
    expect(s.counts.card.moved).toBe(0);
    expect(s.renamed).toEqual([]);
    expect(s.counts.stage.edited).toBe(0);
  });

  it('a card moved to another stage is moved once, however many rows shifted around it', () => {
    const s = summariseChanges([
      updated('card', 'C1', { stageId: 'S1' }, { stageId: 'S2' })!,
      ...positionChanges(
        'card',
        [
          { id: 'C2', before: 1, after: 0 },
          { id: 'C5', before: 0, after: 1 },
          { id: 'C1', before: 0, after: 0 },
        ],
        'C1',
      ),
    ]);
    expect(s.counts.card).toEqual({ added: 0, edited: 0, moved: 1, removed: 0 });
  });

  it('says so in English and in French, with plurals', async () => {
    const en = await translator('en');
    const fr = await translator('fr');
    const s = summariseChanges([
      inserted('card', 'A', cardRow('a', 'S1', 0)),
      inserted('card', 'B', cardRow('b', 'S1', 1)),
      inserted('card', 'C', cardRow('c', 'S1', 2)),
      ...positionChanges('card', [{ id: 'C1', before: 0, after: 3 }], 'C1'),
      updated('stage', 'S2', { name: 'Achat' }, { name: 'Commande' })!,
      inserted('kpi', 'K1', { laneId: 'L', stageId: 'S1', measureId: 'M', position: 0 }),
      inserted('kpi', 'K2', { laneId: 'L', stageId: 'S1', measureId: 'M2', position: 1 }),
    ]);
    expect(summaryText(s, en)).toBe('3 cards added, 1 card moved, stage “Achat” renamed “Commande”, 2 KPIs added');
    expect(summaryText(s, fr)).toBe('3 cartes ajoutées, 1 carte déplacée, étape «\u202fAchat\u202f» renommée «\u202fCommande\u202f», 2 KPI ajoutés');
    const one = summariseChanges([updated('emotion', 'E', { score: 0 }, { score: 1 })!]);
    expect(summaryText(one, fr)).toBe('1 score d’émotion modifié');
    expect(summaryText(summariseChanges([]), en)).toBe('No change to the map');
    expect(summaryText(summariseChanges([inserted('map', 'M', { name: 'x' })]), en)).toBe('Map created');
  });
});

const root = path.resolve(__dirname, '../../app/locales');
async function translator(lng: 'en' | 'fr') {
  const i18n = createInstance();
  const history = JSON.parse(readFileSync(path.join(root, lng, 'history.json'), 'utf8'));
  await i18n.init({ ...i18nConfig, lng, resources: { [lng]: { history } } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}
