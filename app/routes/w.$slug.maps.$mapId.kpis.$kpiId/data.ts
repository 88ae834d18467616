// The shapes the KPI settings pieces receive, inferred from the server module that reads them
// (`import type` is erased: no server code reaches the browser).
import type { getKpiSettings } from '~/server/kpis.server';

export type KpiSettings = Extract<Awaited<ReturnType<typeof getKpiSettings>>, { status: 'ok' }>['value'];
export type KpiRow = KpiSettings['kpi'];
export type MeasureRow = KpiSettings['measure'];
export type ValueRow = KpiSettings['values'][number];

/** What an action answered, as every piece reads it (see ~/lib/action-result). */
export type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;
