import { describe, expect, it } from 'vitest';
import { STALL_MS, Watchdog, WATCHDOG_MS } from './watchdog';

const booted = () => {
  const w = new Watchdog();
  w.answered();
  return w;
};

describe('Watchdog', () => {
  it('does not count the first load of a worker as a hang', () => {
    const w = new Watchdog();
    w.sent(0);
    expect(w.overdue(STALL_MS * 5)).toBe(false);
  });

  it('fires after STALL_MS without programs, after WATCHDOG_MS with them', () => {
    const w = booted();
    w.sent(0);
    expect(w.overdue(WATCHDOG_MS + 1)).toBe(false);
    expect(w.overdue(STALL_MS + 1)).toBe(true);
    w.armed = true;
    expect(w.overdue(WATCHDOG_MS + 1)).toBe(true);
  });

  it('an answer clears the wait; a page that was hidden starts waiting again from its return', () => {
    const w = booted();
    w.sent(0);
    w.answered();
    expect(w.overdue(STALL_MS * 2)).toBe(false);
    w.sent(0);
    w.resumed(STALL_MS * 2);
    expect(w.overdue(STALL_MS * 2 + 1)).toBe(false);
  });

  it('tells its listeners why, and whether programs were running', () => {
    const w = booted();
    const heard: unknown[] = [];
    w.onFire((why, program) => heard.push([why, program]));
    w.fired('crashed');
    w.armed = true;
    w.fired('hung');
    expect(heard).toEqual([['crashed', false], ['hung', true]]);
  });
});
