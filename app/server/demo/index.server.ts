// The demo workspace of DESIGN.md, created once on the first start of an empty database.
// Feature seeders (maps, measures, projects, objectives) add to it; everything is written in one transaction.
import { count } from 'drizzle-orm';
import { hashPassword } from '~/server/passwords.server';
import { analyzeDatabase } from '~/server/table-statistics.server';
import type { Database } from '#db/client';
import { activity, membership, persona, user, workspace } from '#db/schema';
import { DEMO_PASSWORD, DEMO_USERS, type DemoContext } from './context.server';
import { seedDemoMaps } from './maps.server';
import { seedDemoMeasures } from './measures.server';
import { seedDemoPriorities } from './priorities.server';
import { seedDemoObjectives } from './objectives.server';
import { seedDemoProjects } from './projects.server';

export { DEMO_PASSWORD, DEMO_USERS, type DemoContext } from './context.server';

// Each feature adds its part of the demo, in this order: maps (stages, lanes, cards), then measures
// and KPIs placed in the maps' KPI rows, then projects linking those KPIs, then their prioritisation
// scores, then objectives linking projects, KPIs and measures.
const featureSeeders: ((ctx: DemoContext) => Promise<void>)[] = [seedDemoMaps, seedDemoMeasures, seedDemoProjects, seedDemoPriorities, seedDemoObjectives];

export async function seedDemoIfEmpty(db: Database) {
  const [row] = await db.select({ n: count() }).from(workspace);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  // A few thousand rows the planner has never seen (PGlite never analyses by itself).
  await analyzeDatabase(db);
  return true;
}

export async function seedDemo(db: Database) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const users = {} as Record<keyof typeof DEMO_USERS, string>;
    for (const [key, u] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, (typeof DEMO_USERS)[keyof typeof DEMO_USERS]][]) {
      const id = crypto.randomUUID();
      await tx.insert(user).values({ id, email: u.email, displayName: u.displayName, passwordHash, locale: null });
      users[key] = id;
    }
    const [ws] = await tx
      .insert(workspace)
      .values({ name: 'Demo Telecom', slug: 'demo-telecom', currency: 'EUR', locale: 'fr', timeZone: 'Europe/Paris' })
      .returning();
    const workspaceId = ws!.id;
    await tx.insert(membership).values(
      (Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[]).map((key) => ({
        workspaceId,
        userId: users[key],
        role: DEMO_USERS[key].role,
      })),
    );
    const [family, pro] = await tx
      .insert(persona)
      .values([
        {
          workspaceId,
          name: 'Sophie, famille connectée',
          description: '38 ans, deux enfants, gère les abonnements mobile et box de la famille depuis son smartphone.',
          goals: 'Un forfait familial clair, sans surprise sur la facture ; tout régler en ligne en quelques minutes.',
          frustrations: 'Les frais cachés, les attentes au téléphone, devoir répéter son problème à chaque conseiller.',
        },
        {
          workspaceId,
          name: 'Marc, artisan indépendant',
          description: '52 ans, plombier à son compte ; son téléphone est son outil de travail.',
          goals: 'Une ligne qui ne tombe jamais en panne et un dépannage rapide quand elle le fait.',
          frustrations: 'Les coupures de réseau pendant un chantier, les renouvellements de contrat compliqués.',
        },
      ])
      .returning({ id: persona.id });
    await tx.insert(activity).values({
      workspaceId,
      actorId: users.owner,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'created',
      summary: 'Demo Telecom',
    });
    const ctx: DemoContext = { tx, workspaceId, users, personas: { family: family!.id, pro: pro!.id } };
    for (const seeder of featureSeeders) await seeder(ctx);
  });
}
