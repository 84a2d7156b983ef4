/**
 * The Content Security Policy of the built app (scripts/vite-csp.ts): an injected inline script and
 * eval on the page are blocked, while the app's normal use (presets playing, the Code playground
 * compiling programs in its worker, PNG and SVG export) reports no violation at all.
 */
import { test as plain, type Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';

test.describe.configure({ timeout: 120_000 });

/** Every `securitypolicyviolation` the page sees, kept on window for the test to read. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

// Without the console-error fixture: the browser logs each blocked attempt, which is the point here.
plain('the page refuses inline script and eval', async ({ page }) => {
  await watchViolations(page);
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");

  // In a task of the page's own (a timer), not inside DevTools' evaluate, which may eval regardless.
  const ran = await page.evaluate(
    () =>
      new Promise<{ inline: boolean; eval: boolean }>((resolve) =>
        setTimeout(() => {
          const w = window as unknown as { __inlineRan?: boolean };
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.body.appendChild(s);
          let evalRan = false;
          try {
            evalRan = (0, eval)('true') as boolean;
          } catch {
            // blocked: EvalError
          }
          resolve({ inline: !!w.__inlineRan, eval: evalRan });
        }, 0),
      ),
  );
  expect(ran).toEqual({ inline: false, eval: false });
  await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src eval/)]));
});

test('presets, the Code playground and image export run without a single violation', async ({ page }) => {
  await watchViolations(page);
  await page.addInitScript(() => localStorage.setItem('warren.language', 'en'));
  await page.goto('/?preset=topics');
  await expect(node(page, 'queue', 'Q1')).toBeVisible();
  await page.getByTestId('play').click();
  await expect.poll(async () => Number(await node(page, 'consumer', 'C1').getAttribute('data-delivered'))).toBeGreaterThan(0);
  await page.getByTestId('play').click();

  for (const item of ['Export image (PNG)', 'Export image (SVG)']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    expect((await download).suggestedFilename()).toMatch(/^Topics\.(png|svg)$/);
  }

  // The playground compiles with `new Function` in the simulation worker, whose policy is its own.
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  await page.locator('[data-run-all]').click();
  await expect(page.getByRole('region', { name: 'receive.js', exact: true }).getByRole('log', { name: 'Console' })).toContainText('[x] Received');
  expect(await violations(page)).toEqual([]);
});
