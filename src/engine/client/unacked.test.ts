import { describe, expect, it } from 'vitest';
import type { QEntry } from '../queues/consumer';
import { UnackedList } from './unacked';

// A channel's unacked deliveries on their own: no Channel, Queue or Broker.

const entry = (name: string) => ({ name }) as unknown as QEntry;
const names = (es: QEntry[]) => es.map((e) => (e as unknown as { name: string }).name);

function filled(n: number): UnackedList {
  const u = new UnackedList();
  for (let t = 1; t <= n; t++) u.add(t, entry(`m${t}`));
  return u;
}

describe('UnackedList (a channel piece)', () => {
  it('acks in order take the head; a settled tag is unknown afterwards (406 in the channel)', () => {
    const u = filled(3);
    expect(names([u.takeAt(u.find(1))])).toEqual(['m1']);
    expect(u.find(1)).toBe(-1);
    expect(u.size).toBe(2);
  });

  it('an out-of-order ack leaves a hole that multiple acks skip, in tag order', () => {
    const u = filled(5);
    u.takeAt(u.find(3));
    expect(u.find(3)).toBe(-1);
    expect(names(u.takeUpTo(u.find(4)))).toEqual(['m1', 'm2', 'm4']);
    expect(names(u.list())).toEqual(['m5']);
    expect(names(u.takeAll())).toEqual(['m5']);
    expect(u.size).toBe(0);
    expect(u.takeAll()).toEqual([]);
  });

  it('unknown tags are not found', () => {
    const u = filled(2);
    expect(u.find(0)).toBe(-1);
    expect(u.find(9)).toBe(-1);
  });
});
