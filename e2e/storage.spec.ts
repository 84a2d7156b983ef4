/**
 * Never stuck on storage: a full localStorage, a disabled one, and two tabs editing the same
 * autosave. Each gets a message, and no work is lost.
 */
import type { Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';

const addQueue = async (page: Page) => {
  await page.getByRole('button', { name: 'Add Queue' }).press('Enter');
};

test('storage full: a message with a way to export, and the work stays open', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'warren.autosave') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto('/');
  await addQueue(page);
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  const toast = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Export JSON' })).toBeVisible();
  // The address bar still holds the work.
  await expect.poll(() => page.url()).toContain('#s=');
  await expect(node(page, 'queue', 'q1')).toBeVisible();
});

test('storage disabled: the app opens, says it cannot autosave, and works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Storage is disabled' })).toBeVisible();
  await addQueue(page);
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await expect.poll(() => page.url()).toContain('#s=');
});

test('two tabs on one autosave: the overwritten tab asks, and either choice keeps both versions', async ({ page, context }) => {
  await page.goto('/');
  await addQueue(page);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('warren.autosave'))).toContain('"q1"');

  const other = await context.newPage();
  await other.goto('/');
  await expect(node(other, 'queue', 'q1')).toBeVisible();
  const title = other.getByRole('textbox', { name: 'Scenario title' });
  await title.fill('From the other tab');
  await title.press('Enter');
  await expect.poll(() => other.evaluate(() => localStorage.getItem('warren.autosave'))).toContain('From the other tab');

  // The first tab heard it, asks, and does not write its own version over the other meanwhile.
  const ask = page.getByRole('alertdialog', { name: 'Changed in another tab' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('From the other tab');

  // Keep this one: saved over the other, and the other's version is kept as the previous scenario.
  await ask.getByRole('button', { name: 'Keep this one' }).press('Enter');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('warren.autosave'))).not.toContain('From the other tab');
  expect(await page.evaluate(() => localStorage.getItem('warren.autosave.previous'))).toContain('From the other tab');

  // Now the other tab was overwritten: it asks in turn; loading this tab's version keeps its own too.
  const askOther = other.getByRole('alertdialog', { name: 'Changed in another tab' });
  await expect(askOther).toBeVisible();
  await askOther.getByRole('button', { name: "Load the other tab's version" }).press('Enter');
  await expect(title).not.toHaveValue('From the other tab');
  expect(await other.evaluate(() => localStorage.getItem('warren.autosave.previous'))).toContain('From the other tab');
  await other.close();
});
