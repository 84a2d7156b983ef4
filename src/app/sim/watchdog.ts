/**
 * The page's watch on the simulation worker. A command the worker has not answered within the
 * budget makes the bridge terminate it and start a new one on the open document; so does an error
 * the worker did not catch (bridge.ts). Programs run in this worker (worker/programs/runtime.ts),
 * where loops stop themselves after a turn's budget; what slips past that (a chain of promises that
 * never yields, a huge synchronous allocation) is caught here within `WATCHDOG_MS`. Without
 * programs the engine answers a tick in milliseconds, so `STALL_MS` only catches a real hang (an
 * engine bug), with room for a slow, throttled laptop.
 */

/** Wall time a command may wait for its answer while programs run (the worker's own budget is 1 s). */
export const WATCHDOG_MS = 3000;
/** Wall time a command may wait for its answer otherwise. */
export const STALL_MS = 10_000;

export type WatchdogReason = 'hung' | 'crashed';
/** `program`: programs were running, so one of them is the likely cause. */
export type WatchdogListener = (why: WatchdogReason, program: boolean) => void;

export class Watchdog {
  /** Whether programs are running (the Code panel says so): the budget is then `WATCHDOG_MS`. */
  armed = false;
  private since: number | null = null;
  /** A new worker has not answered yet: loading its script is not a hang. */
  private booting = true;
  private listeners = new Set<WatchdogListener>();

  sent(now: number): void {
    this.since ??= now;
  }

  answered(): void {
    this.since = null;
    this.booting = false;
  }

  /** Whether a command awaits its answer. */
  get waiting(): boolean {
    return this.since !== null;
  }

  overdue(now: number): boolean {
    return !this.booting && this.since !== null && now - this.since > (this.armed ? WATCHDOG_MS : STALL_MS);
  }

  /** The page was away (a hidden tab runs no frames): what it waited for meanwhile is not late. */
  resumed(now: number): void {
    if (this.since !== null) this.since = now;
  }

  fired(why: WatchdogReason): void {
    const program = this.armed;
    this.since = null;
    this.booting = true;
    for (const l of this.listeners) l(why, program);
  }

  /** Told when the worker was restarted. */
  onFire(listener: WatchdogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
