import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiSummary } from '~/server/api-documents.server';
import { SummaryQuerySchema } from '~/server/api-schemas.server';
import { answerRead, parseQuery } from '~/server/api.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  return answerRead(request, await apiSummary(token.workspaceId, parseQuery(request, SummaryQuerySchema)));
}
