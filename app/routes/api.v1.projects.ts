import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiProjectPage } from '~/server/api-documents.server';
import { ProjectQuerySchema } from '~/server/api-schemas.server';
import { answerRead, parseQuery } from '~/server/api.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  return answerRead(request, await apiProjectPage(token.workspaceId, parseQuery(request, ProjectQuerySchema)));
}
