// Playwright fixtures: tests sign in by cookie (no sign-in form) and a test that writes works in a
// workspace of its own (after epic-stack's tests/playwright-utils.ts). The server under test is the
// production build in another process, so the data is made over HTTP (tests/support/http-client.ts):
// a new account signs up, creates a French EUR workspace like the demo, and imports the demo's maps
// from their JSON export (with their KPIs, values and the measures they use).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import {
  addMemberOverHttp,
  createWorkspaceOverHttp,
  exportMapsOverHttp,
  importMapOverHttp,
  signInOverHttp,
  signUpOverHttp,
  type Account,
} from '../support/http-client';

export { expect };

export const DEMO = { email: 'demo@parcours.app', password: 'parcours-demo', slug: 'demo-telecom' };
/** The demo workspace's members (README); they share the demo password. */
export const DEMO_USERS = { owner: 'demo@parcours.app', editor: 'pm@parcours.app', viewer: 'exec@parcours.app' } as const;
export type DemoRole = keyof typeof DEMO_USERS;
/** The demo maps a workspace of its own starts with. */
export const DEMO_MAPS = { purchase: "Souscription d'un abonnement mobile", support: 'Support et renouvellement' } as const;

export interface OwnWorkspace {
  slug: string;
  name: string;
  owner: Account;
  /** The owner's session cookie ("name=value"), for data made over HTTP during a test. */
  cookie: string;
}

/** Puts a session cookie ("name=value") into the browser context, as a sign-in would have. */
async function useSession(context: BrowserContext, baseURL: string, cookie: string) {
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

// The demo's maps, exported once per worker by its viewer (read-only).
const demoExports = new Map<string, Promise<Map<string, string>>>();
function demoMapExports(baseURL: string) {
  let exports = demoExports.get(baseURL);
  if (!exports) {
    exports = signInOverHttp(baseURL, DEMO_USERS.viewer, DEMO.password).then((cookie) => exportMapsOverHttp(baseURL, cookie, DEMO.slug));
    demoExports.set(baseURL, exports);
  }
  return exports;
}

async function createOwnWorkspace(baseURL: string) {
  const { account, cookie } = await signUpOverHttp(baseURL, 'Camille Testeur');
  const name = `E2E ${randomBytes(5).toString('hex')}`;
  const slug = await createWorkspaceOverHttp(baseURL, cookie, { name, currency: 'EUR', locale: 'fr' });
  const exports = await demoMapExports(baseURL);
  for (const mapName of Object.values(DEMO_MAPS)) {
    const json = exports.get(mapName);
    if (!json) throw new Error(`the demo has no map "${mapName}"`);
    await importMapOverHttp(baseURL, cookie, slug, json);
  }
  return { workspace: { slug, name, owner: account, cookie }, cookie };
}

/** Another member of the workspace, in a browser of their own (a second context). */
export interface Teammate {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** The owner of a workspace of its own is "Camille Testeur"; the teammate an editor of it. */
export const TEAMMATE_NAME = 'Léa Durand';

export const test = base.extend<{
  /** Signs the page's browser context in as one of the demo's members, by cookie (for reading the demo). */
  signInAs: (role: DemoRole) => Promise<void>;
  /** A workspace of its own holding copies of the demo's maps; the page is signed in as its owner. */
  ownWorkspace: OwnWorkspace;
  /** An editor of ownWorkspace who joined it by invitation, signed in in a second browser context. */
  teammate: Teammate;
}>({
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (role) => useSession(context, baseURL!, await signInOverHttp(baseURL!, DEMO_USERS[role], DEMO.password)));
  },
  ownWorkspace: async ({ context, baseURL }, use) => {
    const { workspace, cookie } = await createOwnWorkspace(baseURL!);
    await useSession(context, baseURL!, cookie);
    await use(workspace);
  },
  teammate: async ({ browser, ownWorkspace, baseURL, locale, viewport }, use) => {
    const { cookie } = await addMemberOverHttp(baseURL!, ownWorkspace.cookie, ownWorkspace.slug, TEAMMATE_NAME);
    // With JavaScript whatever the test uses for its own page.
    const context = await browser.newContext({ baseURL, locale, viewport, javaScriptEnabled: true });
    await useSession(context, baseURL!, cookie);
    await use({ name: TEAMMATE_NAME, context, page: await context.newPage() });
    await context.close();
  },
});
