// Places a KPI in a KPI-row cell: an existing measure (measureId), or a measure found by exact name
// and created in the library when missing (name). The add box posts here through a fetcher (js=1,
// answered with data); without JavaScript the plain form lands back on the map.
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { MeasureNameSchema } from '~/lib/schemas/measures';
import { readForm } from '~/server/form.server';
import { requireMember } from '~/server/access.server';
import { notFound } from '~/server/http.server';
import { placeKpi } from '~/server/kpis.server';

const PlaceKpiSchema = z.object({
  mapId: z.string().uuid(),
  laneId: z.string().uuid(),
  stageId: z.string().uuid(),
  measureId: z.string().uuid().optional(),
  name: MeasureNameSchema.optional(),
  js: z.literal('1').optional(),
});

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, params.slug, 'editor');
  const formData = await readForm(request);
  const raw = Object.fromEntries(['mapId', 'laneId', 'stageId', 'measureId', 'name', 'js'].map((k) => [k, field(formData, k)]));
  const ids = z.object({ mapId: z.string().uuid(), laneId: z.string().uuid(), stageId: z.string().uuid() }).safeParse(raw);
  // Malformed ids cannot name a cell of this workspace.
  if (!ids.success) throw notFound();
  const parsed = PlaceKpiSchema.safeParse(raw);
  if (!parsed.success || (!parsed.data.measureId && !parsed.data.name)) {
    const error = parsed.success ? 'field.required' : (parsed.error.issues[0]?.message ?? 'field.required');
    if (raw.js) return data({ ok: false as const, error }, { status: 400 });
    return redirect(`/w/${workspace.slug}/maps/${ids.data.mapId}`);
  }
  const { mapId, laneId, stageId, measureId, name, js } = parsed.data;
  const outcome = await placeKpi(workspace.id, user.id, { mapId, laneId, stageId }, measureId ? { measureId } : { name: name! });
  if (!outcome.ok) throw notFound();
  if (js) return { ok: true as const, kpiId: outcome.kpiId, measureId: outcome.measureId, measureName: outcome.measureName, created: outcome.createdMeasure };
  return redirect(`/w/${workspace.slug}/maps/${mapId}`);
}
