/**
 * Compare: the open scenario run twice, as it is and with one change, answers "what does prefetch
 * change?" by numbers over time; the run on the canvas is not touched.
 */
import { expect, test } from '@playwright/test';
import { presetById } from '../src/scenario/presets';
import { AMQP_TERMS, leftoverEnglish, scenarioWords } from './leftover-english';

test('fair-dispatch: prefetch 1 on the slow round-robin consumer sends more of the work to the fast one', async ({ page }) => {
  await page.goto('/?preset=fair-dispatch');
  await expect(page.locator('[data-kind="consumer"]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Stats', exact: true }).click();
  await page.getByRole('button', { name: 'Compare a change…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare a change' });
  await dialog.getByLabel('Change').selectOption({ label: 'slow (prefetch 0): prefetch (now 0)' });
  const value = dialog.getByLabel('Value in run B');
  await expect(value).toHaveValue('1');
  // a value the document cannot hold is explained, and nothing runs
  await value.fill('1.5');
  await expect(dialog.getByText('Enter a whole number.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run both' })).toBeDisabled();
  await value.fill('1');
  await dialog.getByRole('button', { name: 'Run both' }).click();

  const result = dialog.getByTestId('compare-result');
  await expect(result).toContainText('B: slow (prefetch 0): prefetch = 1');
  const row = (name: string) => result.locator(`[data-compare-row="${name}"]`);
  const ends = async (name: string) => ({ a: Number(await row(name).getAttribute('data-a')), b: Number(await row(name).getAttribute('data-b')) });
  const fast = await ends('fast (prefetch 0):delivered');
  const slow = await ends('slow (prefetch 0):delivered');
  expect(fast.b).toBeGreaterThan(fast.a);
  expect(slow.b).toBeLessThan(slow.a);
  // the lane that was not changed ends the same in both runs
  const other = await ends('fast (prefetch 1):delivered');
  expect(other.b).toBe(other.a);
  await expect(row('fast (prefetch 0):delivered').getByRole('img')).toHaveAttribute('aria-label', `fast (prefetch 0) delivered over time: A ends at ${fast.a}, B at ${fast.b}`);

  // the canvas's run was not played
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-kind="consumer"]').first()).toHaveAttribute('data-delivered', '0');
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the dialog, its choices and its results read in Chinese', async ({ page }) => {
    const preset = presetById('fair-dispatch')!;
    await page.goto('/?preset=fair-dispatch');
    await expect(page.locator('[data-kind="consumer"]').first()).toBeVisible();
    await page.getByRole('tab', { name: '统计', exact: true }).click();
    await page.getByRole('button', { name: '对比一处改动…' }).click();
    const dialog = page.getByRole('dialog', { name: '对比一处改动' });
    await dialog.getByRole('button', { name: '两次都运行' }).click();
    await expect(dialog.getByTestId('compare-result')).toBeVisible();
    await dialog.getByLabel('B 运行中的值').fill('x');
    await expect(dialog.getByText('请输入数字。')).toBeVisible();
    expect(await leftoverEnglish(page, [...AMQP_TERMS, ...scenarioWords(preset.doc), 'A'])).toEqual([]);
  });
});
