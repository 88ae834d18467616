// A control that opens a small panel in place (an item's actions, a form). Closed, it renders only
// a link, which keeps the page light on large maps; the panel is rendered on demand. Without
// JavaScript the link reloads the page with ?<param>=<id> and the server renders the panel open,
// scrolled to its anchor (on a phone, the stage the panel is in). Escape closes an open panel and
// gives the focus back to its link.
import { useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useHydrated } from '~/lib/use-hydrated';

export type ExpandableParam = 'actions' | 'edit' | 'move' | 'add' | 'delete';

export function Expandable({
  param,
  alsoOpenOn = [],
  id,
  label,
  ariaLabel,
  className,
  closeWhen,
  anchor,
  toggleTabIndex,
  children,
}: {
  param: ExpandableParam;
  /** Other address parameters that open it server-side (a no-JavaScript link inside the panel). */
  alsoOpenOn?: readonly ExpandableParam[];
  id: string;
  label: ReactNode;
  ariaLabel?: string;
  className?: string;
  /**
   * The panel closes when this changes, e.g. the edited row's version once the save has landed; not
   * when it holds a form with the user's unsaved text (someone else's change arrived meanwhile).
   */
  closeWhen?: unknown;
  /** The element id the page scrolls to when the link reloads it (without JavaScript). */
  anchor?: string;
  /** -1 where a keyboard grid owns the Tab order and opens the panel itself. */
  toggleTabIndex?: number;
  children: (close: () => void) => ReactNode;
}) {
  const [params] = useSearchParams();
  const hydrated = useHydrated();
  const fromUrl = [param, ...alsoOpenOn].some((p) => params.get(p) === id);
  const [open, setOpen] = useState(fromUrl);
  const toggle = useRef<HTMLAnchorElement>(null);
  const seen = useRef(closeWhen);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (seen.current === closeWhen) return;
    seen.current = closeWhen;
    // Not over what the user typed: a form with a draft (see editor-form) stays, its save will compare.
    if (body.current?.querySelector('form[data-draft="conflict"], form[data-draft][data-typed]')) return;
    setOpen(false);
  }, [closeWhen]);
  // Opened by the user (not by the address): the focus goes to the panel's first field, unless the
  // panel placed it itself (a menu focuses its first action).
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const panel = body.current;
    if (open && panel && !panel.contains(document.activeElement)) {
      panel.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button, a[href]')?.focus();
    }
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    // The toggle carries no class of its own (the wrapper's names it): a large map has hundreds.
    <div className={className}>
      <a
        ref={toggle}
        href={`?${param}=${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`}
        // A plain link until JavaScript runs (it reloads the page with the panel open); a button
        // that opens the panel in place after.
        {...(hydrated ? { role: 'button', 'aria-expanded': open } : null)}
        aria-label={ariaLabel}
        tabIndex={toggleTabIndex}
        onClick={(event) => {
          event.preventDefault();
          setOpen((o) => !o);
        }}
      >
        {label}
      </a>
      {open ? (
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions
        <div
          ref={body}
          className="expandable-body"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Escape belongs to the panel: the grid and a drag must not see it too.
            event.stopPropagation();
            close();
          }}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
