// A map's version history: its versions newest first (who saved, when, what changed), a page at a
// time, and for editors the form that names the current version. A folder named $mapId_ so that the
// page is /w/:slug/maps/:mapId/history without drawing the map editor around it.
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/lib/page-title';
import { NameVersionSchema } from '~/lib/schemas/history';
import { useWorkspace } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { readForm } from '~/server/form.server';
import { notFound } from '~/server/http.server';
import { listVersions, nameCurrentVersion } from '~/server/map-versions.server';
import { reply, replyInvalid } from '~/server/result.server';
import historyStyles from '~/styles/history.css?url';
import { NameVersionForm } from './name-form';
import { VersionList } from './version-list';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'history', data?.map.name);

export const handle = { i18n: ['history'] };

const MapIdSchema = z.string().uuid();
/** `before`: the page of versions older than this one (a version's seq); anything else is the first page. */
const QuerySchema = z.object({ before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const mapId = MapIdSchema.safeParse(params.mapId);
  if (!mapId.success) throw notFound();
  const { before } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listVersions(workspace.id, mapId.data, before);
  if (!list) throw notFound();
  return { ...list, paged: before !== undefined };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const mapId = MapIdSchema.safeParse(params.mapId);
  if (!mapId.success) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: NameVersionSchema });
  if (submission.status !== 'success') return replyInvalid('name', submission);
  return reply('name', await nameCurrentVersion(workspace.id, user.id, mapId.data, submission.value.name), submission);
}

export default function MapHistoryRoute() {
  const { map, versions, older, paged } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { workspace, canEdit } = useWorkspace();
  const { t } = useTranslation('history');
  const mapUrl = `/w/${workspace.slug}/maps/${map.id}`;
  return (
    <div className="history">
      <div className="page-header">
        <div>
          <p className="muted small">
            <Link to={mapUrl}>← {t('backToMap')}</Link>
          </p>
          <h1>{t('title')}</h1>
          <p>
            <strong>{map.name}</strong> · {t('lead')}
          </p>
        </div>
      </div>
      {canEdit ? <NameVersionForm lastResult={answer?.status === 'invalid' ? answer.result : undefined} /> : null}
      <VersionList mapUrl={mapUrl} versions={versions} older={older} paged={paged} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
