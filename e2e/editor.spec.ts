import { buildPipeline, connect, dragFromPalette, expect, flowNode, mouseDrag, node, openEditor, test } from './editor-fixtures';

test.beforeEach(async ({ page }) => openEditor(page));

test('every node kind can be dragged from the palette onto the canvas', async ({ page }) => {
  const kinds = ['producer', 'exchange', 'queue', 'consumer', 'note'];
  for (const [i, kind] of kinds.entries()) await dragFromPalette(page, kind, 120 + (i % 3) * 230, 140 + Math.floor(i / 3) * 200);
  await expect(node(page, 'producer', 'P1')).toBeVisible();
  await expect(node(page, 'exchange', 'orders')).toBeVisible();
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await expect(node(page, 'consumer', 'C1')).toBeVisible();
  await expect(node(page, 'note')).toHaveCount(1);
  // Live counters start at zero.
  await expect(node(page, 'queue', 'q1')).toHaveAttribute('data-ready', '0');
  await expect(node(page, 'consumer', 'C1')).toHaveAttribute('data-acked', '0');
  // A second queue gets the next free name, where it was dropped.
  await dragFromPalette(page, 'queue', 600, 420);
  await expect(node(page, 'queue', 'q2')).toBeVisible();
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const q2 = (await node(page, 'queue', 'q2').boundingBox())!;
  expect(Math.abs(q2.x + q2.width / 2 - (canvas.x + 600))).toBeLessThan(40);
});

test('clicking a palette entry adds the node in the middle of the view', async ({ page }) => {
  await page.getByRole('button', { name: 'Add Queue' }).click();
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await page.getByRole('button', { name: 'Add Queue' }).press('Enter');
  await expect(node(page, 'queue', 'q2')).toBeVisible();
});

test('producer → exchange → queue → consumer wired by dragging handle to handle', async ({ page }) => {
  await buildPipeline(page);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  // The nodes show what they are connected to.
  await expect(node(page, 'producer', 'P1')).toContainText('orders');
  await expect(node(page, 'consumer', 'C1')).toContainText('q1');
  await expect(page.locator('[data-edge="binding"]')).toHaveCount(1);
});

test('a refused connection explains why, and adds nothing', async ({ page }) => {
  await dragFromPalette(page, 'producer', 150, 200);
  await dragFromPalette(page, 'consumer', 500, 200);
  await connect(page, ['producer', 'P1'], ['consumer', 'C1']);
  await expect(page.getByRole('alert')).toContainText('A producer cannot send to a consumer directly');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('a binding key is edited in place, and an invalid topic key is not committed', async ({ page }) => {
  await dragFromPalette(page, 'exchange', 200, 200);
  await dragFromPalette(page, 'queue', 550, 200);
  await connect(page, ['exchange', 'orders'], ['queue', 'q1']);
  // Make it a topic exchange through the inspector's type field.
  await flowNode(page, 'exchange', 'orders').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('combobox').first().selectOption('topic');
  await expect(node(page, 'exchange', 'orders')).toHaveAttribute('data-type', 'topic');

  const label = page.locator('[data-edge="binding"]');
  await label.dblclick();
  const input = page.getByRole('textbox', { name: 'Edit binding key' });
  await input.fill('order*');
  await expect(page.getByRole('alert')).toContainText('* and # must be whole words');
  await input.press('Enter');
  await expect(input).toBeVisible(); // still editing: nothing committed
  await input.fill('order.*');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await input.press('Enter');
  await expect(label).toHaveAttribute('data-binding-key', 'order.*');
  await expect(label).toHaveText('order.*');
});

test('undo and redo, from the toolbar and the keyboard', async ({ page }) => {
  await dragFromPalette(page, 'queue', 300, 200);
  await dragFromPalette(page, 'queue', 600, 200);
  await expect(node(page, 'queue')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'queue')).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node(page, 'queue')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(node(page, 'queue')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'queue')).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(node(page, 'queue')).toHaveCount(2);
});

test('one drag of a node is one undo step', async ({ page }) => {
  await dragFromPalette(page, 'queue', 300, 200);
  const q = flowNode(page, 'queue', 'q1');
  const before = (await q.boundingBox())!;
  await mouseDrag(page, node(page, 'queue', 'q1').locator('span').first(), page.getByTestId('canvas').locator('.react-flow__pane'));
  const after = (await q.boundingBox())!;
  expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(20);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await q.boundingBox())!.x)).toBe(Math.round(before.x));
  await expect(node(page, 'queue', 'q1')).toBeVisible();
});

test('delete removes the selected node and its connections', async ({ page }) => {
  await buildPipeline(page);
  await flowNode(page, 'queue', 'q1').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'queue')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1); // only P1 → orders is left
  await page.keyboard.press('Control+z');
  await expect(node(page, 'queue', 'q1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
});
