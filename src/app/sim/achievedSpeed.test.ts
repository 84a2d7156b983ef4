import { describe, expect, it } from 'vitest';
import { AchievedSpeed, shortfall } from './achievedSpeed';

describe('achieved speed', () => {
  it('measures virtual time against the wall over a window, and forgets it on a pause or a seek back', () => {
    const s = new AchievedSpeed();
    // A run at 10× that this machine keeps at 3×: a refresh every 250 ms of wall time.
    let t = 0;
    let seen: number | null = null;
    for (let wall = 0; wall <= 3000; wall += 250) {
      seen = s.sample(t, true, wall);
      if (wall < 2000) expect(seen).toBeNull();
      t += 750;
    }
    expect(seen).toBeCloseTo(3, 5);
    expect(s.sample(t, false, 3250)).toBeNull();
    expect(s.sample(t, true, 3500)).toBeNull();
    // back in time: not a negative speed, a new window
    expect(s.sample(100, true, 6000)).toBeNull();
    expect(s.sample(100 + 2000 * 5, true, 8000)).toBeCloseTo(5, 5);
  });

  it('is shown only where the run falls short of the speed asked', () => {
    expect(shortfall(null, 10)).toBeNull();
    expect(shortfall(9.2, 10)).toBeNull();
    expect(shortfall(2.84, 10)).toBe(2.8);
    expect(shortfall(0.043, 1)).toBe(0.04);
    expect(shortfall(31.6, 100)).toBe(32);
  });
});
