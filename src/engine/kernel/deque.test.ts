import { describe, expect, it } from 'vitest';
import { Deque } from './deque';
import { Prng } from './prng';

describe('Deque', () => {
  it('behaves like an array under random push/shift/unshift/pop/insert/remove', () => {
    const d = new Deque<number>(2);
    const ref: number[] = [];
    const r = new Prng(11);
    for (let i = 0; i < 2000; i++) {
      const op = r.int(0, 5);
      if (op === 0) { d.push(i); ref.push(i); }
      else if (op === 1) expect(d.shift()).toBe(ref.shift());
      else if (op === 2) { d.unshift(i); ref.unshift(i); }
      else if (op === 3) expect(d.pop()).toBe(ref.pop());
      else if (op === 4) { const at = r.int(0, ref.length); d.insertAt(at, i); ref.splice(at, 0, i); }
      else if (ref.length) { const at = r.int(0, ref.length - 1); expect(d.removeAt(at)).toBe(ref.splice(at, 1)[0]); }
      expect(d.length).toBe(ref.length);
    }
    expect(d.toArray()).toEqual(ref);
    expect(d.peek()).toBe(ref[0]);
    expect(d.peekLast()).toBe(ref[ref.length - 1]);
  });

  it('inserts in order with insertWhere', () => {
    const d = new Deque<number>();
    for (const x of [1, 3, 5, 7]) d.push(x);
    d.insertWhere(4, (x) => x > 4);
    d.insertWhere(0, (x) => x > 0);
    d.insertWhere(9, (x) => x > 9);
    expect(d.toArray()).toEqual([0, 1, 3, 4, 5, 7, 9]);
  });
});
