/** Import and export messages in both languages: the same codes and slots, details kept, no English left in Chinese. */
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { ensureLanguage } from '../i18n';
import zh from '../locales/zh/io.json';
import { MESSAGES_EN, message, messageText, type ScenarioMessage } from '../../scenario/messages';
import { importDefinitions } from '../../scenario/definitions-import';
import { exportDefinitions } from '../../scenario/definitions';
import { importScenarioFile } from '../../scenario/file';
import { restoreScenario, restoreScenarioText } from '../../scenario/restore';
import { sayMessage } from './scenarioMessages';

const slots = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const kept = {
  parameters: [{ component: 'federation-upstream', name: 'up', vhost: '/', value: { uri: 'amqp://remote' } }],
  policies: [{ vhost: '/', name: 'fed', pattern: '^fed\\.', 'apply-to': 'exchanges', definition: { 'federation-upstream-set': 'all' }, priority: 0 }],
  exchanges: [{ name: 'delayed', vhost: '/', type: 'x-delayed-message', durable: true, auto_delete: false, internal: false, arguments: {} }],
  queues: [{ name: 'q', vhost: '/', durable: true, auto_delete: false, arguments: { 'x-queue-mode': 'lazy' } }],
  bindings: [],
};

async function messages(): Promise<ScenarioMessage[]> {
  const r = await importDefinitions(kept);
  if (!r.ok) throw new Error(messageText(r.error));
  const bad = await importScenarioFile(JSON.stringify({ queues: [], __proto__x: 1, shovels: [] }));
  if (bad.ok) throw new Error('accepted');
  return [...r.warnings, ...(await exportDefinitions(r.doc)).warnings, bad.error];
}

describe('scenario messages', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('Chinese has every English code, with the same slots', () => {
    const chinese = zh.msg as Record<string, string>;
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    for (const [code, text] of Object.entries(MESSAGES_EN)) expect(slots(chinese[code]), code).toEqual(slots(text));
  });

  it('say in English exactly what the scenario layer writes', async () => {
    await i18n.changeLanguage('en');
    for (const m of await messages()) expect(sayMessage(m)).toBe(messageText(m));
  });

  it('say it in Chinese with every detail (names, types, counts, nested lists)', async () => {
    await ensureLanguage('zh');
    await i18n.changeLanguage('zh');
    const said = (await messages()).map(sayMessage);
    expect(said[0]).toBe('以下内容原样保留以便导出，但不参与模拟：策略 "fed"；交换机 "delayed"（类型 x-delayed-message）；1 个参数（parameter）。');
    expect(said[1]).toBe('以下队列参数不参与模拟，但会保留以便导出：q（x-queue-mode）。');
    expect(said[2]).toBe('3 项 Warren 不建模的导入定义（参数、其他类型的交换机或队列等）会原样写回。');
    expect(said[3]).toMatch(/^definitions 文件含有未知的类别："__proto__x", "shovels"。RabbitMQ 的 definitions 只包含 .*vhosts.*。$/);
  });

  it('number the kept items beyond six as one more item', () => {
    const many = message('keptNotSimulated', { items: [message('keptPolicy', { name: 'a' }), message('keptMore', { count: 4 })] });
    expect(messageText(many)).toBe('Kept unchanged for the export, not simulated: policy "a"; and 4 more.');
  });
});


describe('restore problems (files, links, autosave)', () => {
  afterAll(() => i18n.changeLanguage('en'));
  const base = { version: 1, seed: 1, title: 't', nodes: [], edges: [] };
  const failures = () =>
    [
      restoreScenario([1, 2]),
      restoreScenario({ ...base, version: 99 }),
      restoreScenario({ ...base, nodes: 'x' }),
      restoreScenarioText('{"version": 1,'),
    ].map((r) => (r.ok ? null : r));

  it('keep their English for scripts and tests', () => {
    const [notObject, newer, badNodes] = failures();
    expect(notObject?.error).toBe('A scenario must be a JSON object with a version, nodes and edges.');
    expect(newer?.error).toBe('This scenario was made by a newer Warren (format version 99; this one reads up to 1).');
    expect(badNodes?.error).toMatch(/^Invalid scenario at nodes: expected array, received string/);
  });

  it('say them in Chinese, details kept and no English words of ours left', async () => {
    await ensureLanguage('zh');
    await i18n.changeLanguage('zh');
    const said = failures().map((f) => (f ? sayMessage(f.message) : ''));
    expect(said[0]).toBe('场景必须是一个 JSON 对象，包含 version、nodes 和 edges。');
    expect(said[1]).toBe('这个场景由更新版本的 Warren 制作（格式版本 99；当前版本最高只能读取 1）。');
    expect(said[2]).toMatch(/^场景在 nodes 处无效：应为 array，实际是 string/);
    expect(said[3]).toMatch(/^场景不是有效的 JSON：/);
    for (const text of said.slice(0, 3)) expect(text).not.toMatch(/\b(scenario|Invalid|expected|received|must)\b/);
  });
});
