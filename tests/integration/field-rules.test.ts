// The shared field rules at work in the actions: versions beyond Postgres integers, value steps that
// are not positive numbers once stored, impossible dates and blank names are refused with a 400 and
// a message, and nothing is written.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client';
import { journeyMap, kpiValue, measure } from '../../db/schema';
import * as importRoute from '~/routes/w.$slug.kpis.import/route';
import * as editorRoute from '~/routes/w.$slug.maps.$mapId/route';
import * as kpiRoute from '~/routes/w.$slug.maps.$mapId.kpis.$kpiId/route';
import * as mapsRoute from '~/routes/w.$slug.maps._index/route';
import * as measureRoute from '~/routes/w.$slug.measures.$measureId/route';
import * as libraryRoute from '~/routes/w.$slug.measures._index/route';
import * as personasRoute from '~/routes/w.$slug.personas/route';
import * as projectRoute from '~/routes/w.$slug.projects.$projectId/route';
import * as settingsRoute from '~/routes/w.$slug.settings/route';
import { call, request } from '../support/factories';
import { activityCount, makeWorld, worldParams, type World } from '../support/world-fixture';

type Action = Parameters<typeof call>[0];

function post(w: World, file: string, action: Action, form: Record<string, string> | FormData) {
  const init = form instanceof FormData ? { user: w.owner, body: form } : { user: w.owner, form };
  return call(action, { request: request(`/w/${w.ws.slug}/x`, init), params: worldParams(file, w) });
}

describe('versions', () => {
  const TOO_BIG = '2147483648';
  it.each([
    [
      'settings',
      'w.$slug.settings',
      settingsRoute.action,
      (_w: World) => ({ intent: 'settings', version: TOO_BIG, name: 'Renamed', currency: 'EUR', locale: 'en' }),
    ],
    [
      'map details',
      'w.$slug.maps._index',
      mapsRoute.action,
      (w: World) => ({ intent: 'updateMap', mapId: w.map.id, version: TOO_BIG, name: 'Renamed', state: 'current' }),
    ],
    [
      'stage',
      'w.$slug.maps.$mapId',
      editorRoute.action,
      (w: World) => ({ intent: 'updateStage', stageId: w.stages[0]!.id, version: TOO_BIG, name: 'Renamed' }),
    ],
    ['card', 'w.$slug.maps.$mapId', editorRoute.action, (w: World) => ({ intent: 'updateCard', cardId: w.card.id, version: TOO_BIG, title: 'Renamed' })],
    [
      'emotion',
      'w.$slug.maps.$mapId',
      editorRoute.action,
      (w: World) => ({ intent: 'setEmotion', laneId: w.emotionLane.id, stageId: w.stages[0]!.id, score: '2', version: TOO_BIG }),
    ],
    ['persona', 'w.$slug.personas', personasRoute.action, (w: World) => ({ intent: 'update', personaId: w.persona.id, version: TOO_BIG, name: 'Renamed' })],
    [
      'measure',
      'w.$slug.measures.$measureId',
      measureRoute.action,
      (_w: World) => ({ intent: 'update', version: TOO_BIG, name: 'Renamed', unit: 'pts', trend: 'up' }),
    ],
    ['KPI settings', 'w.$slug.maps.$mapId.kpis.$kpiId', kpiRoute.action, (_w: World) => ({ intent: 'settings', version: TOO_BIG, note: 'x' })],
    [
      'project details',
      'w.$slug.projects.$projectId',
      projectRoute.action,
      (_w: World) => ({ intent: 'details', version: TOO_BIG, name: 'Renamed', status: 'idea' }),
    ],
    [
      'project assumptions',
      'w.$slug.projects.$projectId',
      projectRoute.action,
      (_w: World) => ({ intent: 'assumptions', version: TOO_BIG, horizonYears: '3', discountRate: '8', confidence: '80' }),
    ],
    ['project archive', 'w.$slug.projects.$projectId', projectRoute.action, (_w: World) => ({ intent: 'archive', version: TOO_BIG })],
  ] as const)('a version above 2^31-1 on %s is a 400 and writes nothing', async (_name, file, action, form) => {
    const w = await makeWorld();
    const before = await activityCount(w.ws.id);
    const res = await post(w, file, action as Action, form(w));
    expect(res.status).toBe(400);
    expect(await activityCount(w.ws.id)).toBe(before);
  });
});

