/**
 * Every preset read the way a learner sees it, lesson open, at 1280×800 and 1920×1080 and
 * presenting on a 1280×720 projector, in English and Chinese, light and dark: labels clear of each
 * other and of nodes, every edge drawn inside the view and out from under nodes and canvas
 * controls, no name cut, and every text on nodes and labels at least 11 px at the fitted zoom.
 * Cheap enough for CI: one page per group of presets, the language and theme switched in place
 * (they change no positions, so no new fit), one page evaluate per view, no screenshots.
 */
import type { Page } from '@playwright/test';
import { PRESETS } from '../src/scenario/presets';
import { readFileSync } from 'node:fs';

type Locale = { node: Record<string, string> };
const locale = (lang: string, ns: string): Locale => JSON.parse(readFileSync(new URL(`../src/app/locales/${lang}/${ns}.json`, import.meta.url), 'utf8'));
const [enEditor, zhEditor, enSim, zhSim] = [locale('en', 'editor'), locale('zh', 'editor'), locale('en', 'simulation'), locale('zh', 'simulation')];
import { expect, test } from './editor-fixtures';

test.describe.configure({ timeout: 180_000 });

type Rect = { x: number; y: number; w: number; h: number };
/** `boxes`: each node's box on screen, to show that a theme or language switch moves nothing. */
type Geometry = { problems: string[]; minTextPx: number; boxes: Record<string, string> };

/** Wait until the preset's routes are on and the viewport has stopped moving. */
async function settled(page: Page, routed: boolean): Promise<void> {
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-fits', '0');
  // ELK loads on first use; on a busy machine that takes a while.
  if (routed) await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-routed', '0', { timeout: 20_000 });
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
            const first = read();
            requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(read() === first))));
          }),
      ),
    )
    .toBe(true);
}

/**
 * Measures the canvas in the page; returns what is wrong, in words, and the smallest text. The
 * cards' live counts are shown at their largest meanwhile (`largest`: the text per slot), since a
 * card must hold them whatever the run does, and put back as they were after.
 */
