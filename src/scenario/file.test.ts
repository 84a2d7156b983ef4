import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFileSize, exportScenarioJson, importScenarioFile, scenarioFileName } from './file';
import { exportDefinitionsJson } from './definitions';
import { PRESETS } from './presets';
import { arbitraryScenario } from './testing/arbitrary';
import { decodeShareHash } from './url';
import LZString from 'lz-string';
import { messageText } from './messages';

const error = async (text: string) => {
  const r = await importScenarioFile(text);
  if (r.ok) throw new Error('accepted');
  return messageText(r.error);
};
const base = PRESETS[0].doc;

describe('scenario files', () => {
  it('round-trips every preset and random documents', async () => {
    for (const p of PRESETS) expect(await importScenarioFile(exportScenarioJson(p.doc))).toEqual({ ok: true, doc: p.doc, warnings: [] });
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, async (doc) => {
        expect(await importScenarioFile(exportScenarioJson(doc))).toEqual({ ok: true, doc, warnings: [] });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('writes pretty JSON with the version first', () => {
    const text = exportScenarioJson(base);
    expect(text.startsWith('{\n  "version": 1,')).toBe(true);
  });

  it('names files after the title', () => {
    expect(scenarioFileName({ ...base, title: 'Retry / DLX <demo>' })).toBe('Retry-DLX-demo.warren.json');
    expect(scenarioFileName({ ...base, title: '主题模式' })).toBe('主题模式.warren.json');
    expect(scenarioFileName({ ...base, title: '../..' })).toBe('..-...warren.json');
  });

  it('opens a definitions.json file as a scenario', async () => {
    const r = await importScenarioFile(await exportDefinitionsJson(PRESETS[5].doc));
    expect(r.ok && r.doc.nodes.filter((n) => n.kind === 'queue').length).toBe(2);
  });
});

describe('hostile files name the problem', () => {
  it('a 50 MB file is refused by its size before reading', () => {
    expect(messageText(checkFileSize(50_000_000)!)).toBe('The file is too large (50.0 MB; the limit is 5.0 MB).');
    expect(checkFileSize(1000)).toBeNull();
  });
  it('a 50 MB text is refused by its size before parsing', async () => {
    expect(await error('{' + ' '.repeat(50_000_000))).toMatch(/too large \(50\.0 MB/);
  });
  it('truncated', async () => expect(await error(exportScenarioJson(base).slice(0, 200))).toMatch(/not valid JSON/));
  it('garbled', async () => expect(await error('\u0000\u00ff garbage')).toMatch(/not valid JSON/));
  it('empty', async () => expect(await error('  \n')).toBe('The file is empty.'));
  it('unknown version', async () => expect(await error(JSON.stringify({ ...base, version: 7 }))).toMatch(/format version 7/));
  it('no version', async () => expect(await error(JSON.stringify({ nodes: [], edges: [] }))).toMatch(/no valid "version"/));
  it('100,000 nodes', async () => {
    // Written as tersely as a node can be, so the count (not the file size) is what is refused.
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ id: `${i}`, kind: 'note' }));
    const text = JSON.stringify({ version: 1, nodes, edges: [] });
    expect(text.length).toBeLessThan(5_000_000);
    expect(await error(text)).toBe('A scenario has at most 500 nodes; this one has 100,000.');
    const few = JSON.stringify({ version: 1, nodes: nodes.slice(0, 600), edges: [] });
    const link = decodeShareHash('#s=' + LZString.compressToEncodedURIComponent(few));
    expect(link.ok || link.error).toMatch(/at most 500 nodes; this one has 600\./);
  });
  it('a wrong field names where it is', async () => {
    const doc = JSON.parse(exportScenarioJson(base));
    doc.nodes[0].config.rate = -1;
    expect(await error(JSON.stringify(doc))).toMatch(/at nodes\[0\]\.config\.rate: Too small|at nodes\[0\]\.config\.rate/);
  });
  it('__proto__ keys are ignored and pollute nothing', async () => {
    const text = exportScenarioJson(base)
      .replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')
      .replace('"headers": {}', '"headers": {"__proto__": {"polluted": true}}');
    const r = await importScenarioFile(text);
    expect(r).toEqual({ ok: true, doc: base, warnings: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
  it('HTML in names stays plain text, exactly as written', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const doc = { ...base, title: evil, nodes: base.nodes.map((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, name: evil } } : n)) };
    const r = await importScenarioFile(exportScenarioJson(doc));
    expect(r.ok && r.doc).toStrictEqual(doc);
  });
  it('a huge string field is refused', async () => {
    const doc = JSON.parse(exportScenarioJson(base));
    doc.description = 'x'.repeat(20_000);
    expect(await error(JSON.stringify(doc))).toMatch(/description/);
  });
});
