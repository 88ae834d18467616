// The share panel of a business case (editors), nested in the project route so
// /w/:slug/projects/:projectId/share opens the business case with the panel over it.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SharePanel, type ShareAnswer } from '~/components/share/share-panel';
import { UuidSchema } from '~/domain/fields';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { notFound } from '~/server/http.server';
import { valueOr404 } from '~/server/result.server';
import { listShareLinks, type ShareTarget } from '~/server/share-links.server';
import { answerShareForm } from '~/server/share-panel.server';
import shareStyles from '~/styles/share.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: shareStyles }];

/** The locale namespaces this panel needs beyond the business case's. */
export const handle = { i18n: ['share'] };

function target(params: LoaderFunctionArgs['params']): ShareTarget {
  const id = UuidSchema.safeParse(params.projectId);
  if (!id.success) throw notFound();
  return { kind: 'project', id: id.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug, 'editor');
  const { locale, timeZone } = workspace;
  return { locale, timeZone, ...valueOr404(await listShareLinks(workspace.id, target(params))) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const member = await requireMember(request, params.slug, 'editor');
  return answerShareForm(member, target(params), formData, new URL(request.url).origin);
}

export default function ProjectSharePanel() {
  const { name, links: shareLinks, more, locale, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<ShareAnswer>();
  const { slug, projectId } = useParams();
  return (
    <SharePanel
      kind="project"
      name={name}
      links={shareLinks}
      more={more}
      answer={answer}
      locale={locale}
      timeZone={timeZone}
      closeHref={`/w/${slug}/projects/${projectId}`}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