function measure(largest: Record<string, string>): Geometry {
  const saved = [...document.querySelectorAll<HTMLElement>('.react-flow__viewport [data-live]')]
    .filter((el) => largest[el.dataset.live!] !== undefined)
    // a producer's confirms come only with confirm mode, its returns only with mandatory
    .filter((el) => !['confirmed', 'nacked'].includes(el.dataset.live!) || el.closest('[data-confirm]'))
    .filter((el) => el.dataset.live !== 'returned' || el.closest('[data-mandatory]'))
    .map((el) => ({ el, text: el.textContent, hidden: el.hidden }));
  for (const { el } of saved) {
    const big = largest[el.dataset.live!];
    el.textContent = big === '{{lead}}' ? (el.textContent ?? '').replace(/^\d+/, '9999') : big;
    el.hidden = false;
  }
  // Inside: the page runs this function alone, so it cannot reach anything beside it.
  const measureNow = (): Geometry => {
    const problems: string[] = [];
    const rect = (el: Element): Rect => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const meet = (a: Rect, b: Rect, by = 0) => a.x + by < b.x + b.w && b.x + by < a.x + a.w && a.y + by < b.y + b.h && b.y + by < a.y + a.h;
    const inside = (p: { x: number; y: number }, r: Rect, by = 0) => p.x > r.x + by && p.x < r.x + r.w - by && p.y > r.y + by && p.y < r.y + r.h - by;
    const pane = rect(document.querySelector('[data-testid="canvas"]')!);
    const panels = [...document.querySelectorAll('.react-flow__panel, [data-present-bar] > *')].map(rect);
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => ({ name: el.getAttribute('data-id') ?? '?', r: rect(el) }));
    const labels = [...document.querySelectorAll('[data-edge]')].map((el) => ({ name: el.textContent ?? '', r: rect(el) }));

    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) if (meet(a.r, b.r)) problems.push(`label "${a.name}" overlaps label "${b.name}"`);
      for (const n of nodes) if (meet(a.r, n.r)) problems.push(`label "${a.name}" lies on node ${n.name}`);
      if (!inside({ x: a.r.x + a.r.w / 2, y: a.r.y + a.r.h / 2 }, pane)) problems.push(`label "${a.name}" is out of view`);
    }
    for (const n of nodes) {
      if (n.r.x < pane.x || n.r.y < pane.y || n.r.x + n.r.w > pane.x + pane.w || n.r.y + n.r.h > pane.y + pane.h) problems.push(`node ${n.name} is out of view`);
      for (const p of panels) if (meet(n.r, p)) problems.push(`node ${n.name} is under a canvas control`);
    }
    // Walk each edge: every point inside the view, none under a node (but its own ends) or a control.
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')) {
      const id = path.closest('.react-flow__edge')?.getAttribute('data-id') ?? path.id;
      const ctm = path.getScreenCTM();
      if (!ctm) continue;
      const length = path.getTotalLength();
      const step = Math.max(2, length / 200);
      let hidden = 0;
      let out = 0;
      for (let d = 14; d < length - 14; d += step) {
        const q = path.getPointAtLength(d).matrixTransform(ctm);
        if (!inside(q, pane)) out++;
        else if (nodes.some((n) => inside(q, n.r, 2)) || panels.some((p) => inside(q, p))) hidden++;
      }
      if (out) problems.push(`edge ${id} runs out of view`);
      if (hidden) problems.push(`edge ${id} runs under a node or control (${hidden} points)`);
    }
    // No text cut anywhere on the canvas: names, sublabels, counters, labels. A box cuts what it
    // clips (overflow other than visible, or an ellipsis) when its content is wider or taller than it.
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__viewport *')) {
      if (!(el instanceof HTMLElement) || !el.textContent?.trim() || !el.getClientRects().length) continue;
      const s = getComputedStyle(el);
      const wide = (s.overflowX !== 'visible' || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1;
      const tall = s.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) problems.push(`text "${el.textContent.trim().slice(0, 40)}" is cut${s.textOverflow === 'ellipsis' ? ' with an ellipsis' : ''}`);
    }
    // Nor cut where nothing scrolls: every line of text lies inside each box around it that clips
    // its paint (overflow, or CSS containment of paint), and inside its node's card.
    const clips = (s: CSSStyleDeclaration) => s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|strict|content/.test(s.contain);
    const within = (r: DOMRect, box: Rect) => r.left >= box.x - 1 && r.right <= box.x + box.w + 1 && r.top >= box.y - 1 && r.bottom <= box.y + box.h + 1;
    const texts = document.createTreeWalker(document.querySelector('.react-flow__viewport')!, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.textContent?.trim() || !el.getClientRects().length) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const card = el.closest('.react-flow__node');
      const viewport = el.closest('.react-flow__viewport');
      // Hover controls, badges and tooltips are placed outside the card on purpose (positioned absolutely).
      let placed = false;
      for (let box: Element | null = el; box && box !== card && box !== viewport; box = box.parentElement) {
        const s = getComputedStyle(box);
        if (s.position === 'absolute' || s.position === 'fixed') placed = true;
        if (clips(s) && lines.some((r) => !within(r, rect(box!)))) {
          problems.push(`text "${t.textContent.trim().slice(0, 40)}" is clipped by <${box.tagName.toLowerCase()} class="${box.getAttribute('class')?.slice(0, 48) ?? ''}">`);
          break;
        }
      }
      if (card && !placed && lines.some((r) => !within(r, rect(card)))) problems.push(`text "${t.textContent.trim().slice(0, 40)}" spills out of its card ${card.getAttribute('data-id')}`);
    }
    // (A note's height follows its text, which is in the page's language.)
    const note = (name: string) => !!document.querySelector(`.react-flow__node-note[data-id="${name}"]`);
    const boxes = Object.fromEntries(nodes.map((n) => [n.name, [n.r.x, n.r.y, n.r.w, note(n.name) ? 0 : n.r.h].map((v) => v.toFixed(1)).join(' ')]));
    const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '')?.[1] ?? 1);
    // Every text on the canvas: names, sublabels, counters, feature letters, the controls shown on hover, labels.
    let minTextPx = Infinity;
    const walk = document.createTreeWalker(document.querySelector('.react-flow__viewport')!, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.textContent?.trim() || !el.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (px < 11) problems.push(`text "${t.textContent.trim().slice(0, 24)}" is ${px.toFixed(1)} px`);
      minTextPx = Math.min(minTextPx, px);
    }
    return { problems, minTextPx, boxes };
  };
  try {
    return measureNow();
  } finally {
    for (const { el, text, hidden } of saved) {
      el.textContent = text;
      el.hidden = hidden;
    }
  }
}

const fitsOf = async (page: Page) => Number(await page.getByTestId('canvas').getAttribute('data-fits'));

async function openFromGallery(page: Page, id: string): Promise<void> {
  const fits = await fitsOf(page);
  await page.locator('header button[data-action="openGallery"]').click();
  await page.locator(`[data-preset="${id}"]`).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => fitsOf(page)).toBeGreaterThan(fits);
}

type Lang = 'en' | 'zh';
type Theme = 'light' | 'dark';
const theme = async (page: Page): Promise<Theme> => ((await page.locator('html').getAttribute('class'))?.includes('dark') ? 'dark' : 'light');

/** Switches the theme the way a person does (its shortcut works while presenting too). */
async function setTheme(page: Page, want: Theme): Promise<void> {
  if ((await theme(page)) === want) return;
  await page.keyboard.press('Alt+Shift+D');
  await expect.poll(() => theme(page)).toBe(want);
}

