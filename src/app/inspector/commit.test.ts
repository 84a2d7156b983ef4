import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, documentStore, getDoc, loadDocument, undo } from '../../store/document';
import { createNode, emptyScenario } from '../../scenario/factory';
import type { NodeOf } from '../../scenario/schema';
import { commitBinding, commitMeta, commitNode, renameExchange } from './commit';

const pastSteps = () => documentStore.temporal.getState().pastStates.length;
const queueArgs = (id: string) => (getDoc().nodes.find((n) => n.id === id) as NodeOf<'queue'>).config.arguments;

let q: string;
let x: string;

beforeEach(() => {
  loadDocument(emptyScenario());
  const exchange = createNode(getDoc(), 'exchange', { x: 0, y: 0 });
  dispatch({ type: 'add-nodes', nodes: [exchange] });
  const queue = createNode(getDoc(), 'queue', { x: 0, y: 0 });
  dispatch({ type: 'add-nodes', nodes: [queue], edges: [{ id: 'b1', kind: 'binding', source: exchange.id, target: queue.id, bindingKey: 'k', arguments: {} }] });
  q = queue.id;
  x = exchange.id;
});

describe('commitNode', () => {
  it('refuses a value the schema refuses and leaves the document alone', () => {
    const before = getDoc();
    expect(commitNode(q, 'queue', { arguments: { 'x-message-ttl': -5 } })).toMatch(/0 or more/);
    expect(commitNode(q, 'queue', { arguments: { 'x-max-priority': 300 } })).toBe('Max priority is between 1 and 255');
    expect(commitNode(q, 'queue', { name: '' })).toBe('A name is required');
    expect(getDoc()).toBe(before);
  });

  it('applies a valid value as one undo step', () => {
    const steps = pastSteps();
    expect(commitNode(q, 'queue', { arguments: { 'x-message-ttl': 60000 } })).toBeNull();
    expect(queueArgs(q)).toEqual({ 'x-message-ttl': 60000 });
    expect(pastSteps()).toBe(steps + 1);
    undo();
    expect(queueArgs(q)).toEqual({});
  });

  it('records nothing when the value does not change', () => {
    const before = getDoc();
    expect(commitNode(q, 'queue', { durable: true })).toBeNull();
    expect(getDoc()).toBe(before);
  });
});

describe('commitBinding and commitMeta', () => {
  it('update a binding key and refuse a non-table argument value', () => {
    expect(commitBinding('b1', { bindingKey: 'a.*' })).toBeNull();
    expect(getDoc().edges[0]).toMatchObject({ bindingKey: 'a.*' });
    expect(commitBinding('b1', { arguments: { n: Number.NaN } })).not.toBeNull();
  });

  it('check settings against the schema', () => {
    expect(commitMeta({ settings: { ...getDoc().settings, speed: 500 } })).not.toBeNull();
    expect(commitMeta({ settings: { ...getDoc().settings, speed: 2 } })).toBeNull();
    expect(getDoc().settings.speed).toBe(2);
  });
});

describe('renameExchange', () => {
  it('renames references to the exchange in the same undo step, and keeps edges', () => {
    const old = (getDoc().nodes.find((n) => n.id === x) as NodeOf<'exchange'>).config.name;
    commitNode(q, 'queue', { arguments: { 'x-dead-letter-exchange': old } });
    const steps = pastSteps();
    expect(renameExchange(x, 'retry')).toBeNull();
    expect(queueArgs(q)['x-dead-letter-exchange']).toBe('retry');
    expect(getDoc().edges[0]).toMatchObject({ source: x, target: q });
    expect(pastSteps()).toBe(steps + 1);
    undo();
    expect(queueArgs(q)['x-dead-letter-exchange']).toBe(old);
  });
});
