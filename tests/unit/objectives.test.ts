import { describe, expect, it } from 'vitest';
import {
  benefitOf,
  checkParent,
  measureCurrent,
  measureProgress,
  moneyProgress,
  objectiveTree,
  rollUp,
  type MeasureProgress,
  type MoneyProgress,
  type ObjectiveNode,
  type ParentCheck,
  type ProjectBenefit,
  type RollUpNode,
} from '../../app/domain/objectives';
import type { Trend } from '../../app/domain/vocabulary';

// company -> programme -> team, a second programme without teams, and a lone objective:
//   company
//   ├── programme
//   │   └── team
//   └── programme2
//   lone
const tree: ObjectiveNode[] = [
  { id: 'company', parentId: null },
  { id: 'programme', parentId: 'company' },
  { id: 'team', parentId: 'programme' },
  { id: 'programme2', parentId: 'company' },
  { id: 'lone', parentId: null },
];

describe('checkParent', () => {
  it.each<[string, string | null, string | null, ParentCheck]>([
    ['a new top-level objective', null, null, { ok: true }],
    ['a new objective under the company (level 2)', null, 'company', { ok: true }],
    ['a new objective under a programme (level 3)', null, 'programme', { ok: true }],
    ['a new objective under a team (level 4)', null, 'team', { ok: false, reason: 'too_deep' }],
    ['a parent of another workspace', null, 'elsewhere', { ok: false, reason: 'parent_missing' }],
    ['an objective as its own parent', 'programme', 'programme', { ok: false, reason: 'cycle' }],
    ['the company under its own team', 'company', 'team', { ok: false, reason: 'cycle' }],
    ['the company under its programme', 'company', 'programme', { ok: false, reason: 'cycle' }],
    ['the programme (2 levels) under lone: 1 + 2 = 3 levels', 'programme', 'lone', { ok: true }],
    ['the company (3 levels) under lone: 1 + 3 = 4 levels', 'company', 'lone', { ok: false, reason: 'too_deep' }],
    ['the programme (2 levels) under programme2: 2 + 2 = 4 levels', 'programme', 'programme2', { ok: false, reason: 'too_deep' }],
    ['lone (1 level) under programme2: level 3', 'lone', 'programme2', { ok: true }],
    ['the team moved to the top', 'team', null, { ok: true }],
    ['the team moved under the other programme', 'team', 'programme2', { ok: true }],
  ])('%s', (_label, id, parentId, expected) => {
    expect(checkParent(tree, id, parentId)).toEqual(expected);
  });

  it('stops on a cycle already stored instead of looping', () => {
    const broken: ObjectiveNode[] = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: null },
    ];
    expect(checkParent(broken, 'c', 'a')).toEqual({ ok: true });
    expect(checkParent(broken, 'a', 'b')).toEqual({ ok: false, reason: 'cycle' });
  });
});

