// The map's comments, in a panel over the map (nested in the map route, so its code loads only when
// it opens). Three views, by the address: the open threads of the map (and a list to start one on
// any card, KPI or stage); ?on=card:<id> the threads on one card, KPI or stage, with a box to start
// one; ?thread=<id> one thread, its reply box open (where a notification leads). The item the
// comments are about is highlighted on the map. Any member may comment, viewers included.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/lib/page-title';
import { isCommentIntent, parseTarget } from '~/lib/schemas/comments';
import { requireMember } from '~/server/access.server';
import { answerCommentForm } from '~/server/comment-forms.server';
import { findMap, findTarget, findThread, listMapTargets, listMentionables, openThreadsOfMap, THREAD_PAGE, threadsOn } from '~/server/comments.server';
import { readForm } from '~/server/form.server';
import { badRequest, notFound } from '~/server/http.server';
import commentsStyles from '~/styles/comments.css?url';
import sidePanelStyles from '~/styles/side-panel.css?url';
import { CommentsPanel } from './panel';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: sidePanelStyles },
  { rel: 'stylesheet', href: commentsStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'comments', data?.map.name);

/** The locale namespaces this panel needs beyond the root's. */
export const handle = { i18n: ['comments'] };

const ParamsSchema = z.object({ mapId: z.string().uuid() });
const ThreadIdSchema = z.string().uuid();
/** How many open threads the map view lists: a page, and more on request. */
const ShownSchema = z.coerce
  .number()
  .int()
  .min(THREAD_PAGE)
  .max(10 * THREAD_PAGE)
  .catch(THREAD_PAGE);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const ws = workspace.id;
  const { mapId } = ids.data;
  const scope = { mapId };
  const search = new URL(request.url).searchParams;
  const threadParam = search.get('thread');
  const onParam = search.get('on');
  const map = await findMap(ws, mapId);
  if (!map) throw notFound();
  if (threadParam !== null) {
    const threadId = ThreadIdSchema.safeParse(threadParam);
    if (!threadId.success) throw notFound();
    const [thread, members] = await Promise.all([findThread(ws, scope, threadId.data), listMentionables(ws)]);
    if (!thread) throw notFound();
    return { view: 'thread' as const, map, target: thread.target, thread, members };
  }
  if (onParam !== null) {
    const ref = parseTarget(onParam);
    const target = ref ? await findTarget(ws, scope, ref) : null;
    if (!ref || !target) throw notFound();
    const [threads, members] = await Promise.all([threadsOn(ws, ref), listMentionables(ws)]);
    return { view: 'target' as const, map, target, threads, members };
  }
  const shown = ShownSchema.parse(search.get('shown') ?? undefined);
  const [threads, targets] = await Promise.all([openThreadsOfMap(ws, mapId, shown + 1), listMapTargets(ws, mapId)]);
  return { view: 'map' as const, map, threads: threads.slice(0, shown), hasMore: threads.length > shown, shown, targets };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.slug);
  const ids = ParamsSchema.safeParse(params);
  if (!ids.success) throw notFound();
  const formData = await readForm(request);
  const intent = formData.get('intent');
  if (!isCommentIntent(intent)) throw badRequest();
  return answerCommentForm(intent, formData, member, { mapId: ids.data.mapId });
}

export default function MapCommentsRoute() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <CommentsPanel data={data} answer={answer} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
