// The map editor: a grid of stages (columns) and lanes (rows). The loader reads the whole map in a
// fixed number of queries; the action switches on an intent, one request per change.
import { parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { MapEditor } from '~/components/journey/map-editor';
import {
  AddCardSchema,
  AddLaneSchema,
  AddStageSchema,
  DeleteSchema,
  MoveSchema,
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
  loadMapEditor,
  moveAxis,
  moveCellItem,
  personaInWorkspace,
  setEmotion,
  updateCard,
  updateLane,
  updateMap,
  updateStage,
  type Outcome,
} from '~/server/maps.server';
import journeyStyles from '~/styles/journey.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: journeyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.map.name} · Parcours` : 'Parcours' }];

const MapIdSchema = z.string().uuid();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, params.slug);
  const mapId = MapIdSchema.safeParse(params.mapId);
  if (!mapId.success) throw notFound();
  const editor = await loadMapEditor(workspace.id, mapId.data);
  if (!editor) throw notFound();
  return editor;
}

/** Turns a server outcome into the action's answer: 404/409 come back as data so the editor can show why. */
function answer(intent: string, outcome: Outcome<unknown, unknown>) {
  switch (outcome.status) {
    case 'ok':
      return { intent, ok: true as const };
    case 'notFound':
      return data({ intent, error: 'maps.gone' }, { status: 404 });
    case 'stale':
      return data({ intent, error: 'staleVersion', current: outcome.current }, { status: 409 });
    case 'invalid':
      return data({ intent, error: outcome.message }, { status: 400 });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const mapIdParse = MapIdSchema.safeParse(params.mapId);
  if (!mapIdParse.success) throw notFound();
  const mapId = mapIdParse.data;
  const ws = workspace.id;
  const formData = await readForm(request);
  // The move menu's buttons carry "stageId:index" in one value.
  const target = formData.get('target');
  if (typeof target === 'string' && target.includes(':')) {
    const [toStageId, toIndex] = target.split(':');
    formData.set('toStageId', toStageId ?? '');
    formData.set('toIndex', toIndex ?? '');
  }
  const intent = String(formData.get('intent') ?? '');
  const invalid = (submission: { reply: () => unknown }) => data({ intent, result: submission.reply(), error: 'badRequest' }, { status: 400 });

  switch (intent) {
    case 'updateMap': {
      const s = parseWithZod(formData, { schema: UpdateMapSchema });
      if (s.status !== 'success' || s.value.mapId !== mapId) return invalid(s);
      if (s.value.personaId && !(await personaInWorkspace(ws, s.value.personaId))) return invalid(s);
      return answer(intent, await updateMap(ws, user.id, { ...s.value, personaId: s.value.personaId ?? null }));
    }
    case 'addStage': {
      const s = parseWithZod(formData, { schema: AddStageSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await addStage(ws, user.id, mapId, { ...s.value, phase: s.value.phase || null }));
    }
    case 'updateStage': {
      const s = parseWithZod(formData, { schema: UpdateStageSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await updateStage(ws, user.id, mapId, { ...s.value, phase: s.value.phase || null }));
    }
    case 'addLane': {
      const s = parseWithZod(formData, { schema: AddLaneSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await addLane(ws, user.id, mapId, s.value));
    }
    case 'updateLane': {
      const s = parseWithZod(formData, { schema: UpdateLaneSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await updateLane(ws, user.id, mapId, s.value));
    }
    case 'addCard': {
      const s = parseWithZod(formData, { schema: AddCardSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await addCard(ws, user.id, mapId, { ...s.value, channel: s.value.channel ?? null, system: s.value.system || null }));
    }
    case 'updateCard': {
      const s = parseWithZod(formData, { schema: UpdateCardSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await updateCard(ws, user.id, mapId, { ...s.value, channel: s.value.channel ?? null, system: s.value.system || null }));
    }
    case 'deleteStage':
    case 'deleteLane':
    case 'deleteCard': {
      const s = parseWithZod(formData, { schema: DeleteSchema });
      if (s.status !== 'success') return invalid(s);
      const outcome =
        intent === 'deleteCard' ? await deleteCard(ws, user.id, mapId, s.value.id) : await deleteAxis(ws, user.id, mapId, intent === 'deleteStage' ? 'stage' : 'lane', s.value.id);
      return answer(intent, outcome);
    }
    case 'moveStage':
    case 'moveLane':
    case 'moveCard':
    case 'moveKpi': {
      const s = parseWithZod(formData, { schema: MoveSchema });
      if (s.status !== 'success') return invalid(s);
      const m = s.value;
      const outcome =
        m.intent === 'moveStage' || m.intent === 'moveLane'
          ? await moveAxis(ws, user.id, mapId, m.intent === 'moveStage' ? 'stage' : 'lane', m.id, m.toIndex)
          : await moveCellItem(ws, user.id, mapId, m.intent === 'moveCard' ? 'card' : 'kpi', { id: m.id, toStageId: m.toStageId, toIndex: m.toIndex });
      return answer(intent, outcome);
    }
    case 'setEmotion': {
      const s = parseWithZod(formData, { schema: SetEmotionSchema });
      if (s.status !== 'success') return invalid(s);
      return answer(intent, await setEmotion(ws, user.id, mapId, s.value));
    }
    default:
      throw badRequest();
  }
}

export default function MapEditorRoute() {
  const editor = useLoaderData<typeof loader>();
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