/** Switches the language with the top bar's EN | 中文. */
async function setLang(page: Page, want: Lang): Promise<void> {
  await page.locator(`button[lang="${want === 'zh' ? 'zh-CN' : 'en'}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', want === 'zh' ? /^zh/ : /^en/);
}

/** Each live count slot's text at its largest, in `lang` (four characters a number: see formatCount). */
function largestCounts(lang: Lang): Record<string, string> {
  const [editor, sim] = lang === 'zh' ? [zhEditor, zhSim] : [enEditor, enSim];
  const n = '9999';
  const fill = (s: string) => s.replace(/\{\{(count|unacked|n)\}\}/, n);
  return {
    ready: n,
    unacked: n,
    published: fill(editor.node.published),
    confirmed: `✓${n}`,
    nacked: `✗${n}`,
    returned: `↩${n}`,
    in: fill(sim.node.in),
    out: fill(sim.node.out),
    // its prefetch as the card shows it
    'unacked-of': '{{lead}}',
    acked: `✓${n}`,
  };
}

async function measureView(page: Page, id: string, where: string): Promise<Geometry['boxes']> {
  const lang: Lang = (await page.locator('html').getAttribute('lang'))?.startsWith('zh') ? 'zh' : 'en';
  const g = await page.evaluate(measure, largestCounts(lang));
  expect(g.problems, `${id}, ${where}`).toEqual([]);
  expect(g.minTextPx, `${id}, ${where}: smallest text`).toBeGreaterThanOrEqual(11);
  return g.boxes;
}

/**
 * Reads the fitted preset in each of `views` (language and theme), switching in place: the first
 * in the page's language. Presenting, the top bar is gone: one language per page.
 */
async function checkPreset(page: Page, id: string, where: string, views: [Lang, Theme][]): Promise<void> {
  const preset = PRESETS.find((p) => p.id === id)!;
  await expect(page.locator('.react-flow__node')).toHaveCount(preset.doc.nodes.length);
  await settled(page, preset.doc.edges.length > 0);
  let first: Geometry['boxes'] | undefined;
  for (const [lang, t] of views) {
    if ((await page.locator('html').getAttribute('lang'))?.slice(0, 2) !== lang) await setLang(page, lang);
    await setTheme(page, t);
    const boxes = await measureView(page, id, `${where}, ${lang}, ${t}`);
    // Language and theme move nothing: every node's box as in the first view (so each view's checks hold for the others).
    if (first) expect(boxes, `${id}, ${where}: node boxes in ${lang}, ${t} as in ${views[0].join(', ')}`).toEqual(first);
    first ??= boxes;
  }
}

// Four pages open six presets each (from the gallery after the first, without a reload), and
// each preset is read at both sizes (the window grows and Fit view fits it again), then presented
// on a 1280×720 projector (P, a fit of its own, the log folded away) in one language and theme:
// English light on two pages, Chinese dark on the other two (they move nothing, as the views at
// the other sizes show).
const GROUPS = 4;
const PRESENTING: [Lang, Theme][] = [['en', 'light'], ['zh', 'dark']];
for (let g = 0; g < GROUPS; g++) {
  const group = PRESETS.filter((_, i) => i % GROUPS === g).map((p) => p.id);
  const [lang, t] = PRESENTING[g % 2];
  test(`readable at 1280×800 and 1920×1080 with the lesson open, and presenting at 1280×720: ${group.join(', ')}`, async ({ page }) => {
    await page.goto(`/?preset=${group[0]}`);
    for (const id of group) {
      await test.step(id, async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        if (id !== group[0]) await openFromGallery(page, id);
        await expect(page.locator('[data-lesson-panel]')).toBeVisible();
        // Each size in both languages and both themes (theme and language change no positions).
        await checkPreset(page, id, '1280×800', [['en', 'light'], ['zh', 'dark']]);
        await page.setViewportSize({ width: 1920, height: 1080 });
        let fits = await fitsOf(page);
        // the toolbar's Fit view (React Flow's own control is named the same in English, and sits in the canvas)
        await page.locator('header button[data-action="fitView"]').click();
        await expect.poll(() => fitsOf(page)).toBeGreaterThan(fits);
        await checkPreset(page, id, '1920×1080', [['zh', 'light'], ['en', 'dark']]);
        // Presenting: the top bar goes, so the language is chosen first.
        await setLang(page, lang);
        await setTheme(page, t);
        await page.setViewportSize({ width: 1280, height: 720 });
        fits = await fitsOf(page);
        await page.locator('body').press('p');
        // Presenting fits the view again once the chrome is gone.
        await expect.poll(() => fitsOf(page)).toBeGreaterThan(fits);
        await expect(page.locator('[data-present-bar]')).toBeVisible();
        await expect(page.locator('[data-slot="bottom"]')).toBeHidden();
        await checkPreset(page, id, 'presenting at 1280×720', [[lang, t]]);
        await page.keyboard.press('Escape');
        await expect(page.locator('[data-present-bar]')).toHaveCount(0);
      });
    }
  });
}
