import { EventHeap } from './heap';

/** Receives timer callbacks without a closure per timer: `kind` says what to do, `arg` with what. */
export interface TimerTarget {
  onTimer(kind: number, arg: unknown): void;
}

/** A scheduled event; `cancelled` ones are skipped when they come due. */
export interface Timer {
  t: number;
  seq: number;
  target: TimerTarget;
  kind: number;
  arg: unknown;
  cancelled: boolean;
}

/**
 * Virtual time and the event queue, ordered by (time, sequence number). Time only moves in
 * `advanceTo`; `runDue` runs everything due at the current instant, including events that
 * running ones schedule for the same instant.
 */
export class Clock {
  now = 0;
  private seq = 0;
  private heap = new EventHeap<Timer>();
  /** Called when an event is scheduled at or before `now` (the broker uses it to kick a microtask pump). */
  onDueNow: (() => void) | null = null;

  /** Schedules `target.onTimer(kind, arg)` after `delay` virtual ms (0 = this instant, after what is already due). */
  schedule(delay: number, target: TimerTarget, kind: number, arg: unknown = null): Timer {
    const t = this.now + (delay > 0 ? delay : 0);
    const timer: Timer = { t, seq: this.seq++, target, kind, arg, cancelled: false };
    this.heap.push(timer);
    if (t <= this.now && this.onDueNow) this.onDueNow();
    return timer;
  }

  /** Schedules at an absolute virtual time (clamped to now). */
  scheduleAt(t: number, target: TimerTarget, kind: number, arg: unknown = null): Timer {
    return this.schedule(t - this.now, target, kind, arg);
  }

  cancel(timer: Timer | null | undefined): void {
    if (timer) timer.cancelled = true;
  }

  /** Time of the next live event, or Infinity. */
  nextTime(): number {
    for (;;) {
      const top = this.heap.peek();
      if (!top) return Infinity;
      if (!top.cancelled) return top.t;
      this.heap.pop();
    }
  }

  hasDue(): boolean {
    return this.nextTime() <= this.now;
  }

  /** Runs events due at or before now; returns how many ran. Throws when `limit` is exceeded (a livelock). */
  runDue(limit = Infinity): number {
    let n = 0;
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.t > this.now) return n;
      this.heap.pop();
      if (top.cancelled) continue;
      if (++n > limit) {
        throw new Error(`simulation livelock: more than ${limit} events at t=${this.now} ms`);
      }
      top.target.onTimer(top.kind, top.arg);
    }
  }

  /** Moves time forward (never back). */
  advanceTo(t: number): void {
    if (t > this.now) this.now = t;
  }

  get pending(): number {
    return this.heap.size;
  }
}
