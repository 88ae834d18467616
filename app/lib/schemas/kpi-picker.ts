// The KPI picker's address (the business case and the objective pages): the words typed and how
// many KPIs it shows, growing by a page at a time. Anything out of range falls back, never a 400:
// it is a search box, not a form.
import { z } from 'zod';

export const KPI_PICKER_PAGE = 20;
export const KPI_PICKER_MAX = 500;

/** The words (trimmed, at most 100 characters) and how many KPIs it shows; anything else ignored. */
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
