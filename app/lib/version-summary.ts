// What a version changed, in a sentence of the reader's language ("3 cards added, 1 card moved,
// stage “Achat” renamed “Commande”, 2 KPIs added"): the counts come from the domain's summary,
// the words from the `history` namespace, with its plurals.
import { COUNTED_KINDS, type VersionSummary } from '~/domain/map-history';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const ACTIONS = ['added', 'edited', 'moved', 'removed'] as const;
/** Renamed stages and lanes named one by one; beyond, they are counted. */
const NAMED_RENAMES = 3;

export function summaryParts(summary: VersionSummary, t: Translate): string[] {
  const parts: string[] = [];
  if (summary.created) parts.push(t('history:summary.created'));
  if (summary.mapRenamed) parts.push(t('history:summary.mapRenamed', summary.mapRenamed));
  if (summary.mapEdited) parts.push(t('history:summary.mapEdited'));
  let named = 0;
  for (const kind of COUNTED_KINDS) {
    for (const action of ACTIONS) {
      const count = summary.counts[kind][action];
      if (count > 0) parts.push(t(`history:summary.${kind}.${action}`, { count }));
    }
    const renamed = summary.renamed.filter((r) => r.kind === kind);
    for (const r of renamed.slice(0, Math.max(0, NAMED_RENAMES - named))) {
      parts.push(t(`history:summary.${kind}Renamed`, { from: r.from, to: r.to }));
      named += 1;
    }
  }
  const unnamed = summary.renamed.length - named;
  if (unnamed > 0) parts.push(t('history:summary.moreRenamed', { count: unnamed }));
  if (summary.emotions > 0) parts.push(t('history:summary.emotions', { count: summary.emotions }));
  return parts;
}

/** The parts as one sentence starting with a capital, or "No change to the map". */
export function summaryText(summary: VersionSummary, t: Translate): string {
  const text = summaryParts(summary, t).join(', ');
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : t('history:summary.none');
}
