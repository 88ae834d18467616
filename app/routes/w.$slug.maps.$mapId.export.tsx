// JSON export of one map (a download): the versioned format of app/domain/map-export.ts.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireMember } from '~/server/access.server';
import { notFound } from '~/server/http.server';
import { exportMap } from '~/server/maps-transfer.server';
import { slugify } from '~/domain/names';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const mapId = z.string().uuid().safeParse(params.mapId);
  if (!mapId.success) throw notFound();
  const doc = await exportMap(workspace.id, mapId.data);
  if (!doc) throw notFound();
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slugify(doc.map.name) || 'map'}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
