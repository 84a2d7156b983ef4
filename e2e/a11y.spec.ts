/**
 * Accessibility: axe-core over every view of the app, in the light and the dark theme. One page per
 * theme walks the views in turn (cheap for CI); every serious or critical violation is collected
 * with the view it was found in, and the test fails listing them all. The dark theme changes
 * colours only (the same elements, names and roles), so there axe runs its colour rules alone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, flowNode, test } from './editor-fixtures';

const INSPECTOR = 'aside[aria-label="Inspector"]';
const DIALOG = '[role="dialog"]';

type Found = { view: string; id: string; impact: string; help: string; targets: string[] };

/** Axe over the page, or over the region a view occupies (`within`): a whole page costs seconds. */
async function audit(page: Page, view: string, found: Found[], within?: string): Promise<void> {
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  // Names that contain the visible text (WCAG 2.5.3) is an experimental rule in axe: asked for here.
  let axe = dark
    ? new AxeBuilder({ page }).withRules(['color-contrast', 'link-in-text-block'])
    : new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (within) axe = axe.include(within);
  const result = await axe.analyze();
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    found.push({ view, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) });
  }
}

const closeDialog = async (page: Page) => {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
};

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ firstVisit: true });

    test(`every view has no serious or critical axe violation (${theme})`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.addInitScript((t) => localStorage.setItem('warren.ui', JSON.stringify({ theme: t })), theme);
      const found: Found[] = [];

      await page.goto('/');
      const welcome = page.getByRole('dialog', { name: 'Welcome to Warren' });
      await expect(welcome).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(theme === 'dark' ? '\\bdark\\b' : '^(?!.*\\bdark\\b)'));
      await audit(page, 'welcome', found, DIALOG);
      await closeDialog(page);
      await audit(page, 'empty editor', found);

      await page.getByRole('button', { name: 'Examples' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await audit(page, 'examples gallery', found, DIALOG);
      await closeDialog(page);

      await page.goto('/?preset=ttl-dlx');
      await expect(page.getByTestId('canvas')).toBeVisible();
      await expect(page.locator('[data-kind="queue"]').first()).toBeVisible();
      await audit(page, 'editor with a preset and its lesson', found);

      for (const kind of ['queue', 'exchange', 'consumer', 'producer']) {
        const name = await page.locator(`[data-kind="${kind}"]`).first().getAttribute('data-name');
        await flowNode(page, kind, name!).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(name!);
        await audit(page, `inspector: ${kind}`, found, INSPECTOR);
      }
      const binding = await page.locator('.react-flow__edge-binding').first().getAttribute('data-id');
      await page.getByTestId(`rf__edge-${binding}`).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: 'Inspector' }).locator('[data-inspector="binding"]')).toBeVisible();
      await audit(page, 'inspector: binding', found, INSPECTOR);
      await page.keyboard.press('Escape');

      // Share opens its dialog when the clipboard refuses the link.
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      });
      await page.locator('[data-share]').click();
      await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeVisible();
      await audit(page, 'share dialog', found, DIALOG);
      await closeDialog(page);

      await page.locator('[data-broker-open]').click();
      await expect(page.locator('[data-broker-panel]')).toBeVisible();
      for (const tab of ['overview', 'users', 'vhosts', 'permissions', 'policies', 'limits']) {
        await page.locator(`[data-broker-tab="${tab}"]`).click();
        await expect(page.locator(`[data-broker-tab="${tab}"]`)).toHaveAttribute('aria-selected', 'true');
        await audit(page, `broker panel: ${tab}`, found, DIALOG);
      }
      await closeDialog(page);

      await page.getByTestId('play').click();
      await expect.poll(async () => Number(await page.locator('[data-kind="consumer"]').first().getAttribute('data-delivered')), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.getByTestId('play').click();
      for (const tab of ['Events', 'Stats']) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await audit(page, `bottom panel: ${tab}`, found, '[role="tabpanel"]');
      }
      await page.getByRole('button', { name: 'Compare a change…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Run both' }).click();
      await expect(page.getByTestId('compare-result')).toBeVisible({ timeout: 30_000 });
      await audit(page, 'compare dialog', found, DIALOG);
      await closeDialog(page);

      await page.getByRole('button', { name: 'Code', exact: true }).click();
      await expect(page.getByRole('region', { name: /\.js$/ }).first()).toBeVisible();
      await audit(page, 'code panel', found, '[data-code-panel]');
      await page.getByRole('button', { name: 'Code', exact: true }).click();

      await page.keyboard.press('p');
      await expect(page.locator('[data-present-bar]')).toBeVisible();
      await audit(page, 'presentation mode', found);

      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });
  });
}
