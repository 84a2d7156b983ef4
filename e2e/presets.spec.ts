import { PRESETS } from '../src/scenario/presets';
import { expect, node, test } from './editor-fixtures';
import { eventsOf, expectNodesOf, playUntil, presetDoc, shareHref, type Trace } from './share-fixtures';

test.describe.configure({ timeout: 120_000 });

const lesson = (page: import('@playwright/test').Page) => page.locator('[data-lesson-panel]');

async function goToStep(page: import('@playwright/test').Page, n: number): Promise<void> {
  await lesson(page).getByRole('button', { name: `Go to step ${n}`, exact: true }).click();
  await expect(lesson(page).locator('[data-lesson-progress]')).toHaveText(new RegExp(`^Step ${n} of`));
}

/** Node id → name, for reading the trace the way the canvas names things. */
function names(trace: Trace, id: string): string {
  const doc = PRESETS.find((p) => p.doc.title === trace.title)?.doc;
  const n = doc?.nodes.find((x) => x.id === id);
  return n && n.kind !== 'note' ? n.config.name : id;
}

test('the gallery lists every preset with a thumbnail and opens one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples and lessons' });
  await expect(dialog.locator('[data-preset]')).toHaveCount(PRESETS.length);
  await expect(dialog.locator('[data-preset="topics"] svg path')).not.toHaveCount(0);
  await expect(dialog.locator('[data-preset="topics"]')).toContainText('Wildcard bindings on dotted routing keys.');
  await dialog.locator('[data-preset="work-queues"]').click();
  await expect(dialog).toHaveCount(0);
  await expectNodesOf(page, presetDoc('work-queues'));
});

test('topics: *.orange.* gets quick.orange.rabbit, lazy.# does not match it; the lesson check agrees', async ({ page }) => {
  await page.goto(`/?preset=topics`);
  await goToStep(page, 3); // "A quick orange rabbit"
  await node(page, 'queue', 'Q1').click();
  await expect(lesson(page).locator('[data-lesson-chosen]')).toHaveAttribute('data-lesson-chosen', 'Q1');
  await lesson(page).getByRole('button', { name: 'Check' }).click();
  const result = lesson(page).locator('[data-check-result]');
  await expect(result).toHaveAttribute('data-reached', 'Q1,Q2', { timeout: 15_000 });
  await expect(result).toHaveAttribute('data-correct', 'false');
  await expect(result).toContainText('Not quite.');

  // The trace says why: *.orange.* and *.*.rabbit matched, lazy.# did not.
  await page.goto(shareHref(presetDoc('topics'), { speed: 25 }));
  const trace = await playUntil(page, (t) => eventsOf(t, 'published').some((e) => e.routingKey === 'quick.orange.rabbit') && eventsOf(t, 'routed').length >= 8);
  const id = eventsOf(trace, 'published').find((e) => e.routingKey === 'quick.orange.rabbit')!.id;
  const routed = eventsOf(trace, 'routed').find((e) => e.id === id) as unknown as { queues: string[]; bindings: { routingKey: string; destination: string }[] };
  expect(routed.queues.sort()).toEqual(['Q1', 'Q2']);
  const keys = routed.bindings.map((b) => `${b.routingKey}→${b.destination}`).sort();
  expect(keys).toEqual(['*.*.rabbit→Q2', '*.orange.*→Q1']);
  // quick.brown.fox matches nothing.
  const fox = eventsOf(trace, 'published').find((e) => e.routingKey === 'quick.brown.fox')!.id;
  expect(eventsOf(trace, 'routed').find((e) => e.id === fox)).toBeUndefined();
  expect(eventsOf(trace, 'unroutable').some((e) => e.id === fox)).toBe(true);
});

test('work-queues: both consumers get deliveries, and the counter step ticks itself done', async ({ page }) => {
  await page.goto(shareHref(presetDoc('work-queues'), { speed: 25 }));
  // The step's Play instruction follows the run: asked for, then playing, then asked for again.
  const body = lesson(page).locator('[data-lesson-body]');
  await expect(body).toContainText('Press Play (▶ below, or Space).');
  await lesson(page).locator('[data-lesson-play]').click();
  await expect(body).toContainText('Let it play (❚❚ below, or Space, pauses it).');
  await expect(body).not.toContainText('Press Play');
  await lesson(page).locator('[data-lesson-play]').click();
  await expect(body).toContainText('Press Play again (▶ below, or Space) to go on.');
  await goToStep(page, 2);
  const trace = await playUntil(page, (t) => eventsOf(t, 'delivered').length >= 14);
  const consumers = new Set(eventsOf(trace, 'delivered').map((e) => names(trace, trace.map.channels[String(e.channel)])));
  expect([...consumers].sort()).toEqual(['C1', 'C2']);
  await expect(lesson(page).locator('[data-check-kind="counter"]')).toHaveAttribute('data-counter-done', 'true');
});

