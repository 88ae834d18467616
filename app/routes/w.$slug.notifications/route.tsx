// The notification inbox: who mentioned the member or replied in a thread they took part in, newest
// first, a page at a time; each entry leads to the thread (on its map, its item highlighted, or on
// its project's page) and is marked read on the way; one or all can be marked read here.
import { parseWithZod } from '@conform-to/zod';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/lib/page-title';
import { NotificationReadSchema } from '~/lib/schemas/comments';
import { requireMember } from '~/server/access.server';
import { listNotifications, markNotificationsRead } from '~/server/comments.server';
import { readForm } from '~/server/form.server';
import { badRequest } from '~/server/http.server';
import { reply } from '~/server/result.server';
import commentsStyles from '~/styles/comments.css?url';
import { Inbox } from './inbox';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: commentsStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications');

export const handle = { i18n: ['comments'] };

const BeforeSchema = z.string().uuid().optional().catch(undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug);
  const before = BeforeSchema.parse(new URL(request.url).searchParams.get('before') ?? undefined);
  return { ...(await listNotifications(workspace.id, user.id, before)), paged: !!before };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (intent === 'readAll') return reply(intent, await markNotificationsRead(workspace.id, user.id, 'all'));
  if (intent !== 'read') throw badRequest();
  const s = parseWithZod(formData, { schema: NotificationReadSchema });
  if (s.status !== 'success') throw badRequest();
  return reply(intent, await markNotificationsRead(workspace.id, user.id, { id: s.value.notificationId }), s, { rowId: s.value.notificationId });
}

export default function NotificationsRoute() {
  const page = useLoaderData<typeof loader>();
  return <Inbox page={page} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
