// Demo data for the projects feature (see db/seed.ts for the order and DESIGN.md, "Demo workspace").
import type { DemoContext } from '../seed';

export async function seedDemoProjects(ctx: DemoContext): Promise<void> {
  void ctx;
}
