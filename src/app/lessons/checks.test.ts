import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine';
import { counterField, counterValue, routingFromLog, sameSet } from './checks';

const map = { exchanges: {}, queues: { '//Q1': 'q1', '//Q2': 'q2' }, channels: { 3: 'p1', 4: 'p2' } };
const pub = (id: number, routingKey: string, channel = 3) =>
  ({ type: 'published', id, vhost: '/', exchange: 'x', routingKey, channel, size: 1, mandatory: false, t: id, seq: id * 10 }) as TraceEvent;
const routed = (id: number, queues: string[]) => ({ type: 'routed', id, vhost: '/', exchange: 'x', bindings: [], queues, t: id, seq: id * 10 + 1 }) as TraceEvent;

describe('routingFromLog', () => {
  it('maps the queues the first matching publish reached to node ids', () => {
    const log = [pub(1, 'a'), routed(1, ['Q1']), pub(2, 'lazy.pink.rabbit'), routed(2, ['Q2', 'amq.gen-1'])];
    expect(routingFromLog(log, map, { kind: 'select-queues', routingKey: 'lazy.pink.rabbit', answer: [] })).toEqual({ messageId: 2, queues: ['q2'], unknown: ['amq.gen-1'], t: 2 });
  });
  it('an unroutable message reached no queue; other producers and dead-lettered copies are ignored', () => {
    const dl = { ...pub(5, 'k'), parentId: 1 } as TraceEvent;
    const log = [pub(1, 'k', 4), routed(1, ['Q1']), dl, routed(5, ['Q1']), pub(6, 'k'), { type: 'unroutable', id: 6, vhost: '/', exchange: 'x', t: 6, seq: 61 } as TraceEvent];
    expect(routingFromLog(log, map, { kind: 'select-queues', routingKey: 'k', producer: 'p1', answer: [] })?.queues).toEqual([]);
  });
  it('null until the routing is in the log', () => {
    expect(routingFromLog([pub(1, 'k')], map, { kind: 'select-queues', routingKey: 'k', answer: [] })).toBeNull();
  });
});

describe('counters', () => {
  it('maps lesson counter names to frame fields, refusing unknown and prototype names', () => {
    expect(counterField('dead-lettered')).toBe('deadLettered');
    expect(counterField('ready')).toBe('ready');
    expect(counterField('__proto__')).toBeUndefined();
    expect(counterValue({ kind: 'counter', node: 'q1', counter: 'dead-lettered', atLeast: 2 }, { q1: { deadLettered: 3 } })).toBe(3);
    expect(counterValue({ kind: 'counter', node: 'q9', counter: 'ready', atLeast: 2 }, {})).toBe(0);
  });
  it('sameSet ignores order', () => {
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
  });
});
