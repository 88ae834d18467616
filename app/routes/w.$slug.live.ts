// The workspace's live stream (Server-Sent Events): the topics of each committed change, for the
// open pages to reload what they show. Members only; it carries topics, never data. `?map=<id>`:
// the page shows that map, so the member is listed among its viewers while the stream is open, and
// the stream carries the map's viewers (another workspace's map, or no map, answers 404).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireMember } from '~/server/access.server';
import { notFound } from '~/server/http.server';
import { liveStream, openPresence } from '~/server/live.server';

const MapParamSchema = z.string().uuid().nullable();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug);
  const mapId = MapParamSchema.safeParse(new URL(request.url).searchParams.get('map'));
  if (!mapId.success) throw notFound();
  if (!mapId.data) return liveStream(request, workspace.id);
  const presence = await openPresence(workspace.id, mapId.data, user.id);
  if (!presence) throw notFound();
  return liveStream(request, workspace.id, presence);
}
