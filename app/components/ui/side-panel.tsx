// A panel over the right of the page (the whole screen on a phone), opened by a URL nested in the
// page's (a map's KPI settings and comments, the share panels): a non-modal dialog labelled by its
// heading, so the page stays there and usable beside it. Its frame is styles/side-panel.css, which
// the routes that open one link. On opening (and when `focusKey` changes: another view in the
// same panel) the focus moves to the heading; Close or Escape go back to `closeHref` without
// touching the scroll, and on closing the focus returns to what `returnFocus` finds (the item that
// opened the panel), so a keyboard user carries on where they were.
import { useNavigate } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';

export function SidePanel({
  headingId,
  closeHref,
  returnFocus,
  focusKey,
  className,
  children,
}: {
  headingId: string;
  closeHref: string;
  returnFocus: () => HTMLElement | null | undefined;
  focusKey?: string;
  className?: string;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const panel = useRef<HTMLElement>(null);
  const focusBack = useRef(returnFocus);
  focusBack.current = returnFocus;
  // Escape from anywhere in the panel, unless a control inside it used the key (a combobox, a menu).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !panel.current?.contains(event.target as Node)) return;
      event.preventDefault();
      navigate(closeHref, { preventScrollReset: true });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate, closeHref]);
  useEffect(() => {
    document.getElementById(headingId)?.focus({ preventScroll: true });
  }, [headingId, focusKey]);
  useEffect(
    () => () => {
      // Only when the focus was in the panel (or fell to the page as it closed): a click elsewhere
      // keeps the focus where it landed.
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.side-panel')) return;
      focusBack.current()?.focus({ preventScroll: true });
    },
    [],
  );
  return (
    <section ref={panel} role="dialog" aria-labelledby={headingId} className={`side-panel${className ? ` ${className}` : ''}`}>
      {children}
    </section>
  );
}
