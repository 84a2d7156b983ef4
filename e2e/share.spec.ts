import { expect, node, test } from './editor-fixtures';
import { autosave, expectNodesOf, playUntil, presetDoc, seedAutosave, shareHref } from './share-fixtures';

test('a share URL in a fresh browser reproduces the run: same first 200 trace events, seed and speed', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const doc = presetDoc('ttl-dlx'); // random failures: the seed matters
  await page.goto(shareHref(doc, { seed: 7, speed: 20 }));
  await expectNodesOf(page, doc);
  const first = await playUntil(page, (t) => t.events.length >= 200);
  expect(first.events.length).toBeGreaterThanOrEqual(200);
  expect(first.seed).toBe(7);
  expect(first.speed).toBe(20);
  const url = page.url();

  const context = await browser.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(url);
  await expectNodesOf(other, doc);
  const second = await playUntil(other, (t) => t.events.length >= 200);
  expect(second.seed).toBe(7);
  expect(second.speed).toBe(20);
  expect(second.events.length).toBeGreaterThanOrEqual(200);
  expect(JSON.stringify(second.events.slice(0, 200))).toBe(JSON.stringify(first.events.slice(0, 200)));
  expect(errors).toEqual([]);
  await context.close();
});

test('the address bar follows edits, and a reload opens the same document', async ({ page }) => {
  await page.goto('/?preset=hello-world');
  await expect.poll(() => page.url()).toContain('#s=');
  const before = page.url();
  const title = page.getByRole('textbox', { name: 'Scenario title' });
  await title.fill('Edited in class');
  await title.press('Enter');
  await expect.poll(() => page.url()).not.toBe(before);
  await page.reload();
  await expect(title).toHaveValue('Edited in class');
});

test('Share copies the link; when copying is refused, the link is shown to copy by hand', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=topics');
  await expect.poll(() => page.url()).toContain('#s=');
  await page.locator('[data-share]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.locator('[data-share]').click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog).toContainText('Copy the link below by hand');
  await expect(dialog.locator('[data-share-field="link"]')).toHaveValue(page.url());
  await expect(dialog.locator('[data-share-field="embed"]')).toHaveValue(/embed=1&readonly=1#s=/);
});

test('startup order: share hash beats ?preset=, and the autosaved work is kept with a way back', async ({ page }) => {
  const mine = { ...presetDoc('hello-world'), title: 'My own work' };
  await seedAutosave(page, mine);
  await page.goto(shareHref(presetDoc('topics'), {}, '?preset=work-queues'));
  await expect(node(page, 'exchange', 'topic_logs')).toBeVisible();
  await expect(node(page, 'queue', 'task_queue')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Your previous scenario is kept.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Back to your scenario' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('My own work');
  await expectNodesOf(page, mine);
});

test('?preset= beats the autosave; an unknown preset lists the valid ids and keeps the work', async ({ page }) => {
  const mine = { ...presetDoc('hello-world'), title: 'My own work' };
  await seedAutosave(page, mine);
  await page.goto('/?preset=no-such-thing');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no preset called "no-such-thing"');
  await expect(alert).toContainText('topics');
  await expect(alert).toContainText('work-queues');
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('My own work');
  expect(JSON.parse((await autosave(page))!).title).toBe('My own work');

  await page.goto('/?preset=topics');
  await expect(node(page, 'exchange', 'topic_logs')).toBeVisible();
});

test('embed and read-only: canvas and transport only, nothing editable, and a link into Warren', async ({ page }) => {
  const doc = presetDoc('topics');
  await page.goto(shareHref(doc, {}, '?embed=1&readonly=1'));
  await expectNodesOf(page, doc);
  await expect(page.locator('[data-share]')).toHaveCount(0);
  await expect(page.locator('[data-palette]')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  const open = page.locator('[data-open-in-warren]');
  await expect(open).toHaveAttribute('href', /#s=/);
  expect(await open.getAttribute('href')).not.toMatch(/embed|readonly/);

  // Dragging a node does not move it (the drag pans the view instead).
  const q1 = page.locator('.react-flow__node', { has: node(page, 'queue', 'Q1') });
  const before = await q1.getAttribute('style');
  const box = (await q1.boundingBox())!;
  await q1.hover();
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 150, { steps: 6 });
  await page.mouse.up();
  expect(await q1.getAttribute('style')).toBe(before);
  await q1.click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(node(page, 'queue', 'Q1')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(doc.nodes.length);
  // An embed never writes the visitor's autosave.
  expect(await page.evaluate(() => localStorage.getItem('warren.autosave'))).toBeNull();
});

test('a reader who reads Chinese is told in Chinese what the link opened', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('warren.language', 'zh'));
  await page.goto('/?preset=rpc');
  await expect(page.getByRole('status').filter({ hasText: '已打开示例' })).toBeVisible();
});
