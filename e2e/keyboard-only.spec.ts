/**
 * Keyboard only: no mouse event and no click anywhere in this file. Focus moves with Tab (and
 * Shift+Tab), things happen with Enter, Space, arrows and the editor's shortcuts, as for a person
 * without a mouse. Waits are on state, never on time.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';

// Walking the page with Tab is slow on a loaded machine; the waits are still on state.
test.describe.configure({ timeout: 240_000 });

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement).catch(() => false);

/** Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < 400; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const flow = (page: Page, kind: string, name: string) => page.locator('.react-flow__node', { has: node(page, kind, name) });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Tab to a node on the canvas and select it with Enter. */
async function selectNode(page: Page, kind: string, name: string): Promise<void> {
  await tabTo(page, flow(page, kind, name));
  await page.keyboard.press('Enter');
  await expect(flow(page, kind, name)).toHaveClass(/selected/);
}

/** "Connect to…" (C) on the selected node, then Enter on the choice named `option`. */
async function connectTo(page: Page, option: string, bindingKey?: string): Promise<void> {
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: /^Connect .* to…$/ });
  await expect(dialog).toBeVisible();
  if (bindingKey !== undefined) {
    await tabTo(page, dialog.getByRole('textbox', { name: 'Binding key' }));
    await page.keyboard.type(bindingKey);
  }
  await tabTo(page, dialog.getByRole('button', { name: option, exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test('build producer → exchange → queue → consumer with a binding key, and play it, by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();

  // Add the four nodes from the palette: Tab to each entry, Enter.
  for (const kind of ['Producer', 'Exchange', 'Queue', 'Consumer']) {
    await tabTo(page, page.getByRole('button', { name: `Add ${kind}` }));
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // Move the consumer with the arrow keys (it is selected and focused).
  await selectNode(page, 'consumer', 'C1');
  const before = await flow(page, 'consumer', 'C1').getAttribute('style');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => flow(page, 'consumer', 'C1').getAttribute('style')).not.toBe(before);
  await expect(page.getByTestId('clock')).toContainText('0'); // arrows moved the node, they did not step the run

  // Connect: publish, a binding with its key, consume; each from the node's "Connect to…".
  await selectNode(page, 'producer', 'P1');
  await connectTo(page, 'Publish to exchange orders');
  await selectNode(page, 'exchange', 'orders');
  await connectTo(page, 'Bind queue q1 to this exchange', 'orders.created');
  await selectNode(page, 'queue', 'q1');
  await connectTo(page, 'Consumer C1 consumes from this queue');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.locator('[data-edge="binding"]')).toContainText('orders.created');

  // Edit the producer in the inspector: its name and its routing key.
  await selectNode(page, 'producer', 'P1');
  await tabTo(page, inspector(page).getByRole('textbox', { name: 'Name', exact: true }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');
  await expect(node(page, 'producer', 'checkout')).toBeVisible();
  await tabTo(page, inspector(page).getByRole('textbox', { name: /routing key/i }).first());
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('orders.created');
  await page.keyboard.press('Enter');
  await expect(node(page, 'producer', 'checkout')).toContainText('orders.created');

  // Play from the transport (Shift+Tab back from the inspector to it, Enter), and hear what happened.
  await tabTo(page, page.getByTestId('play'), true);
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number(await node(page, 'consumer', 'C1').getAttribute('data-delivered')), { timeout: 20_000 }).toBeGreaterThan(0);
  const announcer = page.locator('[data-run-announcer]');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toContainText(/published/);
  await expect(announcer).toContainText(/delivered/);
  // Space is the Play / pause shortcut; on the focused Play button it presses it too: once either way.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
});

test('a lesson is driven from the keyboard: next and back', async ({ page }) => {
  await page.goto('/?preset=hello-world');
  const lesson = page.locator('[data-lesson-panel]');
  await expect(lesson).toHaveAttribute('data-step', '0');
  await page.keyboard.press('n');
  await expect(lesson).toHaveAttribute('data-step', '1');
  await page.keyboard.press('b');
  await expect(lesson).toHaveAttribute('data-step', '0');
});

test('Connect to… offers a dead-letter exchange and an alternate exchange, and sets them', async ({ page }) => {
  await page.goto('/');
  for (const kind of ['Exchange', 'Exchange', 'Queue']) {
    await tabTo(page, page.getByRole('button', { name: `Add ${kind}` }));
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  const names = await page.locator('[data-kind="exchange"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!));
  await selectNode(page, 'queue', 'q1');
  await connectTo(page, `Dead-letter to exchange ${names[1]}`);
  await expect(node(page, 'queue', 'q1').locator('[data-feature="DLX"]')).toBeVisible();
  await selectNode(page, 'exchange', names[0]);
  await connectTo(page, `Use exchange ${names[1]} as the alternate exchange`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
});
