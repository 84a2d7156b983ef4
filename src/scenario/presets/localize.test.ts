import { describe, expect, it } from 'vitest';
import { PRESETS, presetById, presetDocument, relocalized } from '.';

const CJK = /[\u4e00-\u9fff]/;

describe('presetDocument', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: title, description and notes in Chinese, nothing else changed', (_, preset) => {
    const zh = presetDocument(preset, 'zh');
    expect(zh.title).toMatch(CJK);
    expect(zh.description).toMatch(CJK);
    for (const n of zh.nodes) if (n.kind === 'note') expect(n.config.text).toMatch(CJK);
    expect({ ...zh, title: '', description: '', nodes: zh.nodes.map((n) => n.id) }).toEqual({
      ...preset.doc,
      title: '',
      description: '',
      nodes: preset.doc.nodes.map((n) => n.id),
    });
    expect(presetDocument(preset, 'en')).toBe(preset.doc);
  });

  it('puts the note text in by node id (rpc has a note)', () => {
    const rpc = presetById('rpc')!;
    const note = presetDocument(rpc, 'zh').nodes.find((n) => n.kind === 'note');
    expect(note?.kind === 'note' && note.config.text).toContain('amq.rabbitmq.reply-to');
    expect(note?.kind === 'note' && note.config.text).toMatch(CJK);
  });
});

describe('relocalized', () => {
  const rpc = presetById('rpc')!;

  it('swaps an untouched preset into the other language and back', () => {
    const zh = relocalized(rpc.doc, PRESETS, 'zh')!;
    expect(zh).toEqual(presetDocument(rpc, 'zh'));
    expect(relocalized(zh, PRESETS, 'en')).toEqual(rpc.doc);
  });

  it('leaves a document alone once its title is the user’s own, or when it is already in that language', () => {
    expect(relocalized({ ...rpc.doc, title: 'My RPC' }, PRESETS, 'zh')).toBeNull();
    expect(relocalized(rpc.doc, PRESETS, 'en')).toBeNull();
  });
});
