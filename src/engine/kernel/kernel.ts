import { Clock, type Timer, type TimerTarget } from './clock';
import { relocatable } from './copy';
import { Prng } from './prng';
import { Stats } from './stats';
import { TraceLog } from './trace';

/** Microtask turns without any engine activity after which the JS side counts as settled. */
const IDLE_TICKS = 12;
const MAX_SETTLE_TICKS = 100000;

export interface KernelOptions {
  seed?: number | string;
  /** A PRNG made already (the broker seeds it before checking its other options); else one from `seed`. */
  prng?: Prng;
  traceLimit?: number;
  trace?: boolean;
  maxEventsPerInstant?: number;
}

/**
 * The floor every entity stands on: virtual time and the event queue, the seeded PRNG, the trace and
 * the counters, ids, and the running of client code (callbacks, listeners) with what it throws kept for
 * the next `advance`. It knows nothing of AMQP.
 */
export class Kernel implements TimerTarget {
  readonly clock = new Clock();
  readonly prng: Prng;
  readonly trace: TraceLog;
  readonly metrics = new Stats();
  /** Bumped by every API call, to tell when the JS side has gone quiet. */
  activity = 0;
  /** Bumped whenever client code (callbacks, listeners) runs. */
  userCode = 0;
  private settledMark = -1;
  private msgIds = 0;
  private channelIds = 0;
  private connectionIds = 0;
  private pumpQueued = false;
  private running = false;
  private errors: unknown[] = [];
  private readonly maxEvents: number;
  private readonly pump = relocatable(this, this.pumpNow);

  constructor(options: KernelOptions = {}) {
    this.prng = options.prng ?? new Prng(options.seed ?? 1);
    this.trace = new TraceLog(options.traceLimit ?? 10000, this.clock, options.trace ?? true);
    this.maxEvents = options.maxEventsPerInstant ?? 5_000_000;
    this.clock.onDueNow = relocatable(this, this.kick);
  }

  /** Current virtual time in ms. */
  now(): number {
    return this.clock.now;
  }

  nextMessageId(): number {
    return ++this.msgIds;
  }

  nextChannelId(): number {
    return ++this.channelIds;
  }

  nextConnectionId(): number {
    return ++this.connectionIds;
  }

  /** User timers: a client callback after `ms` virtual ms. */
  onTimer(_kind: number, arg: unknown): void {
    this.runUserCode(arg as () => void);
  }

  /** Calls `callback` as client code after `ms` virtual ms. */
  setTimer(ms: number, callback: () => void): Timer {
    return this.clock.schedule(ms, this, 0, callback);
  }

  /** Runs client code now, collecting what it throws. */
  runUserCode(fn: () => void): void {
    this.userCode++;
    try {
      fn();
    } catch (e) {
      this.handlerError(e);
    }
  }

  /** Runs client code at this instant, after what is already due. */
  defer(fn: () => void): void {
    this.clock.schedule(0, this, 0, fn);
  }

  /** A consumer callback or listener threw: reported by the next advance(). */
  handlerError(e: unknown): void {
    this.errors.push(e);
  }

  /**
   * Lets `ms` virtual milliseconds pass: runs every event up to now+ms in (time, sequence) order
   * and lets promise reactions of client code (consumer callbacks, awaited calls) run in between.
   */
  async advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) throw new TypeError('advance(ms) needs a non-negative finite number');
    const target = this.clock.now + ms;
    await this.pumpUntil(target);
    this.clock.advanceTo(target);
    this.rethrow();
  }

  /** Runs until no event is pending (or `maxMs` of virtual time has passed). */
  async runUntilIdle(maxMs = 86_400_000): Promise<void> {
    await this.pumpUntil(this.clock.now + maxMs);
    this.rethrow();
  }

  /** Runs every event due by virtual time `limit`, settling client code in between; stops early when none is left. */
  private async pumpUntil(limit: number): Promise<void> {
    await this.settle(true);
    for (;;) {
      this.runDue();
      await this.settle(false);
      if (this.clock.hasDue()) continue;
      const next = this.clock.nextTime();
      if (next === Infinity || next > limit) break;
      this.clock.advanceTo(next);
    }
  }

  private rethrow(): void {
    if (this.errors.length === 0) return;
    const e = this.errors[0];
    this.errors = [];
    throw e;
  }

  private kick(): void {
    if (this.pumpQueued || this.running) return;
    this.pumpQueued = true;
    queueMicrotask(this.pump);
  }

  private pumpNow(): void {
    this.pumpQueued = false;
    this.runDue();
  }

  private runDue(): void {
    if (this.running) return;
    this.running = true;
    try {
      this.clock.runDue(this.maxEvents);
    } catch (e) {
      this.errors.push(e);
    } finally {
      this.running = false;
    }
  }

  /** Yields microtask turns until client code has gone quiet (nothing called the engine for a while). */
  private async settle(force: boolean): Promise<void> {
    let mark = this.activity + this.userCode;
    if (!force && mark === this.settledMark) return;
    let idle = 0;
    for (let i = 0; i < MAX_SETTLE_TICKS && idle < IDLE_TICKS; i++) {
      await undefined;
      const m = this.activity + this.userCode;
      if (m !== mark || this.clock.hasDue()) {
        mark = m;
        idle = 0;
        this.runDue();
      } else idle++;
    }
    this.settledMark = this.activity + this.userCode;
  }
}
