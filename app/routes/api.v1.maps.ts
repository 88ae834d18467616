import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiMapPage } from '~/server/api-documents.server';
import { PageQuerySchema } from '~/server/api-schemas.server';
import { answerRead, parseQuery } from '~/server/api.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  return answerRead(request, await apiMapPage(token.workspaceId, parseQuery(request, PageQuerySchema)));
}