test('ttl-dlx: rejected jobs are dead-lettered to the retry queue and come back', async ({ page }) => {
  await page.goto(shareHref(presetDoc('ttl-dlx'), { speed: 25 }));
  await goToStep(page, 2);
  const trace = await playUntil(page, (t) => eventsOf(t, 'dead-lettered').filter((e) => e.queue === 'work.retry-3s').length >= 2);
  expect(eventsOf(trace, 'dead-lettered').some((e) => e.queue === 'work' && e.reason === 'rejected')).toBe(true);
  expect(eventsOf(trace, 'dead-lettered').some((e) => e.queue === 'work.retry-3s' && e.reason === 'expired')).toBe(true);
  await expect(lesson(page).locator('[data-check-kind="counter"]')).toHaveAttribute('data-counter-done', 'true');
});

test('max-length: drop-head drops the oldest, reject-publish refuses, reject-publish-dlx dead-letters', async ({ page }) => {
  await page.goto(shareHref(presetDoc('max-length'), { speed: 25 }));
  await goToStep(page, 4);
  const trace = await playUntil(page, (t) => eventsOf(t, 'published').length >= 10 && eventsOf(t, 'enqueued').filter((e) => e.queue === 'overflowed').length >= 7);
  const dropped = eventsOf(trace, 'dropped');
  expect(dropped.filter((e) => e.queue === 'drop-head').length).toBe(7);
  expect(dropped.filter((e) => e.queue === 'reject-publish').length).toBe(7);
  expect(eventsOf(trace, 'dead-lettered').filter((e) => e.queue === 'reject-publish-dlx').length).toBe(7);
  await expect(lesson(page).locator('[data-check-kind="counter"]')).toHaveAttribute('data-counter-done', 'true');
});

test('alternate-exchange: an unroutable order lands in the AE queue (the check says so)', async ({ page }) => {
  await page.goto(`/?preset=alternate-exchange`);
  await goToStep(page, 2);
  await node(page, 'queue', 'unrouted').click();
  await lesson(page).getByRole('button', { name: 'Check' }).click();
  const result = lesson(page).locator('[data-check-result]');
  await expect(result).toHaveAttribute('data-reached', 'unrouted', { timeout: 15_000 });
  await expect(result).toHaveAttribute('data-correct', 'true');
  await expect(result).toContainText('Correct!');
  const trace = await (await import('./share-fixtures')).exportTrace(page);
  const asia = eventsOf(trace, 'published').find((e) => e.routingKey === 'asia')!.id;
  const routed = eventsOf(trace, 'routed').find((e) => e.id === asia)!;
  expect(routed.alternate).toBe('unrouted');
  expect(routed.queues).toEqual(['unrouted']);
});

test('lesson text in both languages; Next and Back; presentation mode steps with the keyboard', async ({ page }) => {
  await page.goto(`/?preset=topics`);
  const title = lesson(page).locator('[data-lesson-title]');
  await expect(title).toHaveText('Patterns over words');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(title).toHaveText('按单词匹配的模式');
  await expect(lesson(page).getByRole('button', { name: '下一步' })).toBeVisible();
  await page.getByRole('button', { name: 'EN' }).click();
  await lesson(page).getByRole('button', { name: 'Next' }).click();
  await expect(title).toHaveText('A lazy pink rabbit');
  await lesson(page).getByRole('button', { name: 'Back' }).click();
  await expect(title).toHaveText('Patterns over words');

  await page.locator('body').press('p');
  await expect(page.locator('[data-present-bar]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'File' })).toHaveCount(0);
  await expect(page.locator('[data-palette]')).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(title).toHaveText('A lazy pink rabbit');
  await page.keyboard.press('n');
  await expect(title).toHaveText('A quick orange rabbit');
  await page.keyboard.press('PageUp');
  await expect(title).toHaveText('A lazy pink rabbit');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-present-bar]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'File' })).toBeVisible();
});
