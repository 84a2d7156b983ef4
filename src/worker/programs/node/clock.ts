/**
 * `Date` and `Math.random` for programs, from the simulation: the date moves with virtual time
 * (from 2026-01-01T00:00:00Z at time zero) and random numbers come from the scenario's seeded PRNG,
 * so a run with programs replays exactly, as one without.
 */
import type { Broker } from '../../../engine';

/** Wall-clock time that virtual time zero stands for, in programs. */
export const PROGRAM_EPOCH_MS = Date.UTC(2026, 0, 1);

export function virtualClock(broker: Broker) {
  const now = () => PROGRAM_EPOCH_MS + broker.now();
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [number]));
      else super(now());
    }
    static override now(): number {
      return now();
    }
  }
  const math = Object.create(Math, { random: { value: () => broker.prng.next(), enumerable: false } }) as Math;
  return { Date: VirtualDate, Math: math };
}
