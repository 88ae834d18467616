// POST a batch of KPI values, as JSON or as the CSV template: the CSV import's checks and writes
// (kpi-import.server), source 'api'.
import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { KpiValueBatchSchema, MAX_BATCH_VALUES } from '~/server/api-schemas.server';
import { API_BATCH_BODY_LIMIT, bodyType, problem, readCsvBody, readJsonBody, withIdempotency, type ProblemIssue } from '~/server/api.server';
import { applyKpiValueBatch, applyKpiValueCsv, type ImportPreview } from '~/server/kpi-import.server';

export function loader() {
  return problem(405, 'POST a batch of values.', { headers: { Allow: 'POST' } });
}

const written = (p: ImportPreview) => ({ status: 200, body: { received: p.values, new: p.created, changed: p.updated, unchanged: p.unchanged } });

const refused = (errors: ProblemIssue[], detail = 'No value was written: fix these rows and send the batch again.') => ({
  status: 400,
  body: { type: 'about:blank', title: 'Bad request', status: 400, detail, errors },
});

/** JSON rows are named by their index in `values`. */
function jsonIssues(p: ImportPreview): ProblemIssue[] {
  return p.errors.map((e) => {
    const field = e.column === 'kpi_id' ? 'kpi' : (e.column ?? '');
    const path = ['values', e.line, field].filter((x) => x !== '');
    return { path: path.join('.'), pointer: `/${path.join('/')}`, message: e.code };
  });
}

/** CSV rows are named by their line in the file (the header is line 1), as on the import page. */
function csvIssues(p: ImportPreview): ProblemIssue[] {
  return p.errors.map((e) => {
    const path = [e.line, e.column ?? ''].filter((x) => x !== '');
    return { path: path.join('.'), pointer: `/${path.join('/')}`, message: e.code, line: e.line, ...(e.column ? { column: e.column } : {}) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return problem(405, 'POST a batch of values.', { headers: { Allow: 'POST' } });
  const token = await requireApiToken(request, 'read_write');
  const actor = { apiTokenId: token.id };
  const type = bodyType(request);
  if (type !== 'application/json' && type !== 'text/csv') return problem(415, 'Send the batch as application/json or text/csv.');
  if (type === 'text/csv') {
    const text = await readCsvBody(request, API_BATCH_BODY_LIMIT);
    return withIdempotency(request, token, text, async () => {
      const outcome = await applyKpiValueCsv(token.workspaceId, actor, text, MAX_BATCH_VALUES);
      if (outcome.tooMany) return refused([], `At most ${MAX_BATCH_VALUES} rows per batch: nothing was written.`);
      return outcome.written ? written(outcome.preview) : refused(csvIssues(outcome.preview));
    });
  }
  const { text, value } = await readJsonBody(request, KpiValueBatchSchema, API_BATCH_BODY_LIMIT);
  return withIdempotency(request, token, text, async () => {
    const outcome = await applyKpiValueBatch(token.workspaceId, actor, value.values);
    return outcome.written ? written(outcome.preview) : refused(jsonIssues(outcome.preview));
  });
}
