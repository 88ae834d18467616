// One actions menu per card, KPI, stage and lane: a single "⋯" button (shown on hover, focus or
// selection, see journey.css) that opens the item's actions in place: move to…, edit, duplicate,
// comment (cards and stages), delete. Closed, it is one link, so a 400-card map stays light. Without
// JavaScript the link and the links inside it reload the page with the menu (?actions=id), its edit
// form (?edit=id) or its delete confirmation (?delete=id) open.
import { useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Expandable } from './expandable';

export function ItemMenu({
  id,
  name,
  anchor,
  closeWhen,
  inGrid,
  children,
}: {
  id: string;
  name: string;
  anchor?: string;
  /** The menu closes when this changes (the item's version once an edit has landed). */
  closeWhen?: unknown;
  /** Inside the keyboard grid the item itself is the Tab stop (M opens this menu). */
  inGrid: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation('maps');
  return (
    <Expandable
      param="actions"
      alsoOpenOn={['edit', 'delete']}
      id={id}
      label="⋯"
      ariaLabel={t('menu.for', { name })}
      className="item-menu"
      closeWhen={closeWhen}
      anchor={anchor}
      toggleTabIndex={inGrid ? -1 : undefined}
    >
      {children}
    </Expandable>
  );
}

type Mode = 'menu' | 'edit' | 'delete';

/**
 * The open menu: the move buttons, then edit (which turns the panel into the edit form), the
 * item's own actions and, for stages and lanes, "Delete…" with what deleting would take along.
 * The first control takes the focus, so the keyboard lands in the menu it opened.
 */
export function ItemMenuPanel({
  id,
  anchor,
  editLabel,
  edit,
  move,
  del,
  children,
}: {
  id: string;
  anchor?: string;
  editLabel: string;
  edit: () => ReactNode;
  move: ReactNode;
  /** A delete that asks first (stages, lanes): its confirmation. */
  del?: { label: string; render: () => ReactNode };
  children?: ReactNode;
}) {
  const { t } = useTranslation('maps');
  const [params] = useSearchParams();
  const [mode, setMode] = useState<Mode>(params.get('edit') === id ? 'edit' : params.get('delete') === id && del ? 'delete' : 'menu');
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button, a[href]')?.focus();
  }, [mode]);
  const switchTo = (param: 'edit' | 'delete', next: Mode, label: string, className?: string) => (
    <a
      href={`?${param}=${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`}
      role="button"
      className={`button secondary small${className ? ` ${className}` : ''}`}
      aria-label={label}
      onClick={(event) => {
        event.preventDefault();
        setMode(next);
      }}
    >
      {next === 'edit' ? t('actions.edit') : t('menu.delete')}
    </a>
  );
  return (
    <div ref={panel} className="item-menu-panel">
      {mode === 'edit' ? (
        edit()
      ) : mode === 'delete' && del ? (
        del.render()
      ) : (
        <>
          {move ? (
            <div className="menu-section">
              <p className="menu-heading">{t('menu.moveTo')}</p>
              {move}
            </div>
          ) : null}
          <div className="menu-section menu-actions">
            {switchTo('edit', 'edit', editLabel)}
            {children}
            {del ? switchTo('delete', 'delete', del.label, 'danger') : null}
          </div>
        </>
      )}
    </div>
  );
}
