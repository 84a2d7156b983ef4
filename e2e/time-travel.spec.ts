/**
 * Time travel, driven as a person would: Step back (button and ←) shows exactly what Step showed
 * at the event before; the Run time scrubber goes to any instant (keyboard) and to a notable
 * event by its mark, paused and while playing. Waits are on data attributes, never on times.
 */
import type { Page } from '@playwright/test';
import { expect, node, openScenario as open, preset, test } from './editor-fixtures';

test.describe.configure({ timeout: 120_000 });


const transport = (page: Page) => page.getByRole('toolbar', { name: 'Simulation controls' });
const button = (page: Page, name: string) => transport(page).getByRole('button', { name, exact: true });
const slider = (page: Page) => page.getByRole('slider', { name: 'Run time' });
const log = (page: Page) => page.getByTestId('event-log');

/** What the page shows: clock, log size and last row, and the counters on the canvas. */
async function shown(page: Page): Promise<string> {
  // Set-up events are folded away: before the first step the log may show no row.
  const rows = log(page).locator('[data-seq]');
  return JSON.stringify({
    t: await page.getByTestId('clock').getAttribute('data-t'),
    total: await log(page).getAttribute('data-total'),
    last: (await rows.count()) ? await rows.last().getAttribute('data-seq') : null,
    ready: await node(page, 'queue', 'task_queue').getAttribute('data-ready'),
    unacked: await node(page, 'queue', 'task_queue').getAttribute('data-unacked'),
    c1: await node(page, 'consumer', 'C1').getAttribute('data-delivered'),
    c2: await node(page, 'consumer', 'C2').getAttribute('data-delivered'),
  });
}

test('Step back shows exactly what Step showed at the event before, and Step comes forward again', async ({ page }) => {
  await open(page, preset('work-queues'), 1);
  const states: string[] = [await shown(page)];
  for (let i = 0; i < 8; i++) {
    const total = Number(await log(page).getAttribute('data-total'));
    await button(page, 'Step').click();
    await expect.poll(async () => Number(await log(page).getAttribute('data-total'))).toBe(total + 1);
    states.push(await shown(page));
  }
  await button(page, 'Step back').click();
  await expect.poll(() => shown(page)).toBe(states[7]);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => shown(page)).toBe(states[6]);
  await button(page, 'Step').click();
  await expect.poll(() => shown(page)).toBe(states[7]);
  await button(page, 'Step').click();
  await expect.poll(() => shown(page)).toBe(states[8]);
});

test('the Run time scrubber goes to any instant and to a notable event by its mark, paused and playing', async ({ page }) => {
  await open(page, preset('ttl-dlx'), 10);
  await button(page, 'Play').click();
  const mark = page.locator('[data-mark="dead-lettered"]').first();
  await expect(mark).toBeVisible({ timeout: 60_000 });
  // While playing: Home goes back to the start, and the run plays on from there.
  const before = Number(await slider(page).getAttribute('data-furthest'));
  expect(before).toBeGreaterThan(0);
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => Number(await page.getByTestId('clock').getAttribute('data-t'))).toBeLessThan(before);
  await expect(button(page, 'Pause')).toBeVisible();
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  // The furthest instant stays reachable: End goes there.
  const furthest = Number(await slider(page).getAttribute('data-furthest'));
  await slider(page).focus();
  await page.keyboard.press('End');
  await expect.poll(async () => Number(await page.getByTestId('clock').getAttribute('data-t'))).toBe(furthest);
  // A mark goes to its event: the log ends on that dead-lettering, the clock at its time.
  await page.keyboard.press('Home');
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', '0');
  await mark.click();
  const last = log(page).locator('[data-seq]').last();
  await expect(last).toHaveAttribute('data-kind', 'dead-lettered');
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', String(await last.getAttribute('data-t')));
});

test('the transport bar keeps every word on one line beside the scrubber, in Chinese and English, at 1280×800: with a lesson open, and with the palette and the inspector open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // ttl-dlx opens on its lesson; topics on the palette and the scenario's inspector (the narrowest bar)
  for (const [lang, id] of [['zh', 'ttl-dlx'], ['en', 'ttl-dlx'], ['zh', 'topics'], ['en', 'topics']]) {
    await page.addInitScript((l) => {
      localStorage.setItem('warren.welcome', 'seen');
      localStorage.setItem('warren.language', l);
    }, lang);
    await page.goto(`/?preset=${id}`);
    if (id === 'topics') {
      // the lesson closed: the palette and the scenario's inspector take its place (the narrowest bar)
      const close = page.getByRole('button', { name: lang === 'zh' ? '关闭课程' : 'Close the lesson' });
      await close.click();
      await expect(close).toHaveCount(0);
    }
    const bar = page.getByRole('toolbar').filter({ has: page.getByTestId('run-time') });
    await expect(bar.getByTestId('run-time')).toBeVisible();
    const wrapped = await bar.evaluate((el) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || !(n.parentElement?.offsetParent)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(n.textContent);
      }
      const kids = [...el.children].map((c) => c.getBoundingClientRect().right);
      // the bar may be wider than what shows of it: the edge is the nearest one of its ancestors'
      let edge = Math.min(el.getBoundingClientRect().right, window.innerWidth);
      for (let a = el.parentElement; a; a = a.parentElement) edge = Math.min(edge, a.getBoundingClientRect().right);
      return { out, overflow: Math.max(...kids) - edge, slider: el.querySelector('[data-testid="run-time"]')!.getBoundingClientRect().width };
    });
    expect(wrapped.out, `${lang} ${id}: words on more than one line`).toEqual([]);
    // nothing runs past the bar's right edge
    expect(wrapped.overflow, `${lang} ${id}`).toBeLessThanOrEqual(0.5);
    expect(wrapped.slider, `${lang} ${id}`).toBeGreaterThanOrEqual(64);
  }
});

test('an edit at a past instant starts a new branch there, and undoing it brings the old future back', async ({ page }) => {
  await open(page, preset('fair-dispatch'), 10);
  await button(page, 'Play').click();
  await expect.poll(async () => Number(await slider(page).getAttribute('data-furthest')), { timeout: 60_000 }).toBeGreaterThan(8_000);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  // back to about a third of the run, with the keyboard; the clock goes where the slider says
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', '0');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  const at = Number(await slider(page).inputValue());
  expect(at).toBeGreaterThan(0);
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', String(at));
  const furthest = Number(await slider(page).getAttribute('data-furthest'));
  expect(furthest).toBeGreaterThan(at);
  // change the round-robin slow consumer's prefetch in its inspector
  await node(page, 'consumer', 'slow (prefetch 0)').click();
  const prefetch = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Prefetch');
  await prefetch.fill('1');
  await prefetch.press('Tab');
  await expect(page.getByText(/started a new branch of the run/)).toBeVisible();
  // the run stays at that instant (it was not rebuilt from 0 s), and its end is now there
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', String(at));
  await expect.poll(async () => Number(await slider(page).getAttribute('data-furthest'))).toBe(at);
  // undo the edit: the old future is back
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Number(await slider(page).getAttribute('data-furthest'))).toBe(furthest);
  await expect(page.getByTestId('clock')).toHaveAttribute('data-t', String(at));
});