describe('value steps', () => {
  const hostile = ['abc', 'NaN', '1e5', '1,2,3', '0', '-5', '0.0000001', 'Infinity', '999999999999999'];

  it.each(hostile)('creating a measure with the value step %j is a 400 on the field, nothing written', async (valueStep) => {
    const w = await makeWorld();
    const res = await post(w, 'w.$slug.measures._index', libraryRoute.action as Action, {
      intent: 'create',
      name: 'CSAT',
      unit: 'pts',
      trend: 'up',
      valueAmount: '1000',
      valueStep,
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error.valueStep?.[0]).toMatch(/^(field\.number|field\.range|measures\.stepPositive)$/);
    expect(await db.select().from(measure).where(eq(measure.workspaceId, w.ws.id))).toHaveLength(1);
  });

  it.each(hostile)('updating a measure with the value step %j is a 400 on the field, nothing written', async (valueStep) => {
    const w = await makeWorld();
    const res = await post(w, 'w.$slug.measures.$measureId', measureRoute.action as Action, {
      intent: 'update',
      version: '1',
      name: 'NPS',
      unit: 'pts',
      trend: 'up',
      valueAmount: '1000',
      valueStep,
    });
    expect(res.status).toBe(400);
    const [row] = await db.select().from(measure).where(eq(measure.id, w.measure.id));
    expect(row).toMatchObject({ version: 1, valueAmount: expect.stringMatching(/^50000/) });
  });

  it('a value step with 6 decimals is kept exactly', async () => {
    const w = await makeWorld();
    const res = await post(w, 'w.$slug.measures.$measureId', measureRoute.action as Action, {
      intent: 'update',
      version: '1',
      name: 'NPS',
      unit: 'pts',
      trend: 'up',
      valueAmount: '1000',
      valueStep: '0.000001',
    });
    expect(res.status).toBe(200);
    const [row] = await db.select().from(measure).where(eq(measure.id, w.measure.id));
    expect(row!.valueStep).toBe('0.000001');
  });
});

describe('dates', () => {
  it.each(['2026-02-30', '0000-01-01', '9999-99-99', '9999-12-31', '1850-06-01'])('a KPI value dated %s is a 400 on the date', async (date) => {
    const w = await makeWorld();
    const res = await post(w, 'w.$slug.maps.$mapId.kpis.$kpiId', kpiRoute.action as Action, { intent: 'value', date, value: '31' });
    expect(res.status).toBe(400);
    expect(res.data.result.error.date).toEqual(['field.date']);
    expect(await db.select().from(kpiValue).where(eq(kpiValue.kpiId, w.kpi.id))).toHaveLength(1);
  });

  it.each(['9999-12-31', '1850-06-01'])('a CSV row dated %s is a bad date, nothing imported', async (date) => {
    const w = await makeWorld();
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new File([`kpi_id,date,value\n${w.kpi.id},${date},31\n`], 'values.csv', { type: 'text/csv' }));
    const res = await post(w, 'w.$slug.kpis.import', importRoute.action as Action, form);
    expect(res.status).toBe(400);
    expect(res.data.preview.errors).toEqual([expect.objectContaining({ line: 2, column: 'date', code: 'bad_date' })]);
    expect(await db.select().from(kpiValue).where(eq(kpiValue.kpiId, w.kpi.id))).toHaveLength(1);
  });
});

describe('map JSON import', () => {
  const kpiEntry = (over: Record<string, unknown> = {}, measureOver: Record<string, unknown> = {}) => ({
    lane: 0,
    stage: 0,
    measure: { name: 'NPS', valueAmount: '50000', valueStep: '10', ...measureOver },
    ...over,
  });
  const doc = (k: Record<string, unknown>, mapName = 'Imported') => ({
    format: 'parcours.journey-map',
    version: 1,
    map: { name: mapName },
    stages: [{ name: 'A' }],
    lanes: [{ kind: 'kpi', name: 'KPIs' }],
    cards: [],
    emotions: [],
    kpis: [k],
  });

  it.each([
    ['a value step of 0', doc(kpiEntry({}, { valueStep: '0' }))],
    ['a value step of -5', doc(kpiEntry({}, { valueStep: '-5' }))],
    ['a value step that rounds to 0', doc(kpiEntry({}, { valueStep: '0.0000001' }))],
    ['a measure named "   "', doc(kpiEntry({}, { name: '   ' }))],
    ['a map named "   "', doc(kpiEntry(), '   ')],
    ['an impossible baseline date', doc(kpiEntry({ baselineDate: '2026-02-30' }))],
    ['a year 0 target date', doc(kpiEntry({ targetDate: '0000-01-01' }))],
    ['an impossible value date', doc(kpiEntry({ values: [{ date: '9999-99-99', value: '1' }] }))],
    ['a NUL in a name', doc(kpiEntry({}, { name: 'N\u0000PS' }))],
    ['a NUL in a note', doc(kpiEntry({ note: 'a\u0000b' }))],
  ])('refuses %s with 400 and writes nothing', async (_name, document) => {
    const w = await makeWorld();
    const form = new FormData();
    form.set('intent', 'import');
    form.set('file', new File([JSON.stringify(document)], 'map.json', { type: 'application/json' }));
    const res = await post(w, 'w.$slug.maps._index', mapsRoute.action as Action, form);
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ intent: 'import', status: 'invalid', message: 'maps.import.invalid' });
    expect(await db.select().from(journeyMap).where(eq(journeyMap.workspaceId, w.ws.id))).toHaveLength(1);
  });
});