describe('objectiveTree', () => {
  it('lists each parent followed by its children, with depths and child counts', () => {
    expect(objectiveTree(tree).map((e) => [e.node.id, e.depth, e.childCount])).toEqual([
      ['company', 1, 2],
      ['programme', 2, 1],
      ['team', 3, 0],
      ['programme2', 2, 0],
      ['lone', 1, 0],
    ]);
  });

  it('shows an objective whose parent is missing, or a stored cycle, at the top level, each once', () => {
    const odd: ObjectiveNode[] = [
      { id: 'orphan', parentId: 'gone' },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(objectiveTree(odd).map((e) => [e.node.id, e.depth])).toEqual([
      ['orphan', 1],
      ['a', 1],
      ['b', 2],
    ]);
  });
});

describe('moneyProgress (gap = max(target - planned, 0); remaining = max(target - realised, 0))', () => {
  // Hand-worked: "Reduce cost to serve by 400,000 EUR" with projects planning 152,000 + 90,000 over
  // their horizons and 60,800 realised so far: gap 158,000, still to realise 339,200.
  it.each<[string, string, string | null, MoneyProgress]>([
    [
      '400000',
      '242000',
      '60800',
      {
        target: '400000',
        planned: '242000',
        realised: '60800',
        gap: '158000',
        covered: false,
        remaining: '339200',
        reached: false,
        plannedShare: '0.605',
        realisedShare: '0.152',
      },
    ],
    // Plans exceed the target: covered, the gap shows 0, never a negative amount; nothing realised yet.
    [
      '400000',
      '450000',
      null,
      {
        target: '400000',
        planned: '450000',
        realised: null,
        gap: '0',
        covered: true,
        remaining: '400000',
        reached: false,
        plannedShare: '1.125',
        realisedShare: null,
      },
    ],
    // Exactly covered, and exactly realised.
    [
      '152000',
      '152000',
      '152000',
      {
        target: '152000',
        planned: '152000',
        realised: '152000',
        gap: '0',
        covered: true,
        remaining: '0',
        reached: true,
        plannedShare: '1',
        realisedShare: '1',
      },
    ],
    // No project yet: the whole target is uncovered.
    [
      '400000',
      '0',
      null,
      {
        target: '400000',
        planned: '0',
        realised: null,
        gap: '400000',
        covered: false,
        remaining: '400000',
        reached: false,
        plannedShare: '0',
        realisedShare: null,
      },
    ],
    // Realised can go backwards (a KPI moved the bad way): still to realise grows past the target.
    [
      '300000',
      '100000',
      '-15000',
      {
        target: '300000',
        planned: '100000',
        realised: '-15000',
        gap: '200000',
        covered: false,
        remaining: '315000',
        reached: false,
        plannedShare: '0.3333333333',
        realisedShare: '-0.05',
      },
    ],
    // More realised than planned (the plan counts the gap left to the KPI's target, realised what moved since the start).
    [
      '200000',
      '110000',
      '145000',
      {
        target: '200000',
        planned: '110000',
        realised: '145000',
        gap: '90000',
        covered: false,
        remaining: '55000',
        reached: false,
        plannedShare: '0.55',
        realisedShare: '0.725',
      },
    ],
    // A target of 0 has no share and is not "reached".
    [
      '0',
      '10',
      '5',
      { target: '0', planned: '10', realised: '5', gap: '0', covered: true, remaining: '0', reached: false, plannedShare: null, realisedShare: null },
    ],
    // Cents stay exact (0.1 + 0.2 is 0.3, not 0.30000000000000004).
    [
      '0.3',
      '0.1',
      '0.2',
      {
        target: '0.3',
        planned: '0.1',
        realised: '0.2',
        gap: '0.2',
        covered: false,
        remaining: '0.1',
        reached: false,
        plannedShare: '0.3333333333',
        realisedShare: '0.6666666667',
      },
    ],
  ])('target %s, planned %s, realised %s', (target, planned, realised, expected) => {
    expect(moneyProgress(target, planned, realised)).toEqual(expected);
  });
});

describe('measureCurrent and measureProgress', () => {
  it.each<[string[], string | null]>([
    [[], null],
    [['38'], '38'],
    [['32', '41'], '36.5'], // NPS at onboarding and at support
    [['8.5', '7', '7.6'], '7.7'],
    [['1', '2', '2'], '1.6666666667'],
  ])('the mean of %j is %s', (values, expected) => {
    expect(measureCurrent(values)).toBe(expected);
  });

  it.each<[string, string | null, Trend, MeasureProgress]>([
    ['45', '38', 'up', { target: '45', current: '38', remaining: '7', met: false }], // "NPS 45 by 2027", today 38
    ['45', '47', 'up', { target: '45', current: '47', remaining: '0', met: true }],
    ['45', '45', 'up', { target: '45', current: '45', remaining: '0', met: true }],
    ['7', '8.5', 'down', { target: '7', current: '8.5', remaining: '1.5', met: false }], // churn 7 %, today 8.5 %
    ['7', '6.2', 'down', { target: '7', current: '6.2', remaining: '0', met: true }],
    ['45', null, 'up', { target: '45', current: null, remaining: null, met: null }],
  ])('target %s, current %s, trend %s', (target, current, trend, expected) => {
    expect(measureProgress(target, current, trend)).toEqual(expected);
  });
});

describe('benefitOf and rollUp', () => {
  // Three projects' total benefit over their horizons and realised benefit to date.
  const benefits = new Map<string, ProjectBenefit>([
    ['onboarding', { planned: '152000', realised: '60800' }],
    ['self-care', { planned: '90000', realised: null }],
    ['billing', { planned: '12000.5', realised: '-2000.25' }],
  ]);

  it.each<[string[], { planned: string; realised: string | null; projectCount: number }]>([
    [[], { planned: '0', realised: null, projectCount: 0 }],
    [['self-care'], { planned: '90000', realised: null, projectCount: 1 }],
    [['onboarding', 'self-care'], { planned: '242000', realised: '60800', projectCount: 2 }],
    [['onboarding', 'billing', 'onboarding'], { planned: '164000.5', realised: '58799.75', projectCount: 2 }], // counted once
    [['archived-or-unknown', 'billing'], { planned: '12000.5', realised: '-2000.25', projectCount: 1 }],
  ])('projects %j', (ids, expected) => {
    expect(benefitOf(ids, benefits)).toEqual(expected);
  });

  it('sums each subtree over the projects of its money objectives, each project once', () => {
    // Hand-worked table:
    // | objective  | kind    | own projects          | projects counted in the roll-up | planned | realised |
    // | company    | money   | (none)                | onboarding, self-care, billing  | 254000.5 | 58799.75 |
    // | programme  | money   | onboarding            | onboarding, self-care           | 242000  | 60800    |
    // | team       | money   | self-care, onboarding | self-care, onboarding           | 242000  | 60800    |
    // | programme2 | measure | billing (not counted) | billing, through team2          | 12000.5 | -2000.25 |
    // | team2      | money   | billing               | billing                         | 12000.5 | -2000.25 |
    // | nps        | measure | onboarding            | (none: a measure target)        | 0       | null     |
    const nodes: RollUpNode[] = [
      { id: 'company', parentId: null, targetKind: 'money', projectIds: [] },
      { id: 'programme', parentId: 'company', targetKind: 'money', projectIds: ['onboarding'] },
      { id: 'team', parentId: 'programme', targetKind: 'money', projectIds: ['self-care', 'onboarding'] },
      { id: 'programme2', parentId: 'company', targetKind: 'measure', projectIds: ['billing'] },
      { id: 'team2', parentId: 'programme2', targetKind: 'money', projectIds: ['billing'] },
      { id: 'nps', parentId: null, targetKind: 'measure', projectIds: ['onboarding'] },
    ];
    const rolled = rollUp(nodes, benefits);
    expect(Object.fromEntries([...rolled].map(([id, t]) => [id, [t.planned, t.realised, t.projectCount]]))).toEqual({
      company: ['254000.5', '58799.75', 3],
      programme: ['242000', '60800', 2],
      team: ['242000', '60800', 2],
      programme2: ['12000.5', '-2000.25', 1],
      team2: ['12000.5', '-2000.25', 1],
      nps: ['0', null, 0],
    });
  });
});
