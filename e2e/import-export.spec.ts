import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, node, test, viewportSettled } from './editor-fixtures';
import { expectNodesOf, presetDoc } from './share-fixtures';

test.describe.configure({ timeout: 90_000 });

async function fileItem(page: Page, name: string) {
  await page.getByRole('button', { name: 'File' }).click();
  return page.getByRole('menuitem', { name });
}

async function download(page: Page, item: string): Promise<{ name: string; text: string; bytes: number; buf: Buffer }> {
  const d = page.waitForEvent('download');
  await (await fileItem(page, item)).click();
  const file = await d;
  const buf = await readFile((await file.path())!);
  return { name: file.suggestedFilename(), text: buf.toString('utf8'), bytes: buf.length, buf };
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await (await fileItem(page, 'Import JSON or definitions.json…')).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export JSON, start anew, import it: the same document', async ({ page }) => {
  await page.goto('/?preset=ttl-dlx');
  const exported = await download(page, 'Export scenario (JSON)');
  expect(exported.name).toBe('Retry-with-TTL-DLX.warren.json');
  expect(JSON.parse(exported.text).version).toBe(1);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await importText(page, exported.name, exported.text);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expectNodesOf(page, presetDoc('ttl-dlx'));
  const again = await download(page, 'Export scenario (JSON)');
  expect(again.text).toBe(exported.text);
});

test('a .json file dropped on the canvas is imported', async ({ page }) => {
  await page.goto('/');
  const text = JSON.stringify(presetDoc('topics'));
  const zone = page.getByTestId('canvas');
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'topics.warren.json', { type: 'application/json' }));
    return dt;
  }, text);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await expectNodesOf(page, presetDoc('topics'));
});

test('definitions.json: export, then import is detected and becomes a topology', async ({ page }) => {
  await page.goto('/?preset=routing');
  const defs = await download(page, 'Export RabbitMQ definitions.json');
  expect(defs.name).toMatch(/\.definitions\.json$/);
  const parsed = JSON.parse(defs.text);
  expect(parsed.rabbit_version).toBeTruthy();
  const queues: string[] = parsed.queues.map((q: { name: string }) => q.name);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await importText(page, 'definitions.json', defs.text);
  for (const q of queues) await expect(node(page, 'queue', q)).toBeVisible();
});

