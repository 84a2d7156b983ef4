import { test, expect, type Page } from '@playwright/test';
import { clickEdge } from './editor-fixtures';

/** A small scenario, seeded through the autosave so the test starts from a known canvas. */
const scenario = {
  version: 1,
  seed: 1,
  title: 'Inspector test',
  description: '',
  nodes: [
    { id: 'p1', kind: 'producer', position: { x: 0, y: 0 }, config: { name: 'P1', routingKey: { mode: 'fixed', key: 'quick.orange.rabbit' } } },
    { id: 'x1', kind: 'exchange', position: { x: 300, y: 0 }, config: { name: 'animals', type: 'topic' } },
    { id: 'q1', kind: 'queue', position: { x: 600, y: 0 }, config: { name: 'orders' } },
    { id: 'q2', kind: 'queue', position: { x: 600, y: 200 }, config: { name: 'audit' } },
  ],
  edges: [
    { id: 'e1', kind: 'publish', source: 'p1', target: 'x1' },
    { id: 'b1', kind: 'binding', source: 'x1', target: 'q1', bindingKey: '*.orange.*' },
  ],
};

async function open(page: Page) {
  await page.addInitScript((doc) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('warren.language', 'en');
    localStorage.setItem('warren.autosave', JSON.stringify(doc));
  }, scenario);
  await page.goto('/');
  await expect(page.locator('[data-kind="queue"][data-name="orders"]')).toBeVisible();
}

const inspector = (page: Page) => page.getByTestId('inspector');
const queue = (page: Page, name: string) => page.locator(`[data-kind="queue"][data-name="${name}"]`);
const autosaved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('warren.autosave') ?? 'null'));

test('an invalid TTL is explained next to the field and never reaches the document', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const ttl = inspector(page).getByLabel('Message TTL (ms)');
  await expect(ttl).toBeVisible();

  for (const bad of ['-5', 'abc', '1.5']) {
    await ttl.fill(bad);
    await ttl.press('Enter');
    await expect(inspector(page).getByText('A TTL must be a non-negative whole number')).toBeVisible();
    await expect(ttl).toHaveAttribute('aria-invalid', 'true');
    await expect(ttl).toHaveAttribute('aria-describedby', /error/);
  }
  await ttl.blur();
  await expect(queue(page, 'orders').locator('[data-feature="TTL"]')).toHaveCount(0);
  // Give the debounced autosave time to run: it still has no TTL.
  await page.waitForTimeout(600);
  const saved = await autosaved(page);
  expect(saved.nodes.find((n: { id: string }) => n.id === 'q1').config.arguments ?? {}).toEqual({});

  await ttl.fill('60000');
  await ttl.press('Enter');
  await expect(inspector(page).getByText('A TTL must be a non-negative whole number')).toHaveCount(0);
  await expect(ttl).not.toHaveAttribute('aria-invalid');
  await expect(queue(page, 'orders').locator('[data-feature="TTL"]')).toBeVisible();

  // Clearing the field removes the argument again.
  await ttl.fill('');
  await ttl.press('Enter');
  await expect(queue(page, 'orders').locator('[data-feature="TTL"]')).toHaveCount(0);
});

test('a committed edit is one undo step, however many keys were typed', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const lim = inspector(page).getByLabel('Max length (messages)');
  await lim.pressSequentially('1000');
  await lim.press('Enter');
  await expect(queue(page, 'orders').locator('[data-feature="Lim"]')).toBeVisible();
  await lim.blur();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(queue(page, 'orders').locator('[data-feature="Lim"]')).toHaveCount(0);
  await expect(lim).toHaveValue('');
});

