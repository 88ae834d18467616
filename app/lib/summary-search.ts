// The executive summary's view as a URL: its sort, status filter and ranking page. No zod here: the
// summary's browser code builds its links with this, and parsing them (lib/schemas/projects.ts,
// summaryQuery) stays on the server, so the page does not load the validation library (13 KB gzip).
import type { RankKey } from '~/domain/business-case';
import type { ProjectStatus } from '~/domain/vocabulary';

export interface SummaryQuery {
  sort: RankKey;
  status?: ProjectStatus;
  page: number;
}

/** The summary's search string; page 1 is left out, so the first page has one URL. */
export function summarySearch(query: { sort: string; status?: string; page?: number }) {
  const params = new URLSearchParams({ sort: query.sort });
  if (query.status) params.set('status', query.status);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}
