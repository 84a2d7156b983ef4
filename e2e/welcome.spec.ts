/**
 * The welcome a first visit opens on, in the browser's language; and who it leaves alone: a
 * returning visitor's work, a shared link, `?preset=` and `?embed=1`.
 */
import { PRESETS } from '../src/scenario/presets';
import { expect, node, test } from './editor-fixtures';
import { AMQP_TERMS, leftoverEnglish } from './leftover-english';
import { expectNodesOf, presetDoc, seedAutosave, shareHref } from './share-fixtures';

test.use({ firstVisit: true });

const welcome = (page: import('@playwright/test').Page) => page.locator('[data-welcome]');

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('a first visit opens on the welcome in Chinese: the five work modes, then the path; one click opens a lesson', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('dialog', { name: '欢迎使用 Warren' })).toBeVisible();
    const modes = welcome(page).locator('ol').first().locator('[data-welcome-preset]');
    await expect(modes).toHaveText([/简单模式/, /工作队列/, /发布\/订阅/, /路由模式/, /主题模式/]);
    await expect(welcome(page).locator('[data-welcome-preset]')).toHaveCount(PRESETS.length);
    // Preset titles are the only names on it; every word of them is Chinese or AMQP's own.
    expect(await leftoverEnglish(page, AMQP_TERMS)).toEqual([]);

    await welcome(page).locator('[data-welcome-preset="work-queues"]').click();
    await expect(welcome(page)).toHaveCount(0);
    await expectNodesOf(page, presetDoc('work-queues'));
    await expect(page.locator('[data-lesson-title]')).toHaveText(presetDoc('work-queues').lesson!.steps[0].title.zh);

    // Back later, with that work autosaved: no welcome; it opens again from Examples.
    await page.reload();
    await expectNodesOf(page, presetDoc('work-queues'));
    await expect(welcome(page)).toHaveCount(0);
    await page.getByRole('button', { name: '示例' }).click();
    await page.locator('[data-open-welcome]').click();
    await expect(welcome(page)).toBeVisible();
    await page.locator('[data-welcome-empty]').click();
    await expect(welcome(page)).toHaveCount(0);
  });
});

test('an English browser gets it in English; Empty canvas closes it for good', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Welcome to Warren' })).toBeVisible();
  await expect(welcome(page).locator('[data-welcome-start]')).toHaveText('Start with 1 · Simple');
  await page.locator('[data-welcome-empty]').click();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test('?preset=, a shared link and ?embed=1 open straight on what they point to, on a first visit too', async ({ page }) => {
  const fresh = () => page.evaluate(() => localStorage.clear());
  await page.goto('/?preset=topics');
  await expectNodesOf(page, presetDoc('topics'));
  await expect(welcome(page)).toHaveCount(0);

  await fresh();
  await page.goto(shareHref(presetDoc('routing')));
  await expectNodesOf(page, presetDoc('routing'));
  await expect(welcome(page)).toHaveCount(0);

  await fresh();
  await page.goto(shareHref(presetDoc('hello-world'), {}, '?embed=1'));
  await expect(node(page, 'queue', 'hello')).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test.describe('a returning visitor', () => {
  test.beforeEach(async ({ page }) => seedAutosave(page, presetDoc('fair-dispatch')));

  test('with autosaved work is not interrupted', async ({ page }) => {
    await page.goto('/');
    await expectNodesOf(page, presetDoc('fair-dispatch'));
    await expect(welcome(page)).toHaveCount(0);
  });
});
