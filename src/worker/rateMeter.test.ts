import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter';

describe('RateMeter', () => {
  it('sums what arrived over about the last second', () => {
    const m = new RateMeter();
    for (let t = 0; t < 1000; t += 16) m.add(100, t);
    // 63 frames of 100 events in the last second.
    expect(m.perSecond()).toBeGreaterThan(5_000);
    expect(m.perSecond()).toBeLessThanOrEqual(6_300);
  });

  it('forgets a burst once a second of quiet frames has passed', () => {
    const m = new RateMeter();
    m.add(50_000, 0);
    expect(m.perSecond()).toBe(50_000);
    for (let t = 16; t < 1300; t += 16) m.add(1, t);
    expect(m.perSecond()).toBeLessThan(100);
  });
});
