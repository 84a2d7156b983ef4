/**
 * Shared pieces for the editor specs: a `test` that fails on any console error or page error,
 * and helpers that act the way a person does (real drags from the palette, handle to handle).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { presetById } from '../src/scenario/presets';
import type { ScenarioDocument } from '../src/scenario/schema';

export const test = base.extend<{ consoleErrors: string[]; firstVisit: boolean }>({
  /** A first visit opens on the welcome; every other test starts as a visitor who has closed it. */
  firstVisit: [false, { option: true }],
  page: async ({ page, firstVisit }, use) => {
    if (!firstVisit) await page.addInitScript(() => localStorage.setItem('warren.welcome', 'seen'));
    await use(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const node = (page: Page, kind: string, name?: string): Locator =>
  page.locator(name === undefined ? `[data-kind="${kind}"]` : `[data-kind="${kind}"][data-name="${name}"]`);

/** The React Flow wrapper of a node (what gets selected and dragged). */
export const flowNode = (page: Page, kind: string, name: string): Locator =>
  page.locator('.react-flow__node', { has: node(page, kind, name) });

export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
}

/** Wait until a zoom or pan animation has finished, so screen positions mean what they say. */
export async function viewportSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = (await viewport.getAttribute('style')) ?? '';
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [100] })
    .toBe(true);
}

/** Drag a palette entry onto the canvas at (x, y) relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.locator(`[data-palette="${kind}"]`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Click an edge on its curve: the middle of the path's length, not of its bounding box (which an
 * S-shaped bezier does not pass through).
 */
export async function clickEdge(page: Page, id: string): Promise<void> {
  const edge = page.getByTestId(`rf__edge-${id}`);
  const path = page.locator(`[data-testid="rf__edge-${id}"] path.react-flow__edge-interaction, [data-testid="rf__edge-${id}"] path`).first();
  // Until the edge is selected: a fit of the view that starts just after a click (the canvas opening)
  // moves the curve from under the pointer.
  await expect(async () => {
    await viewportSettled(page);
    const point = await path.evaluate((el) => {
      const p = el as SVGPathElement;
      const mid = p.getPointAtLength(p.getTotalLength() / 2);
      const m = p.getScreenCTM()!;
      return { x: mid.x * m.a + mid.y * m.c + m.e, y: mid.x * m.b + mid.y * m.d + m.f };
    });
    await page.mouse.click(point.x, point.y);
    await expect(edge).toHaveClass(/selected/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Press on `from`, move in steps, release on `to`: a real mouse drag. */
export async function mouseDrag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  // A few intermediate moves are what React Flow needs to start and follow a drag; each one costs
  // a round trip, which is slow on a loaded machine.
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  await page.mouse.up();
}

export const sourceHandle = (page: Page, kind: string, name: string): Locator =>
  node(page, kind, name).locator('.react-flow__handle.source:not(.side)');
export const targetHandle = (page: Page, kind: string, name: string): Locator =>
  node(page, kind, name).locator('.react-flow__handle.target:not(.side)');

/** Connect two nodes by dragging from the first one's output handle to the second one's input handle. */
export async function connect(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  await mouseDrag(page, sourceHandle(page, ...from), targetHandle(page, ...to));
}

/** Connect, and check that exactly one edge was added. */
export async function connectOk(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  await connect(page, from, to);
  await expect(edges, `edge ${from[1]} → ${to[1]}`).toHaveCount(before + 1);
}

/** Build producer P1 → exchange orders → queue q1 → consumer C1 by dragging from the palette. */
export async function buildPipeline(page: Page): Promise<void> {
  // Zoom out first, as a person would, so four nodes fit side by side.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await viewportSettled(page);
  await dragFromPalette(page, 'producer', 110, 150);
  await dragFromPalette(page, 'exchange', 330, 150);
  await dragFromPalette(page, 'queue', 550, 150);
  await dragFromPalette(page, 'consumer', 550, 380);
  await connectOk(page, ['producer', 'P1'], ['exchange', 'orders']);
  await connectOk(page, ['exchange', 'orders'], ['queue', 'q1']);
  await connectOk(page, ['queue', 'q1'], ['consumer', 'C1']);
}

/** A preset's document, failing loudly when the id is wrong. */
export function preset(id: string): ScenarioDocument {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p.doc;
}

/** Open the editor on `doc` (as its autosave), in English, with the bottom panel open. */
export async function openScenario(page: Page, doc: ScenarioDocument, speed = 10, path = '/'): Promise<void> {
  const { lesson: _lesson, ...rest } = doc;
  const text = JSON.stringify({ ...rest, settings: { ...doc.settings, speed } });
  await page.addInitScript((t) => {
    // Only on the first load of this test, so a reload would keep what the app saved.
    if (sessionStorage.getItem('warren.test.seeded')) return;
    sessionStorage.setItem('warren.test.seeded', '1');
    localStorage.setItem('warren.autosave', t);
    localStorage.setItem('warren.language', 'en');
    localStorage.setItem('warren.ui', JSON.stringify({ bottomOpen: true, theme: 'light' }));
  }, text);
  await page.goto(path);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', '0');
  // The run is built: its setup events (declarations, consumers) are in the log (hidden until asked for).
  await expect.poll(async () => Number(await page.getByTestId('event-log').getAttribute('data-total'))).toBeGreaterThan(0);
}
