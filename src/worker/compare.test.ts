import { describe, expect, it } from 'vitest';
import { compareRuns, sampleInterval } from './compare';
import { nodeIdOf, presetDoc } from './test-helpers';

describe('compareRuns', () => {
  it('samples both runs at the same instants; the same document gives the same numbers', async () => {
    const doc = presetDoc('work-queues');
    const r = await compareRuns({ docs: [doc, structuredClone(doc)], ms: 5000 });
    expect(r.t[0]).toBe(0);
    expect(r.t.at(-1)).toBe(5000);
    expect(r.runs[0]).toHaveLength(r.t.length);
    expect(r.runs[1]).toEqual(r.runs[0]);
  });

  it('fair-dispatch: with prefetch 1 the fast consumer takes most of the work; with prefetch 0 they take turns', async () => {
    const fair = presetDoc('fair-dispatch');
    const unlimited = structuredClone(fair);
    for (const n of unlimited.nodes) if (n.kind === 'consumer') n.config.prefetch = 0;
    const fast = nodeIdOf(fair, 'fast (prefetch 1)');
    const slow = nodeIdOf(fair, 'slow (prefetch 1)');
    const r = await compareRuns({ docs: [fair, unlimited], ms: 20_000 });
    const end = (run: 0 | 1, id: string) => r.runs[run].at(-1)![id].delivered ?? 0;
    expect(end(0, fast)).toBeGreaterThan(end(0, slow) * 2);
    expect(Math.abs(end(1, fast) - end(1, slow))).toBeLessThanOrEqual(1);
  });

  it('refuses a length it cannot run', async () => {
    const doc = presetDoc('hello-world');
    await expect(compareRuns({ docs: [doc, doc], ms: 0 })).rejects.toThrow(/virtual time/);
    await expect(compareRuns({ docs: [doc, doc], ms: 10_000_000 })).rejects.toThrow(/virtual time/);
  });

  it('samples every 250 ms, fewer in a long comparison', () => {
    expect(sampleInterval(30_000)).toBe(250);
    expect(sampleInterval(120_000)).toBe(500);
  });
});
