// A control that opens a small form in place (edit, move, add, delete). Closed, it renders only a
// link, which keeps the page light on large maps; the form is rendered on demand. Without
// JavaScript the link reloads the page with ?<param>=<id> and the server renders the form open.
import { useSearchParams } from '@remix-run/react';
import { useState, type ReactNode } from 'react';

export function Expandable({
  param,
  id,
  label,
  ariaLabel,
  className,
  children,
}: {
  param: 'edit' | 'move' | 'add' | 'delete';
  id: string;
  label: ReactNode;
  ariaLabel?: string;
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [params] = useSearchParams();
  const fromUrl = params.get(param) === id;
  const [open, setOpen] = useState(fromUrl);
  return (
    <div className={`expandable${className ? ` ${className}` : ''}`}>
      <a
        href={`?${param}=${encodeURIComponent(id)}`}
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
