/**
 * Checkpoints of a run, for going back in it fast: copies of the whole running state (the engine,
 * its PRNGs and timers, the agents, the log's tail and the flights in the air; engine/kernel/copy.ts)
 * taken every few virtual seconds as the run goes. Going to an instant restores the newest checkpoint
 * before it and replays only from there (time-travel.ts).
 *
 * Memory is bounded: at most MAX_CHECKPOINTS, and about MAX_BYTES in all. When either is reached,
 * every other checkpoint goes and the spacing doubles, so a longer run keeps checkpoints over all of
 * it, further apart. A run that holds something no copy can take (a learner's program, a call waiting
 * for its reply) takes its checkpoint at the next frame that can.
 */
import { copyGraph, NotCopyable } from '../engine';

/** Virtual ms between two checkpoints, at first. */
export const CHECKPOINT_EVERY_MS = 5_000;
export const MAX_CHECKPOINTS = 128;
/** The checkpoints' estimated size in all (copyGraph's estimate). */
export const MAX_BYTES = 96 * 1024 * 1024;

export interface Checkpoint<S> {
  /** The virtual instant it was taken at: every event due at or before it had run. */
  t: number;
  /** How many of the journal's inputs the run had applied. */
  applied: number;
  state: S;
  bytes: number;
}

export class Checkpoints<S extends object> {
  private list: Checkpoint<S>[] = [];
  /** Virtual ms between two checkpoints now (it doubles as the limits thin them out). */
  every: number;

  /** `shared`: a state's immutable data, which every copy shares rather than copies (the scenario document). */
  constructor(
    private readonly shared: (state: S) => object[],
    private readonly first = CHECKPOINT_EVERY_MS,
    private readonly limits = { count: MAX_CHECKPOINTS, bytes: MAX_BYTES },
  ) {
    this.every = first;
  }

  get count(): number {
    return this.list.length;
  }

  get bytes(): number {
    return this.list.reduce((n, c) => n + c.bytes, 0);
  }

  /** Whether a run at virtual time `t` is due for its next checkpoint. */
  due(t: number): boolean {
    return t >= (this.list.at(-1)?.t ?? 0) + this.every;
  }

  /** Takes a checkpoint of `state` at `t`; false when the state cannot be copied now. */
  take(state: S, t: number, applied: number): boolean {
    let copy;
    try {
      copy = copyGraph(state, { shared: this.shared(state) });
    } catch (e) {
      if (e instanceof NotCopyable) return false;
      throw e;
    }
    while (this.list.length && this.list[this.list.length - 1].t >= t) this.list.pop();
    this.list.push({ t, applied, state: copy.value, bytes: copy.bytes });
    this.thin();
    return true;
  }

  /**
   * The newest checkpoint to go to `t` from: taken at `t` or before it (`strictly`: before it, for
   * a target inside the instant `t`, which a checkpoint at `t` is already past).
   */
  before(t: number, strictly = false): Checkpoint<S> | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const c = this.list[i];
      if (c.t < t || (!strictly && c.t === t)) return c;
    }
    return undefined;
  }

  /** A running copy of a checkpoint's state (the checkpoint stays as it was, for the next time). */
  restore(c: Checkpoint<S>): S {
    return copyGraph(c.state, { shared: this.shared(c.state) }).value;
  }

  /** A new branch at `t`: the checkpoints after it belong to the future it drops. Returns them, to put back. */
  dropAfter(t: number): Checkpoint<S>[] {
    const i = this.list.findIndex((c) => c.t > t);
    return i < 0 ? [] : this.list.splice(i);
  }

  /** Puts back checkpoints a branch dropped (undoing the branch), replacing those taken since. */
  putBack(dropped: Checkpoint<S>[], branchedAt: number): void {
    this.dropAfter(branchedAt);
    this.list.push(...dropped);
    this.thin();
  }

  clear(): void {
    this.list = [];
    this.every = this.first;
  }

  /** Keeps within the limits: every other checkpoint goes (the newest stays), and the spacing doubles. */
  private thin(): void {
    while (this.list.length > 1 && (this.list.length > this.limits.count || this.bytes > this.limits.bytes)) {
      const newest = this.list.length - 1;
      this.list = this.list.filter((_, i) => i % 2 === 1 || i === newest);
      this.every *= 2;
    }
  }
}
