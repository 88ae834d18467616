// What a KPI row cell shows of each KPI: shared by the map editor (which places and moves KPIs)
// and the measures feature (which owns their content and settings).
import type { KpiStatus, Trend } from '~/domain/vocabulary';

/** The chip's sparkline box, in pixels: the server draws the path, the chip only shows it. */
export const CHIP_SPARK = { width: 40, height: 14 } as const;

export interface KpiChipData {
  id: string;
  laneId: string;
  stageId: string;
  position: number;
  version: number;
  measureId: string;
  measureName: string;
  unit: string;
  trend: Trend;
  current: string | null;
  target: string | null;
  status: KpiStatus;
  /** The sparkline of its newest values (see CHIP_SPARK), or null under two values. */
  spark: string | null;
  /** The measure was archived: the KPI stays readable and is marked. */
  archived: boolean;
}
