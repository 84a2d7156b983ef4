import { describe, expect, it } from 'vitest';
import { applyChange } from '../../scenario/changes';
import { createNode, emptyScenario } from '../../scenario/factory';
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';
import { derivedEdges, toFlowNodes, type NodeCache } from './toFlow';

function withNodes(...nodes: ScenarioNode[]): ScenarioDocument {
  return applyChange(emptyScenario(), { type: 'add-nodes', nodes });
}

describe('derived edges', () => {
  it('draws a dead-letter edge to a DLX on the canvas, labelled with the DLK, and none to a missing one', () => {
    const doc0 = emptyScenario();
    const x = { ...createNode(doc0, 'exchange', { x: 0, y: 300 }), id: 'x' } as ScenarioNode;
    const q = createNode(doc0, 'queue', { x: 0, y: 0 });
    const queue = { ...q, id: 'q', config: { ...q.config, arguments: { 'x-dead-letter-exchange': 'orders', 'x-dead-letter-routing-key': 'retry' } } } as ScenarioNode;
    const edges = derivedEdges(withNodes(x, queue));
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ type: 'deadLetter', source: 'q', target: 'x', data: { label: 'retry' }, selectable: false });
    const other = { ...queue, config: { ...queue.config, arguments: { 'x-dead-letter-exchange': 'elsewhere' } } } as ScenarioNode;
    expect(derivedEdges(withNodes(x, other))).toEqual([]);
  });

  it('draws an alternate-exchange edge labelled AE', () => {
    const a = createNode(emptyScenario(), 'exchange', { x: 0, y: 0 });
    const ae = { ...a, id: 'ae', config: { ...a.config, name: 'unrouted' } } as ScenarioNode;
    const main = { ...a, id: 'main', config: { ...a.config, name: 'main', alternateExchange: 'unrouted' } } as ScenarioNode;
    expect(derivedEdges(withNodes(ae, main))).toMatchObject([{ type: 'alternate', source: 'main', target: 'ae', data: { label: 'AE' } }]);
  });
});

describe('flow nodes', () => {
  it('reuses a node object when nothing about it changed, so memoized nodes skip rendering', () => {
    let doc = withNodes(createNode(emptyScenario(), 'queue', { x: 0, y: 0 }));
    doc = applyChange(doc, { type: 'add-nodes', nodes: [createNode(doc, 'queue', { x: 300, y: 0 })] });
    const cache: NodeCache = new Map();
    const first = toFlowNodes(doc, new Set(), new Map(), cache);
    const moved = applyChange(doc, { type: 'move-nodes', moves: [{ id: doc.nodes[1].id, x: 320, y: 0 }] });
    const second = toFlowNodes(moved, new Set(), new Map(), cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].position).toEqual({ x: 320, y: 0 });
  });
});
