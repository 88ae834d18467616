// Who else is viewing the map, in its header (nothing when nobody else is). The list comes with the
// page's live stream (lib/live.tsx), which this says the page shows the map; the avatars load when
// someone else is there.
import { lazy, Suspense } from 'react';
import { usePresence } from '~/lib/live';

const Avatars = lazy(() => import('./avatars'));

export function MapPresence({ mapId, userId }: { mapId: string; userId: string }) {
  const others = usePresence(mapId).filter((v) => v.id !== userId);
  return others.length ? (
    <Suspense fallback={null}>
      <Avatars others={others} />
    </Suspense>
  ) : null;
}
