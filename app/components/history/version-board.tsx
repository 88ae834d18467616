// The board of a map version, read-only. The version page (/w/:slug/maps/:mapId/history/:versionId)
// is a child of the map route, and the map route draws this board from the child's data in place of
// the editor: the board's code then stays in the map page's own chunk (a second route importing it
// would split it into a shared chunk, which the map page would pay for in first-load JavaScript).
import { useMatches } from '@remix-run/react';
import { MapBoard } from '~/components/journey/map-board';
import type { MapEditorData } from '~/components/journey/types';
import { useWorkspace } from '~/lib/workspace';

export const VERSION_ROUTE_ID = 'routes/w.$slug.maps.$mapId.history.$versionId';

/** Whether the version page is open under the map route, and its board (none when it failed to load). */
export function useVersionBoard(): { board: MapEditorData | null } | null {
  const match = useMatches().find((m) => m.id === VERSION_ROUTE_ID);
  return match ? { board: (match.data as { board?: MapEditorData } | undefined)?.board ?? null } : null;
}

export function VersionBoard({ board }: { board: MapEditorData }) {
  const { workspace, user } = useWorkspace();
  return (
    <div className="journey">
      <MapBoard
        editor={board}
        canEdit={false}
        slug={workspace.slug}
        currency={workspace.currency}
        locale={workspace.locale}
        action={`/w/${workspace.slug}/maps/${board.map.id}`}
        userId={user.id}
      />
    </div>
  );
}
