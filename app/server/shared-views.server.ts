// What the public page of an open share link shows, read with the modules that own it: the map's
// board, the project's business case, or the summary. Only the linked object's figures leave the
// server: the map's persona options (every persona of the workspace) and the project's owner id, costs
// and assumptions stay behind. A fixed number of queries per kind, as on the members' pages.
import type { SummaryQuery } from '~/lib/summary-search';
import { todayIn } from '~/lib/time-zone';
import { loadMapEditor } from './maps.server';
import { loadSummaryPage } from './portfolio.server';
import { loadBusinessCase } from './projects.server';
import { loadPortfolioRealised } from './realised-value.server';
import { NOT_FOUND, ok, type Result } from './result.server';
import type { OpenShareLink } from './share-links.server';

export interface SharedViewOptions {
  /** The map's stages to send (?from=&to=), as the editor asks for them. */
  stageWindow?: { from: number; to: number };
  /** The summary's sort, filter and page. */
  summary: SummaryQuery;
}

async function mapView(workspaceId: string, mapId: string, options: SharedViewOptions) {
  const board = await loadMapEditor(workspaceId, mapId, options.stageWindow);
  return board ? { kind: 'map' as const, board: { ...board, personas: [] } } : null;
}

async function projectView(workspaceId: string, projectId: string, today: string) {
  const loaded = await loadBusinessCase(workspaceId, projectId, today);
  if (loaded.status !== 'ok') return null;
  const { project: p, costs, lines, businessCase, warnings, realisedTotal } = loaded.value;
  return {
    kind: 'project' as const,
    project: { name: p.name, description: p.description, status: p.status, ownerName: p.ownerName, startDate: p.startDate, archivedAt: p.archivedAt },
    /** No KPI linked and no cost yet: there is nothing to compute. */
    empty: lines.length === 0 && costs.length === 0,
    lines,
    businessCase,
    warnings,
    realisedTotal,
    today,
  };
}

async function summaryView(link: OpenShareLink, options: SharedViewOptions, today: string) {
  const { id, figuresRevision: revision } = link.workspace;
  const [summary, realised] = await Promise.all([
    loadSummaryPage(id, { ...options.summary, today, revision }),
    loadPortfolioRealised(id, { today, status: options.summary.status, revision }),
  ]);
  // The page actually shown (a page past the end shows the last one).
  return { kind: 'summary' as const, summary, query: { ...options.summary, page: summary.ranking.page }, realised };
}

export type SharedView =
  NonNullable<Awaited<ReturnType<typeof mapView>>> | NonNullable<Awaited<ReturnType<typeof projectView>>> | Awaited<ReturnType<typeof summaryView>>;

/** The linked object's read-only view; not found when it is gone (a deleted target takes its links along). */
export async function loadSharedView(link: OpenShareLink, options: SharedViewOptions): Promise<Result<SharedView>> {
  const today = todayIn(link.workspace.timeZone);
  let view: SharedView | null = null;
  if (link.kind === 'map' && link.mapId) view = await mapView(link.workspace.id, link.mapId, options);
  else if (link.kind === 'project' && link.projectId) view = await projectView(link.workspace.id, link.projectId, today);
  else if (link.kind === 'summary') view = await summaryView(link, options, today);
  return view ? ok(view) : NOT_FOUND;
}
