/**
 * The Code panel, as a learner uses it: open it, run the example, read the consoles and the canvas,
 * type a program of one's own and run it; hostile programs each get a message and the app keeps
 * working. Waits are on text and data attributes, never on times.
 */
import type { Page } from '@playwright/test';
import { expect, node, test } from './editor-fixtures';
import { decodeShareHash } from '../src/scenario/url';

test.describe.configure({ timeout: 120_000 });

async function openCode(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('warren.test.seeded')) return;
    sessionStorage.setItem('warren.test.seeded', '1');
    localStorage.setItem('warren.language', 'en');
  });
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  await expect(page.locator('[data-code-panel] .cm-content').first()).toBeVisible();
}

const program = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const consoleOf = (page: Page, name: string) => program(page, name).getByRole('log', { name: 'Console' });

/** Replaces the text of a program's editor by typing, as a person would (select all, type). */
async function typeProgram(page: Page, name: string, text: string): Promise<void> {
  const editor = program(page, name).locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // CodeMirror indents and closes brackets as one types; insertText puts the text as it is.
  await page.keyboard.insertText(text);
}

test('run the example, see the consoles and the canvas, then type and run a program of your own', async ({ page }) => {
  await openCode(page);
  await page.locator('[data-run-all]').click();
  await expect(consoleOf(page, 'receive.js')).toContainText('[x] Received Hello World!');
  await expect(consoleOf(page, 'send.js')).toContainText("[x] Sent 'Hello World!'");
  await expect(program(page, 'send.js')).toHaveAttribute('data-state', 'exited');
  // The canvas: the queue the programs declared, and a client node per program.
  await expect(node(page, 'code-queue', 'hello')).toBeVisible();
  await expect(node(page, 'code-program', 'receive.js')).toHaveAttribute('data-delivered', '1');
  await expect(node(page, 'code-program', 'send.js')).toHaveAttribute('data-published', '1');

  await typeProgram(page, 'send.js', [
    "import amqp from 'amqplib';",
    'const conn = await amqp.connect();',
    'const ch = await conn.createChannel();',
    "await ch.assertExchange('logs', 'fanout', { durable: false });",
    "for (let i = 1; i <= 3; i++) ch.publish('logs', '', Buffer.from(`log ${i}`));",
    "console.log('sent', process.argv.length);",
  ].join('\n'));
  await program(page, 'send.js').locator('[data-run-program]').click();
  await expect(consoleOf(page, 'send.js')).toContainText('sent 2');
  await expect(node(page, 'code-exchange', 'logs')).toBeVisible();
  await expect(node(page, 'code-exchange', 'logs')).toHaveAttribute('data-kind', 'code-exchange');

  // The programs travel in the share URL; embedded, they run read-only.
  const sharedSource = async () => {
    const r = decodeShareHash(new URL(page.url()).hash);
    return r.ok ? (r.doc.code?.programs.find((p) => p.name === 'send.js')?.source ?? '') : '';
  };
  await expect.poll(sharedSource).toContain("assertExchange('logs', 'fanout'");
  const embed = await page.context().newPage();
  await embed.goto(`/?embed=1${new URL(page.url()).hash}`);
  await embed.locator('[data-embed-code]').click();
  await expect(program(embed, 'send.js').locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
  await expect(program(embed, 'send.js').locator('.cm-content')).toContainText("assertExchange('logs', 'fanout'");
  await program(embed, 'send.js').locator('[data-run-program]').click();
  await expect(consoleOf(embed, 'send.js')).toContainText('sent 2');
  await embed.close();

  // The RPC example: the request and the reply on the canvas, the answer in the console; edit, run again.
  await page.locator('[data-code-example]').selectOption('rpc');
  await page.locator('[data-run-all]').click();
  await expect(consoleOf(page, 'rpc_client.js')).toContainText('[.] Got 55');
  await expect(consoleOf(page, 'rpc_server.js')).toContainText('[.] fib(10)');
  await expect(node(page, 'code-queue', 'rpc_queue')).toBeVisible();
  await expect(node(page, 'code-program', 'rpc_client.js')).toHaveAttribute('data-published', '1');
  await expect(node(page, 'code-program', 'rpc_server.js')).toHaveAttribute('data-published', '1');
  await expect(node(page, 'code-program', 'rpc_client.js')).toHaveAttribute('data-delivered', '1');
  await program(page, 'rpc_client.js').getByLabel('Arguments').fill('20');
  await page.locator('[data-run-all]').click();
  await expect(consoleOf(page, 'rpc_client.js')).toContainText('[.] Got 6765');
});

test('hostile programs are stopped with a message and the app keeps working', async ({ page }) => {
  await openCode(page);
  const run = async (text: string) => {
    await typeProgram(page, 'send.js', text);
    await program(page, 'send.js').locator('[data-run-program]').click();
  };
  const status = program(page, 'send.js').locator('[data-program-status]');

  await run('let n = 0;\nwhile (true) {\n  n++;\n}');
  await expect(status).toContainText('Stopped at line 2');

  await run("const x = 1;\npostMessage('hi');");
  await expect(status).toContainText('line 2');
  await expect(status).toContainText('postMessage is not available');

  await run("importScripts('https://example.com/x.js');");
  await expect(status).toContainText('importScripts is not available');

  await run("fetch('https://example.com');");
  await expect(status).toContainText('fetch is not available');

  await run('Object.prototype.polluted = 1;');
  await expect(status).toContainText('TypeError');

  await run('function f(n) { return f(n + 1) + 1; }\nf(0);');
  await expect(status).toContainText('RangeError');

  await run('const a = new Array(2 ** 32);');
  await expect(status).toContainText('RangeError');

  await run('let x = 1;\nlet = = 2;');
  await expect(status).toContainText('line 2');

  // A chain of promises never yields to the loop guards: the page's watchdog restarts the worker.
  await run('const spin = () => Promise.resolve().then(spin);\nspin();');
  await expect(status).toContainText('kept the simulation busy', { timeout: 20_000 });

  // Still working: the example runs again.
  await page.locator('[data-code-example]').selectOption('hello-world');
  await page.locator('[data-run-all]').click();
  await expect(consoleOf(page, 'receive.js')).toContainText('[x] Received Hello World!');
});
