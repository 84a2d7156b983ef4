/**
 * Which frames carry the log. Paused or stepping, every frame does. Playing, the events gather
 * here and go out every 100 ms of wall time, or every 400 ms once the run makes more than 5,000
 * events a second: the page then refreshes its panels (counters, clock, log) on those frames
 * only. A busy run's log is a blur either way, and unpacking tens of thousands of events a second
 * on the page cost the animation its frames; the message layer gets every change regardless
 * (motion.ts). At most the log's size goes out at once: older events would scroll away unseen.
 */
import type { TraceEvent } from '../engine';
import type { Frame } from './protocol';
import { RateMeter } from './rateMeter';
import { BoundedBatches } from './bounded-batches';

/** Events the page's log keeps (store/simulation.ts's LOG_LIMIT is this). */
export const LOG_EVENTS = 5_000;
const INTERVAL_MS = 100;
const BUSY_INTERVAL_MS = 400;
const BUSY_EVENTS_PER_SECOND = 5_000;
/** However slow the page, the panels refresh at least once a second (app/sim/refreshPacer.ts takes its cap from here). */
export const MAX_PACE_MS = 1000;

export class LogGate {
  /** Events of the frames since the last refresh, no older ones than the log will show (a busy run makes five times as many). */
  private held = new BoundedBatches<TraceEvent[]>(LOG_EVENTS, (events) => events.length);
  private wall = 0;
  private since = 0;
  private rate = new RateMeter();
  /** The page's own spacing of refreshes (protocol.ts `pace`): no closer than it can take. */
  private paceMs = 0;

  /** The shortest wall time between two refreshes the page asked for (at most a second). */
  pace(ms: number): void {
    this.paceMs = Math.min(MAX_PACE_MS, Math.max(0, ms));
  }

  /** A playing frame after `wallMs` of wall time: carries the log when its time has come. */
  pass(frame: Frame, wallMs: number): Frame {
    if (!frame.playing) return this.flush(frame);
    this.wall += wallMs;
    this.rate.add(frame.eventCount, this.wall);
    const interval = Math.max(this.paceMs, this.rate.perSecond() > BUSY_EVENTS_PER_SECOND ? BUSY_INTERVAL_MS : INTERVAL_MS);
    if (this.wall - this.since >= interval) return this.flush(frame);
    if (frame.events.length) this.held.push(frame.events);
    return { ...frame, events: [], refresh: false };
  }

  /** Any other frame: carries everything held, then its own events. */
  flush(frame: Frame): Frame {
    this.since = this.wall;
    if (!this.held.size) return { ...frame, refresh: true };
    this.held.push(frame.events);
    const all = this.held.take().flat();
    return { ...frame, events: all.length > LOG_EVENTS ? all.slice(all.length - LOG_EVENTS) : all, refresh: true };
  }

  /** A new run: nothing held. */
  reset(): void {
    this.held.clear();
  }
}
