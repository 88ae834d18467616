// The map editor: a grid of stages (columns) and lanes (rows). The loader reads the whole map in a
// fixed number of queries; the action switches on an intent, one request per change. Every answer
// names its intent and the row it is about (`rowId`), so the form that sent it shows it.
import { parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useVersionBoard, VersionBoard } from '~/components/history/version-board';
import { MapEditor } from '~/components/journey/map-editor';
import {
  AddCardSchema,
  AddLaneSchema,
  AddStageSchema,
  DeleteSchema,
  DuplicateSchema,
  editorRowId,
  MoveMenuSchema,
  SetEmotionSchema,
  UpdateCardSchema,
  UpdateLaneSchema,
  UpdateMapSchema,
  UpdateStageSchema,
} from '~/lib/schemas/maps';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { badRequest, notFound } from '~/server/http.server';
import {
  addCard,
  addLane,
  addStage,
  deleteAxis,
  deleteCard,
  duplicateAxis,
  duplicateCard,
  loadMapEditor,
  moveAxis,
  moveCellItem,
  personaInWorkspace,
  setEmotion,
  stageWindowFrom,
  updateCard,
  updateLane,
  updateMap,
  updateStage,
} from '~/server/maps.server';
import { replyInvalid, replyWithDraft, type Result } from '~/server/result.server';
import journeyStyles from '~/styles/journey.css?url';
import { pageTitle } from '~/lib/page-title';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: journeyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, 'maps', data?.map.name);

const MapIdSchema = z.string().uuid();

