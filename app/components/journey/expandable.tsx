// A control that opens a small form in place (edit, move, add, delete). Closed, it renders only a
// link, which keeps the page light on large maps; the form is rendered on demand. Without
// JavaScript the link reloads the page with ?<param>=<id> and the server renders the form open,
// scrolled to its anchor (on a phone, the stage the form is in).
import { useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Expandable({
  param,
  id,
  label,
  ariaLabel,
  className,
  closeWhen,
  anchor,
  children,
}: {
  param: 'edit' | 'move' | 'add' | 'delete';
  id: string;
  label: ReactNode;
  ariaLabel?: string;
  className?: string;
  /** The form closes when this changes, e.g. the edited row's version once the save has landed. */
  closeWhen?: unknown;
  /** The element id the page scrolls to when the link reloads it (without JavaScript). */
  anchor?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [params] = useSearchParams();
  const fromUrl = params.get(param) === id;
  const [open, setOpen] = useState(fromUrl);
  const seen = useRef(closeWhen);
  useEffect(() => {
    if (seen.current !== closeWhen) {
      seen.current = closeWhen;
      setOpen(false);
    }
  }, [closeWhen]);
  return (
    <div className={`expandable${className ? ` ${className}` : ''}`}>
      <a
        href={`?${param}=${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`}
        role="button"
        aria-expanded={open}
        aria-label={ariaLabel}
        className="expandable-toggle"
        onClick={(event) => {
          event.preventDefault();
          setOpen((o) => !o);
        }}
      >
        {label}
      </a>
      {open ? <div className="expandable-body">{children(() => setOpen(false))}</div> : null}
    </div>
  );
}
