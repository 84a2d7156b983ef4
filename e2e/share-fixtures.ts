/**
 * Helpers for the lessons, sharing and import/export specs: documents built from the presets in
 * Node (the same code the app ships), share links, the exported trace, and a seeded autosave.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { presetById } from '../src/scenario/presets';
import type { ScenarioDocument } from '../src/scenario/schema';
import { encodeShareHash } from '../src/scenario/url';
import { expect, node } from './editor-fixtures';

export function presetDoc(id: string): ScenarioDocument {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return structuredClone(p.doc);
}

/** A preset's document with another speed (and seed), as a `/#s=` path. */
export function shareHref(doc: ScenarioDocument, overrides: { speed?: number; seed?: number } = {}, search = ''): string {
  const d = { ...doc, seed: overrides.seed ?? doc.seed, settings: { ...doc.settings, speed: overrides.speed ?? doc.settings.speed } };
  return `/${search}${encodeShareHash(d)}`;
}

/** Put a document in the autosave before the app's scripts run (once per test, not on reloads). */
export async function seedAutosave(page: Page, doc: unknown): Promise<void> {
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('warren.test.seeded')) return;
    sessionStorage.setItem('warren.test.seeded', '1');
    localStorage.setItem('warren.autosave', text);
  }, JSON.stringify(doc));
}

export const autosave = (page: Page): Promise<string | null> => page.evaluate(() => localStorage.getItem('warren.autosave'));

/** Every non-note node of a document is on the canvas, by kind and name. */
export async function expectNodesOf(page: Page, doc: ScenarioDocument): Promise<void> {
  for (const n of doc.nodes) {
    if (n.kind === 'note') continue;
    await expect(node(page, n.kind, n.config.name).first(), `${n.kind} ${n.config.name}`).toBeVisible();
  }
}

export interface Trace {
  title: string;
  seed: number;
  speed: number;
  t: number;
  map: { exchanges: Record<string, string>; queues: Record<string, string>; channels: Record<string, string> };
  events: Array<Record<string, unknown> & { type: string; seq: number; t: number }>;
}

/** File ▸ Export trace (JSON), read back. */
export async function exportTrace(page: Page): Promise<Trace> {
  await page.getByRole('button', { name: 'File' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export trace (JSON)' }).click();
  const d = await download;
  return JSON.parse(await readFile((await d.path())!, 'utf8')) as Trace;
}

/** Run the simulation with the lesson's Play button for `ms` of wall time, then pause. */
export async function playFor(page: Page, ms: number): Promise<void> {
  const play = page.locator('[data-lesson-play]');
  await expect(play).toHaveText(/Play/);
  await play.click();
  await expect(play).toHaveText(/Pause/);
  await page.waitForTimeout(ms);
  await play.click();
  await expect(play).toHaveText(/Play/);
}

/** Play, export the trace, and repeat until `ok` holds for it (slow machines get more time). */
export async function playUntil(page: Page, ok: (t: Trace) => boolean, step = 1500): Promise<Trace> {
  let trace: Trace | undefined;
  await expect(async () => {
    await playFor(page, step);
    trace = await exportTrace(page);
    expect(ok(trace)).toBe(true);
  }).toPass({ timeout: 60_000 });
  return trace!;
}

export const eventsOf = (t: Trace, type: string) => t.events.filter((e) => e.type === type);
