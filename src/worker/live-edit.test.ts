import { describe, expect, it } from 'vitest';
import { presetById } from '../scenario/presets';
import type { ScenarioDocument, ScenarioNode } from '../scenario/schema';
import { isLiveEdit } from './live-edit';

const doc = presetById('fair-dispatch')!.doc;

function edit(change: (n: ScenarioNode) => ScenarioNode): ScenarioDocument {
  return { ...doc, nodes: doc.nodes.map(change) };
}

describe('isLiveEdit', () => {
  it('is a live edit: a consumer\'s prefetch, processing or failure, a producer\'s rate, key or body', () => {
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'consumer' ? { ...n, config: { ...n.config, prefetch: n.config.prefetch + 1 } } : n)))).toBe(true);
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'consumer' ? { ...n, config: { ...n.config, processing: { dist: 'fixed', ms: 7 } } } : n)))).toBe(true);
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'producer' ? { ...n, config: { ...n.config, rate: n.config.rate + 1, body: 'x' } } : n)))).toBe(true);
  });

  it('is not: no change, a name, an ack mode, a queue argument, an edge, the seed or a node added', () => {
    expect(isLiveEdit(doc, { ...doc })).toBe(false);
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'consumer' ? { ...n, config: { ...n.config, name: `${n.config.name}!` } } : n)))).toBe(false);
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'consumer' ? { ...n, config: { ...n.config, ackMode: 'auto' } } : n)))).toBe(false);
    expect(isLiveEdit(doc, edit((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, arguments: { 'x-max-length': 3 } } } : n)))).toBe(false);
    expect(isLiveEdit(doc, { ...doc, edges: doc.edges.slice(1) })).toBe(false);
    expect(isLiveEdit(doc, { ...doc, seed: doc.seed + 1 })).toBe(false);
    expect(isLiveEdit(doc, { ...doc, nodes: [...doc.nodes, { ...doc.nodes.find((n) => n.kind === 'queue')!, id: 'q-new' }] })).toBe(false);
  });
});
