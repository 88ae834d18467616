import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiMeasure, apiUpdateMeasure } from '~/server/api-documents.server';
import { IdParamSchema, MeasurePatchSchema } from '~/server/api-schemas.server';
import { API_BODY_LIMIT, answerRead, parseParams, problem, readJsonBody, withIdempotency } from '~/server/api.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  const { id } = parseParams(params, IdParamSchema);
  return answerRead(request, await apiMeasure(token.workspaceId, id));
}

/** PATCH changes the given fields at `version` (write scope): a stale version is 409 with the current measure. */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireApiToken(request, 'read_write');
  if (request.method !== 'PATCH') return problem(405, 'PATCH a measure.', { headers: { Allow: 'GET, PATCH' } });
  const { id } = parseParams(params, IdParamSchema);
  const { text, value } = await readJsonBody(request, MeasurePatchSchema, API_BODY_LIMIT);
  const changes = JSON.parse(text) as Record<string, unknown>;
  return withIdempotency(request, token, text, () => apiUpdateMeasure(token.workspaceId, { apiTokenId: token.id }, id, value.version, changes));
}
