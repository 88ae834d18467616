import { describe, expect, it } from 'vitest';
import {
  assumptionDraft,
  costSchema,
  draftAssumptions,
  linkSchema,
  parsePercent,
  parseRampUp,
  percentInput,
  projectAssumptionsSchema,
  rampUpInput,
  summaryQuery,
} from '~/lib/schemas/projects';
import { csvFileName } from '~/domain/csv';
import { summarySearch } from '~/lib/summary-search';

describe('percentages typed by people', () => {
  it.each([
    ['8', 'en', '0.08'],
    ['8 %', 'fr', '0.08'],
    ['12,5', 'fr', '0.125'],
    ['12.5', 'en', '0.125'],
    ['100', 'en', '1'],
    ['0', 'fr', '0'],
    ['', 'en', null],
    ['huit', 'fr', null],
  ] as const)('%s (%s) -> %s', (input, locale, expected) => {
    expect(parsePercent(input, locale)).toBe(expected);
  });

  it('writes fractions back as percentages in the locale', () => {
    expect(percentInput('0.125', 'fr')).toBe('12,5');
    expect(percentInput('0.080000', 'en')).toBe('8');
    expect(rampUpInput(['0.5', '1', '0.755'], 'fr')).toBe('50 / 100 / 75,5');
  });
});

describe('ramp-up', () => {
  it.each([
    ['50 / 100 / 100', 3, { ok: true, value: ['0.5', '1', '1'] }],
    ['50;75', 3, { ok: true, value: ['0.5', '0.75'] }],
    ['', 3, { ok: true, value: [] }],
    ['10/20/30/40', 2, { ok: true, value: ['0.1', '0.2'] }],
    ['50 / abc', 3, { ok: false, error: 'field.rampUp' }],
    ['50 / 120', 3, { ok: false, error: 'field.range' }],
    ['-10', 3, { ok: false, error: 'field.range' }],
  ] as const)('"%s" over %i years', (input, horizon, expected) => {
    expect(parseRampUp(input, 'fr', horizon)).toEqual(expected);
  });
});

describe('form schemas', () => {
  it('reads assumptions as fractions in the workspace locale', () => {
    const ok = projectAssumptionsSchema('fr').safeParse({
      intent: 'assumptions',
      version: '4',
      horizonYears: '3',
      discountRate: '7,5',
      confidence: '80',
      rampUp: '50 / 100',
    });
    expect(ok.success && ok.data).toEqual({
      intent: 'assumptions',
      version: 4,
      horizonYears: 3,
      discountRate: '0.075',
      confidence: '0.8',
      rampUp: ['0.5', '1'],
    });
    const bad = projectAssumptionsSchema('en').safeParse({
      intent: 'assumptions',
      version: '1',
      horizonYears: '0',
      discountRate: '101',
      confidence: 'x',
      rampUp: '',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual([
      'confidence:field.number',
      'discountRate:field.range',
      'horizonYears:field.range',
    ]);
  });

  it('reads cost amounts in the locale and refuses negative ones', () => {
    expect(costSchema('fr').parse({ intent: 'addCost', label: 'Licence', kind: 'recurring', amount: '12 500,50' })).toMatchObject({ amount: '12500.5' });
    expect(costSchema('en').parse({ intent: 'addCost', label: 'Build', kind: 'one_off', amount: '1,000', year: '2' })).toMatchObject({
      amount: '1000',
      year: 2,
    });
    expect(costSchema('en').safeParse({ intent: 'addCost', label: 'Build', kind: 'one_off', amount: '-1' }).success).toBe(false);
    expect(costSchema('en').safeParse({ intent: 'addCost', label: 'Build', kind: 'one_off', amount: '5', year: '11' }).success).toBe(false);
  });

  it('defaults a link share to 100 % and caps it at 100 %', () => {
    const kpiId = '00000000-0000-4000-8000-000000000000';
    expect(linkSchema('en').parse({ intent: 'link', kpiId })).toMatchObject({ share: '1' });
    expect(linkSchema('fr').parse({ intent: 'share', kpiId, share: '33,3' })).toMatchObject({ share: '0.333' });
    expect(linkSchema('en').safeParse({ intent: 'link', kpiId, share: '101' }).success).toBe(false);
  });
});

describe('what-if drafts', () => {
  const saved = { horizonYears: 3, discountRate: '0.08', confidence: '0.8', rampUp: ['0.5', '1', '1'] };

  it('round-trips the saved assumptions', () => {
    expect(draftAssumptions(assumptionDraft(saved, 'fr'), saved, 'fr')).toEqual({ value: saved, invalid: [] });
  });

  it('keeps the saved value for a field being typed that does not read yet', () => {
    const draft = { horizonYears: '5', discountRate: '', confidence: '9,5', rampUp: '50 / x' };
    expect(draftAssumptions(draft, saved, 'fr')).toEqual({
      value: { horizonYears: 5, discountRate: '0.08', confidence: '0.095', rampUp: ['0.5', '1', '1'] },
      invalid: ['discountRate', 'rampUp'],
    });
    expect(draftAssumptions({ ...draft, horizonYears: '2', rampUp: '' }, saved, 'fr').value).toMatchObject({ horizonYears: 2, rampUp: [] });
    expect(draftAssumptions({ ...draft, horizonYears: '12' }, saved, 'fr').invalid).toContain('horizonYears');
  });
});

describe('summary query and file names', () => {
  it('falls back to NPV, no filter and the first page for unknown parameters', () => {
    expect(summaryQuery(new URLSearchParams('sort=roi&status=planned&page=3'))).toEqual({ sort: 'roi', status: 'planned', page: 3 });
    expect(summaryQuery(new URLSearchParams('sort=x&status=y&page=-2'))).toEqual({ sort: 'npv', status: undefined, page: 1 });
  });

  it('writes a view as the search string the server reads back, page 1 left out', () => {
    const view = { sort: 'payback', status: 'in_progress', page: 4 } as const;
    expect(summaryQuery(new URLSearchParams(summarySearch(view)))).toEqual(view);
    expect(summarySearch({ sort: 'npv', page: 1 })).toBe('sort=npv');
  });

  it('makes ASCII CSV file names', () => {
    expect(csvFileName('Refonte du parcours de renouvellement')).toBe('refonte-du-parcours-de-renouvellement');
    expect(csvFileName('Équipe « CX »')).toBe('equipe-cx');
    expect(csvFileName('***')).toBe('export');
  });
});
