import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiToken } from '~/server/api-auth.server';
import { apiMap } from '~/server/api-documents.server';
import { IdParamSchema } from '~/server/api-schemas.server';
import { answerRead, parseParams } from '~/server/api.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, 'read');
  const { id } = parseParams(params, IdParamSchema);
  return answerRead(request, await apiMap(token.workspaceId, id));
}
