import { describe, expect, it } from 'vitest';
import en from '../locales/en/editor.json';
import zh from '../locales/zh/editor.json';
import { PRESETS } from '../../scenario/presets';
import { nodeSizeIn, SMALL_PX, SUBLABEL_WORDS, textWidth } from './nodeSizes';

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
