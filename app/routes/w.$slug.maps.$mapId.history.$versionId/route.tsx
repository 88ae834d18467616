// One version of a map, read-only: the map as it was at the end of the version, drawn by the
// editor's board in its viewer mode, and for editors "Restore this version". The restore sends back
// the map's newest change as this page saw it: if anyone saved since, nothing is written (409).
// A child of the map route, which draws the board from this route's data below this page's header
// (components/history/version-board.tsx says why).
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useAuthorNames } from '~/components/history/version-summary';
import { formatDateTime } from '~/lib/format';
import { pageTitle } from '~/lib/page-title';
import { RestoreVersionSchema } from '~/lib/schemas/history';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { notFound } from '~/server/http.server';
import { loadVersionView, restoreVersion } from '~/server/map-versions.server';
import { replyInvalid } from '~/server/result.server';
import historyStyles from '~/styles/history.css?url';
import { RestorePanel } from './restore-panel';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'history', data?.board.map.name);

export const handle = { i18n: ['history'] };

const ParamsSchema = z.object({ mapId: z.string().uuid(), versionId: z.string().uuid() });

function parseParams(params: Record<string, string | undefined>) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const { mapId, versionId } = parseParams(params);
  const view = await loadVersionView(workspace.id, mapId, versionId);
  if (!view) throw notFound();
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const { mapId, versionId } = parseParams(params);
  const submission = parseWithZod(await readForm(request), { schema: RestoreVersionSchema });
  if (submission.status !== 'success') return replyInvalid('restore', submission);
  const result = await restoreVersion(workspace.id, user.id, mapId, versionId, submission.value.head);
  if (result.status === 'stale') return data({ intent: 'restore', status: 'stale' as const }, { status: 409 });
  if (result.status !== 'ok') throw notFound();
  return redirect(`/w/${workspace.slug}/maps/${mapId}`);
}

export default function MapVersionRoute() {
  const { version, board, restore, head } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('history');
  const authorNames = useAuthorNames();
  const mapUrl = `/w/${workspace.slug}/maps/${board.map.id}`;
  const date = formatDateTime(version.lastEditAt, workspace.locale, workspace.timeZone);
  return (
    <div className="history">
      <div className="page-header">
        <div>
          <p className="muted small">
            <Link to={`${mapUrl}/history`}>← {t('backToHistory')}</Link>
          </p>
          <h1>{version.name ?? t('version.title', { date })}</h1>
          <p>
            <strong>{board.map.name}</strong> · {version.name ? `${date} · ` : ''}
            {t('by', { names: authorNames(version.authors) })}
          </p>
        </div>
      </div>
      <p className="notice">{t('version.readOnly')}</p>
      {canEdit ? <RestorePanel restore={restore} head={head} stale={answer?.status === 'stale'} /> : <p className="muted small">{t('version.viewerNote')}</p>}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
