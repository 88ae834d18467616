// Demo data for the maps feature (see db/seed.ts for the order and DESIGN.md, "Demo workspace").
import type { DemoContext } from '../seed';

export async function seedDemoMaps(ctx: DemoContext): Promise<void> {
  void ctx;
}
