/**
 * The live simulation, driven as a person would: load a scenario (the autosave a person would
 * come back to), press Play, Step, Pause, open messages from the log, and read what the canvas,
 * the log and the message inspector show. Waits are on data attributes, never on frame times.
 */
import type { Page } from '@playwright/test';
import { builder } from '../src/scenario/presets/build';
import { PALETTE } from '../src/app/sim/draw';
import { expect, node, openScenario as open, preset, test } from './editor-fixtures';

// Runs take wall time, and this machine is shared: allow for a slow one (no waits are on times).
test.describe.configure({ timeout: 120_000 });


const transport = (page: Page) => page.getByRole('toolbar', { name: 'Simulation controls' });
const button = (page: Page, name: 'Play' | 'Pause' | 'Step' | 'Reset') => transport(page).getByRole('button', { name, exact: true });
const num = async (page: Page, kind: string, name: string, attr: string) => Number((await node(page, kind, name).getAttribute(attr)) ?? NaN);
const logCount = async (page: Page) => Number(await page.getByTestId('event-log').getAttribute('data-count'));
const clock = async (page: Page) => Number(await page.getByTestId('clock').getAttribute('data-t'));

async function play(page: Page): Promise<void> {
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
}

/** Pause, then wait until what the page shows stops changing (a frame may still be on its way). */
async function pause(page: Page, read: () => Promise<unknown>): Promise<string> {
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await read());
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [250], timeout: 30_000 })
    .toBe(true);
  return last;
}

