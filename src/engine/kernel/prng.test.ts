import { describe, expect, it } from 'vitest';
import { Prng } from './prng';

describe('Prng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 100 }, () => a.nextUint32());
    const sb = Array.from({ length: 100 }, () => b.nextUint32());
    const sc = Array.from({ length: 100 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('resumes exactly from a saved state', () => {
    const a = new Prng('seed');
    for (let i = 0; i < 10; i++) a.next();
    const saved = a.getState();
    const ahead = Array.from({ length: 20 }, () => a.next());
    const b = new Prng(1);
    b.setState(JSON.parse(JSON.stringify(saved)));
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(ahead);
  });

  it('draws floats in [0,1), inclusive integer ranges and url-safe names', () => {
    const r = new Prng(3);
    let lo = 1;
    let hi = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) {
      const x = r.next();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      seen.add(r.int(1, 6));
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.base64url(22)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(() => r.setState([1, 2] as never)).toThrow(TypeError);
  });
});
