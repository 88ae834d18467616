// Resource route behind the "Search a measure or create one" box: library measures matching the
// typed text, and whether one has exactly that name (then no "Create" option is offered).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireMember } from '~/server/access.server';
import { searchMeasures } from '~/server/measures.server';

const QuerySchema = z.string().trim().max(120).catch('');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const q = QuerySchema.parse(new URL(request.url).searchParams.get('q') ?? '');
  const matches = await searchMeasures(workspace.id, q);
  return { q, matches, exact: matches.some((m) => m.name.toLowerCase() === q.toLowerCase()) };
}
