import { describe, expect, it } from 'vitest';
import { CounterHistory, formatRate } from './rates';

describe('CounterHistory', () => {
  it('computes msg/s of virtual time from successive frames', () => {
    const h = new CounterHistory(100, 10_000);
    // 4 messages per virtual second into q
    for (let t = 0; t <= 6000; t += 50) h.push(t, { q: { enqueued: Math.floor(t / 250) } });
    expect(h.rate('q', 'enqueued')).toBeCloseTo(4, 1);
    expect(h.rate('q', 'enqueued', 1000)).toBeCloseTo(4, 1);
    expect(h.rate('missing', 'enqueued')).toBe(0);
  });

  it('samples at most once per sampleMs and forgets beyond keepMs', () => {
    const h = new CounterHistory(100, 1000);
    expect(h.push(0, {})).toBe(true);
    expect(h.push(50, {})).toBe(false);
    expect(h.push(100, {})).toBe(true);
    for (let t = 200; t <= 5000; t += 100) h.push(t, {});
    expect(h.samples[0].t).toBeGreaterThanOrEqual(4000);
    expect(h.samples.length).toBeLessThanOrEqual(11);
  });

  it('starts over when time goes back (a restarted run) and is 0 while paused', () => {
    const h = new CounterHistory(100, 10_000);
    h.push(0, { q: { enqueued: 0 } });
    h.push(1000, { q: { enqueued: 10 } });
    expect(h.rate('q', 'enqueued')).toBe(10);
    h.push(0, { q: { enqueued: 0 } });
    expect(h.samples).toHaveLength(1);
    expect(h.rate('q', 'enqueued')).toBe(0);
  });

  it('gives a series for sparklines', () => {
    const h = new CounterHistory(100, 10_000);
    h.push(0, { q: { ready: 1, unacked: 1 } });
    h.push(100, { q: { ready: 3, unacked: 0 } });
    expect(h.series('q', (c) => (c?.ready ?? 0) + (c?.unacked ?? 0))).toEqual([2, 3]);
  });
});

describe('formatRate', () => {
  it('keeps two significant decimals for small rates', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(2)).toBe('2');
    expect(formatRate(0.5)).toBe('0.5');
    expect(formatRate(12.34)).toBe('12.3');
    expect(formatRate(1234.5)).toBe('1235');
  });
});
