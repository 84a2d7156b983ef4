import { describe, expect, it } from 'vitest';
import { COPY, copyGraph, NotCopyable, relocatable, shareable } from './copy';

class Counter {
  n = 0;
  readonly seen = new Set<number>();
  bump(by: number, extra = 0): number {
    this.n += by + extra;
    this.seen.add(this.n);
    return this.n;
  }
}

describe('copyGraph', () => {
  it('copies class instances with their prototypes, shared references once, cycles, maps, sets and typed arrays', () => {
    const a = new Counter();
    const root = { a, again: a, list: [a, { back: null as unknown }], map: new Map([[1, a]]), bytes: new Uint8Array([1, 2]) };
    root.list[1] = { back: root };
    const { value: c, objects } = copyGraph(root);
    expect(c.a).toBeInstanceOf(Counter);
    expect(c.a).not.toBe(a);
    expect(c.again).toBe(c.a);
    expect(c.map.get(1)).toBe(c.a);
    expect((c.list[1] as { back: unknown }).back).toBe(c);
    c.a.bump(5);
    c.bytes[0] = 9;
    expect([a.n, a.seen.size, root.bytes[0]]).toEqual([0, 0, 1]);
    expect(objects).toBeGreaterThan(5);
  });

  it('re-aims relocatable functions at the copied target, with copied bound arguments', () => {
    const a = new Counter();
    const root = { a, tick: relocatable(a, a.bump, 2) };
    root.tick(1);
    const { value: c } = copyGraph(root);
    expect(c.tick(10)).toBe(15);
    expect([a.n, c.a.n]).toEqual([3, 15]);
  });

  it('says why when the graph holds a closure or a promise, and shares what is shareable, frozen or shared', () => {
    expect(() => copyGraph({ f: () => 1 })).toThrow(NotCopyable);
    expect(() => copyGraph({ p: Promise.resolve(1) })).toThrow(/promise/);
    const wall = shareable(() => 42);
    const frozen = Object.freeze({ x: 1 });
    const doc = { nodes: [{ id: 'n' }] };
    const { value: c } = copyGraph({ wall, frozen, doc, node: doc.nodes[0] }, { shared: [doc] });
    expect(c.wall).toBe(wall);
    expect(c.frozen).toBe(frozen);
    expect(c.doc).toBe(doc);
    expect(c.node).toBe(doc.nodes[0]);
  });

  it('lets an object copy itself its own way', () => {
    class Ring {
      kept = [1, 2, 3];
      [COPY](): Ring {
        const r = new Ring();
        r.kept = [];
        return r;
      }
    }
    const ring = new Ring();
    const { value: c } = copyGraph({ ring, same: ring });
    expect(c.ring.kept).toEqual([]);
    expect(c.same).toBe(c.ring);
  });

  it('refuses a method that is not the target\'s own', () => {
    const a = new Counter();
    expect(() => relocatable(a, function other() {})).toThrow(/not a method/);
  });
});
