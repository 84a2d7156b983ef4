import { describe, expect, it } from 'vitest';
import { applyChange } from '../../scenario/changes';
import { createNode, emptyScenario } from '../../scenario/factory';
import type { NodeKind, ScenarioDocument } from '../../scenario/schema';
import { autoLayout, DEFAULT_SIZE } from './autoLayout';

function build(kinds: NodeKind[]): ScenarioDocument {
  let doc = emptyScenario();
  for (const kind of kinds) doc = applyChange(doc, { type: 'add-nodes', nodes: [createNode(doc, kind, { x: 500, y: 500 })] });
  return doc;
}

describe('autoLayout', () => {
  it('puts producer, exchange, queue and consumer left to right', () => {
    let doc = build(['consumer', 'queue', 'exchange', 'producer']);
    const id = (k: NodeKind) => doc.nodes.find((n) => n.kind === k)!.id;
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e1', kind: 'publish', source: id('producer'), target: id('exchange') } });
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e2', kind: 'binding', source: id('exchange'), target: id('queue'), bindingKey: '', arguments: {} } });
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e3', kind: 'consume', source: id('queue'), target: id('consumer') } });
    const moves = autoLayout(doc, (_, k) => DEFAULT_SIZE[k]);
    const x = (k: NodeKind) => moves.find((m) => m.id === id(k))!.x;
    expect(x('producer')).toBeLessThan(x('exchange'));
    expect(x('exchange')).toBeLessThan(x('queue'));
    expect(x('queue')).toBeLessThan(x('consumer'));
  });

  it('places unconnected nodes in their kind column and leaves notes alone', () => {
    const doc = build(['consumer', 'producer', 'note']);
    const moves = autoLayout(doc, (_, k) => DEFAULT_SIZE[k]);
    expect(moves).toHaveLength(2);
    const consumer = moves.find((m) => m.id.startsWith('consumer'))!;
    const producer = moves.find((m) => m.id.startsWith('producer'))!;
    expect(producer.x).toBeLessThan(consumer.x);
  });
});
