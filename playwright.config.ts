import { defineConfig, devices } from '@playwright/test';

const chromium = process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium';
/** Another port lets several checkouts run their suites side by side. */
const port = Number(process.env.WARREN_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // Generous: CI machines are shared and a real mouse drag can take seconds there; a hang still fails.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  // Two browsers on CI's two cores: since a paused page stopped drawing (and presets stopped
  // running ELK) a test leaves a core idle about a third of its time, and the second browser uses
  // it (the whole suite: 8.6 min with one, 6.9 with two). One locally, where the tests share the
  // machine with other work. WARREN_E2E_WORKERS overrides both.
  workers: Number(process.env.WARREN_E2E_WORKERS ?? (process.env.CI ? 2 : 1)),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    // Recording a trace of every test costs time; in CI only the retry of a failed test records one.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
