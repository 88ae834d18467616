// Hostile input over every action: each intent's fields (named after its zod schema) get each value
// of a table of hostile values, one field at a time, and as a duplicate key. Called as the workspace
// owner, every answer must be a 4xx, a redirect or a 2xx, never a 5xx or a thrown error, and a
// refused request (4xx) must write nothing (every write records an activity row).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { call, request } from '../support/factories';
import { routeModules } from '../support/route-modules';
import { activityCount, makeWorld, worldParams, type World } from '../support/world-fixture';
import { createShareLink } from '~/server/share-links.server';

type Action = Parameters<typeof call>[0];
type RouteModule = { action?: Action };
const routes = routeModules<RouteModule>();

const HOSTILE = (w: World): string[] => [
  '',
  '   ',
  '\t\n',
  'x'.repeat(10 * 1024),
  'a\u0000b',
  'abc',
  'NaN',
  'Infinity',
  '1e5',
  '-1',
  '0',
  '2147483648',
  '99999999999999999999.5',
  '0.0000001',
  '1,2,3',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01',
  w.foreignMapId,
  w.foreignStageId,
  '00000000-0000-0000-0000-000000000000',
  "' OR '1'='1' --",
  '); drop table activity; --',
  '<script>alert(1)</script>',
  '🙂 Ünïcødé \u202e gnp.exe',
  '__proto__',
  '%00',
  '../../etc/passwd',
];

/** A valid submission of each intent of a route; each of its fields will be attacked in turn. */
type Case = { form: Record<string, string>; files?: Record<string, string> };

