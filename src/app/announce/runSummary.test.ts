import { describe, expect, it } from 'vitest';
import { changes, totals } from './runSummary';

describe('run summary', () => {
  it('sums counters over nodes', () => {
    const t = totals({ p: { published: 3 }, q: { deadLettered: 1, expired: 2 }, c: { delivered: 2, acked: 1 }, c2: { delivered: 1 } });
    expect(t).toMatchObject({ published: 3, delivered: 3, acked: 1, deadLettered: 1, expired: 2, returned: 0 });
  });

  it('reports only what changed, in a fixed order', () => {
    const a = totals({ p: { published: 3 }, c: { delivered: 2 } });
    const b = totals({ p: { published: 5 }, c: { delivered: 2 }, q: { deadLettered: 1 } });
    expect(changes(a, b)).toEqual([['published', 2], ['deadLettered', 1]]);
    expect(changes(b, b)).toEqual([]);
  });

  it('says nothing when a count went down (a new run), and counts on from there', () => {
    const a = totals({ p: { published: 30 } });
    const b = totals({ p: { published: 2 }, c: { delivered: 1 } });
    expect(changes(a, b)).toEqual([]);
  });
});
