// The refusal of a save made on an old version, resolved in place: who saved meanwhile and when, both
// versions side by side (a table a screen reader reads field by field: theirs, then yours), and two
// ways on: "Keep theirs" (drop what I typed, show the current content) and "Apply mine on top" (the
// form's submit, now against the version just shown). It takes the focus when it appears. Loaded on
// demand: a conflict is rare, the map's first load does not carry it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { differingFields, type ConflictField } from '~/domain/conflict';
import { formatDateTime } from '~/lib/format';
import { useHydrated } from '~/lib/use-hydrated';
import { useWorkspace } from '~/lib/workspace';

export interface ConflictNoticeProps {
  /** Unique on the page (the form's id). */
  id: string;
  fields: readonly ConflictField[];
  /** The saved row, with who saved it last and when (`savedBy`, `savedAt`) when known. */
  theirs: Record<string, unknown>;
  /** What the user sent. */
  yours: Record<string, unknown>;
  show?: (name: string, value: unknown) => string;
  /** Without JavaScript "Keep theirs" is a link to the page as it is now. */
  keepTheirsHref: string;
  onKeepTheirs: () => void;
}

export default function ConflictNotice({ id, fields, theirs, yours, show, keepTheirsHref, onKeepTheirs }: ConflictNoticeProps) {
  const { t } = useTranslation('presence');
  const { workspace } = useWorkspace();
  const hydrated = useHydrated();
  const title = useRef<HTMLParagraphElement>(null);
  const version = theirs.version;
  useEffect(() => {
    title.current?.focus();
  }, [version]);
  const rows = differingFields(fields, theirs, yours, show);
  const savedBy = typeof theirs.savedBy === 'string' ? theirs.savedBy : null;
  const savedAt = theirs.savedAt instanceof Date || typeof theirs.savedAt === 'string' ? theirs.savedAt : null;
  const when = savedAt ? formatDateTime(savedAt, workspace.locale, workspace.timeZone) : null;
  const keepTheirs = () => onKeepTheirs();
  return (
    <div className="conflict" role="group" aria-labelledby={`${id}-conflict`}>
      <p id={`${id}-conflict`} className="conflict-title" tabIndex={-1} ref={title}>
        {savedBy && when ? t('conflict.savedBy', { name: savedBy, when }) : t('conflict.saved')}
      </p>
      <p className="small">{t('conflict.explain')}</p>
      {rows.length ? (
        <table className="conflict-table">
          <caption className="visually-hidden">{t('conflict.caption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.label}</th>
                <td>{row.theirs || <span className="muted">{t('conflict.empty')}</span>}</td>
                <td>{row.yours || <span className="muted">{t('conflict.empty')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="small">{t('conflict.same')}</p>
      )}
      <div className="row">
        <a
          href={keepTheirsHref}
          className="button secondary"
          {...(hydrated ? { role: 'button' } : null)}
          onClick={(event) => {
            event.preventDefault();
            keepTheirs();
          }}
          onKeyDown={(event) => {
            if (event.key !== ' ') return;
            event.preventDefault();
            keepTheirs();
          }}
        >
          {t('conflict.keepTheirs')}
        </a>
        <button type="submit">{t('conflict.applyMine')}</button>
      </div>
    </div>
  );
}
