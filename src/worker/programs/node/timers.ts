/**
 * Node's timers on the simulation clock: `setTimeout`, `setInterval`, `setImmediate` and their
 * `clear…`, scheduled as broker timers, so Play, Pause, Step and speed drive a program as they
 * drive the broker. As in Node, a delay under 1 ms (or not a number) is 1 ms; an immediate runs
 * at the same virtual instant.
 */
import type { Broker, Timer } from '../../../engine';

/** What a program holds for a timer, as Node's Timeout object: `ref`, `unref`, `hasRef`, `refresh`. */
export class Timeout {
  /** @internal */ timer: Timer | null = null;
  constructor(
    /** @internal */ readonly repeat: boolean,
    /** @internal */ readonly delay: number,
  ) {}
  ref(): this { return this; }
  unref(): this { return this; }
  hasRef(): boolean { return true; }
  [Symbol.toPrimitive](): number { return this.delay; }
}

export interface TimerHost {
  broker: Broker;
  /** Runs a program callback as one guarded turn (runtime.ts): errors and budgets are the runtime's. */
  call(fn: (...a: unknown[]) => unknown, args: unknown[]): void;
  /** Live timers of the program, so Stop and exit can clear them. */
  live: Set<Timeout>;
}

const delayOf = (ms: unknown) => {
  const n = Number(ms);
  return n >= 1 && n <= 2 ** 31 - 1 ? Math.floor(n) : 1;
};

export function nodeTimers(host: TimerHost) {
  const arm = (t: Timeout, fn: (...a: unknown[]) => unknown, args: unknown[], ms: number) => {
    t.timer = host.broker.setTimer(ms, () => {
      if (!host.live.has(t)) return;
      if (t.repeat) arm(t, fn, args, t.delay);
      else host.live.delete(t);
      host.call(fn, args);
    });
  };
  const start = (fn: unknown, ms: number, args: unknown[], repeat: boolean, at = ms): Timeout => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const t = new Timeout(repeat, ms);
    host.live.add(t);
    arm(t, fn as (...a: unknown[]) => unknown, args, at);
    return t;
  };
  const clear = (t: unknown) => {
    if (!(t instanceof Timeout) || !host.live.has(t)) return;
    host.live.delete(t);
    host.broker.clearTimer(t.timer);
  };
  return {
    setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) => start(fn, delayOf(ms), args, false),
    setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) => start(fn, delayOf(ms), args, true),
    setImmediate: (fn: unknown, ...args: unknown[]) => start(fn, 0, args, false, 0),
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear,
  };
}

/** Clears every timer a program still has (Stop, exit, failure). */
export function clearAll(host: TimerHost): void {
  for (const t of host.live) host.broker.clearTimer(t.timer);
  host.live.clear();
}
