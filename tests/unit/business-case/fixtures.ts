// The worked example of DESIGN.md as linked KPIs, shared by the business-case unit tests.
import type { LinkedKpi } from '~/domain/business-case';

export const TODAY = '2026-06-30';

export function link(overrides: Partial<LinkedKpi>): LinkedKpi {
  return {
    kpiId: 'k',
    share: '1',
    measureId: 'm',
    measureName: 'NPS',
    stageName: 'Onboarding',
    mapId: 'map',
    mapName: 'Map',
    unit: 'pts',
    trend: 'up',
    valueAmount: '50000',
    valueStep: '10',
    impactMode: 'auto',
    manualAmount: null,
    target: '42',
    current: '32',
    lastValueDate: '2026-06-01',
    totalShare: '1',
    ...overrides,
  };
}

export const workedExample = [
  link({ kpiId: 'nps' }),
  link({
    kpiId: 'churn',
    measureId: 'churn',
    measureName: 'Churn',
    stageName: 'Renewal',
    unit: '%',
    trend: 'down',
    valueAmount: '120000',
    valueStep: '1',
    current: '8.5',
    target: '7.0',
    share: '0.5',
    totalShare: '0.5',
  }),
  link({
    kpiId: 'aht',
    measureId: 'aht',
    measureName: 'AHT',
    stageName: 'Support',
    unit: 'seconds',
    trend: 'down',
    valueAmount: '2000',
    valueStep: '10',
    current: '420',
    target: '360',
  }),
];
export const exampleAssumptions = { horizonYears: 3, discountRate: '0.08', confidence: '0.8', rampUp: ['0.5', '1', '1'] };
export const exampleCosts = [
  { kind: 'one_off' as const, amount: '60000', year: 0 },
  { kind: 'recurring' as const, amount: '10000', year: 1 },
];
