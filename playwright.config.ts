import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium with the built extension (the demo build, .output/chrome-mv3-demo). One worker:
 * each test starts its own browser profile, and these machines have two cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 7_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'tests/.tmp/e2e-results',
  use: { trace: 'retain-on-failure' },
});
