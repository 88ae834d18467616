// The side panel the KPI settings open in, over the right of the map (the whole screen on a phone).
// A non-modal dialog labelled by the KPI's name: the map stays there and usable beside it. On
// opening, the focus moves to the panel's heading; Close or Escape go back to the map URL without
// touching the scroll, and the focus returns to the chip that opened the panel (found by its
// `data-kpi-id`), so a keyboard user carries on where they were.
import { useNavigate } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';

export function KpiPanel({ kpiId, closeHref, children }: { kpiId: string; closeHref: string; children: ReactNode }) {
  const navigate = useNavigate();
  const panel = useRef<HTMLElement>(null);
  const headingId = `kpi-panel-${kpiId}`;
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
    return () => {
      // Only when the focus was in the panel (or fell to the page as it closed): a click elsewhere
      // keeps the focus where it landed.
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.kpi-panel')) return;
      // The KPI's place in the map's keyboard grid (its item), or its chip before the grid runs.
      const item = document.querySelector<HTMLElement>(`[data-kpi-id="${kpiId}"]`);
      (item?.hasAttribute('data-nav') ? item : item?.querySelector<HTMLElement>('a.kpi-chip'))?.focus({ preventScroll: true });
    };
  }, [kpiId, headingId]);
  return (
    <section ref={panel} role="dialog" aria-labelledby={headingId} className="kpi-panel">
      {children}
    </section>
  );
}
