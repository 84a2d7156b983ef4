/**
 * How often the page refreshes its panels (node counters, clock, log) while a run plays.
 *
 * The worker offers a refresh every 100 ms, or every 400 ms in a busy run (worker/log-gate.ts).
 * Each one costs the page a React render and a layout and paint of everything that changed; on a
 * fast machine that fits between two frames, on a slower one it makes a frame or two late, and
 * the page stutters. The pacer watches the frames after each refresh and, when they come late
 * (against the display's own interval, whatever its rate), spaces refreshes out so that late frames stay rare (LATE_SHARE of all frames),
 * but never further apart than once a second: the numbers stay live, the motion stays smooth.
 */

import { MAX_PACE_MS } from '../../worker/log-gate';

/** A frame is late when it takes this much longer than the display's own interval. */
const LATE_FACTOR = 1.5;
/** Frames remembered to know the display's interval: the shortest of them (60 Hz, 120 Hz, a 30 fps power saver). */
const RECENT_FRAMES = 32;
/** The share of frames refreshes may make late. */
const LATE_SHARE = 0.025;
/** Refreshes come at least this often, however costly: the worker's own cap on the pace. */
export const MAX_INTERVAL_MS = MAX_PACE_MS;
/** Frames after a refresh that tell what it cost: the cards' layout and paint, then the log's render, layout and paint (bridge.ts). */
const WATCH_FRAMES = 3;
/** How quickly the estimate follows a change: a new refresh counts this much. */
const WEIGHT = 0.25;
/**
 * The page is strained when even a refresh a second would make too many frames late (the workers
 * then keep to a share of the CPU: worker/duty-cycle.ts), and at ease again once this share of a
 * second would do. Well apart: the workers giving way itself eases the page, and a nearer mark
 * would switch them straight back.
 */
const EASED_BELOW = 0.3;

export class RefreshPacer {
  /** Late frames per refresh, averaged over the last few. */
  private latePerRefresh = 0;
  private last = Number.NEGATIVE_INFINITY;
  private watching = 0;
  private late = 0;
  private recent: number[] = [];
  private isStrained = false;

  /** The display's frame interval, as the shortest recent frame shows it (60 Hz until known). */
  private frameMs(): number {
    return this.recent.length ? Math.min(...this.recent) : 1000 / 60;
  }

  /** The shortest wall time between two refreshes that keeps late frames rare. */
  interval(): number {
    return Math.min(MAX_INTERVAL_MS, this.wanted());
  }

  /** The spacing late frames would ask for, were it not capped. */
  private wanted(): number {
    return (this.latePerRefresh * this.frameMs()) / LATE_SHARE;
  }

  /** Whether refreshes make too many frames late even a second apart (with some hysteresis). */
  strained(): boolean {
    const wanted = this.wanted();
    if (wanted > MAX_INTERVAL_MS) this.isStrained = true;
    else if (wanted < MAX_INTERVAL_MS * EASED_BELOW) this.isStrained = false;
    return this.isStrained;
  }

  /** Whether the refresh the worker offers at wall time `now` (ms) should happen; if so, it is counted as done. */
  take(now: number): boolean {
    if (now - this.last < this.interval()) return false;
    // A refresh still watched (on a slow display the next comes within WATCH_FRAMES): it cost what was seen so far.
    if (this.watching > 0) this.settle();
    this.last = now;
    this.watching = WATCH_FRAMES;
    this.late = 0;
    return true;
  }

  /** Every animation frame's length (ms); the ones just after a refresh are its cost. */
  frame(ms: number): void {
    if (ms <= 0) return;
    this.recent.push(ms);
    if (this.recent.length > RECENT_FRAMES) this.recent.shift();
    if (this.watching === 0) return;
    if (ms > this.frameMs() * LATE_FACTOR) this.late++;
    if (--this.watching === 0) this.settle();
  }

  private settle(): void {
    this.watching = 0;
    this.latePerRefresh += (this.late - this.latePerRefresh) * WEIGHT;
  }
}
