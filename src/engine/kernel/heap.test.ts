import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap';
import { Clock } from './clock';
import { Prng } from './prng';

describe('EventHeap', () => {
  it('pops in (time, seq) order, ties in insertion order', () => {
    const h = new EventHeap<{ t: number; seq: number; v: string }>();
    const items = [
      { t: 5, seq: 0, v: 'a' }, { t: 1, seq: 1, v: 'b' }, { t: 5, seq: 2, v: 'c' }, { t: 0, seq: 3, v: 'd' }, { t: 1, seq: 4, v: 'e' },
    ];
    for (const i of items) h.push(i);
    const out: string[] = [];
    for (let x = h.pop(); x; x = h.pop()) out.push(x.v);
    expect(out).toEqual(['d', 'b', 'e', 'a', 'c']);
  });

  it('sorts random input like a stable sort does', () => {
    const rng = new Prng(7);
    const h = new EventHeap<{ t: number; seq: number }>();
    const all = Array.from({ length: 2000 }, (_, seq) => ({ t: rng.int(0, 50), seq }));
    for (const i of all) h.push(i);
    const popped = Array.from({ length: all.length }, () => h.pop()!);
    const sorted = [...all].sort((a, b) => a.t - b.t || a.seq - b.seq);
    expect(popped).toEqual(sorted);
    expect(h.size).toBe(0);
  });
});

describe('Clock', () => {
  it('runs due events in order, including ones scheduled for the same instant while running', () => {
    const c = new Clock();
    const log: string[] = [];
    const target = {
      onTimer(kind: number, arg: unknown) {
        log.push(`${c.now}:${String(arg)}`);
        if (arg === 'a') c.schedule(0, target, kind, 'a-child');
      },
    };
    c.schedule(10, target, 0, 'b');
    c.schedule(0, target, 0, 'a');
    const cancelled = c.schedule(5, target, 0, 'cancelled');
    c.cancel(cancelled);
    expect(c.runDue()).toBe(2);
    expect(log).toEqual(['0:a', '0:a-child']);
    expect(c.nextTime()).toBe(10);
    c.advanceTo(10);
    c.runDue();
    expect(log).toEqual(['0:a', '0:a-child', '10:b']);
    expect(c.nextTime()).toBe(Infinity);
  });

  it('reports a livelock instead of spinning forever', () => {
    const c = new Clock();
    const target = { onTimer: () => void c.schedule(0, target, 0) };
    c.schedule(0, target, 0);
    expect(() => c.runDue(1000)).toThrow(/livelock/);
  });
});
