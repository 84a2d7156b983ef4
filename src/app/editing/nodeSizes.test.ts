import { describe, expect, it } from 'vitest';
import en from '../locales/en/editor.json';
import zh from '../locales/zh/editor.json';
import enSim from '../locales/en/simulation.json';
import zhSim from '../locales/zh/simulation.json';
import { PRESETS } from '../../scenario/presets';
import { COUNT_WORDS, countLines, lineCount, nodeSizeIn, SMALL_PX, SUBLABEL_WORDS, textWidth } from './nodeSizes';
import { formatCount } from '../canvas/nodes/live';

const fill = (s: string) => s.replace('{{rate}}', '99');

describe('nodeSize', () => {
  it('reserves sublabel words at least as wide as their English and Chinese texts', () => {
    const reserved = (key: keyof typeof SUBLABEL_WORDS) => fill(SUBLABEL_WORDS[key]);
    const pairs = {
      unconnected: [en.node.unconnected, zh.node.unconnected],
      manualAck: [en.node.manualAck, zh.node.manualAck, en.node.autoAck, zh.node.autoAck],
      manualSends: [en.node.manual, zh.node.manual],
      rate: [en.node.rate, zh.node.rate],
    } as const;
    for (const [key, texts] of Object.entries(pairs))
      for (const text of texts) expect(textWidth(reserved(key as keyof typeof pairs), SMALL_PX), `${key}: ${text}`).toBeGreaterThanOrEqual(textWidth(fill(text), SMALL_PX));
  });

  // Regression: topics' producer showed "quic…" for its routing key.
  it("makes a producer a line taller to show its exchange and routing key whole (topics' quick.orange.rabbit)", () => {
    const doc = PRESETS.find((p) => p.id === 'topics')!.doc;
    const producer = doc.nodes.find((n) => n.kind === 'producer')!;
    const { width, height } = nodeSizeIn(doc, producer);
    // 86 px of chrome; "→ topic_logs ·" over the key, "quick.orange.rabbit (+7)" in 13 px monospace (0.6 em a character).
    const lines = Math.ceil(('quick.orange.rabbit (+7)'.length * 0.6 * SMALL_PX) / (width - 86)) + 1;
    expect(height).toBeGreaterThanOrEqual(68 + (lines - 1) * 18);
  });

  it('grows a producer with a very long routing key by lines instead of past the widest box', () => {
    const doc = PRESETS.find((p) => p.id === 'topics')!.doc;
    const producer = doc.nodes.find((n) => n.kind === 'producer')!;
    if (producer.kind !== 'producer') throw new Error('no producer');
    const long = { ...producer, config: { ...producer.config, routingKey: { mode: 'fixed' as const, key: 'a.'.repeat(60) } } };
    const size = nodeSizeIn(doc, long);
    expect(size.width).toBeLessThanOrEqual(420);
    expect(size.height).toBeGreaterThan(nodeSizeIn(doc, producer).height);
  });
});

describe('live counts on a card', () => {
  const count = (text: string) => text.replace(/\{\{(count|unacked|n)\}\}/, '8888').replace('{{prefetch}}', '10');

  it('reserves count words at least as wide as their English and Chinese texts', () => {
    const pairs: Record<keyof typeof COUNT_WORDS, [string, string[]]> = {
      ready: ['8888 {w}', [en.node.ready, zh.node.ready].map((w) => `8888 ${w}`)],
      unacked: ['8888/10 {w}', [en.node.unacked, zh.node.unacked].map((w) => `8888/10 ${w}`).concat([enSim.node.unackedOf, zhSim.node.unackedOf].map(count))],
      sent: ['8888 {w}', [en.node.published, zh.node.published].map(count)],
      acked: ['8888 {w}', [enSim.node.acked, zhSim.node.acked].map(count)],
      in: ['8888 {w}', [enSim.node.in, zhSim.node.in].map(count)],
      out: ['8888 {w}', [enSim.node.out, zhSim.node.out].map(count)],
    };
    for (const [key, [reserved, texts]] of Object.entries(pairs)) {
      const room = textWidth(reserved.replace('{w}', COUNT_WORDS[key as keyof typeof COUNT_WORDS]), SMALL_PX);
      for (const text of texts) expect(room, `${key}: ${text}`).toBeGreaterThanOrEqual(textWidth(text, SMALL_PX));
    }
  });

  it('draws any count in at most four characters', () => {
    for (const n of [0, 7, 9999, 10_000, 12_345, 999_999, 1_000_000, 1_234_567, 9_999_999, 10_000_000, 999_999_999]) expect(formatCount(n).length, String(n)).toBeLessThanOrEqual(4);
    expect([formatCount(9999), formatCount(12_345), formatCount(1_234_567)]).toEqual(['9999', '12k', '1.2M']);
  });

  it('wraps whole pieces onto as few lines as fit', () => {
    expect(lineCount([50, 50], 104, 4)).toBe(1);
    expect(lineCount([50, 50], 103, 4)).toBe(2);
    expect(lineCount([120, 10, 10], 100, 8)).toBe(2);
    expect(lineCount([], 100, 8)).toBe(1);
  });

  // Regression: publisher-confirms' orders queue (x-max-length 5) drew "2 1 /" for "2 ready 1 unacked / 5": its depth row wrapped onto a line the box had no room for.
  it('makes every preset card tall enough for its counts at their largest', () => {
    const lineRoom: Record<string, number> = { queue: 1, producer: 1, consumer: 1, exchange: 2 };
    for (const { id, doc } of PRESETS)
      for (const node of doc.nodes) {
        if (node.kind === 'note') continue;
        const { width, height } = nodeSizeIn(doc, node);
        const base = { producer: 72, exchange: 88, queue: 96, consumer: 80 }[node.kind];
        expect(height - base, `${id}/${node.config.name}`).toBeGreaterThanOrEqual(Math.max(0, countLines(node, width) - lineRoom[node.kind]) * 18);
      }
  });
});
