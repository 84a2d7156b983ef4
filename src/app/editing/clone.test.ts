import { describe, expect, it } from 'vitest';
import { createNode, emptyScenario } from '../../scenario/factory';
import { applyChange } from '../../scenario/changes';
import { restoreScenario } from '../../scenario/restore';
import type { ScenarioDocument } from '../../scenario/schema';
import { cloneFragment, extractFragment } from './clone';

function sample(): ScenarioDocument {
  let doc = emptyScenario();
  for (const kind of ['producer', 'exchange', 'queue', 'consumer'] as const) {
    doc = applyChange(doc, { type: 'add-nodes', nodes: [createNode(doc, kind, { x: 0, y: 0 })] });
  }
  const [p, x, q, c] = doc.nodes.map((n) => n.id);
  doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e1', kind: 'publish', source: p, target: x } });
  doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e2', kind: 'binding', source: x, target: q, bindingKey: 'k', arguments: {} } });
  doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e3', kind: 'consume', source: q, target: c } });
  return doc;
}

describe('cloneFragment', () => {
  it('copies nodes with new ids, unique names and the edges between them', () => {
    const doc = sample();
    const xq = doc.nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue').map((n) => n.id);
    const frag = cloneFragment(doc, extractFragment(doc, xq), { x: 40, y: 40 });
    expect(frag.nodes.map((n) => (n.kind === 'note' ? '' : n.config.name))).toEqual(['orders2', 'q2']);
    expect(frag.nodes[0].position).toEqual({ x: 40, y: 40 });
    expect(frag.edges).toHaveLength(1);
    expect(frag.edges[0]).toMatchObject({ kind: 'binding', source: frag.nodes[0].id, target: frag.nodes[1].id, bindingKey: 'k' });
    const merged = applyChange(doc, { type: 'add-nodes', nodes: frag.nodes, edges: frag.edges });
    expect(restoreScenario(merged).ok).toBe(true);
  });

  it('keeps names unique when pasting the same thing twice', () => {
    let doc = sample();
    const frag = extractFragment(doc, doc.nodes.map((n) => n.id));
    for (let i = 0; i < 2; i++) {
      const c = cloneFragment(doc, frag, { x: 40, y: 40 });
      doc = applyChange(doc, { type: 'add-nodes', nodes: c.nodes, edges: c.edges });
    }
    expect(restoreScenario(doc).ok).toBe(true);
    expect(doc.nodes.filter((n) => n.kind === 'queue').map((n) => (n.kind === 'queue' ? n.config.name : ''))).toEqual(['q1', 'q2', 'q3']);
  });
});