test('work queues: the queue deals tasks to both consumers in turn', async ({ page }) => {
  await open(page, preset('work-queues'));
  await play(page);
  await expect.poll(() => num(page, 'consumer', 'C1', 'data-delivered'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(() => num(page, 'consumer', 'C2', 'data-delivered'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await pause(page, () => Promise.all([num(page, 'consumer', 'C1', 'data-delivered'), num(page, 'consumer', 'C2', 'data-delivered'), logCount(page)]));
  const c1 = await num(page, 'consumer', 'C1', 'data-delivered');
  const c2 = await num(page, 'consumer', 'C2', 'data-delivered');
  expect(Math.abs(c1 - c2)).toBeLessThanOrEqual(1);
  // The log, filtered to deliveries, alternates between the two.
  await page.locator('[data-chip="deliver"]').click();
  const rows = page.getByTestId('event-log').locator('[data-kind="delivered"]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
  const who = (await rows.allInnerTexts()).map((t) => (/\bC1\b/.test(t) ? 'C1' : /\bC2\b/.test(t) ? 'C2' : '?'));
  expect(who).not.toContain('?');
  for (let i = 1; i < who.length; i++) expect(who[i], who.join(' ')).not.toBe(who[i - 1]);
});

test('Step advances exactly one event: one more log row, and the clock at its time', async ({ page }) => {
  await open(page, preset('work-queues'), 1);
  for (let i = 0; i < 4; i++) {
    const before = await logCount(page);
    if (i % 2) await page.keyboard.press('ArrowRight');
    else await button(page, 'Step').click();
    await expect.poll(() => logCount(page)).toBe(before + 1);
    const last = page.getByTestId('event-log').locator('[data-seq]').last();
    const t = Number(await last.getAttribute('data-t'));
    await expect(page.getByTestId('clock')).toHaveAttribute('data-t', String(t));
    // And it stays one: paused, nothing else arrives.
    await page.waitForTimeout(300);
    expect(await logCount(page)).toBe(before + 1);
  }
  expect(await clock(page)).toBeGreaterThan(0);
  await expect(button(page, 'Play')).toBeVisible();
  // Space plays and pauses, once per press, even with the Play button focused.
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(button(page, 'Play')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeVisible();
});

test('TTL + DLX: a rejected job waits in the dead-letter queue, and its x-death explains why', async ({ page }) => {
  await open(page, preset('ttl-dlx'));
  await play(page);
  await expect.poll(() => num(page, 'queue', 'work.retry-3s', 'data-ready'), { timeout: 25_000 }).toBeGreaterThan(0);
  await pause(page, () => logCount(page));
  // Open the job that was dead-lettered, from the log; then the copy it became.
  await page.locator('[data-chip="death"]').click();
  // The log holds only the rows in its window, following the newest: the reject is the run's first
  // dead-letter (an expiry from the retry queue can only come after it), so it is at the top.
  const log = page.getByTestId('event-log');
  await log.evaluate((el) => el.scrollTo(0, 0));
  const row = log.locator('[data-kind="dead-lettered"]', { hasText: 'rejected' }).first();
  await row.click();
  const inspector = page.getByTestId('message-inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId('message-route').locator('[data-kind="dead-lettered"]').first()).toBeVisible();
  await inspector.getByTestId('message-children').getByRole('button').first().click();
  const xDeath = inspector.getByTestId('x-death');
  await expect(xDeath).toBeVisible();
  await expect(xDeath.locator('[data-x-death-reason="rejected"]')).toHaveCount(1);
  await expect(xDeath).toContainText('work');
  // The copy links back to the message it came from.
  await expect(inspector.getByTestId('message-parent')).toBeVisible();
  // The route says why: the fanout binding of `retry` took it to the retry queue.
  await expect(inspector.getByTestId('message-route')).toContainText('fanout binding');
});

test('an unroutable mandatory message is returned to its producer', async ({ page }) => {
  const b = builder();
  const p = b.producer('P1', [0, 0], { rate: 2, mandatory: true, routingKey: { mode: 'fixed', key: 'nowhere' } });
  const x = b.exchange('orders', 'direct', [1, 0]);
  const q = b.queue('q1', [2, 0]);
  b.publish(p, x);
  b.bind(x, q, 'order');
  await open(page, b.done({ title: 'Mandatory', description: 'A key no binding matches.' }));
  await play(page);
  await expect.poll(() => num(page, 'producer', 'P1', 'data-returned'), { timeout: 20_000 }).toBeGreaterThan(0);
  await pause(page, () => logCount(page));
  await page.locator('[data-chip="route"]').click();
  const returned = page.getByTestId('event-log').locator('[data-kind="returned"]');
  await expect(returned.first()).toBeVisible();
  await expect(returned.first()).toContainText('312');
  expect(await num(page, 'queue', 'q1', 'data-total')).toBe(0);
});

test('pausing freezes every count exactly; resuming continues; delivered = acked + unacked', async ({ page }) => {
  await open(page, preset('work-queues'));
  // Everything the canvas and the clock show, read at one instant.
  const read = () =>
    page.evaluate(() => {
      const attrs = (sel: string, names: string[]) => names.map((n) => Number(document.querySelector(sel)?.getAttribute(n)));
      return [
        ...attrs('[data-kind="consumer"][data-name="C1"]', ['data-delivered', 'data-acked', 'data-unacked']),
        ...attrs('[data-kind="consumer"][data-name="C2"]', ['data-delivered', 'data-acked', 'data-unacked']),
        ...attrs('[data-kind="queue"][data-name="task_queue"]', ['data-ready', 'data-unacked']),
        ...attrs('[data-kind="producer"][data-name="new_task"]', ['data-published']),
        ...attrs('[data-testid="clock"]', ['data-t']),
      ];
    });
  await play(page);
  await expect.poll(() => num(page, 'consumer', 'C1', 'data-delivered'), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  const paused = await pause(page, read);
  await page.waitForTimeout(1000);
  expect(JSON.stringify(await read())).toBe(paused);
  const [d1] = JSON.parse(paused) as number[];
  const t0 = await clock(page);
  await play(page);
  await expect.poll(() => clock(page)).toBeGreaterThan(t0);
  await expect.poll(() => num(page, 'consumer', 'C1', 'data-delivered'), { timeout: 20_000 }).toBeGreaterThan(d1);
  const [cd1, ca1, cu1, cd2, ca2, cu2] = JSON.parse(await pause(page, read)) as number[];
  expect(cd1, 'C1').toBe(ca1 + cu1);
  expect(cd2, 'C2').toBe(ca2 + cu2);
  expect(cd2).toBeGreaterThan(0);
});

test('speed is part of the scenario and does not restart the run; the seed does', async ({ page }) => {
  await open(page, preset('work-queues'), 1);
  await button(page, 'Step').click();
  await button(page, 'Step').click();
  const t = await clock(page);
  expect(t).toBeGreaterThan(0);
  await page.getByTestId('speed').selectOption('25');
  await expect(page.getByTestId('speed')).toHaveValue('25');
  expect(await clock(page)).toBe(t);
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', '0');
  await expect(page.getByText('restarted from 0 s')).toBeVisible();
});

test('the log follows new events until the reader scrolls up; Latest takes it back to the newest', async ({ page }) => {
  await open(page, preset('work-queues'), 25);
  const log = page.getByTestId('event-log');
  await play(page);
  await expect.poll(() => logCount(page)).toBeGreaterThan(200);
  await expect(log).toHaveAttribute('data-following', 'true');
  // The newest row is in view while following.
  const atBottom = () => log.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 12);
  await expect.poll(atBottom).toBe(true);
  await log.evaluate((el) => el.scrollBy(0, -2000));
  await expect(log).toHaveAttribute('data-following', 'false');
  const top = await log.evaluate((el) => el.scrollTop);
  await page.waitForTimeout(500);
  // New events do not pull the reader back down.
  expect(await log.evaluate((el) => el.scrollTop)).toBe(top);
  await page.getByRole('button', { name: 'Jump to latest' }).click();
  await expect(log).toHaveAttribute('data-following', 'true');
  await expect.poll(atBottom).toBe(true);
});

test('a queue lists the messages it holds, in delivery order; one opens in the message inspector', async ({ page }) => {
  await open(page, preset('delay-queue'));
  await play(page);
  await expect.poll(() => num(page, 'queue', 'delay.2s', 'data-ready'), { timeout: 25_000 }).toBeGreaterThan(1);
  await pause(page, () => logCount(page));
  await node(page, 'queue', 'delay.2s').click();
  const held = page.getByTestId('queue-contents');
  const ready = await num(page, 'queue', 'delay.2s', 'data-ready');
  await expect(held).toHaveAttribute('data-ready', String(ready));
  const rows = held.locator('[data-held][data-state="ready"]');
  await expect(rows).toHaveCount(ready);
  // Oldest first: message ids rise down the list, and each shows when it expires.
  const ids = (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-held')))));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  await expect(rows.first()).toContainText(/TTL \d+s/);
  await rows.first().click();
  const inspector = page.getByTestId('message-inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(`#${ids[0]}`);
  // Playing, the list follows the run (its line ends with the time it was asked at).
  await node(page, 'queue', 'delay.2s').click();
  const line = held.locator('p').first();
  const pausedLine = await line.textContent();
  await play(page);
  await expect.poll(() => line.textContent(), { timeout: 10_000 }).not.toBe(pausedLine);
});

/** A point on an envelope drawn on the message layer (a 2×2 patch of one palette colour, outside every node, panel and label). */
async function envelopeOnCanvas(page: Page): Promise<{ x: number; y: number } | null> {
  const box = await page.getByTestId('message-layer').boundingBox();
  if (!box) return null;
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return page.evaluate(
    async ({ png, box, palette }) => {
      const bytes = Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const g = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, img.width, img.height);
      const rgb = palette.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      // Nodes, panels and edge labels take a click themselves.
      const covered = [...document.querySelectorAll('.react-flow__node, .react-flow__panel, .react-flow__edgelabel-renderer *')].map((e) => e.getBoundingClientRect());
      const colourAt = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        return rgb.findIndex(([r, gr, b]) => data[i] === r && data[i + 1] === gr && data[i + 2] === b);
      };
      for (let y = 0; y < height - 1; y++) {
        for (let x = 0; x < width - 1; x++) {
          const c = colourAt(x, y);
          if (c < 0) continue;
          const patch = colourAt(x + 1, y) === c && colourAt(x, y + 1) === c && colourAt(x + 1, y + 1) === c;
          const px = box.x + x;
          const py = box.y + y;
          if (patch && !covered.some((r) => px >= r.left - 2 && px <= r.right + 2 && py >= r.top - 2 && py <= r.bottom + 2)) return { x: px, y: py };
        }
      }
      return null;
    },
    { png, box, palette: PALETTE },
  );
}

for (const mode of ['render worker', 'main thread'] as const) {
  test(`messages in flight are drawn (${mode}), and a click on one opens it in the message inspector`, async ({ page }) => {
    await open(page, preset('work-queues'), 1, mode === 'main thread' ? '/?worker=0' : '/');
    const layer = page.getByTestId('message-layer');
    await expect(layer).toHaveAttribute('data-off-main-thread', String(mode === 'render worker'));
    const inspector = page.getByTestId('message-inspector');
    // Paused, the marks glide to the paused instant and stay there. The envelope is found in a
    // screenshot; a pause can land when every envelope is inside a node (none to click), and the
    // layer may draw one more glide frame after the screenshot: play on, pause again and look
    // again until a click lands (as clickEdge does for edges). A click that missed is not tried
    // again on the same picture, which would miss the same way for as long as it stays paused.
    let tried = false;
    await expect(async () => {
      let at = tried ? null : await envelopeOnCanvas(page);
      tried = true;
      if (!at) {
        await play(page);
        await expect.poll(async () => Number(await layer.getAttribute('data-in-flight')), { timeout: 20_000 }).toBeGreaterThan(0);
        await pause(page, () => layer.getAttribute('data-t'));
        at = await envelopeOnCanvas(page);
      }
      expect(at, 'an envelope drawn on the canvas').not.toBeNull();
      await page.mouse.click(at!.x, at!.y);
      await expect(inspector).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expect(inspector).toContainText(/#\d+/);
  });
}

test('if the message layer\'s worker fails, the layer starts again on the page and keeps drawing', async ({ page }) => {
  // Break the render worker's script (the worker chunk that reports frame bins), not the engine's.
  await page.route(/\/assets\/worker-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('frameBins')) await route.fulfill({ response, body: 'throw new Error("broken on purpose")' });
    else await route.fulfill({ response, body });
  });
  await open(page, preset('work-queues'), 1);
  const layer = page.getByTestId('message-layer');
  await expect(layer).toHaveAttribute('data-off-main-thread', 'false');
  await expect(layer).toHaveCount(1);
  await play(page);
  await expect.poll(async () => Number(await layer.getAttribute('data-in-flight')), { timeout: 20_000 }).toBeGreaterThan(0);
});

test('a timeline entry added in the inspector happens at its time: C2 pauses at 1 s', async ({ page }) => {
  await open(page, preset('work-queues'), 1);
  const panel = page.locator('[data-timeline-panel]');
  await expect(panel).toContainText('Nothing scheduled.');
  // Bad input is explained and adds nothing.
  await panel.getByRole('textbox', { name: 'Seconds into the run' }).fill('soon');
  await panel.getByRole('button', { name: 'Add' }).click();
  await expect(panel.getByRole('alert')).toContainText('Give the time in seconds');
  await expect(panel.locator('[data-timeline-entry]')).toHaveCount(0);

  await panel.getByRole('textbox', { name: 'Seconds into the run' }).fill('1');
  await panel.getByRole('combobox', { name: 'What happens' }).selectOption('stop-consumer');
  await panel.getByRole('combobox', { name: 'Acts on' }).selectOption({ label: 'C2' });
  await panel.getByRole('button', { name: 'Add' }).click();
  await expect(panel.locator('[data-timeline-entry] span')).toHaveText(['1 s · pause C2']);
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await play(page);
  await expect.poll(() => clock(page), { timeout: 20_000 }).toBeGreaterThan(1200);
  await expect(node(page, 'consumer', 'C2')).toHaveAttribute('data-state', 'paused');
  await expect(node(page, 'consumer', 'C1')).not.toHaveAttribute('data-state', 'paused');

  await panel.getByRole('button', { name: 'Remove “1 s · pause C2”' }).click();
  await expect(panel).toContainText('Nothing scheduled.');
});