test('max priority, overflow and dead-lettering show their letters; a DLK needs a DLX', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const panel = inspector(page);
  const pri = panel.getByLabel('Max priority');
  await pri.fill('300');
  await pri.press('Enter');
  await expect(panel.getByText('Max priority is between 1 and 255')).toBeVisible();
  await pri.fill('10');
  await pri.press('Enter');
  await expect(queue(page, 'orders').locator('[data-feature="Pri"]')).toBeVisible();

  const dlk = panel.getByLabel('Dead-letter routing key');
  await dlk.fill('retry');
  await dlk.press('Enter');
  await expect(panel.getByText('A dead-letter routing key needs a dead-letter exchange')).toBeVisible();

  await panel.getByLabel('Dead-letter exchange', { exact: true }).selectOption({ label: 'animals' });
  await expect(queue(page, 'orders').locator('[data-feature="DLX"]')).toBeVisible();
  await dlk.press('Enter');
  await expect(queue(page, 'orders').locator('[data-feature="DLK"]')).toBeVisible();

  await panel.getByLabel('Overflow behaviour').selectOption('reject-publish');
  await expect(queue(page, 'orders').locator('[data-feature="Ovfl"]')).toBeVisible();
  await panel.getByLabel('Single active consumer').check();
  await expect(queue(page, 'orders').locator('[data-feature="SAC"]')).toBeVisible();
});

test('renaming a queue keeps its binding; reserved and duplicate names are refused', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const name = inspector(page).getByLabel('Name', { exact: true });

  await name.fill('amq.orders');
  await name.press('Enter');
  await expect(inspector(page).getByText(/reserved for the broker/)).toBeVisible();
  await name.fill('audit');
  await name.press('Enter');
  await expect(inspector(page).getByText(/already has this name/)).toBeVisible();
  await expect(queue(page, 'orders')).toBeVisible();

  await name.fill('jobs');
  await name.press('Enter');
  await expect(queue(page, 'jobs')).toBeVisible();
  await expect.poll(async () => (await autosaved(page)).nodes.find((n: { id: string }) => n.id === 'q1').config.name).toBe('jobs');
  const saved = await autosaved(page);
  expect(saved.edges.find((e: { id: string }) => e.id === 'b1')).toMatchObject({ source: 'x1', target: 'q1' });
});

test('a quorum queue offers a delivery limit and is always durable', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const panel = inspector(page);
  await expect(panel.getByLabel('Delivery limit')).toBeDisabled();
  await panel.getByLabel('Type', { exact: true }).selectOption('quorum');
  await expect(queue(page, 'orders').locator('[data-feature="quorum"]')).toBeVisible();
  await expect(panel.getByLabel('Durable')).toBeDisabled();
  await expect(panel.getByLabel('Delivery limit')).toBeEnabled();
  await expect(panel.getByLabel('Max priority')).toBeDisabled();
});

test('the exchange panel explains its type; nothing selected shows the scenario', async ({ page }) => {
  await open(page);
  await expect(inspector(page).getByLabel('Title')).toHaveValue('Inspector test');
  await expect(inspector(page).getByLabel('Seed')).toHaveValue('1');

  await page.locator('[data-kind="exchange"][data-name="animals"]').click();
  const panel = inspector(page);
  await expect(panel.getByText(/topic: binding keys are patterns/)).toBeVisible();
  await panel.getByLabel('Type', { exact: true }).selectOption('fanout');
  await expect(page.locator('[data-kind="exchange"][data-name="animals"]')).toHaveAttribute('data-type', 'fanout');
  await expect(panel.getByText(/fanout: to every bound queue/)).toBeVisible();
});

test('a topic binding key is checked and previewed against the producer keys', async ({ page }) => {
  await open(page);
  await clickEdge(page, 'b1');
  const panel = inspector(page);
  const key = panel.getByLabel('Binding key');
  await expect(key).toHaveValue('*.orange.*');
  await expect(panel.locator('li[data-matches="true"]', { hasText: 'quick.orange.rabbit' })).toBeVisible();

  await key.fill('lazy.#x');
  await expect(panel.getByText(/wildcards only as whole words/)).toBeVisible();
  await key.press('Enter');
  await key.fill('lazy.#');
  await expect(panel.locator('li[data-matches="false"]', { hasText: 'quick.orange.rabbit' })).toBeVisible();
  await key.press('Enter');
  await expect(panel.getByText(/wildcards only as whole words/)).toHaveCount(0);
});

