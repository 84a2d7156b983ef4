import { describe, expect, it } from 'vitest';
import { presetById } from '../../scenario/presets';
import { applyChange, changesOf, invalidValue } from './changes';
import { rowsOf } from './metrics';

const doc = () => structuredClone(presetById('ttl-dlx')!.doc);

describe('compare changes', () => {
  it('offers each consumer’s prefetch, each queue’s TTL and max length, each producer’s rate, and the seed', () => {
    const d = doc();
    const kinds = changesOf(d).map((c) => `${c.kind}:${c.node}`);
    expect(kinds).toContain('prefetch:worker');
    expect(kinds).toContain('ttl:work.retry-3s');
    expect(kinds).toContain('maxLength:work');
    expect(kinds).toContain('rate:jobs');
    expect(kinds.at(-1)).toBe('seed:');
    const ttl = changesOf(d).find((c) => c.key.startsWith('ttl:') && c.node === 'work.retry-3s')!;
    expect(ttl.current).toBe(3000);
    expect(ttl.suggested).toBe(1500);
  });

  it('makes run B’s document with the change and leaves the open one as it was', () => {
    const d = doc();
    const before = JSON.stringify(d);
    const ttl = changesOf(d).find((c) => c.key.startsWith('ttl:') && c.node === 'work.retry-3s')!;
    const b = applyChange(d, ttl, 500);
    expect(JSON.stringify(d)).toBe(before);
    const q = b.nodes.find((n) => n.kind === 'queue' && n.config.name === 'work.retry-3s');
    expect(q?.kind === 'queue' && q.config.arguments['x-message-ttl']).toBe(500);
    expect(applyChange(d, changesOf(d).at(-1)!, 42).seed).toBe(42);
  });

  it('says what is wrong with a value', () => {
    const [prefetch] = changesOf(doc()).filter((c) => c.kind === 'prefetch');
    expect(invalidValue(prefetch, 1.5)).toBe('integer');
    expect(invalidValue(prefetch, -1)).toBe('range');
    expect(invalidValue(prefetch, Number.NaN)).toBe('number');
    expect(invalidValue(prefetch, 10)).toBeNull();
    const rate = changesOf(doc()).find((c) => c.kind === 'rate')!;
    expect(invalidValue(rate, 0.5)).toBeNull();
  });
});

describe('compare rows', () => {
  it('leaves out what never moved and puts what ended differently first, the largest gap first', () => {
    const d = doc();
    const q = d.nodes.find((n) => n.kind === 'queue')!.id;
    const c = d.nodes.find((n) => n.kind === 'consumer')!.id;
    const rows = rowsOf(d, {
      t: [0, 1000],
      runs: [
        [{ [q]: { ready: 0, delivered: 0 }, [c]: { delivered: 0 } }, { [q]: { ready: 2, delivered: 10 }, [c]: { delivered: 10, acked: 10 } }],
        [{ [q]: { ready: 0, delivered: 0 }, [c]: { delivered: 0 } }, { [q]: { ready: 1, delivered: 10 }, [c]: { delivered: 2, acked: 10 } }],
      ],
    });
    expect(rows.map((r) => `${r.nodeId === q ? 'queue' : 'consumer'}.${r.metric}`)).toEqual(['consumer.delivered', 'queue.depth', 'queue.delivered', 'consumer.acked']);
    expect(rows[1].a).toEqual([0, 2]);
  });
});
