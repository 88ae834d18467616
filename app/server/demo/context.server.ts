// Who the demo is: its three users and their password, and the context each feature seeder receives.
// Its own module so the seeders and the sign-in page read it without importing the seed itself.
import type { Transaction } from '#db/client';

export const DEMO_PASSWORD = 'parcours-demo';
export const DEMO_USERS = {
  owner: { email: 'demo@parcours.app', displayName: 'Claire Martin', role: 'owner' },
  editor: { email: 'pm@parcours.app', displayName: 'Hugo Lefèvre', role: 'editor' },
  viewer: { email: 'exec@parcours.app', displayName: 'Nadia Benali', role: 'viewer' },
} as const;

export interface DemoContext {
  tx: Transaction;
  workspaceId: string;
  users: Record<keyof typeof DEMO_USERS, string>;
  personas: Record<'family' | 'pro', string>;
}