function cases(file: string, w: World): Case[] {
  const s0 = w.stages[0]!.id;
  const s1 = w.stages[1]!.id;
  const csv = `kpi_id,date,value,target\n${w.kpi.id},2025-02-28,31,40\n`;
  const table: Record<string, Case[]> = {
    'account.tsx': [
      { form: { intent: 'profile', displayName: 'Owner', locale: 'en' } },
      // Last: a hostile new password that happens to be valid changes it, and later ones are refused.
      { form: { intent: 'password', currentPassword: w.owner.password, newPassword: w.owner.password } },
    ],
    'workspaces.new.tsx': [{ form: { name: 'Second', currency: 'EUR', locale: 'fr', timeZone: 'Europe/Paris' } }],
    'w.$slug.settings_.api.tsx': [
      { form: { intent: 'create', name: 'Warehouse', scope: 'read_write', expiresOn: '' } },
      { form: { intent: 'revoke', tokenId: '00000000-0000-4000-8000-000000000000' } },
    ],
    ...Object.fromEntries(
      ['w.$slug.maps.$mapId.share.tsx', 'w.$slug.projects.$projectId.share.tsx', 'w.$slug.summary.share.tsx'].map((file) => [
        file,
        [
          { form: { intent: 'create', expiresOn: '2100-01-01', password: 'open sesame' } },
          { form: { intent: 'revoke', linkId: '00000000-0000-4000-8000-000000000000' } },
        ],
      ]),
    ),
    'w.$slug.settings_.webhooks._index.tsx': [
      { form: { intent: 'create', url: 'https://93.184.216.34/parcours', events: 'kpi.values_changed' } },
      { form: { intent: 'test', webhookId: '00000000-0000-4000-8000-000000000000' } },
      { form: { intent: 'rotate', webhookId: '00000000-0000-4000-8000-000000000000' } },
      { form: { intent: 'delete', webhookId: '00000000-0000-4000-8000-000000000000' } },
    ],
    'w.$slug.settings.tsx': [
      { form: { intent: 'settings', version: '1', name: 'Renamed', currency: 'EUR', locale: 'en', timeZone: 'Europe/Paris' } },
      { form: { intent: 'invite', email: 'new@example.com', role: 'editor' } },
      { form: { intent: 'role', userId: w.owner.id, role: 'owner' } },
      { form: { intent: 'remove', userId: w.stranger.id } },
      { form: { intent: 'revoke', invitationId: w.invitation.id } },
    ],
    'w.$slug.personas.tsx': [
      { form: { intent: 'create', name: 'Marc', description: 'd', goals: 'g', frustrations: 'f' } },
      { form: { intent: 'update', personaId: w.persona.id, version: '1', name: 'Claire', description: 'd', goals: 'g', frustrations: 'f' } },
      { form: { intent: 'delete', personaId: w.persona.id } },
    ],
    'w.$slug.maps._index.tsx': [
      { form: { intent: 'create', name: 'New map', description: 'd', personaId: w.persona.id, state: 'current', template: 'subscription' } },
      { form: { intent: 'updateMap', mapId: w.map.id, version: '1', name: 'Renamed', description: 'd', personaId: w.persona.id, state: 'future' } },
      { form: { intent: 'duplicate', mapId: w.map.id } },
      { form: { intent: 'archive', mapId: w.map.id } },
      { form: { intent: 'delete', mapId: w.map.id } },
    ],
    'w.$slug.maps.$mapId.tsx': [
      { form: { intent: 'updateMap', mapId: w.map.id, version: '1', name: 'Renamed', description: 'd', state: 'current' } },
      { form: { intent: 'addStage', name: 'Stage', phase: 'Phase', description: 'd' } },
      { form: { intent: 'updateStage', stageId: s0, version: '1', name: 'Stage', phase: 'Phase', description: 'd' } },
      { form: { intent: 'addLane', kind: 'actions', name: 'Lane' } },
      { form: { intent: 'updateLane', laneId: w.textLane.id, version: '1', name: 'Lane' } },
      { form: { intent: 'addCard', laneId: w.textLane.id, stageId: s0, title: 'Card', description: 'd', channel: 'web', system: 'CRM' } },
      { form: { intent: 'updateCard', cardId: w.card.id, version: '1', title: 'Card', description: 'd', channel: 'web', system: 'CRM' } },
      { form: { intent: 'deleteStage', id: s1 } },
      { form: { intent: 'deleteLane', id: w.textLane.id } },
      { form: { intent: 'deleteCard', id: w.card.id } },
      { form: { intent: 'moveStage', id: s0, toIndex: '1' } },
      { form: { intent: 'moveLane', id: w.textLane.id, toIndex: '0' } },
      { form: { intent: 'moveCard', id: w.card.id, toStageId: s1, toIndex: '0' } },
      { form: { intent: 'moveKpi', id: w.kpi.id, target: `${s1}:0` } },
      { form: { intent: 'setEmotion', laneId: w.emotionLane.id, stageId: s0, score: '-2', version: '1' } },
    ],
    'w.$slug.maps.$mapId.comments.tsx': [
      { form: { intent: 'startThread', target: `card:${w.card.id}`, body: 'Over to @Test User', mention: w.owner.id } },
      { form: { intent: 'reply', threadId: w.thread.id, body: 'Agreed' } },
      { form: { intent: 'editComment', commentId: w.comment.id, version: '1', body: 'Is this step needed at all?' } },
      { form: { intent: 'resolveThread', threadId: w.thread.id } },
      { form: { intent: 'reopenThread', threadId: w.thread.id } },
      // Last: a valid deletion removes the comment, and later requests are refused.
      { form: { intent: 'deleteComment', commentId: w.comment.id } },
    ],
    'w.$slug.notifications.tsx': [{ form: { intent: 'read', notificationId: w.notification.id } }, { form: { intent: 'readAll' } }],
    'w.$slug.maps.$mapId_.history.tsx': [{ form: { intent: 'name', name: 'Workshop 12 March' } }],
    'w.$slug.maps.$mapId.history.$versionId.tsx': [{ form: { intent: 'restore', head: '0' } }],
    'w.$slug.kpis.new.tsx': [{ form: { mapId: w.map.id, laneId: w.kpiLane.id, stageId: s0, measureId: w.measure.id, name: 'CSAT', js: '1' } }],
    'w.$slug.maps.$mapId.kpis.$kpiId.tsx': [
      {
        form: {
          intent: 'settings',
          version: '1',
          note: 'n',
          baselineValue: '30',
          baselineDate: '2025-01-01',
          targetValue: '42',
          targetDate: '2026-12-31',
          impactMode: 'manual',
          manualAmount: '1000',
        },
      },
      { form: { intent: 'value', date: '2025-03-31', value: '32', valueId: w.value.id } },
      { form: { intent: 'current', value: '33' } },
      { form: { intent: 'delete-value', valueId: w.value.id } },
      { form: { intent: 'nps', date: '2025-04-30', answers: '10 9 8 3' } },
      { form: { intent: 'linkProject', projectId: w.spareProject.id, share: '50' } },
      { form: { intent: 'delete' } },
    ],
    'w.$slug.measures._index.tsx': [
      {
        form: {
          intent: 'create',
          name: 'CSAT',
          description: 'd',
          unit: 'pts',
          trend: 'up',
          valueAmount: '1000',
          valueStep: '1',
          impactType: 'revenue',
          ownerId: w.owner.id,
          group: 'g',
          tags: 'a, b',
          heartCategory: 'happiness',
          family: 'customer_perception',
          gsmGoal: 'g',
          gsmSignal: 's',
          systems: 'CRM',
          touchpoints: w.card.id,
        },
      },
      { form: { intent: 'starter', keys: 'nps' } },
    ],
    'w.$slug.measures.$measureId.tsx': [
      {
        form: {
          intent: 'update',
          version: '1',
          name: 'NPS',
          unit: 'pts',
          trend: 'down',
          valueAmount: '50000',
          valueStep: '10',
          impactType: 'cost_saving',
          ownerId: w.owner.id,
        },
      },
      { form: { intent: 'archive' } },
      { form: { intent: 'delete' } },
    ],
    'w.$slug.projects._index.tsx': [
      { form: { intent: 'create', name: 'Project', description: 'd', ownerId: w.owner.id, status: 'planned', startDate: '2025-01-01' } },
    ],
    'w.$slug.projects.$projectId.tsx': [
      { form: { intent: 'details', version: '1', name: 'Project', description: 'd', ownerId: w.owner.id, status: 'planned', startDate: '2025-01-01' } },
      { form: { intent: 'assumptions', version: '1', horizonYears: '3', discountRate: '8', confidence: '80', rampUp: '50 / 100 / 100' } },
      { form: { intent: 'addCost', label: 'Run', kind: 'recurring', amount: '10000', year: '1' } },
      { form: { intent: 'updateCost', costId: w.cost.id, label: 'Build', kind: 'one_off', amount: '60000', year: '0' } },
      { form: { intent: 'deleteCost', costId: w.cost.id } },
      { form: { intent: 'link', kpiId: w.kpi.id, share: '50' } },
      { form: { intent: 'unlink', kpiId: w.kpi.id } },
      { form: { intent: 'archive', version: '1' } },
      { form: { intent: 'startThread', body: 'Is the ramp-up realistic?' } },
    ],
    'w.$slug.priorities.tsx': [
      { form: { intent: 'createCriterion', name: 'Reach', weight: '2', direction: 'higher_is_better' } },
      { form: { intent: 'updateCriterion', criterionId: w.criterion.id, version: '1', name: 'Fit', weight: '3', direction: 'lower_is_better' } },
      {
        form: { intent: 'score', projectId: w.project.id, 'scores[0].criterionId': w.criterion.id, 'scores[0].score': '4', 'scores[0].version': '' },
      },
      { form: { intent: 'deleteCriterion', criterionId: w.criterion.id } },
    ],
    'w.$slug.objectives._index.tsx': [
      {
        form: {
          intent: 'create',
          name: 'Grow revenue',
          description: 'd',
          ownerId: w.owner.id,
          parentId: w.objective.id,
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          targetKind: 'money',
          targetAmount: '400000',
          impactType: 'revenue',
        },
      },
      {
        form: {
          intent: 'create',
          name: 'NPS 45',
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          targetKind: 'measure',
          measureId: w.measure.id,
          targetValue: '45',
        },
      },
    ],
    'w.$slug.objectives.$objectiveId.tsx': [
      {
        form: {
          intent: 'update',
          version: '1',
          name: 'Reduce cost to serve',
          description: 'd',
          ownerId: w.owner.id,
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          targetKind: 'money',
          targetAmount: '400000',
          impactType: 'cost_saving',
        },
      },
      { form: { intent: 'link', version: '1', kind: 'project', ids: w.project.id } },
      { form: { intent: 'link', version: '1', kind: 'kpi', ids: w.kpi.id } },
      { form: { intent: 'unlink', version: '1', kind: 'measure', id: w.measure.id } },
      // Last: a valid deletion removes the objective, and later requests are refused.
      { form: { intent: 'delete', version: '1' } },
    ],
    's.$token.tsx': [{ form: { password: 'not the password' } }],
    'w.$slug.dashboards._index.tsx': [{ form: { intent: 'create', name: 'Board', audience: 'custom', customAudience: 'Franchisees', shared: 'on' } }],
    'w.$slug.dashboards.$dashboardId.tsx': [
      { form: { intent: 'update', version: '1', name: 'Board', audience: 'top_management', customAudience: '', shared: 'on' } },
      { form: { intent: 'addMeasure', version: '1', measureId: w.measure.id } },
      { form: { intent: 'moveMeasure', version: '1', measureId: w.measure.id, direction: 'down' } },
      { form: { intent: 'removeMeasure', version: '1', measureId: w.measure.id } },
      { form: { intent: 'delete', version: '1' } },
    ],
    'w.$slug.kpis.import.tsx': [{ form: { intent: 'preview', csv } }, { form: { intent: 'import', csv } }],
    'w.$slug.kpis.check.tsx': [{ form: { intent: 'preview', csv } }],
  };
  const list = table[file];
  if (!list) throw new Error(`${file} has an action but no hostile-input cases: add its intents and fields here`);
  return list;
}

