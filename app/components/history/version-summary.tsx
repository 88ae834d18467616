// One version's line in words: what it changed ("3 cards added, 1 card moved..."), and for a
// restore, which version it brought back. Shared by the history list and a version's page.
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '~/domain/map-history';
import { formatDateTime } from '~/lib/format';
import { summaryText } from '~/lib/version-summary';
import { useWorkspace } from '~/lib/workspace';

export function VersionChanges({ summary, restoredFrom }: { summary: VersionSummary; restoredFrom?: { at: Date | string; name: string | null } | null }) {
  const { t } = useTranslation('history');
  const { workspace } = useWorkspace();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const restored = restoredFrom
    ? restoredFrom.name
      ? t('summary.restoredNamed', { name: restoredFrom.name })
      : t('summary.restored', { date: formatDateTime(restoredFrom.at, workspace.locale, workspace.timeZone) })
    : null;
  return (
    <p className="version-changes">
      {restored ? (
        <>
          <strong>{restored}</strong>
          {t('common:punctuation.colon')}{' '}
        </>
      ) : null}
      {restored ? lowerFirst(summaryText(summary, translate)) : summaryText(summary, translate)}
    </p>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** The people who saved in a version, "a former member" for an account since deleted. */
export function useAuthorNames() {
  const { t, i18n } = useTranslation('history');
  return (authors: readonly (string | null)[]) => {
    if (authors.length === 0) return t('nobody');
    const names = authors.map((a) => a ?? t('someone'));
    return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);
  };
}
