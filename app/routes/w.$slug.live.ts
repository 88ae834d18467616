// The workspace's live stream (Server-Sent Events): the topics of each committed change, for the
// open pages to reload what they show. Members only; it carries topics, never data.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireMember } from '~/server/access.server';
import { liveStream } from '~/server/live.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  return liveStream(request, workspace.id);
}
