/**
 * Every preset in Chinese, every lesson step, the panels around them: no English left in visible
 * text or in aria labels and titles, except AMQP's own terms and the scenario's names
 * (`leftover-english.ts` says which and why).
 */
import type { Page } from '@playwright/test';
import { PRESETS, type Preset } from '../src/scenario/presets';
import { expect, test } from './editor-fixtures';
import { AMQP_TERMS, leftoverEnglish, scenarioWords } from './leftover-english';
import { expectNodesOf } from './share-fixtures';

test.use({ locale: 'zh-CN' });
test.describe.configure({ timeout: 120_000 });

async function expectChinese(page: Page, preset: Preset, where: string): Promise<void> {
  const left = await leftoverEnglish(page, [...AMQP_TERMS, ...scenarioWords(preset.doc)]);
  expect(left, `${preset.id}, ${where}`).toEqual([]);
}

/** Opens a preset by its `?preset=` link, the way a lesson's link does: its nodes, its lesson, and the address bar then holding the document itself. */
async function openInChinese(page: Page, preset: Preset): Promise<void> {
  await page.goto(`/?preset=${preset.id}`);
  await expectNodesOf(page, preset.doc);
  await expect(page.locator('[data-lesson-title]')).toHaveText(preset.doc.lesson!.steps[0].title.zh);
  await expect.poll(() => page.url()).toContain('#s=');
  expect(page.url()).not.toContain('preset=');
  // The run has set up (its set-up events are counted in the log's toggle): the log's words are on screen too.
  await expect(page.locator('[data-chip="setup"]')).toBeVisible();
}

// Two pages of twelve presets each: a page load per preset, the lesson stepped through in place.
const GROUPS = 2;
for (let g = 0; g < GROUPS; g++) {
  const group = PRESETS.filter((_, i) => i % GROUPS === g);
  test(`presets in Chinese, lesson steps included: ${group.map((p) => p.id).join(', ')}`, async ({ page }) => {
    for (const preset of group) {
      await test.step(preset.id, async () => {
        await openInChinese(page, preset);
        await expectChinese(page, preset, 'step 1');
        const steps = preset.doc.lesson!.steps;
        for (let i = 1; i < steps.length; i++) {
          await page.locator('[data-lesson-panel]').getByRole('button', { name: '下一步' }).click();
          await expect(page.locator('[data-lesson-title]')).toHaveText(steps[i].title.zh);
          await expectChinese(page, preset, `step ${i + 1}`);
        }
      });
    }
  });
}

test('the panels around a preset in Chinese: inspector of each kind, the log\'s set-up rows, broker panel, examples, shortcuts', async ({ page }) => {
  const preset = PRESETS.find((p) => p.id === 'ttl-dlx')!;
  await openInChinese(page, preset);
  for (const kind of ['producer', 'exchange', 'queue', 'consumer']) {
    // Selected from the keyboard: once the inspector is open it covers the right of the canvas, and a
    // pointer click there can land on the panel instead of the card (this is about the words).
    await page.locator(`.react-flow__node:has([data-kind="${kind}"])`).first().focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[data-inspector="${kind}"]`)).toBeVisible();
    await expectChinese(page, preset, `${kind} inspector`);
  }
  // The management views, unfolded: Get messages (with its answer) and Publish message on a queue.
  await page.locator('[data-kind="queue"]').first().click();
  await page.getByRole('button', { name: '获取消息', exact: true }).click();
  await page.getByRole('button', { name: '发布消息', exact: true }).first().click();
  await page.locator('[data-get-send]').click();
  await expect(page.locator('[data-get-outcome="empty"]')).toBeVisible(); // nothing published yet
  await expectChinese(page, preset, 'Get messages and Publish message');
  // The log's set-up rows, hidden at first, shown on request (and in Chinese too).
  const log = page.getByTestId('event-log');
  await expect(log).toHaveAttribute('data-count', '0'); // not played yet: nothing but set-up
  await page.locator('[data-chip="setup"]').click();
  await expect(log).toHaveAttribute('data-count', (await log.getAttribute('data-total'))!);
  await expect(log.locator('[role="listitem"], button').first()).toBeVisible();
  await expectChinese(page, preset, 'set-up rows');
  await page.getByRole('button', { name: '服务器', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectChinese(page, preset, 'broker panel');
  await page.locator('[data-broker-tab="overview"]').click();
  await expect(page.locator('[data-overview-tab]')).toBeVisible();
  await expectChinese(page, preset, 'broker overview');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '示例' }).click();
  await expect(page.locator('[data-gallery]')).toBeVisible();
  await expectChinese(page, preset, 'examples');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectChinese(page, preset, 'shortcuts');
});