test('several selected nodes show a summary', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  await queue(page, 'audit').click({ modifiers: ['ControlOrMeta'] });
  await expect(inspector(page).getByText('2 nodes selected')).toBeVisible();
});

test('an edit typed without Enter is kept when another node is selected', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  await inspector(page).getByLabel('Message TTL (ms)').fill('7000');
  await queue(page, 'audit').click();
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('audit');
  await expect(queue(page, 'orders').locator('[data-feature="TTL"]')).toBeVisible();
});

test('a headers binding edits x-match and the headers to match', async ({ page }) => {
  await open(page);
  await page.locator('[data-kind="exchange"][data-name="animals"]').click();
  await inspector(page).getByLabel('Type', { exact: true }).selectOption('headers');
  await clickEdge(page, 'b1');
  const panel = inspector(page);
  await expect(panel.getByText(/headers exchange ignores the binding key/)).toBeVisible();
  await panel.getByLabel('x-match').selectOption('any');
  await panel.getByRole('button', { name: '+ Header' }).click();
  await panel.getByLabel('Header 1').fill('region');
  await panel.getByLabel('Value 1').fill('eu');
  await panel.getByLabel('Value 1').press('Enter');
  await panel.getByRole('button', { name: '+ Header' }).click();
  await panel.getByLabel('Header 2').fill('region');
  await panel.getByLabel('Header 2').blur();
  await expect(panel.getByText('“region” appears twice')).toBeVisible();
  // The autosave is debounced: wait for it rather than for a fixed time, which a loaded machine outlasts.
  await expect
    .poll(async () => (await autosaved(page)).edges.find((e: { id: string }) => e.id === 'b1').arguments)
    .toEqual({ 'x-match': 'any', region: 'eu' });
});

test('a dead-letter exchange can be the default exchange or a name not on the canvas yet', async ({ page }) => {
  await open(page);
  await queue(page, 'orders').click();
  const panel = inspector(page);
  const dlx = panel.getByLabel('Dead-letter exchange', { exact: true });
  await dlx.selectOption({ label: '(default exchange “”)' });
  await expect(queue(page, 'orders').locator('[data-feature="DLX"]')).toBeVisible();
  await dlx.selectOption({ label: 'Other name…' });
  const name = panel.getByLabel('Dead-letter exchange: exchange name');
  await name.fill('retry');
  await name.press('Enter');
  await expect
    .poll(async () => (await autosaved(page)).nodes.find((n: { id: string }) => n.id === 'q1').config.arguments?.['x-dead-letter-exchange'])
    .toBe('retry');
});

test('with a lesson open, the card furthest right stays in view when its inspector opens beside it', async ({ page }) => {
  await page.goto('/?preset=fair-dispatch');
  const cards = page.locator('.react-flow__node');
  await expect(cards.first()).toBeVisible();
  await expect(inspector(page)).toHaveCount(0);
  const id = await cards.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-id'), right: e.getBoundingClientRect().right })).sort((a, b) => b.right - a.right)[0].id);
  const card = page.locator(`.react-flow__node[data-id="${id}"]`);
  await card.click({ position: { x: 12, y: 12 } });
  await expect(inspector(page)).toBeVisible();
  // The inspector narrows the canvas; the view pans so that the card is not left under it.
  const inView = async () => {
    const pane = (await page.getByTestId('canvas').boundingBox())!;
    const box = (await card.boundingBox())!;
    return box.x >= pane.x && box.x + box.width <= pane.x + pane.width;
  };
  await expect.poll(inView).toBe(true);
});
