/**
 * Never stuck: the simulation worker and the message layer's worker are watched. An error, or no
 * answer within the budget, restarts the worker on the open document and says so. The test keeps
 * a handle on each worker the page starts, to crash it (an error event) or hang it (terminate).
 */
import type { Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';

test.describe.configure({ timeout: 90_000 });

type Tracked = { name: string; worker: Worker };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const tracked: Tracked[] = [];
    (window as unknown as { __workers: Tracked[] }).__workers = tracked;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        tracked.push({ name: options?.name ?? '', worker: this });
      }
    };
  });
});

const count = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __workers: Tracked[] }).__workers.filter((w) => w.name === n).length, name);

/** Act on the newest worker of that name. */
const onWorker = (page: Page, name: string, act: 'crash' | 'hang') =>
  page.evaluate(
    ([n, a]) => {
      const w = (window as unknown as { __workers: Tracked[] }).__workers.filter((x) => x.name === n).at(-1)!.worker;
      if (a === 'crash') w.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }));
      else w.terminate();
    },
    [name, act] as const,
  );

const delivered = (page: Page) => node(page, 'consumer').first().getAttribute('data-delivered').then(Number);

async function playUntilDelivered(page: Page): Promise<void> {
  await page.getByTestId('play').press('Enter');
  await expect.poll(() => delivered(page), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByTestId('play').press('Enter');
}

test('the simulation worker crashes: a new one runs the open scenario, and a toast says so', async ({ page }) => {
  await page.goto('/?preset=hello-world');
  await expect(node(page, 'queue').first()).toBeVisible();
  await expect.poll(() => count(page, 'warren-engine')).toBe(1);
  await onWorker(page, 'warren-engine', 'crash');
  await expect(page.getByRole('alert').filter({ hasText: 'The simulation crashed' })).toBeVisible();
  await expect.poll(() => count(page, 'warren-engine')).toBe(2);
  await playUntilDelivered(page);
});

test('the simulation worker stops answering: restarted after the budget, with a toast', async ({ page }) => {
  await page.goto('/?preset=hello-world');
  await expect(node(page, 'queue').first()).toBeVisible();
  await page.getByTestId('play').press('Enter');
  await expect.poll(() => delivered(page), { timeout: 20_000 }).toBeGreaterThan(0);
  await onWorker(page, 'warren-engine', 'hang');
  await expect(page.getByRole('alert').filter({ hasText: 'The simulation stopped answering' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => count(page, 'warren-engine')).toBe(2);
  // The new worker runs the same scenario from zero, paused.
  await playUntilDelivered(page);
});

test('the message layer worker stops answering: a new one draws, with a toast', async ({ page }) => {
  await page.goto('/?preset=hello-world');
  const layer = page.getByTestId('message-layer');
  await expect(layer).toHaveAttribute('data-off-main-thread', 'true');
  await onWorker(page, 'warren-render', 'hang');
  await expect(page.getByRole('alert').filter({ hasText: 'The message animation stopped answering' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => count(page, 'warren-render')).toBe(2);
  await expect(layer).toHaveAttribute('data-off-main-thread', 'true');
  // A second failure moves the drawing onto the page, still announced.
  await onWorker(page, 'warren-render', 'crash');
  await expect(page.getByRole('alert').filter({ hasText: 'now draws it on the page' })).toBeVisible();
  await expect(layer).toHaveAttribute('data-off-main-thread', 'false');
  await playUntilDelivered(page);
});
