import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiCreateMeasure, apiMeasurePage } from '~/server/api-documents.server';
import { MeasureCreateSchema, PageQuerySchema } from '~/server/api-schemas.server';
import { API_BODY_LIMIT, answerRead, parseQuery, problem, readJsonBody, withIdempotency } from '~/server/api.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  return answerRead(request, await apiMeasurePage(token.workspaceId, parseQuery(request, PageQuerySchema)));
}

/** POST creates a measure (write scope), the token as the actor. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireApiToken(request, 'read_write');
  if (request.method !== 'POST') return problem(405, 'POST a measure.', { headers: { Allow: 'GET, POST' } });
  const { text, value } = await readJsonBody(request, MeasureCreateSchema, API_BODY_LIMIT);
  return withIdempotency(request, token, text, () => apiCreateMeasure(token.workspaceId, { apiTokenId: token.id }, value));
}
