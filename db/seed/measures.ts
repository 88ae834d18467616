// Demo data for the measures feature (see db/seed.ts for the order and DESIGN.md, "Demo workspace").
import type { DemoContext } from '../seed';

export async function seedDemoMeasures(ctx: DemoContext): Promise<void> {
  void ctx;
}