/** Hostile cells of a KPI CSV file and hostile leaves of a map JSON export, sent as uploaded files. */
function fileCases(file: string, w: World, hostile: string[]): { intent: string; field: string; name: string; content: string }[] {
  if (file === 'w.$slug.kpis.import.tsx' || file === 'w.$slug.kpis.check.tsx') {
    const row = { kpi_id: w.kpi.id, date: '2025-02-28', value: '31', target: '40' };
    return (['kpi_id', 'date', 'value', 'target'] as const).flatMap((column) =>
      hostile.map((value) => ({
        intent: 'import',
        field: 'file',
        name: `csv ${column}=${value.slice(0, 20)}`,
        content: Papa.unparse([{ ...row, [column]: value }]),
      })),
    );
  }
  if (file === 'w.$slug.maps._index.tsx') {
    const doc = () => ({
      format: 'parcours.journey-map',
      version: 1,
      map: { name: 'Imported', description: '', state: 'current', persona: 'Claire' },
      stages: [{ name: 'A', description: '', phase: null }],
      lanes: [
        { kind: 'actions', name: 'Actions' },
        { kind: 'kpi', name: 'KPIs' },
      ],
      cards: [{ lane: 0, stage: 0, title: 'Card', description: '', channel: 'web', system: null }],
      emotions: [],
      kpis: [
        {
          lane: 1,
          stage: 0,
          measure: { name: 'NPS', description: '', unit: 'pts', trend: 'up', valueAmount: '50000', valueStep: '10', impactType: 'revenue' },
          note: '',
          baselineValue: '30',
          baselineDate: '2025-01-01',
          targetValue: '42',
          targetDate: '2026-12-31',
          impactMode: 'auto',
          manualAmount: null,
          values: [{ date: '2025-06-01', value: '31', source: 'manual' }],
        },
      ],
    });
    type Doc = ReturnType<typeof doc>;
    const leaves: [string, (d: Doc, v: string) => void][] = [
      ['map.name', (d, v) => (d.map.name = v)],
      ['map.state', (d, v) => (d.map.state = v)],
      ['stages[0].name', (d, v) => (d.stages[0]!.name = v)],
      ['lanes[0].kind', (d, v) => (d.lanes[0]!.kind = v)],
      ['cards[0].title', (d, v) => (d.cards[0]!.title = v)],
      ['kpis[0].measure.name', (d, v) => (d.kpis[0]!.measure.name = v)],
      ['kpis[0].measure.unit', (d, v) => (d.kpis[0]!.measure.unit = v)],
      ['kpis[0].measure.valueStep', (d, v) => (d.kpis[0]!.measure.valueStep = v)],
      ['kpis[0].measure.valueAmount', (d, v) => (d.kpis[0]!.measure.valueAmount = v)],
      ['kpis[0].baselineDate', (d, v) => (d.kpis[0]!.baselineDate = v)],
      ['kpis[0].targetValue', (d, v) => (d.kpis[0]!.targetValue = v)],
      ['kpis[0].values[0].date', (d, v) => (d.kpis[0]!.values[0]!.date = v)],
      ['kpis[0].values[0].value', (d, v) => (d.kpis[0]!.values[0]!.value = v)],
    ];
    return leaves.flatMap(([path, set]) =>
      hostile.map((value) => {
        const d = doc();
        set(d, value);
        return { intent: 'import', field: 'file', name: `json ${path}=${value.slice(0, 20)}`, content: JSON.stringify(d) };
      }),
    );
  }
  return [];
}

