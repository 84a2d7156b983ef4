/**
 * The handler's memory of a run for going back in it: the journal of inputs, the furthest instant
 * reached, the scrubber's marks, the times of the events shown last (for Step back), and the
 * checkpoints, with what the page shows of the run (the log's tail, the flights) for them to hold.
 */
import { Checkpoints, type Checkpoint } from './checkpoints';
import { Journal, type InputCommand } from './journal';
import { counterValue } from './lesson-counters';
import type { RunMark } from './marks';
import { MotionView } from './motion';
import type { Frame } from './protocol';
import type { Simulation } from './simulation';
import { Tail, type RunState, type SeekTarget } from './time-travel';

/** A checkpoint's copy may take at most this share of the worker's time while a run plays. */
const CHECKPOINT_SHARE = 0.05;

/** Events remembered for Step back; further back, a step back replays to the time it knows. */
const RECENT = 5_000;

export class Travel {
  readonly journal = new Journal();
  furthest = 0;
  private marks: RunMark[] = [];
  private marksSent = -1;
  private seqs: number[] = [];
  private times: number[] = [];
  private branched: number | undefined;
  /** The run as it was before the last branch, to bring back. */
  private before: { entries: Journal['entries']; furthest: number; marks: RunMark[]; t: number; checkpoints: Checkpoint<RunState>[] } | null = null;
  readonly checkpoints: Checkpoints<RunState>;
  /** What the page shows of the live run: kept as frames go out, copied into checkpoints with it. */
  private log = new Tail();
  private view = new MotionView();
  /** Wall time before which no checkpoint is taken (so copies stay a small share of the worker's time). */
  private quietUntil = 0;

  /** `checkpointEveryMs`: virtual ms between checkpoints at first (tests take them often). */
  constructor(checkpointEveryMs?: number) {
    this.checkpoints = new Checkpoints<RunState>((state) => [state.sim.doc], checkpointEveryMs);
  }

  /**
   * Undoes the last branch: the journal, furthest instant and marks as they were before it.
   * Returns the instant it began at (to go to), or null when there is none to undo.
   */
  unbranch(): number | null {
    const b = this.before;
    if (!b) return null;
    this.before = null;
    this.journal.entries = b.entries;
    this.furthest = b.furthest;
    this.marks = b.marks;
    this.marksSent = -1;
    this.checkpoints.putBack(b.checkpoints, b.t);
    return b.t;
  }

  /** A new run from time zero (load, reset, seed). */
  reset(): void {
    this.before = null;
    this.journal.clear();
    this.furthest = 0;
    this.marks = [];
    this.marksSent = -1;
    this.seqs = [];
    this.times = [];
    this.checkpoints.clear();
    this.log = new Tail();
    this.view = new MotionView();
  }

  /**
   * After a seek: the events the page now shows are the frame's; the marks are sent again; the
   * run goes on from the replayed state.
   */
  sought(frame: Frame, state: RunState): void {
    this.log = state.log;
    this.view = state.view;
    this.seqs = [];
    this.times = [];
    this.marksSent = -1;
    this.remember(frame);
  }

  /** Every frame of the run, before the log gate: what it shows, how far the run got. */
  observe(frame: Frame, s: Simulation): Frame {
    this.remember(frame);
    this.log.push(frame.events);
    if (frame.motion) this.view.apply(frame.motion);
    this.view.prune(s.broker.now());
    this.furthest = Math.max(this.furthest, s.broker.now());
    const last = this.marks.at(-1)?.seq ?? -1;
    for (const m of s.marks.list) if (m.seq > last && m.t <= this.furthest) this.marks.push(m);
    if (s.broker.now() >= this.furthest) this.lessonMarks(frame, s);
    frame.travel = { furthest: this.furthest };
    if (this.marksSent !== this.marks.length) {
      frame.travel.marks = this.marks;
      this.marksSent = this.marks.length;
    }
    if (this.branched !== undefined) {
      frame.travel.branched = this.branched;
      this.branched = undefined;
    }
    return frame;
  }

  /**
   * Lesson checkpoints: the first frame of the run at which a lesson step's counter check is met
   * (the counters are a frame's, so the mark is at that frame's instant).
   */
  private lessonMarks(frame: Frame, s: Simulation): void {
    const steps = s.doc.lesson?.steps;
    if (!steps) return;
    steps.forEach((step, i) => {
      const c = step.check;
      if (c?.kind !== 'counter' || this.marks.some((m) => m.kind === 'lesson' && m.step === i)) return;
      if (counterValue(c, frame.counters) >= c.atLeast) this.marks.push({ kind: 'lesson', t: frame.t, seq: s.lastSeq, step: i });
    });
  }

  private remember(frame: Frame): void {
    for (const e of frame.events) {
      this.seqs.push(e.seq);
      this.times.push(e.t);
    }
    if (this.seqs.length > 2 * RECENT) {
      this.seqs = this.seqs.slice(-RECENT);
      this.times = this.times.slice(-RECENT);
    }
  }

  /**
   * After a frame of the playing run: a checkpoint when one is due and the run can be copied now
   * (checkpoints.ts). `wall` is the wall clock: copies are spaced so they take at most
   * CHECKPOINT_SHARE of the worker's time.
   */
  checkpoint(s: Simulation, wall: () => number): void {
    const t = s.broker.now();
    if (!this.checkpoints.due(t) || s.hasHeldSteps) return;
    const w0 = wall();
    if (w0 < this.quietUntil) return;
    // a failed attempt (the run cannot be copied now) costs time too, and waits alike
    this.checkpoints.take({ sim: s, log: this.log, view: this.view }, t, this.journal.applied);
    this.quietUntil = w0 + (wall() - w0) / CHECKPOINT_SHARE;
  }

  /** The event before the one shown last, or null at the run's first event. */
  previous(): SeekTarget | null {
    const n = this.seqs.length;
    if (n < 2) return null;
    return { t: this.times[n - 2], seq: this.seqs[n - 2] };
  }

  /**
   * An input applied now. At an instant before the furthest one, it starts a new branch: the
   * journal's future and the marks after it go.
   */
  input(s: Simulation, cmd: InputCommand): void {
    const t = s.broker.now();
    const entries = this.journal.entries.slice();
    const dropped = this.journal.record(t, cmd);
    if (t < this.furthest || dropped.length) {
      this.before = { entries, furthest: this.furthest, marks: this.marks, t, checkpoints: this.checkpoints.dropAfter(t) };
      this.branched = t;
      this.furthest = t;
      this.marks = this.marks.filter((m) => m.seq <= s.lastSeq);
      this.marksSent = -1;
    }
  }
}
