// What a KPI row cell shows of each KPI: shared by the map editor (which places and moves KPIs)
// and the measures feature (which owns their content and settings).
import type { KpiStatus, Trend } from '~/domain/vocabulary';

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
  /** The measure was archived: the KPI stays readable and is marked. */
  archived: boolean;
}
