// Places a KPI in a KPI-row cell: an existing measure (measureId), or a measure found by exact name
// and created in the library when missing (name). The add box posts here through a fetcher (js=1,
// answered with data); without JavaScript the plain form lands back on the map.
import { parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { KpiCellSchema, PlaceKpiSchema } from '~/lib/schemas/kpis';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { notFound } from '~/server/http.server';
import { placeKpi } from '~/server/kpis.server';
import { replyInvalid, valueOr404 } from '~/server/result.server';
import { pageTitle } from '~/lib/page-title';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'kpiNew');

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  // Malformed ids cannot name a cell of this workspace.
  const cell = parseWithZod(formData, { schema: KpiCellSchema });
  if (cell.status !== 'success') throw notFound();
  const s = parseWithZod(formData, { schema: PlaceKpiSchema });
  const js = formData.get('js') === '1';
  // The answer names the cell (`rowId`), so the box of that cell shows it.
  const rowId = `${cell.value.laneId}:${cell.value.stageId}`;
  if (s.status !== 'success') return js ? replyInvalid('place', s, { rowId }) : redirect(`/w/${workspace.slug}/maps/${cell.value.mapId}`);
  const { mapId, laneId, stageId, measureId, name } = s.value;
  const placed = valueOr404(await placeKpi(workspace.id, user.id, { mapId, laneId, stageId }, measureId ? { measureId } : { name: name! }));
  if (!js) return redirect(`/w/${workspace.slug}/maps/${mapId}`);
  return {
    intent: 'place' as const,
    rowId,
    status: 'done' as const,
    kpiId: placed.kpiId,
    measureId: placed.measureId,
    measureName: placed.measureName,
    created: placed.createdMeasure,
  };
}
