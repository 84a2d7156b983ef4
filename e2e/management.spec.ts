/**
 * The management views, used as on RabbitMQ's management UI: Publish message from an exchange's
 * inspector (routed, animated to its queues; "not routed" when no binding matches), Get messages on
 * a queue with each of the four ack modes (the queue's counts on the canvas follow), Publish message
 * on a queue (the default exchange), and the Overview tab of the Broker panel.
 */
import type { Page } from '@playwright/test';
import { expect, flowNode, node, test } from './editor-fixtures';
import { presetDoc, shareHref } from './share-fixtures';

test.describe.configure({ timeout: 120_000 });

/** The routing preset's exchange, queues and bindings: no client but the management views moves a message. */
function topology() {
  const doc = presetDoc('routing');
  return {
    ...doc,
    lesson: undefined,
    timeline: [],
    nodes: doc.nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue'),
    edges: doc.edges.filter((e) => e.kind === 'binding'),
  };
}

const section = (page: Page, title: string) => page.getByRole('button', { name: title, exact: true });
const ready = (page: Page, queue: string) => node(page, 'queue', queue);

async function getMessages(page: Page, ackmode: string, count = 1) {
  const form = page.locator('[data-get-messages]');
  await form.locator('[data-get-field="ackmode"]').selectOption(ackmode);
  await form.locator('[data-get-field="count"]').fill(String(count));
  await form.locator('[data-get-send]').click();
  return form.locator('[data-get-outcome]');
}

test('publish from the exchange inspector, see it routed and animated, get it back with each ack mode', async ({ page }) => {
  await page.goto(shareHref(topology(), { speed: 0.25 }));
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.getByTestId('play').click();

  // Publish message on the exchange.
  await flowNode(page, 'exchange', 'direct_logs').click();
  await section(page, 'Publish message').click();
  const publish = page.locator('[data-publish-message]');
  await publish.locator('[data-publish-field="routing-key"]').fill('error');
  await publish.locator('[data-publish-field="delivery-mode"]').selectOption('2');
  await publish.locator('[data-publish-header="0"] [data-header-key]').fill('tries');
  await publish.locator('[data-publish-header="0"] [data-header-value]').fill('2');
  await publish.locator('[data-publish-header="0"] [data-header-type]').selectOption('number');
  await publish.locator('[data-publish-property="content_type"]').fill('text/plain');
  await publish.locator('[data-publish-field="payload"]').fill('disk full');
  await publish.locator('[data-publish-send]').click();
  // The message flies from the exchange to both bound queues (error goes to errors and all_logs).
  await expect.poll(async () => Number(await page.getByTestId('message-layer').getAttribute('data-in-flight')), { intervals: [25], timeout: 20_000 }).toBeGreaterThan(0);
  await expect(publish.locator('[data-publish-outcome]')).toHaveText('Message published.');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '1');
  await expect(ready(page, 'all_logs')).toHaveAttribute('data-ready', '1');

  await publish.locator('[data-publish-field="routing-key"]').fill('debug');
  await publish.locator('[data-publish-send]').click();
  await expect(publish.locator('[data-publish-outcome="unrouted"]')).toHaveText('Message published, but not routed.');
  await expect(ready(page, 'all_logs')).toHaveAttribute('data-ready', '1');
  await page.getByTestId('speed').selectOption('5');

  // Get messages on the queue.
  await flowNode(page, 'queue', 'errors').click();
  await section(page, 'Get messages').click();
  const outcome = await getMessages(page, 'ack_requeue_true');
  const first = page.locator('[data-got-message="1"]');
  await expect(outcome).toHaveAttribute('data-get-outcome', 'messages');
  await expect(first).toHaveAttribute('data-redelivered', 'false');
  await expect(first.locator('[data-got-field="payload"]')).toHaveText('disk full');
  await expect(first.locator('[data-got-field="exchange"]')).toHaveText('direct_logs');
  await expect(first.locator('[data-got-field="routing-key"]')).toHaveText('error');
  await expect(first.locator('[data-got-field="properties"]')).toContainText('delivery_mode: 2');
  await expect(first.locator('[data-got-field="properties"]')).toContainText('content_type: text/plain');
  await expect(first.locator('[data-got-field="properties"]')).toContainText('headers: {"tries":2}');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '1');

  // Nack requeue true again: the same message, now redelivered.
  await getMessages(page, 'ack_requeue_true');
  await expect(page.locator('[data-got-message="1"]')).toHaveAttribute('data-redelivered', 'true');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '1');

  await getMessages(page, 'reject_requeue_true');
  await expect(page.locator('[data-got-message="1"]')).toHaveAttribute('data-redelivered', 'true');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '1');

  await getMessages(page, 'reject_requeue_false');
  await expect(page.locator('[data-got-message="1"] [data-got-field="payload"]')).toHaveText('disk full');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '0');

  const empty = await getMessages(page, 'ack_requeue_true', 3);
  await expect(empty).toHaveAttribute('data-get-outcome', 'empty');
  await expect(empty).toHaveText('Queue is empty');

  // all_logs still holds its copy: Automatic ack takes it.
  await flowNode(page, 'queue', 'all_logs').click();
  await section(page, 'Get messages').click();
  await getMessages(page, 'ack_requeue_false', 5);
  await expect(page.locator('[data-got-message]')).toHaveCount(1);
  await expect(ready(page, 'all_logs')).toHaveAttribute('data-ready', '0');

  // Publish message on a queue: through the default exchange, to this queue only.
  await section(page, 'Publish message').click();
  const toQueue = page.locator('[data-publish-message]');
  await toQueue.locator('[data-publish-field="payload"]').fill('straight in');
  await toQueue.locator('[data-publish-send]').click();
  await expect(toQueue.locator('[data-publish-outcome="routed"]')).toBeVisible();
  await expect(ready(page, 'all_logs')).toHaveAttribute('data-ready', '1');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '0');

  // The Overview tab.
  await page.locator('[data-broker-open]').click();
  await page.locator('[data-broker-tab="overview"]').click();
  const overview = page.locator('[data-overview-tab]');
  await expect(overview.locator('[data-overview="queues"]')).toHaveAttribute('data-value', '2');
  await expect(overview.locator('[data-overview="exchanges"]')).toHaveAttribute('data-value', '8');
  await expect(overview.locator('[data-overview="ready"]')).toHaveAttribute('data-value', '1');
  await expect(overview.locator('[data-overview-node="rabbit@localhost"]')).toHaveAttribute('data-alarms', '');
});

test('a paused run answers when it plays again', async ({ page }) => {
  await page.goto(shareHref(topology()));
  await expect(page.getByTestId('canvas')).toBeVisible();
  await flowNode(page, 'queue', 'errors').click();
  await section(page, 'Publish message').click();
  await page.locator('[data-publish-send]').click();
  await expect(page.locator('[data-management-waiting]')).toContainText('press Play');
  await page.getByTestId('play').click();
  await expect(page.locator('[data-publish-outcome="routed"]')).toHaveText('Message published.');
  await expect(ready(page, 'errors')).toHaveAttribute('data-ready', '1');
});
