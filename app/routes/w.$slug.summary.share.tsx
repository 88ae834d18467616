// The share panel of the executive summary (editors), nested in the summary route so
// /w/:slug/summary/share opens the summary with the panel over it.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SharePanel, type ShareAnswer } from '~/components/share/share-panel';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { valueOr404 } from '~/server/result.server';
import { listShareLinks } from '~/server/share-links.server';
import { answerShareForm } from '~/server/share-panel.server';
import shareStyles from '~/styles/share.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: shareStyles }];

/** The locale namespaces this panel needs beyond the summary's. */
export const handle = { i18n: ['share'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'editor');
  const { locale, timeZone } = workspace;
  return { locale, timeZone, ...valueOr404(await listShareLinks(workspace.id, { kind: 'summary' })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const member = await requireMember(request, params.slug, 'editor');
  return answerShareForm(member, { kind: 'summary' }, formData, new URL(request.url).origin);
}

export default function SummarySharePanel() {
  const { links: shareLinks, more, locale, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<ShareAnswer>();
  const { slug } = useParams();
  return (
    <SharePanel kind="summary" name="" links={shareLinks} more={more} answer={answer} locale={locale} timeZone={timeZone} closeHref={`/w/${slug}/summary`} />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
