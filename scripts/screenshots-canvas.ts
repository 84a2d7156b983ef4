/**
 * Screenshots of the canvas as a learner first sees it (1280×800, lesson open, not played), for
 * ttl-dlx, topics, fair-dispatch and an imported real definitions.json, in English and Chinese,
 * light and dark, from the production build:
 *   npx vite build && npx tsx scripts/screenshots-canvas.ts [--out dir] [--port 4179] [--only ttl-dlx]
 * Files are named <subject>-<language>-<theme>.png. Uses Debian's Chromium, like the e2e suite.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { waitForServer } from './wait-for-server';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const out = opt('--out', 'docs/screenshots');
const port = Number(opt('--port', '4179'));
const only = opt('--only', '');
const base = `http://127.0.0.1:${port}`;
const FIXTURE = readFileSync(new URL('../src/scenario/fixtures/real-broker.definitions.json', import.meta.url), 'utf8');
const SUBJECTS = ['ttl-dlx', 'topics', 'fair-dispatch', 'definitions'].filter((s) => !only || s === only);

/** Waits until the canvas has fitted its nodes and the viewport stopped moving. */
async function settle(page: Page, routed: boolean): Promise<void> {
  await page.locator('.react-flow__node').first().waitFor();
  if (routed) await page.waitForFunction(() => document.querySelector('[data-testid="canvas"]')?.getAttribute('data-routed') !== '0', undefined, { timeout: 30_000 });
  await page.waitForTimeout(800);
}

async function importDefinitions(page: Page, zh: boolean): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByTestId('canvas').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: zh ? '文件' : 'File' }).click();
  await page.getByRole('menuitem', { name: zh ? '导入 JSON 或 definitions.json…' : 'Import JSON or definitions.json…' }).click();
  await (await chooser).setFiles({ name: 'real-broker.definitions.json', mimeType: 'application/json', buffer: Buffer.from(FIXTURE) });
  await page.getByRole('status').filter({ hasText: zh ? '已导入' : 'Imported' }).waitFor({ timeout: 30_000 });
}

mkdirSync(out, { recursive: true });
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
try {
  await waitForServer(`${base}/`);
  const browser = await chromium.launch({ executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const lang of ['en', 'zh'] as const)
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.addInitScript((l) => {
        localStorage.setItem('warren.welcome', 'seen');
        localStorage.setItem('warren.language', l);
      }, lang);
      for (const subject of SUBJECTS) {
        if (subject === 'definitions') await importDefinitions(page, lang === 'zh');
        else await page.goto(`${base}/?preset=${subject}`);
        await settle(page, subject !== 'definitions');
        // The toasts ("Opened the example…") fade by themselves; close them so the canvas shows whole.
        const dismiss = page.getByRole('button', { name: lang === 'zh' ? '关闭' : 'Dismiss', exact: true });
        while ((await dismiss.count()) > 0) await dismiss.first().click();
        await page.waitForTimeout(300);
        const path = `${out}/${subject}-${lang}-${theme}.png`;
        await page.screenshot({ path });
        console.log(`Saved ${path}`);
      }
      await page.close();
    }
  await browser.close();
} finally {
  server.kill();
}
