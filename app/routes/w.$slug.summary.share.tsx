// The share panel of the executive summary (editors), nested in the summary route so
// /w/:slug/summary/share opens the summary with the panel over it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SharePanelRoute, sharePanelLinks } from '~/components/share/share-panel';
import { sharePanelAction, sharePanelLoader } from '~/server/share-panel.server';
import type { ShareTarget } from '~/server/share-links.server';

export const links = sharePanelLinks;

/** The locale namespaces this panel needs beyond the summary's. */
export const handle = { i18n: ['share'] };

const target = (): ShareTarget => ({ kind: 'summary' });

export const loader = (args: LoaderFunctionArgs) => sharePanelLoader(args, target);
export const action = (args: ActionFunctionArgs) => sharePanelAction(args, target);

export default function SummarySharePanel() {
  const { slug } = useParams();
  return <SharePanelRoute kind="summary" closeHref={`/w/${slug}/summary`} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
