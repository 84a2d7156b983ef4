/**
 * The page's side of the programs' wall-time budget. Programs run in the simulation worker
 * (worker/programs/runtime.ts), where loops stop themselves after a turn's budget; what slips
 * past that (a chain of promises that never yields, a huge synchronous allocation) keeps the
 * worker from answering. While programs are running, a command the worker has not answered
 * within `LIMIT_MS` makes the bridge terminate it and start a new one.
 */

/** Wall time a command may wait for its answer while programs run (the worker's own budget is 1 s). */
export const WATCHDOG_MS = 3000;

export class Watchdog {
  /** Whether programs are running (the Code panel says so); unarmed, a slow worker is just slow. */
  armed = false;
  private since: number | null = null;
  /** A new worker has not answered yet: loading its script is not a program's doing. */
  private booting = false;
  private listeners = new Set<(why: 'hung' | 'crashed') => void>();

  sent(now: number): void {
    this.since ??= now;
  }

  answered(): void {
    this.since = null;
    this.booting = false;
  }

  overdue(now: number): boolean {
    return this.armed && !this.booting && this.since !== null && now - this.since > WATCHDOG_MS;
  }

  fired(why: 'hung' | 'crashed'): void {
    this.since = null;
    this.booting = true;
    for (const l of this.listeners) l(why);
  }

  /** Told when the worker was restarted because of a program. */
  onFire(listener: (why: 'hung' | 'crashed') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
