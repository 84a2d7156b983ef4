/**
 * Hostile and broken input: every case gets a message that names the problem, the app keeps
 * working, and the work already open stays open (and stays autosaved).
 */
import { writeFile } from 'node:fs/promises';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { LINK_ERRORS, MAX_HASH_CHARS, decodeShareHash, encodeShareHash } from '../src/scenario/url';
import { expect, node, test } from './editor-fixtures';
import { autosave, expectNodesOf, presetDoc, seedAutosave } from './share-fixtures';

test.describe.configure({ timeout: 60_000 });

const mine = { ...presetDoc('hello-world'), title: 'My own work', lesson: undefined };

async function expectWorkKept(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('My own work');
  await expectNodesOf(page, mine);
  expect(JSON.parse((await autosave(page)) ?? 'null')?.title).toBe('My own work');
}

/** The app still works: add a queue from the palette. */
async function stillWorks(page: Page): Promise<void> {
  await page.locator('[data-palette="queue"]').click();
  await expect(node(page, 'queue').last()).toBeVisible();
}

const good = encodeShareHash(presetDoc('topics'));
const compress = (value: unknown) => '#s=' + LZString.compressToEncodedURIComponent(JSON.stringify(value));

const links: [string, string, string][] = [
  ['truncated', good.slice(0, Math.floor(good.length * 0.6)), decodeErr(good.slice(0, Math.floor(good.length * 0.6)))],
  ['garbled', '#s=N4Ig<script>alert(1)</script>', 'The link is garbled'],
  ['empty', '#s=', LINK_ERRORS.empty],
  ['oversized', '#s=' + 'A'.repeat(MAX_HASH_CHARS + 10), 'The link is too long'],
  ['unknown version', compress({ ...presetDoc('topics'), version: 99 }), 'made by a newer Warren (format version 99'],
  ['not a scenario', compress([1, 2, 3]), 'must be a JSON object'],
  ['100,000 nodes', compress({ version: 1, nodes: Array.from({ length: 100_000 }, () => 0), edges: [] }), 'at most 500 nodes; this one has 100,000'],
];

function decodeErr(hash: string): string {
  const r = decodeShareHash(hash);
  if (r.ok) throw new Error('expected a broken link');
  return r.error;
}

for (const [what, hash, message] of links) {
  test(`a ${what} share link is reported and the autosaved work is kept`, async ({ page }) => {
    await seedAutosave(page, mine);
    await page.goto('/' + hash);
    await expect(page.getByRole('alert')).toContainText(message);
    await expectWorkKept(page);
    await stillWorks(page);
  });
}

test('HTML in names is shown as text, and __proto__ keys pollute nothing', async ({ page }) => {
  const doc = presetDoc('hello-world');
  const evil = '<img src=x onerror=window.__pwned=1>';
  const nodes = doc.nodes.map((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, name: evil } } : n));
  const edges = doc.edges;
  const hostile = JSON.parse(JSON.stringify({ ...doc, title: '<b>bold</b>', nodes, edges }));
  const text = JSON.stringify(hostile).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
  const hash = '#s=' + LZString.compressToEncodedURIComponent(text);
  await page.goto('/' + hash);
  await expect(node(page, 'queue', evil)).toContainText(evil);
  await expect(node(page, 'queue', evil).locator('img')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Scenario title' })).toHaveValue('<b>bold</b>');
  expect(await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned, polluted: ({} as Record<string, unknown>).polluted }))).toEqual({ pwned: undefined, polluted: undefined });
});

async function importFile(page: Page, file: { name: string; buffer?: Buffer; path?: string }) {
  await page.getByRole('button', { name: 'File' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import JSON or definitions.json…' }).click();
  const c = await chooser;
  if (file.path) await c.setFiles(file.path);
  else await c.setFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer! });
}

const files: [string, string, string][] = [
  ['truncated.json', JSON.stringify(presetDoc('topics')).slice(0, 500), 'The file is not valid JSON'],
  ['garbled.json', '\u0000\u0001garbage{{{', 'The file is not valid JSON'],
  ['future.json', JSON.stringify({ ...presetDoc('topics'), version: 42 }), 'made by a newer Warren (format version 42'],
  ['huge.json', JSON.stringify({ version: 1, nodes: Array.from({ length: 100_000 }, () => ({})), edges: [] }), 'at most 500 nodes; this one has 100,000'],
  ['empty.json', '', 'The file is empty'],
];

for (const [name, text, message] of files) {
  test(`importing ${name} names the problem and keeps the open work`, async ({ page }) => {
    await seedAutosave(page, mine);
    await page.goto('/');
    await expectWorkKept(page);
    await importFile(page, { name, buffer: Buffer.from(text) });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Could not import “${name}”`);
    await expect(alert).toContainText(message);
    await expectWorkKept(page);
    await stillWorks(page);
  });
}

test('a 50 MB file is refused by its size before it is read', async ({ page }, info) => {
  const path = info.outputPath('big.json');
  await writeFile(path, Buffer.alloc(50 * 1000 * 1000, 0x20));
  await seedAutosave(page, mine);
  await page.goto('/');
  await importFile(page, { name: 'big.json', path });
  await expect(page.getByRole('alert')).toContainText('The file is too large (50.0 MB; the limit is 5.0 MB)');
  await expectWorkKept(page);
  await stillWorks(page);
});
