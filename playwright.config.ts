import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real server (see tests/e2e/global-setup.ts). They use the system's Chromium:
 * nothing is downloaded. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  // The French and English journeys run side by side, each against its own server; two cores.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A journey is many pages long: on a slower machine the foundation journey, which sets no limit of its
  // own, took 2 minutes, the old limit, and the English one ran out. The limit only bounds a test that hangs.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // A trace of a failed test, with the page's DOM at each step; without the screencast, whose frames
    // cost every test CPU (the failure's screenshot is taken below).
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
});
