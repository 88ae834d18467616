// The comment count on a card, KPI or stage that has open threads: a plain link to the map's
// comments panel on that item (the panel's code loads only then). The counts come from the map's
// loader (one grouped query) through a context, so the memoised cells need no new props. Inside the
// keyboard grid the item is the Tab stop and C opens its comments (map-board.tsx); the item's actions
// menu holds a "Comment" link to the same place (CommentMenuLink).
import { Link } from '@remix-run/react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useHydrated } from '~/lib/use-hydrated';

export type CommentTargetType = 'card' | 'kpi' | 'stage';

export interface CommentCounts {
  byTarget: Readonly<Record<string, number>>;
  /** The comments panel on an item (the map's window of stages kept). */
  href: (type: CommentTargetType, id: string) => string;
}

export const CommentCountsContext = createContext<CommentCounts | null>(null);

export function CommentBadge({ type, id, name }: { type: CommentTargetType; id: string; name: string }) {
  const counts = useContext(CommentCountsContext);
  const { t } = useTranslation('maps');
  const inGrid = useHydrated();
  const count = counts?.byTarget[id];
  if (!counts || !count) return null;
  return (
    <Link to={counts.href(type, id)} discover="none" preventScrollReset className="comment-count no-print" tabIndex={inGrid ? -1 : undefined}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('comments.countOn', { count, name })}</span>
    </Link>
  );
}

/** "Comment" in a card's or stage's actions menu: the comments panel on that item. */
export function CommentMenuLink({ type, id, onClick }: { type: CommentTargetType; id: string; onClick: () => void }) {
  const counts = useContext(CommentCountsContext);
  const { t } = useTranslation('maps');
  if (!counts) return null;
  return (
    <Link to={counts.href(type, id)} discover="none" preventScrollReset className="button secondary small" onClick={onClick}>
      {t('menu.comment')}
    </Link>
  );
}