test('a real RabbitMQ export imports per vhost with its users; a bad one is refused by name and the work stays', async ({ page }) => {
  // Exported by RabbitMQ 3.10.8 (scripts/real/definitions-fixture.ts).
  const text = await readFile(new URL('../src/scenario/fixtures/real-broker.definitions.json', import.meta.url), 'utf8');
  const defs = JSON.parse(text) as { queues: { name: string; type: string }[] };
  await page.goto('/');
  await importText(page, 'real-broker.definitions.json', text);
  // The first import loads the layout engine (ELK, a large chunk) before the document opens.
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 30_000 });
  for (const q of defs.queues.filter((x) => x.type !== 'stream')) await expect(node(page, 'queue', q.name)).toBeVisible();
  await expect(page.locator('.react-flow__node-note')).toHaveCount(3);
  // Readable at 1280×800: every edge on ELK's route, nodes apart, text at least 11 px, the view
  // starting at the first vhost's note (top-left) and the rest a pan away.
  const canvas = page.getByTestId('canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-routed'))).toBeGreaterThanOrEqual(await page.locator('.react-flow__edge').count());
  await viewportSettled(page);
  const read = await page.evaluate(() => {
    const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '')?.[1]);
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((el) => el.getBoundingClientRect());
    const overlaps = boxes.filter((a, i) => boxes.slice(i + 1).some((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
    let minPx = Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *'))
      if ([...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim())) minPx = Math.min(minPx, parseFloat(getComputedStyle(el).fontSize) * zoom);
    const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const first = document.querySelector('.react-flow__node-note')!.getBoundingClientRect();
    // Nothing on the canvas (the overview map among them) covers a node.
    const panels = [...document.querySelectorAll('.react-flow__panel')].map((el) => el.getBoundingClientRect());
    const covered = boxes.filter((a) => panels.some((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
    return { overlaps, minPx, covered, firstInView: first.left >= pane.left && first.top >= pane.top && first.right <= pane.right && first.bottom <= pane.bottom };
  });
  expect(read.covered, 'nodes under the minimap or the canvas controls').toBe(0);
  // The map is a click away: the canvas controls' map button opens and closes it.
  const map = page.locator('[data-minimap-toggle]');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await map.click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await expect(map).toHaveAttribute('aria-pressed', 'true');
  await map.click();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  expect(read.overlaps, 'nodes overlapping').toBe(0);
  expect(read.minPx, 'smallest node text').toBeGreaterThanOrEqual(11);
  expect(read.firstInView, "the first vhost's note in view").toBe(true);
  await page.locator('[data-broker-open]').click();
  const panel = page.getByRole('dialog');
  for (const user of ['admin', 'ops', 'shop', 'policy-bot']) await expect(panel.getByText(user, { exact: true }).first()).toBeVisible();
  // The real broker's hash is kept (and exported unchanged) until a new password is typed.
  await expect(panel.getByLabel('Password of ops')).toHaveAttribute('placeholder', 'hash from the import');
  await page.keyboard.press('Escape');

  const hostile = text.replace('"arguments": {}', '"arguments": {"__proto__": {"polluted": true}}');
  await importText(page, 'hostile.definitions.json', hostile);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not import “hostile.definitions.json”');
  await expect(alert).toContainText('"__proto__"');
  await expect(node(page, 'queue', 'audit')).toBeVisible();
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
});

test('in Chinese, what an import keeps and what it refuses are said in Chinese, details and all', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('warren.language', 'zh'));
  await page.goto('/');
  const importZh = async (name: string, file: object) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '导入 JSON 或 definitions.json…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  };
  const delayed = { name: 'delayed', vhost: '/', type: 'x-delayed-message', durable: true, auto_delete: false, internal: false, arguments: {} };
  await importZh('kept.definitions.json', { exchanges: [delayed], queues: [], bindings: [] });
  await expect(page.getByRole('status').filter({ hasText: '以下内容原样保留以便导出，但不参与模拟：交换机 "delayed"（类型 x-delayed-message）。' })).toBeVisible();
  // A broker's export has no title: it is named after its file, in Chinese too.
  await expect(page.getByRole('textbox', { name: '场景标题' })).toHaveValue('来自 kept.definitions.json 的定义');
  await importZh('odd.definitions.json', { queues: [], shovels: [] });
  await expect(page.getByRole('alert')).toContainText('无法导入“odd.definitions.json”：definitions 文件含有未知的类别："shovels"。');
});

test('client code dialog writes the program in each language and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=work-queues');
  await (await fileItem(page, 'Client code…')).click();
  const dialog = page.getByRole('dialog', { name: 'Client code' });
  const code = dialog.locator('[data-code]');
  await expect(code).toContainText("import amqp from 'amqplib'");
  await expect(code).toContainText('task_queue');
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('task_queue');
  for (const [label, text] of [
    ['Python (pika)', 'import pika'],
    ['Go (amqp091-go)', 'amqp "github.com/rabbitmq/amqp091-go"'],
    ['Java (amqp-client)', 'import com.rabbitmq.client.ConnectionFactory;'],
    ['Spring AMQP', '@RabbitListener('],
    ['.NET (RabbitMQ.Client)', 'using RabbitMQ.Client;'],
  ]) {
    await dialog.getByRole('radio', { name: label }).click();
    await expect(code).toContainText(text);
    await expect(code).toContainText('task_queue');
  }
  await expect(dialog.getByRole('button', { name: 'Download Program.cs' })).toBeEnabled();
});

test('the canvas exports as PNG and SVG', async ({ page }) => {
  await page.goto('/?preset=topics');
  await expect(node(page, 'queue', 'Q1')).toBeVisible();
  const png = await download(page, 'Export image (PNG)');
  expect(png.name).toBe('Topics.png');
  expect(png.bytes).toBeGreaterThan(5000);
  const svg = await download(page, 'Export image (SVG)');
  expect(svg.name).toBe('Topics.svg');
  expect(svg.text).toContain('<svg');
  // Shapes and text, not an HTML snapshot: every name and binding key is a <text>, the exchange a polygon.
  expect(svg.text).not.toContain('foreignObject');
  for (const word of ['topic_logs', 'Q1', 'Q2', 'C1', 'C2', '*.orange.*', '*.*.rabbit', 'lazy.#']) expect(svg.text).toContain(`>${word}</text>`);
  expect(svg.text).toMatch(/<polygon[^>]*points="20,1 /);
  expect(svg.bytes).toBeLessThan(60_000);
  // The PNG is the same picture at 2x pixel density (width and height from its IHDR chunk).
  const svgWidth = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg.text)![1]);
  expect(png.buf.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));
});