async function passwordShareLink(w: World) {
  const created = await createShareLink(w.ws.id, w.owner.id, { kind: 'map', id: w.map.id }, { expiresAt: null, password: 'the right password' });
  if (created.status !== 'ok') throw new Error('share link not created');
  return created.value.token;
}

const actions = Object.entries(routes)
  .filter(([, m]) => typeof m.action === 'function')
  .map(([file, m]) => [file, m.action!] as const)
  // Sign-in and sign-up are attacked by the auth tests; logout and invitation acceptance take no fields;
  // the API takes JSON, not forms (its hostile values are in api.test.ts).
  .filter(([file]) => !['login.tsx', 'signup.tsx', 'logout.tsx', 'invite.$token.tsx'].includes(file) && !file.startsWith('api.'));

describe('hostile input', () => {
  it('covers every action that reads a form', () => {
    expect(actions.length).toBeGreaterThanOrEqual(14);
  });

  it.each(actions)(
    '%s: never a 5xx, and a refused request writes nothing',
    async (file, action) => {
      const w = await makeWorld();
      const hostile = HOSTILE(w);
      const params = worldParams(file, w);
      // The share page's password form, on a link that has a password (any other token is a 404).
      if (file === 's.$token.tsx') params.token = await passwordShareLink(w);
      const failures: string[] = [];
      const send = async (name: string, body: URLSearchParams | FormData) => {
        const before = await activityCount(w.ws.id);
        let status: number;
        try {
          status = (await call(action, { request: request(`/w/${w.ws.slug}/x`, { user: w.owner, body }), params })).status;
        } catch (error) {
          failures.push(`${name}: threw ${String(error).slice(0, 200)}`);
          return;
        }
        if (status >= 500) failures.push(`${name}: ${status}`);
        else if (status >= 400 && (await activityCount(w.ws.id)) !== before) failures.push(`${name}: ${status} but wrote`);
      };
      for (const { form } of cases(file, w)) {
        for (const field of Object.keys(form)) {
          for (const value of hostile) {
            await send(`${form.intent ?? ''} ${field}=${JSON.stringify(value.slice(0, 20))}`, new URLSearchParams({ ...form, [field]: value }));
          }
          // Duplicate keys: an array where one value is expected (the hostile one first).
          const twice = new URLSearchParams(form);
          twice.delete(field);
          twice.append(field, 'abc');
          twice.append(field, form[field]!);
          await send(`${form.intent ?? ''} ${field}=[abc, …]`, twice);
        }
        // A field nobody expects.
        await send(`${form.intent ?? ''} +unexpected`, new URLSearchParams({ ...form, unexpected: 'x'.repeat(10 * 1024), 'a[b]': '1' }));
      }
      for (const c of fileCases(file, w, hostile)) {
        const body = new FormData();
        body.set('intent', c.intent);
        body.set(c.field, new File([c.content], 'upload'));
        await send(c.name, body);
      }
      expect(failures).toEqual([]);
      // About 50 s for all routes on an idle machine; the map editor alone takes 10 s, several times that on a loaded CI runner.
    },
    180_000,
  );
});
