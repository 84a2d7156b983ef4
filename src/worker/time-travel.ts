/**
 * Going back in a run. A run's whole input is its document (seed included) and the journal of
 * what the user did when (journal.ts); the engine is deterministic, so replaying both rebuilds
 * any instant exactly: the same trace, counters, flights in the air and log as the run showed
 * there. A seek replays from the newest checkpoint before the instant (a copy of the whole run,
 * checkpoints.ts), so it replays seconds, not the whole run; with none, from time zero.
 */
import { COPY, type TraceEvent } from '../engine';
import type { Checkpoints } from './checkpoints';
import type { ScenarioDocument } from '../scenario/schema';
import { applyInput } from './inputs';
import type { Journal } from './journal';
import { LOG_EVENTS } from './log-gate';
import { FLIGHT_STRIDE, BURST_STRIDE, MotionView, PARKED_STRIDE, type Motion } from './motion';
import type { Frame } from './protocol';
import { Simulation } from './simulation';

/** Where to go: an instant (after everything at it), or one event of it (as Step showed it). */
export interface SeekTarget {
  t: number;
  seq?: number;
}

/** Virtual ms replayed between two looks at the trace (the log's tail and the flights). */
const CHUNK_MS = 250;

/** The largest number below `t`: advancing to it runs everything before the instant `t`, nothing at it. */
export function justBefore(t: number): number {
  if (t === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([t]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += t > 0 ? -1n : 1n;
  return f[0];
}

/** Runs virtual time to exactly `t` (never past it), running every event due at or before it. */
export async function advanceExactly(s: Simulation, t: number): Promise<void> {
  const now = s.broker.now();
  if (!(t > now)) return;
  let ms = t - now;
  while (now + ms > t) ms -= ms * Number.EPSILON;
  await s.advance(ms);
  if (s.broker.now() < t) {
    s.broker.clock.advanceTo(t);
    await s.advance(0);
  }
}

/** Applies the journal's next input (at its instant: the run is there), as a new turn for programs. */
async function applyNext(s: Simulation, journal: Journal): Promise<void> {
  const e = journal.entries[journal.applied++];
  s.programs.beginTurn();
  await applyInput(s, e.cmd);
}

/** Runs to `t`, applying the journal's inputs at their instants on the way. */
export async function driveTo(s: Simulation, journal: Journal, t: number): Promise<void> {
  for (let e = journal.next(); e && e.t <= t; e = journal.next()) {
    await advanceExactly(s, e.t);
    await applyNext(s, journal);
  }
  await advanceExactly(s, t);
}

/**
 * One Step that honours the journal: an input due before the next scheduled event is applied
 * first, and its first event is the step. Null when nothing is left to happen.
 */
export async function stepWithJournal(s: Simulation, journal: Journal): Promise<TraceEvent | null> {
  const e = journal.next();
  if (e && !s.hasHeldSteps && e.t <= s.broker.clock.nextTime()) {
    await advanceExactly(s, e.t);
    await applyNext(s, journal);
    const events = s.drainEvents();
    if (events.length) {
      s.holdSteps(events.slice(1));
      return events[0];
    }
  }
  return s.step();
}

/** Events of the log a checkpoint keeps, and about what one takes in memory. */
export const CHECKPOINT_LOG = 1_000;
const EVENT_BYTES = 160;

/** The newest events, at most the log's size. */
export class Tail {
  events: TraceEvent[] = [];

  /**
   * A checkpoint's copy: the newest CHECKPOINT_LOG events only (sharing them: never changed once
   * recorded). All of the log's would be most of a checkpoint's memory; a seek replays seconds from
   * its checkpoint, and those events fill the log again.
   */
  [COPY](_copy: unknown, account: (bytes: number) => void): Tail {
    const c = new Tail();
    c.events = this.events.slice(-CHECKPOINT_LOG);
    account(c.events.length * EVENT_BYTES);
    return c;
  }

  push(add: TraceEvent[]): void {
    if (!add.length) return;
    this.events = this.events.concat(add);
    if (this.events.length > 2 * LOG_EVENTS) this.events = this.events.slice(this.events.length - LOG_EVENTS);
  }

  take(): TraceEvent[] {
    return this.events.length > LOG_EVENTS ? this.events.slice(this.events.length - LOG_EVENTS) : this.events;
  }
}

/** What the message layer holds at an instant, as one motion (what a fresh layer needs). */
export function packView(view: MotionView): Motion {
  const flights = new Float64Array(view.count * FLIGHT_STRIDE);
  for (let i = 0; i < view.count; i++) {
    flights.set([view.id[i], view.from[i], view.to[i], view.t0[i], view.t1[i], view.mark[i], view.color[i], view.flags[i]], i * FLIGHT_STRIDE);
  }
  const index = new Map(view.nodes.map((n, i) => [n, i]));
  const bursts = new Float64Array(view.bursts.length * BURST_STRIDE);
  view.bursts.forEach((b, i) => bursts.set([b.id, index.get(b.node) ?? 0, b.t, b.effect, b.color], i * BURST_STRIDE));
  const parkedKeys = [...view.parked.keys()];
  const parked = new Float64Array(parkedKeys.length * PARKED_STRIDE);
  [...view.parked.values()].forEach((p, i) => parked.set([p.id, index.get(p.node) ?? 0, p.t, p.color, p.end ?? NaN], i * PARKED_STRIDE));
  return { nodes: [...view.nodes], flights, bursts, parkedKeys, parked, unparked: [], unparkedAt: [] };
}

/** A run with what the page shows of it: what a checkpoint holds (checkpoints.ts). */
export interface RunState {
  sim: Simulation;
  /** The log's tail. */
  log: Tail;
  /** The flights in the air and the marks parked. */
  view: MotionView;
}

export interface Replayed {
  sim: Simulation;
  /** The frame the page shows at the target: its log tail, its flights, counters and map. */
  frame: Frame;
  /** The run and what the page shows of it, to go on from. */
  state: RunState;
}

/**
 * Rebuilds the run of `doc` with `journal`'s inputs up to `target`: from the newest checkpoint
 * before it, or else from time zero, taking the checkpoints that fall due on the way. The journal's
 * entries after the target stay, as the run's future (`journal.applied` says how far the replay got).
 */
export async function replay(doc: ScenarioDocument, journal: Journal, target: SeekTarget, wall?: () => number, checkpoints?: Checkpoints<RunState>): Promise<Replayed> {
  const start = checkpoints?.before(target.t, target.seq !== undefined);
  const state: RunState = start ? checkpoints!.restore(start) : { sim: await Simulation.create(doc, wall), log: new Tail(), view: new MotionView() };
  journal.applied = start?.applied ?? 0;
  const { sim, log, view } = state;
  const absorb = (events: TraceEvent[]) => {
    if (!events.length) return;
    log.push(events);
    view.apply(sim.motionOf(events));
    view.prune(sim.broker.now());
  };
  const { t, seq } = target;
  const stop = seq === undefined ? t : justBefore(t);
  while (sim.broker.now() < stop) {
    sim.programs.beginTurn();
    await driveTo(sim, journal, Math.min(stop, sim.broker.now() + CHUNK_MS));
    absorb(sim.drainEvents());
    if (checkpoints?.due(sim.broker.now()) && !sim.hasHeldSteps) checkpoints.take(state, sim.broker.now(), journal.applied);
  }
  if (seq !== undefined) {
    // The instant itself: its scheduled events, then the inputs applied at it, until the event.
    await advanceExactly(sim, t);
    while (sim.lastSeq < seq && journal.next()?.t === t) await applyNext(sim, journal);
    const events = sim.drainEvents();
    const cut = events.findIndex((e) => e.seq > seq);
    absorb(cut < 0 ? events : events.slice(0, cut));
    if (cut >= 0) sim.holdSteps(events.slice(cut));
  } else {
    absorb(sim.drainEvents());
  }
  const frame = sim.frame(null);
  const events = log.take();
  frame.events = events;
  frame.eventCount = events.length;
  frame.motion = packView(view);
  if (seq !== undefined && events.length) frame.t = events[events.length - 1].t;
  return { sim, frame, state };
}
