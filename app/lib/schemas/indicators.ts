// The indicator plan's filters (GET search params, so a filtered plan is a link): family, tag and
// page. A value that is not one of the choices is ignored, as on the library page.
import { z } from 'zod';
import { FAMILIES } from '~/domain/vocabulary';

/** Measures per page of the plan. */
export const PLAN_PAGE_SIZE = 40;

export const IndicatorFiltersSchema = z.object({
  family: z.enum(FAMILIES).optional().catch(undefined),
  tag: z.string().trim().min(1).max(80).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type IndicatorFilters = z.output<typeof IndicatorFiltersSchema>;

/** The search string of a plan page with these filters ('' for the first unfiltered page). */
export function indicatorSearch(filters: IndicatorFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.family) params.set('family', filters.family);
  if (filters.tag) params.set('tag', filters.tag);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
