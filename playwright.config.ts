import { defineConfig, devices } from '@playwright/test';
import { z } from 'zod';

// End-to-end tests drive the production build in Chromium. Here (and in CI) that is Debian's
// /usr/bin/chromium; on a laptop, `npx playwright install chromium` and unset CHROMIUM_PATH.
const TestEnvSchema = z.object({
  E2E_PORT: z.coerce.number().int().min(1).max(65535).default(3210),
  /** Unset: Debian's Chromium; empty: Playwright's own browser; else that path. */
  CHROMIUM_PATH: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  CI: z.string().optional(),
});
const testEnv = TestEnvSchema.parse(process.env);
const port = testEnv.E2E_PORT;
const executablePath = testEnv.CHROMIUM_PATH === undefined ? '/usr/bin/chromium' : testEnv.CHROMIUM_PATH || undefined;
const dataDir = `./data/e2e-${port}`;

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The production build (npm test builds it first) on a fresh embedded database, or on
    // DATABASE_URL when it is set, with the demo workspace.
    command: `rm -rf ${dataDir} && node ./server-build/index.js`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      SECURE_COOKIES: 'false',
      PGLITE_DIR: dataDir,
      SEED_DEMO: 'true',
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
    },
  },
});
