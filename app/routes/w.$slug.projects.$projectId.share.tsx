// The share panel of a business case (editors), nested in the project route so
// /w/:slug/projects/:projectId/share opens the business case with the panel over it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SharePanelRoute, sharePanelLinks } from '~/components/share/share-panel';
import { UuidSchema } from '~/domain/fields';
import { notFound } from '~/server/http.server';
import { sharePanelAction, sharePanelLoader } from '~/server/share-panel.server';
import type { ShareTarget } from '~/server/share-links.server';

export const links = sharePanelLinks;

/** The locale namespaces this panel needs beyond the business case's. */
export const handle = { i18n: ['share'] };

function target(params: LoaderFunctionArgs['params']): ShareTarget {
  const id = UuidSchema.safeParse(params.projectId);
  if (!id.success) throw notFound();
  return { kind: 'project', id: id.data };
}

export const loader = (args: LoaderFunctionArgs) => sharePanelLoader(args, target);
export const action = (args: ActionFunctionArgs) => sharePanelAction(args, target);

export default function ProjectSharePanel() {
  const { slug, projectId } = useParams();
  return <SharePanelRoute kind="project" closeHref={`/w/${slug}/projects/${projectId}`} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
