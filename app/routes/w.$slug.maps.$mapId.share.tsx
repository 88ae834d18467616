// The share panel of a journey map (editors), nested in the map route so /w/:slug/maps/:mapId/share
// opens the map with the panel over it; its code loads only when the panel opens.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SharePanelRoute, sharePanelLinks } from '~/components/share/share-panel';
import { UuidSchema } from '~/domain/fields';
import { notFound } from '~/server/http.server';
import { sharePanelAction, sharePanelLoader } from '~/server/share-panel.server';
import type { ShareTarget } from '~/server/share-links.server';

export const links = sharePanelLinks;

/** The locale namespaces this panel needs beyond the map's. */
export const handle = { i18n: ['share'] };

function target(params: LoaderFunctionArgs['params']): ShareTarget {
  const id = UuidSchema.safeParse(params.mapId);
  if (!id.success) throw notFound();
  return { kind: 'map', id: id.data };
}

export const loader = (args: LoaderFunctionArgs) => sharePanelLoader(args, target);
export const action = (args: ActionFunctionArgs) => sharePanelAction(args, target);

export default function MapSharePanel() {
  const { slug, mapId } = useParams();
  return <SharePanelRoute kind="map" closeHref={`/w/${slug}/maps/${mapId}`} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
