/**
 * Takes the README screenshot (docs/editor.png, 1280×800) from the production build:
 *   npx vite build && npx tsx scripts/screenshot.ts [--dark] [--out path]
 * Uses Debian's Chromium, like the e2e suite.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { sampleScenario } from './sample-scenario';
import { waitForServer } from './wait-for-server';

const PORT = 4179;
const args = process.argv.slice(2);
const dark = args.includes('--dark');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'docs/editor.png';

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({ executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: dark ? 'dark' : 'light' });
  const doc = JSON.stringify(sampleScenario());
  await page.addInitScript(
    ([d, theme]) => {
      localStorage.setItem('warren.autosave', d);
      localStorage.setItem('warren.ui', JSON.stringify({ theme, snapToGrid: true, dragMode: 'pan', bottomOpen: true }));
      localStorage.setItem('warren.language', 'en');
    },
    [doc, dark ? 'dark' : 'light'],
  );
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('[data-kind="queue"][data-name="billing"]').waitFor();
  if (args.includes('--layout')) await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.waitForTimeout(400);
  await page.locator('[data-kind="queue"][data-name="billing"]').click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`Saved ${out}`);
} finally {
  server.kill();
}
