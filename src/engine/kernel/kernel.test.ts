import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel';

describe('Kernel', () => {
  it('runs timers in (time, sequence) order and client code deferred to the same instant after what is due', async () => {
    const k = new Kernel({ seed: 1 });
    const seen: string[] = [];
    k.setTimer(10, () => {
      seen.push(`a@${k.now()}`);
      k.defer(() => seen.push(`deferred@${k.now()}`));
    });
    k.setTimer(10, () => seen.push(`b@${k.now()}`));
    k.setTimer(5, () => seen.push(`c@${k.now()}`));
    await k.advance(20);
    expect(seen).toEqual(['c@5', 'a@10', 'b@10', 'deferred@10']);
    expect(k.now()).toBe(20);
  });

  it('what client code throws is kept and thrown by the next advance, once', async () => {
    const k = new Kernel();
    k.setTimer(1, () => {
      throw new Error('boom');
    });
    await expect(k.advance(5)).rejects.toThrow('boom');
    await expect(k.advance(5)).resolves.toBeUndefined();
  });

  it('the same seed gives the same draws; the trace stamps virtual time', async () => {
    const a = new Kernel({ seed: 7 });
    const b = new Kernel({ seed: 7 });
    expect([a.prng.next(), a.prng.next()]).toEqual([b.prng.next(), b.prng.next()]);
    await a.advance(3);
    a.trace.emit({ type: 'unroutable', id: 1, vhost: '/', exchange: 'x' });
    expect(a.trace.events()[0].t).toBe(3);
  });
});
