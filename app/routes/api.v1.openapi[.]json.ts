// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that check the requests.
import { openApiDocument } from '~/server/api-schemas.server';

export function loader() {
  return new Response(JSON.stringify(openApiDocument()), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } });
}
