/**
 * The broker as a whole: the five broker presets open and behave as their lessons say, the
 * Restart button, the memory alarm blocking a producer, a permission refusal on the agent,
 * vhosts kept apart, policy letters and effective arguments; the broker panel refuses bad input.
 */
import { expect, node, test } from './editor-fixtures';

test.describe.configure({ timeout: 90_000 });

const open = async (page: import('@playwright/test').Page, id: string, speed?: number) => {
  await page.goto(`/?preset=${id}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  if (speed) await page.getByTestId('speed').selectOption(String(speed));
};
const play = (page: import('@playwright/test').Page) => page.getByTestId('play').click();
const ready = (page: import('@playwright/test').Page, name: string) => node(page, 'queue', name);

test('durability-restart: the restart keeps the durable queue and its persistent messages; the transient queue is gone', async ({ page }) => {
  await open(page, 'durability-restart', 5);
  await play(page);
  // The timeline restarts the broker at 2.5 s, after each queue got 10 messages (5 of them persistent).
  await expect(ready(page, 'transient-queue').locator('[data-gone]')).toBeVisible({ timeout: 30_000 });
  await expect(ready(page, 'durable-queue')).toHaveAttribute('data-ready', '5');
  // Clients reconnect after a short virtual delay; the Restart button restarts it again.
  await expect(node(page, 'producer', 'persistent')).not.toHaveAttribute('data-error', /.+/, { timeout: 10_000 });
  await page.getByTestId('play').click();
  await page.locator('[data-broker-bar] [data-broker-restart]').click();
  await expect(page.locator('[data-broker-banner="restart"]')).toBeVisible();
  await expect(node(page, 'producer', 'persistent')).toHaveAttribute('data-error', "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'");
  await expect(ready(page, 'durable-queue')).toHaveAttribute('data-ready', '5');
});

test('Restart button: non-persistent messages in a durable queue go, consumers are disconnected and come back', async ({ page }) => {
  await open(page, 'memory-alarm', 5);
  await play(page);
  await expect.poll(async () => Number(await ready(page, 'jobs').getAttribute('data-ready')), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.getByTestId('play').click();
  await page.locator('[data-broker-bar] [data-broker-restart]').click();
  await expect(ready(page, 'jobs')).toHaveAttribute('data-ready', '0');
  await expect(ready(page, 'jobs').locator('[data-gone]')).toHaveCount(0);
  await expect(node(page, 'consumer', 'slow-worker')).toHaveAttribute('data-error', /CONNECTION_FORCED/);
  await play(page);
  await expect(node(page, 'consumer', 'slow-worker')).not.toHaveAttribute('data-error', /.+/, { timeout: 10_000 });
});

test('memory-alarm: the producer is blocked past the watermark, then unblocked as the consumer drains', async ({ page }) => {
  await open(page, 'memory-alarm', 5);
  const producer = node(page, 'producer', 'fast-publisher');
  await expect(producer).toHaveAttribute('data-blocked', 'false');
  await play(page);
  await expect(producer).toHaveAttribute('data-blocked', 'true', { timeout: 20_000 });
  await expect(page.locator('[data-broker-banner="alarm"]')).toContainText('Memory alarm: publishers are blocked');
  await expect(page.locator('[data-gauge="memory"]')).toHaveAttribute('data-alarm', 'true');
  await expect(producer).toHaveAttribute('data-blocked', 'false', { timeout: 30_000 });
  await expect(node(page, 'consumer', 'slow-worker')).toHaveAttribute('data-acked', '100', { timeout: 30_000 });
  await expect(page.locator('[data-broker-banner]')).toHaveCount(0);
});

test('permissions: the consumer without read is refused with the 403 text; the other consumes', async ({ page }) => {
  await open(page, 'permissions', 5);
  await play(page);
  await expect(node(page, 'consumer', 'shop-reader')).toHaveAttribute('data-error', "ACCESS_REFUSED - access to queue 'orders.new' in vhost '/' refused for user 'shop'");
  await expect.poll(async () => Number(await node(page, 'consumer', 'warehouse').getAttribute('data-acked')), { timeout: 20_000 }).toBeGreaterThan(2);
  await expect(node(page, 'producer', 'shop-app')).not.toHaveAttribute('data-error', /.+/);
});

test('vhosts: each vhost\'s queue gets only its own messages', async ({ page }) => {
  await open(page, 'vhosts', 5);
  await play(page);
  const shop = page.locator('.react-flow__node', { has: node(page, 'consumer', 'shop-worker') });
  await expect.poll(async () => Number(await node(page, 'consumer', 'billing-worker').getAttribute('data-acked')), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.getByTestId('play').click();
  const count = async (name: string) => Number(await node(page, 'producer', name).getAttribute('data-published'));
  const got = async (name: string) => Number(await node(page, 'consumer', name).getAttribute('data-delivered'));
  expect(await got('shop-worker')).toBeLessThanOrEqual(await count('shop-app'));
  expect(await got('billing-worker')).toBeLessThanOrEqual(await count('billing-app'));
  // shop publishes twice as fast: had messages crossed vhosts, billing-worker would see shop's.
  expect(await got('shop-worker')).toBeGreaterThan(await count('billing-app'));
  await expect(shop).toBeVisible();
});

test('policies: the queue shows the policy\'s letters and the effective TTL; the panel refuses an unknown key', async ({ page }) => {
  await open(page, 'policies');
  const q = ready(page, 'orders.created');
  const ttl = q.locator('[data-feature="Lim"][data-policy="orders-limits"]');
  await expect(ttl).toBeVisible();
  await expect(ttl).toHaveAttribute('title', 'from policy orders-limits: x-max-length = 10');
  await expect(q.locator('[data-feature="DLX"][data-policy="orders-limits"]')).toBeVisible();
  await expect(ready(page, 'audit').locator('[data-policy]')).toHaveCount(0);
  await page.locator('.react-flow__node', { has: q }).click();
  const eff = page.locator('[data-effective-arguments]');
  await expect(eff.locator('[data-effective="x-message-ttl"]')).toHaveAttribute('data-value', '5000');
  await expect(eff.locator('[data-effective="x-message-ttl"]')).toHaveAttribute('data-source', 'policy');
  await expect(eff.locator('[data-effective-policy]')).toHaveText('orders-limits');

  // The panel: an unknown policy key is refused in the engine's words and nothing changes.
  await page.locator('[data-broker-open]').click();
  await page.locator('[data-broker-tab="policies"]').click();
  const def = page.getByRole('textbox', { name: 'Definition of orders-limits' });
  await def.fill('{"message-ttl": 5000, "max-lenght": 3}');
  await def.press('Enter');
  await expect(page.locator('[data-broker-panel] [data-broker-error]')).toHaveText("unknown policy key 'max-lenght'");
  await page.locator('[data-broker-tab="permissions"]').click();
  await page.locator('[data-broker-tab="limits"]').click();
  const wm = page.getByRole('textbox', { name: 'Memory high watermark' });
  await wm.fill('1.5');
  await wm.press('Enter');
  await expect(page.locator('[data-broker-panel] [data-broker-error]')).toHaveText('memory high watermark must be a fraction between 0 and 1, got 1.5');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(ttl).toBeVisible();
});

test('broker panel: an invalid permission regex is refused; a sound edit applies and is undoable', async ({ page }) => {
  await open(page, 'permissions');
  await page.locator('[data-broker-open]').click();
  await page.locator('[data-broker-tab="permissions"]').click();
  const read = page.getByRole('textbox', { name: 'read regex of shop on /' });
  await read.fill('(');
  await read.press('Enter');
  await expect(page.locator('[data-broker-panel] [data-broker-error]')).toContainText("invalid read regex '('");
  await read.fill('^orders\\.new$');
  await read.press('Enter');
  await expect(page.locator('[data-broker-panel] [data-broker-error]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await play(page);
  // shop may read now: shop-reader consumes instead of being refused.
  await expect.poll(async () => Number(await node(page, 'consumer', 'shop-reader').getAttribute('data-delivered')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(node(page, 'consumer', 'shop-reader')).not.toHaveAttribute('data-error', /.+/);
});
