import { dragFromPalette, expect, flowNode, mouseDrag, node, openEditor, test } from './editor-fixtures';

test.beforeEach(async ({ page }) => openEditor(page));

test('copy and paste keep names unique; duplicate too', async ({ page }) => {
  await dragFromPalette(page, 'queue', 250, 200);
  await flowNode(page, 'queue', 'q1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'queue', 'q2')).toBeVisible();
  await page.keyboard.press('Control+v');
  await expect(node(page, 'queue', 'q3')).toBeVisible();
  await page.keyboard.press('Control+d');
  await expect(node(page, 'queue')).toHaveCount(4);
  await expect(node(page, 'queue', 'q4')).toBeVisible();
  // The pasted copy is offset, not on top of the original.
  const a = (await flowNode(page, 'queue', 'q1').boundingBox())!;
  const b = (await flowNode(page, 'queue', 'q2').boundingBox())!;
  expect(b.x - a.x).toBeGreaterThan(10);
});

test('shift-drag selects a group, which deletes as one undo step', async ({ page }) => {
  await dragFromPalette(page, 'queue', 200, 200);
  await dragFromPalette(page, 'consumer', 500, 200);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(canvas.x + 40, canvas.y + 120);
  await page.mouse.down();
  await page.mouse.move(canvas.x + 700, canvas.y + 300, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await page.keyboard.press('Backspace');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});

test('? opens the shortcut list, Escape closes it', async ({ page }) => {
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Duplicate');
  await expect(dialog).toContainText('Ctrl+D');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('theme and language switch, and are remembered', async ({ page }) => {
  await page.getByRole('button', { name: 'Light / dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '添加队列' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('button', { name: '添加队列' })).toBeVisible();
});

test('auto layout puts the flow left to right', async ({ page }) => {
  await dragFromPalette(page, 'consumer', 120, 150);
  await dragFromPalette(page, 'queue', 420, 150);
  await mouseDrag(page, node(page, 'queue', 'q1').locator('.react-flow__handle.source:not(.side)'), node(page, 'consumer', 'C1').locator('.react-flow__handle.target'));
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect
    .poll(async () => (await flowNode(page, 'queue', 'q1').boundingBox())!.x < (await flowNode(page, 'consumer', 'C1').boundingBox())!.x)
    .toBe(true);
});
