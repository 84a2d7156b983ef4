import { beforeEach, describe, expect, it } from 'vitest';
import { beginGesture, dispatch, documentStore, endGesture, getDoc, loadDocument, redo, undo } from './document';
import { createNode, emptyScenario } from '../scenario/factory';

beforeEach(() => loadDocument(emptyScenario()));

describe('document store', () => {
  it('undoes and redoes an added node', () => {
    const node = createNode(getDoc(), 'queue', { x: 0, y: 0 });
    dispatch({ type: 'add-nodes', nodes: [node] });
    expect(getDoc().nodes.map((n) => n.id)).toEqual([node.id]);
    undo();
    expect(getDoc().nodes).toEqual([]);
    redo();
    expect(getDoc().nodes.map((n) => n.id)).toEqual([node.id]);
  });

  it('records a drag gesture as a single undo step back to the start position', () => {
    const node = createNode(getDoc(), 'queue', { x: 0, y: 0 });
    dispatch({ type: 'add-nodes', nodes: [node] });
    beginGesture();
    for (let x = 10; x <= 100; x += 10) dispatch({ type: 'move-nodes', moves: [{ id: node.id, x, y: 5 }] });
    endGesture();
    expect(getDoc().nodes[0].position).toEqual({ x: 100, y: 5 });
    undo();
    expect(getDoc().nodes[0].position).toEqual({ x: 0, y: 0 });
    undo();
    expect(getDoc().nodes).toEqual([]);
  });

  it('adds no history entry for a gesture that changed nothing', () => {
    dispatch({ type: 'add-nodes', nodes: [createNode(getDoc(), 'queue', { x: 0, y: 0 })] });
    const before = documentStore.temporal.getState().pastStates.length;
    beginGesture();
    endGesture();
    expect(documentStore.temporal.getState().pastStates.length).toBe(before);
  });

  it('removing a node removes its edges too', () => {
    const q = createNode(getDoc(), 'queue', { x: 0, y: 0 });
    dispatch({ type: 'add-nodes', nodes: [q] });
    const c = createNode(getDoc(), 'consumer', { x: 0, y: 0 });
    dispatch({ type: 'add-nodes', nodes: [c] });
    dispatch({ type: 'add-edge', edge: { id: 'e1', kind: 'consume', source: q.id, target: c.id } });
    dispatch({ type: 'remove', nodeIds: [q.id], edgeIds: [] });
    expect(getDoc().edges).toEqual([]);
    expect(getDoc().nodes.map((n) => n.kind)).toEqual(['consumer']);
  });
});
