// What the business case route reads from its address: the project's id (anything but a uuid is a
// 404) and the KPI picker's words and page size (anything out of range falls back).
import { z } from 'zod';
import { IdSchema } from '~/lib/schemas/projects';
import { notFound } from '~/server/http.server';
import { KPI_PICKER_MAX, KPI_PICKER_PAGE } from '~/server/projects.server';

export function projectIdOf(params: Record<string, string | undefined>) {
  const parsed = IdSchema.safeParse(params.projectId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The KPI picker's words (trimmed, at most 100 characters) and how many KPIs it shows; anything else ignored. */
const KpiPickerQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .transform((q) => q.slice(0, 100))
    .catch(''),
  shown: z.coerce.number().int().min(KPI_PICKER_PAGE).max(KPI_PICKER_MAX).catch(KPI_PICKER_PAGE),
});

export function kpiPickerQuery(url: URL) {
  return KpiPickerQuerySchema.parse({ q: url.searchParams.get('q') ?? '', shown: url.searchParams.get('shown') ?? undefined });
}
