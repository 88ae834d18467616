// Reading a form body, the one way every action does it: a body that is not a form (415), cannot be
// parsed, or carries a NUL character (400, Postgres text cannot hold one) is the client's mistake,
// answered with a message, never a 500.
import { badRequest, failure } from './http.server';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) throw failure(415, 'unsupportedMediaType');
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest('unreadableBody');
  }
  for (const [name, value] of formData) {
    if (name.includes('\0') || (typeof value === 'string' ? value : value.name).includes('\0')) throw badRequest('nulCharacter');
  }
  return formData;
}