// Opening, closing or switching a panel (a GET between this map and its /kpis/:kpiId, /comments or
// /share child, or between the comments panel's views, ?on= and ?thread=) changes only the child: the
// map and its window of stages (?from=&to=, all the loader reads) are the same, so its loader is not
// run again and the board keeps its state. Submissions (a save in a panel included) still reload it,
// except those of the share panel, which change nothing of the map.
const sameWindow = (a: URL, b: URL) => ['from', 'to'].every((k) => a.searchParams.get(k) === b.searchParams.get(k));
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  nextUrl,
  currentParams,
  nextParams,
  defaultShouldRevalidate,
}) => {
  if (formAction?.endsWith('/share')) return false;
  const navigation = !formMethod || formMethod.toUpperCase() === 'GET';
  const sameMap = currentParams.slug === nextParams.slug && currentParams.mapId === nextParams.mapId;
  const panel = currentUrl.pathname !== nextUrl.pathname || nextUrl.pathname.endsWith('/comments');
  if (navigation && sameMap && panel && sameWindow(currentUrl, nextUrl)) return false;
  return defaultShouldRevalidate;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const mapId = MapIdSchema.safeParse(params.mapId);
  if (!mapId.success) throw notFound();
  const editor = await loadMapEditor(workspace.id, mapId.data, stageWindowFrom(new URL(request.url).searchParams));
  if (!editor) throw notFound();
  return editor;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const mapIdParse = MapIdSchema.safeParse(params.mapId);
  if (!mapIdParse.success) throw notFound();
  const mapId = mapIdParse.data;
  const ws = workspace.id;
  const formData = await readForm(request);
  const intent = String(formData.get('intent') ?? '');
  const extra = { rowId: editorRowId(intent, formData) };
  type Submission = Parameters<typeof replyInvalid>[1];
  const invalid = (s: Submission) => replyInvalid(intent, s, extra);
  // Like `reply`, except that a row gone meanwhile (or never in this workspace) is a 404 the editor
  // shows beside the map instead of the error page: the rest of the map is still there; and a stale
  // save answers with the current row and what was sent, for the editor to show both.
  const answer = <T, C>(result: Result<T, C>, s?: Submission) =>
    result.status === 'notFound'
      ? data({ intent, ...extra, status: 'gone' as const, message: 'maps.gone' }, { status: 404 })
      : replyWithDraft(intent, result, s, extra);

  switch (intent) {
    case 'updateMap': {
      const s = parseWithZod(formData, { schema: UpdateMapSchema });
      if (s.status !== 'success' || s.value.mapId !== mapId) return invalid(s);
      if (s.value.personaId && !(await personaInWorkspace(ws, s.value.personaId))) return invalid(s);
      return answer(await updateMap(ws, user.id, { ...s.value, personaId: s.value.personaId ?? null }), s);
    }
    case 'addStage': {
      const s = parseWithZod(formData, { schema: AddStageSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await addStage(ws, user.id, mapId, { ...s.value, phase: s.value.phase || null }), s);
    }
    case 'updateStage': {
      const s = parseWithZod(formData, { schema: UpdateStageSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await updateStage(ws, user.id, mapId, { ...s.value, phase: s.value.phase || null }), s);
    }
    case 'addLane': {
      const s = parseWithZod(formData, { schema: AddLaneSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await addLane(ws, user.id, mapId, s.value), s);
    }
    case 'updateLane': {
      const s = parseWithZod(formData, { schema: UpdateLaneSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await updateLane(ws, user.id, mapId, s.value), s);
    }
    case 'addCard': {
      const s = parseWithZod(formData, { schema: AddCardSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await addCard(ws, user.id, mapId, { ...s.value, channel: s.value.channel ?? null, system: s.value.system || null }), s);
    }
    case 'updateCard': {
      const s = parseWithZod(formData, { schema: UpdateCardSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await updateCard(ws, user.id, mapId, { ...s.value, channel: s.value.channel ?? null, system: s.value.system || null }), s);
    }
    case 'deleteStage':
    case 'deleteLane':
    case 'deleteCard': {
      const s = parseWithZod(formData, { schema: DeleteSchema });
      if (s.status !== 'success') return invalid(s);
      const id = s.value.id;
      return answer(
        intent === 'deleteCard'
          ? await deleteCard(ws, user.id, mapId, id)
          : await deleteAxis(ws, user.id, mapId, intent === 'deleteStage' ? 'stage' : 'lane', id),
        s,
      );
    }
    case 'duplicateCard':
    case 'duplicateStage':
    case 'duplicateLane': {
      const s = parseWithZod(formData, { schema: DuplicateSchema });
      if (s.status !== 'success') return invalid(s);
      const { id } = s.value;
      return answer(
        s.value.intent === 'duplicateCard'
          ? await duplicateCard(ws, user.id, mapId, id)
          : await duplicateAxis(ws, user.id, mapId, s.value.intent === 'duplicateStage' ? 'stage' : 'lane', id),
        s,
      );
    }
    case 'moveStage':
    case 'moveLane':
    case 'moveCard':
    case 'moveKpi': {
      const s = parseWithZod(formData, { schema: MoveMenuSchema, disableAutoCoercion: true });
      if (s.status !== 'success') return invalid(s);
      const m = s.value;
      return answer(
        m.intent === 'moveStage' || m.intent === 'moveLane'
          ? await moveAxis(ws, user.id, mapId, m.intent === 'moveStage' ? 'stage' : 'lane', m.id, m.toIndex)
          : await moveCellItem(ws, user.id, mapId, m.intent === 'moveCard' ? 'card' : 'kpi', { id: m.id, toStageId: m.toStageId, toIndex: m.toIndex }),
        s,
      );
    }
    case 'setEmotion': {
      const s = parseWithZod(formData, { schema: SetEmotionSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(await setEmotion(ws, user.id, mapId, s.value), s);
    }
    default:
      throw badRequest();
  }
}

export default function MapEditorRoute() {
  const editor = useLoaderData<typeof loader>();
  // A version of the map (a child page): its header, then the map as it was, read-only.
  const version = useVersionBoard();
  if (version) {
    return (
      <>
        <Outlet />
        {version.board ? <VersionBoard board={version.board} /> : null}
      </>
    );
  }
  return (
    <>
      <MapEditor editor={editor} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
