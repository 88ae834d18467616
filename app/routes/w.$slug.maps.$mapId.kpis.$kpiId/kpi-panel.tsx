// The side panel the KPI settings open in (components/journey/side-panel.tsx), labelled by the
// KPI's name. On closing, the focus returns to the chip that opened it (found by its
// `data-kpi-id`): its place in the map's keyboard grid, or the chip itself before the grid runs.
import type { ReactNode } from 'react';
import { SidePanel } from '~/components/ui/side-panel';

export function KpiPanel({ kpiId, closeHref, children }: { kpiId: string; closeHref: string; children: ReactNode }) {
  return (
    <SidePanel
      headingId={`kpi-panel-${kpiId}`}
      closeHref={closeHref}
      className="kpi-panel"
      returnFocus={() => {
        const item = document.querySelector<HTMLElement>(`[data-kpi-id="${kpiId}"]`);
        return item?.hasAttribute('data-nav') ? item : item?.querySelector<HTMLElement>('a.kpi-chip');
      }}
    >
      {children}
    </SidePanel>
  );
}
