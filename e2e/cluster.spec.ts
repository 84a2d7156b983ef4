/**
 * Clusters on the canvas: the four cluster presets behave as their lessons say, and nodes can be
 * stopped and started from the node strip. Runs at 5× to keep virtual seconds short.
 */
import type { Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';
import { exportTrace, presetDoc, shareHref } from './share-fixtures';

async function open(page: Page, preset: string): Promise<void> {
  await page.goto(`/?preset=${preset}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(node(page, 'queue').first()).toBeVisible();
}

async function play(page: Page, speed = '5'): Promise<void> {
  await page.locator('select').filter({ has: page.locator('option', { hasText: '100×' }) }).first().selectOption(speed);
  await page.getByRole('button', { name: /^play$/i }).first().click();
}

const badge = (page: Page, queue: string) => node(page, 'queue', queue).locator('[data-cluster-queue]');
const clusterNode = (page: Page, name: string) => page.locator(`[data-cluster-node="${name}"]`);
const count = async (page: Page, kind: string, name: string, attr: string) => Number((await node(page, kind, name).getAttribute(attr)) ?? 0);
const long = { timeout: 15_000 };

test.describe.configure({ timeout: 90_000 });

/** Show only the log's "Expire/DLX" group, so a rare dead-lettering is in view. */
async function onlyDeaths(page: Page): Promise<void> {
  const chips = page.getByRole('group', { name: 'Event kinds' }).getByRole('button');
  for (const chip of await chips.all()) {
    const text = (await chip.textContent()) ?? '';
    const on = (await chip.getAttribute('aria-pressed')) === 'true';
    if (on !== text.includes('Expire/DLX')) await chip.click();
  }
}

test('cluster-classic-vs-quorum: r2 stops, the classic queue is down, the quorum queue elects a leader and keeps delivering', async ({ page }) => {
  await open(page, 'cluster-classic-vs-quorum');
  await expect(page.locator('[data-cluster-node]')).toHaveCount(3);
  await expect(badge(page, 'classic')).toHaveAttribute('data-node', 'r2@localhost');
  await expect(badge(page, 'quorum')).toHaveAttribute('data-leader', 'r2@localhost');
  await expect(badge(page, 'quorum')).toHaveAttribute('data-members', 'r1@localhost,r2@localhost,r3@localhost');
  await expect(node(page, 'consumer', 'reads-quorum').locator('[data-cluster-agent]')).toHaveAttribute('data-node', 'r3@localhost');
  await play(page);
  // the timeline stops r2 at 1.4 s
  await expect(clusterNode(page, 'r2@localhost')).toHaveAttribute('data-up', 'false', long);
  await expect(badge(page, 'classic')).toHaveAttribute('data-state', 'down');
  await expect(badge(page, 'classic')).toContainText("home node 'r2@localhost' of durable queue 'classic' in vhost '/' is down or inaccessible");
  await expect(badge(page, 'quorum')).not.toHaveAttribute('data-leader', 'r2@localhost', long);
  await expect(badge(page, 'quorum')).toHaveAttribute('data-state', 'live');
  const delivered = await count(page, 'consumer', 'reads-quorum', 'data-delivered');
  await expect.poll(() => count(page, 'consumer', 'reads-quorum', 'data-delivered'), long).toBeGreaterThan(delivered + 3);
  // r2 returns at 20 s: the classic queue is back, the leader stays where it moved
  await expect(badge(page, 'classic')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(badge(page, 'quorum')).not.toHaveAttribute('data-leader', 'r2@localhost');
});

test('nodes stop and start from the strip; a dropped client reconnects to another node; the last node is refused', async ({ page }) => {
  // The preset without its timeline: only the clicks below stop nodes, however slow the machine.
  const doc = presetDoc('quorum-majority');
  delete doc.timeline;
  await page.goto(shareHref(doc));
  await expect(node(page, 'queue', 'orders')).toBeVisible();
  // The toast saying what the link opened stays clear of the strip: over it, it hid the stop buttons
  // for its five seconds (and a click in that time missed on a slow machine).
  await expect(page.locator('[data-toast]')).toBeVisible();
  const uncovered = (button: Element) => {
    const r = button.getBoundingClientRect();
    return button.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  };
  for (const n of ['r1', 'r2', 'r3']) expect(await page.getByRole('button', { name: `Stop ${n}@localhost` }).evaluate(uncovered)).toBe(true);
  await play(page, '1');
  const worker = node(page, 'consumer', 'worker').locator('[data-cluster-agent]');
  await expect(worker).toHaveAttribute('data-node', 'r1@localhost');
  await page.getByRole('button', { name: 'Stop r1@localhost' }).click();
  // The stop shows with the next refresh after the worker has run it: on a loaded machine (two
  // browsers on two cores) that round trip has taken over 5 s.
  await expect(clusterNode(page, 'r1@localhost')).toHaveAttribute('data-up', 'false', long);
  // Dropped, then connected again elsewhere. The dropped state lasts a reconnect delay of virtual
  // time; a refresh may not land inside it, so the test does not wait to see it, only where the
  // client ends up.
  await expect(worker).toHaveAttribute('data-node', 'r2@localhost', long);
  await expect(worker).toHaveAttribute('data-dropped', 'false');
  await expect(badge(page, 'orders')).toHaveAttribute('data-leader', 'r2@localhost', long);
  await page.getByRole('button', { name: 'Stop r3@localhost' }).click();
  await page.getByRole('button', { name: 'Stop r2@localhost' }).click();
  await expect(page.getByRole('alert')).toContainText('r2@localhost is the last running node', long);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(clusterNode(page, 'r2@localhost')).toHaveAttribute('data-up', 'true');
  await page.getByRole('button', { name: 'Start r1@localhost' }).click();
  await expect(clusterNode(page, 'r1@localhost')).toHaveAttribute('data-up', 'true');
});

/** quorum-majority's r2 stops here (virtual ms), and the default deliver latency. */
const HANG_AT = 12_000;
const DELIVER_LATENCY = 300;

test('quorum-majority: works with one node down, hangs with two, resumes when one returns', async ({ page }) => {
  await open(page, 'quorum-majority');
  await play(page, '2');
  await expect(clusterNode(page, 'r3@localhost')).toHaveAttribute('data-up', 'false', long);
  await expect(badge(page, 'orders')).toHaveAttribute('data-state', 'live');
  await expect(clusterNode(page, 'r2@localhost')).toHaveAttribute('data-up', 'false', long);
  await expect(badge(page, 'orders')).toHaveAttribute('data-state', 'hung');
  await expect(badge(page, 'orders')).toContainText('no quorum');
  // one read of the state and the counters, so they belong to the same frame
  const read = () =>
    page.evaluate(() => ({
      state: document.querySelector('[data-kind="queue"][data-name="orders"] [data-cluster-queue]')?.getAttribute('data-state'),
      confirmed: Number(document.querySelector('[data-kind="producer"][data-name="shop"]')?.getAttribute('data-confirmed') ?? 0),
      published: Number(document.querySelector('[data-kind="producer"][data-name="shop"]')?.getAttribute('data-published') ?? 0),
      delivered: Number(document.querySelector('[data-kind="consumer"][data-name="worker"]')?.getAttribute('data-delivered') ?? 0),
      t: Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-t') ?? 0),
    }));
  // Wait for refreshes rather than a fixed time, which a loaded machine can outlast. The badge was
  // just seen hung; a delivery the queue sent just before r2 stopped (at 12 s) can still be on its
  // way to the worker (the deliver latency is 300 ms), so the counters to compare are taken once
  // the hang is older than that. On a slow machine the hang can be over by then, and then there is
  // nothing more to compare.
  let before = await read();
  await expect
    .poll(async () => {
      before = await read();
      return before.state !== 'hung' || before.t >= HANG_AT + DELIVER_LATENCY + 100;
    }, long)
    .toBe(true);
  if (before.state === 'hung') {
    let during = before;
    await expect
      .poll(async () => {
        during = await read();
        return during.state !== 'hung' || during.published > before.published;
      }, long)
      .toBe(true);
    if (during.state === 'hung') {
      // publishes go on, unconfirmed; the worker gets nothing
      expect(during.confirmed).toBe(before.confirmed);
      expect(during.delivered).toBe(before.delivered);
    }
  }
  const { confirmed, delivered } = before;
  await expect(badge(page, 'orders')).toHaveAttribute('data-state', 'live', long);
  await expect.poll(() => count(page, 'producer', 'shop', 'data-confirmed'), long).toBeGreaterThan(confirmed + 5);
  await expect.poll(() => count(page, 'consumer', 'worker', 'data-delivered'), long).toBeGreaterThan(delivered);
});

test('mirrored-failover: the master stops, a mirror is promoted, messages come back redelivered', async ({ page }) => {
  await open(page, 'mirrored-failover');
  await expect(badge(page, 'ha.jobs')).toHaveAttribute('data-node', 'r2@localhost');
  await expect(badge(page, 'ha.jobs')).toHaveAttribute('data-mirrors', 'r1@localhost,r3@localhost');
  await play(page);
  await expect(badge(page, 'ha.jobs')).toHaveAttribute('data-node', 'r1@localhost', long);
  await expect(badge(page, 'ha.jobs')).toHaveAttribute('data-mirrors', 'r3@localhost');
  await expect(badge(page, 'ha.jobs')).toHaveAttribute('data-state', 'live');
  // The messages the old master had delivered come back redelivered. Read from the whole trace: the
  // log keeps only its newest rows in the page, and at 5× a redelivery scrolls out within a second.
  const redelivered = async () => (await exportTrace(page)).events.some((e) => e.type === 'delivered' && e.queue === 'ha.jobs' && e.redelivered === true);
  await expect.poll(redelivered, long).toBe(true);
});

test('delivery-limit: the poison message is dead-lettered with reason delivery limit', async ({ page }) => {
  await open(page, 'delivery-limit');
  await play(page, '10');
  await expect.poll(() => count(page, 'queue', 'payments.failed', 'data-ready'), { timeout: 30_000 }).toBeGreaterThan(0);
  await onlyDeaths(page);
  await expect(page.getByTestId('event-log').getByText(/\(delivery limit\)/).first()).toBeVisible();
});
