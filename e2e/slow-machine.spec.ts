/**
 * A machine too slow for the speed asked: the run goes slower, and the transport shows the speed it
 * keeps beside the speed asked. The page's clock here runs four times as fast as the wall (as on a
 * machine that keeps a quarter of the speed, without loading this one): the page measures the run
 * against it (app/sim/achievedSpeed.ts).
 */
import { expect, openScenario, preset, test } from './editor-fixtures';

test('shows the speed a run keeps where it falls short of the speed asked, and nothing once paused', async ({ page }) => {
  await page.addInitScript(() => {
    const now = performance.now.bind(performance);
    performance.now = () => now() * 4;
  });
  await openScenario(page, preset('work-queues'), 10);
  const shortfall = page.getByTestId('speed-shortfall');
  await expect(shortfall).toHaveCount(0);
  await page.getByTestId('play').click();
  await expect(shortfall).toBeVisible({ timeout: 15_000 });
  await expect(shortfall).toHaveAttribute('title', /about \d+(\.\d+)?× of the 10× asked/);
  // About a quarter of 10×, as the page saw it.
  const kept = Number((await shortfall.locator('[aria-hidden]').textContent())!.replace(/[≈×]/g, ''));
  expect(kept).toBeGreaterThan(1);
  expect(kept).toBeLessThan(3.5);
  await page.getByTestId('play').click();
  await expect(shortfall).toHaveCount(0);
});
