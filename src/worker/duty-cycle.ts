/**
 * A worker's share of a core, kept when its work outgrows the frames (a slow machine, a heavy run).
 *
 * Chromium runs dedicated workers at a higher priority than the page's main thread (Linux: nice −8
 * against 0), so a worker that works without a break takes a core the page then waits for: the
 * page's frames and clicks stall behind it. After a piece of work that took `busy` ms, the next may
 * start only once the worker has rested long enough for its work to stay within `share` of the
 * wall time. Work that fits its frames (a fast machine) never waits.
 */
export class DutyCycle {
  private restUntil = -Infinity;

  private share = 1;

  /** `share`: the largest part of the wall time the work may take, in (0, 1]; 1 never rests. */
  constructor(share: number) {
    this.setShare(share);
  }

  setShare(share: number): void {
    if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], not ${share}`);
    this.share = share;
  }

  /** Whether the next piece of work may start at `now` (ms). */
  ready(now: number): boolean {
    return now >= this.restUntil;
  }

  /** A piece of work ran from `start` to `end` (ms, wall). */
  worked(start: number, end: number): void {
    // A share of 1 never rests: the next piece may start as soon as the last has ended.
    this.restUntil = this.share === 1 ? -Infinity : end + Math.max(0, end - start) * (1 / this.share - 1);
  }

  /** Forget the last piece (a new run, a pause): the next may start at once. */
  reset(): void {
    this.restUntil = -Infinity;
  }
}
