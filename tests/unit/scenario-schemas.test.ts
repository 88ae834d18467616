// The scenarios form: what people type (points, percentages, French decimals) becomes the fractions
// the domain uses; while typing, a field that does not read keeps its saved value.
import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIOS } from '~/domain/business-case';
import { draftScenarios, scenarioDraft, scenariosSchema } from '~/lib/schemas/scenarios';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const full = (low: Record<string, string> = {}) => ({
  intent: 'scenarios',
  ...Object.fromEntries(
    (['low', 'base', 'high'] as const).flatMap((kind) =>
      Object.entries({ version: '0', confidenceShift: '0', rampUp: '', costChange: '0', targetReach: '100', ...(kind === 'low' ? low : {}) }).map(([k, v]) => [
        `${kind}.${k}`,
        v,
      ]),
    ),
  ),
});

describe('scenariosSchema', () => {
  it('reads French points and percentages as fractions', () => {
    const s = parseWithZod(form(full({ version: '3', confidenceShift: '-12,5', rampUp: '25 / 50', costChange: '+20', targetReach: '62,5' })), {
      schema: scenariosSchema('fr'),
    });
    expect(s.status).toBe('success');
    if (s.status !== 'success') return;
    expect(s.value.low).toEqual({ version: 3, confidenceShift: '-0.125', rampUp: ['0.25', '0.5'], costChange: '0.2', targetReach: '0.625' });
  });

  it.each([
    ['targetReach', '200.01', 'field.range'],
    ['targetReach', '-1', 'field.range'],
    ['confidenceShift', '-101', 'field.range'],
    ['costChange', '501', 'field.range'],
    ['costChange', '', 'field.required'],
    ['rampUp', '50 / 101', 'field.range'],
    ['version', '1.5', 'field.integer'],
  ])('refuses low.%s = %j with %s', (field, value, message) => {
    const s = parseWithZod(form(full({ [field]: value })), { schema: scenariosSchema('en') });
    expect(s.status).toBe('error');
    if (s.status !== 'error') return;
    expect(s.error?.[`low.${field}`]).toEqual([message]);
  });
});

describe('draftScenarios', () => {
  const drafts = {
    low: scenarioDraft(DEFAULT_SCENARIOS.low, 'fr'),
    base: scenarioDraft(DEFAULT_SCENARIOS.base, 'fr'),
    high: scenarioDraft(DEFAULT_SCENARIOS.high, 'fr'),
  };

  it('shows the saved scenarios as typed (French)', () => {
    expect(drafts.low).toEqual({ confidenceShift: '-20', rampUp: '', costChange: '20', targetReach: '70' });
  });

  it('takes what reads, keeps the saved value of what does not, and says which', () => {
    const typed = draftScenarios(
      { ...drafts, low: { ...drafts.low, targetReach: '35,5' }, high: { ...drafts.high, costChange: 'beaucoup' } },
      DEFAULT_SCENARIOS,
      'fr',
    );
    expect(typed.value.low.targetReach).toBe('0.355');
    expect(typed.value.high.costChange).toBe('-0.1');
    expect(typed.invalid).toEqual(['high.costChange']);
  });
});
