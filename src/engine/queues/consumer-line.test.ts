import { describe, expect, it } from 'vitest';
import { Counters } from '../kernel/stats';
import { Consumer, type EntryQueue, type QueueChannel } from './consumer';
import { ConsumerLine } from './consumer-line';

// The consumer line alone: consumers on a fake channel port whose credit the test sets.

function consumers(...priorities: number[]) {
  const credit = new Map<string, boolean>();
  const mk = (tag: string, priority: number) => {
    const channel: QueueChannel = { id: 1, hasGlobalCredit: () => credit.get(tag) ?? true, deliver: () => {}, serverCancel: () => {} };
    return new Consumer(tag, channel, {} as EntryQueue, () => {}, false, false, priority, 0, new Counters());
  };
  return { credit, list: priorities.map((p, i) => mk(`c${i}`, p)) };
}

describe('ConsumerLine', () => {
  it('serves the highest priority first, round-robin within a priority', () => {
    const { list } = consumers(0, 5, 0, 5);
    const line = new ConsumerLine();
    for (const c of list) line.add(c);
    expect(line.list.map((c) => c.tag)).toEqual(['c1', 'c3', 'c0', 'c2']);
    const picks = [1, 2, 3, 4].map(() => line.pick(false)!.tag);
    expect(picks).toEqual(['c1', 'c3', 'c1', 'c3']);
  });

  it('passes over a consumer without credit (marking it blocked) and takes it back at the end of its priority', () => {
    const { credit, list } = consumers(0, 0, 0);
    const line = new ConsumerLine();
    for (const c of list) line.add(c);
    credit.set('c0', false);
    expect(line.pick(false)!.tag).toBe('c1');
    expect(list[0].blocked).toBe(true);
    credit.set('c0', true);
    line.unblocked(list[0], false);
    expect(list[0].blocked).toBe(false);
    expect(line.list.map((c) => c.tag)).toEqual(['c2', 'c1', 'c0']);
  });

  it('single-active-consumer: only the first registered takes deliveries, the next after it is removed', () => {
    const { credit, list } = consumers(0, 9);
    const line = new ConsumerLine();
    for (const c of list) line.add(c);
    expect(line.pick(true)!.tag).toBe('c0');
    credit.set('c0', false);
    expect(line.pick(true)).toBeNull();
    expect(line.remove(list[0])).toBe(true);
    expect(line.remove(list[0])).toBe(false);
    expect(line.pick(true)!.tag).toBe('c1');
  });
});
