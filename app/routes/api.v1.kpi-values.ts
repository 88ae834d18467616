// POST a batch of KPI values: the CSV import's checks and writes (kpi-import.server), source 'api'.
import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { KpiValueBatchSchema } from '~/server/api-schemas.server';
import { API_BATCH_BODY_LIMIT, problem, readJsonBody, withIdempotency } from '~/server/api.server';
import { applyKpiValueBatch } from '~/server/kpi-import.server';

export function loader() {
  return problem(405, 'POST a batch of values.', { headers: { Allow: 'POST' } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return problem(405, 'POST a batch of values.', { headers: { Allow: 'POST' } });
  const token = await requireApiToken(request, 'read_write');
  const { text, value } = await readJsonBody(request, KpiValueBatchSchema, API_BATCH_BODY_LIMIT);
  return withIdempotency(request, token, text, async () => {
    const outcome = await applyKpiValueBatch(token.workspaceId, { apiTokenId: token.id }, value.values);
    const p = outcome.preview;
    if (!outcome.written) {
      const errors = p.errors.map((e) => {
        const field = e.column === 'kpi_id' ? 'kpi' : (e.column ?? '');
        const path = ['values', e.line, field].filter((x) => x !== '');
        return { path: path.join('.'), pointer: `/${path.join('/')}`, message: e.code };
      });
      return {
        status: 400,
        body: { type: 'about:blank', title: 'Bad request', status: 400, detail: 'No value was written: fix these rows and send the batch again.', errors },
      };
    }
    return { status: 200, body: { received: p.values, new: p.created, changed: p.updated, unchanged: p.unchanged } };
  });
}
