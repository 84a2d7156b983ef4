/**
 * The message layer's input, computed in the worker: the flight tracker turns every trace event
 * into marks moving along edges, and each frame carries only what changed (new flights, new
 * effects, marks parked at or released by consumers) as flat number arrays. The page draws from
 * these without unpacking or keeping every event, which at 10× is tens of thousands a second.
 */
import type { TraceEvent } from '../engine';
import { COPY } from './copy-hook';
import { EFFECT_MS, FlightTracker, type Burst, type Flight, type Latency, type Parked } from './flights';
import type { NodeMap } from './protocol';

/** One frame's changes to what the message layer draws. */
export interface Motion {
  /** Node ids the numbers below refer to, by index. */
  nodes: string[];
  /** Per flight: id, from, to, t0, t1, mark, color, flags (1 reverse, 2 side). */
  flights: Float64Array;
  /** Per burst: id, node, t, effect, color. */
  bursts: Float64Array;
  /** Keys of marks now parked, and per key: id, node, t, color, end (NaN while still parked). */
  parkedKeys: string[];
  parked: Float64Array;
  /** Keys of marks parked before that leave their consumer, and when. */
  unparked: string[];
  unparkedAt: number[];
}

export const FLIGHT_STRIDE = 8;
export const BURST_STRIDE = 5;
export const PARKED_STRIDE = 5;

/** Worker side: feeds the trace to a tracker and hands out each frame's changes. */
export class MotionFeed {
  private tracker: FlightTracker;

  constructor(map: NodeMap, latency: Latency) {
    this.tracker = new FlightTracker(map, latency);
  }

  setMap(map: NodeMap): void {
    this.tracker.setMap(map);
  }

  /** The changes these events make, packed. */
  take(events: readonly TraceEvent[]): Motion {
    const t = this.tracker;
    t.ingest(events);
    const nodes: string[] = [];
    const index = new Map<string, number>();
    const ix = (id: string) => {
      let i = index.get(id);
      if (i === undefined) {
        i = nodes.length;
        nodes.push(id);
        index.set(id, i);
      }
      return i;
    };
    const flights = new Float64Array(t.flights.length * FLIGHT_STRIDE);
    t.flights.forEach((f, i) => {
      flights.set([f.id, ix(f.from), ix(f.to), f.t0, f.t1, f.mark, f.color, (f.reverse ? 1 : 0) | (f.side ? 2 : 0)], i * FLIGHT_STRIDE);
    });
    const bursts = new Float64Array(t.bursts.length * BURST_STRIDE);
    t.bursts.forEach((b, i) => bursts.set([b.id, ix(b.node), b.t, b.effect, b.color], i * BURST_STRIDE));
    const { added, removed } = t.drainParked();
    const parked = new Float64Array(added.length * PARKED_STRIDE);
    added.forEach(([, p], i) => parked.set([p.id, ix(p.node), p.t, p.color, p.end ?? NaN], i * PARKED_STRIDE));
    // The page keeps them from here; the worker only needs the tracker's memory of messages.
    t.flights = [];
    t.bursts = [];
    return { nodes, flights, bursts, parkedKeys: added.map(([k]) => k), parked, unparked: removed.map(([k]) => k), unparkedAt: removed.map(([, end]) => end) };
  }
}

/** Whether a mark is parked at its consumer at `t`. */
export const isParked = (p: Parked, t: number): boolean => p.t <= t && (p.end === undefined || t < p.end);

/** Capacity of the flight columns, grown by doubling. */
const INITIAL_FLIGHTS = 1024;

/**
 * Page side: what is being drawn, kept up to date from each frame's motion. Flights are held as
 * columns of typed arrays with nodes by index, not as an object per flight: the draw loop reads
 * 5,000 of them a frame, and an object each frame-in, frame-out kept the collector busy.
 */
export class MotionView {
  /** Node ids, by the index the `from` and `to` columns hold. */
  readonly nodes: string[] = [];
  private nodeIndex = new Map<string, number>();
  /** Flights held; the columns below are valid up to here. */
  count = 0;
  id = new Float64Array(INITIAL_FLIGHTS);
  from = new Int32Array(INITIAL_FLIGHTS);
  to = new Int32Array(INITIAL_FLIGHTS);
  t0 = new Float64Array(INITIAL_FLIGHTS);
  t1 = new Float64Array(INITIAL_FLIGHTS);
  mark = new Uint8Array(INITIAL_FLIGHTS);
  color = new Uint8Array(INITIAL_FLIGHTS);
  /** 1: drawn from `to` back to `from`; 2: leaves from the side (dead-letter) handle. */
  flags = new Uint8Array(INITIAL_FLIGHTS);
  bursts: Burst[] = [];
  parked = new Map<string, Parked>();

  /** A checkpoint's copy: the flights' columns as long as the flights held, not as their capacity. */
  [COPY](copy: <T>(value: T) => T, account: (bytes: number) => void): MotionView {
    const c = Object.create(MotionView.prototype) as Record<string, unknown>;
    const n = Math.max(1, this.count);
    for (const [k, v] of Object.entries(this)) c[k] = ArrayBuffer.isView(v) ? (v as Float64Array).slice(0, n) : copy(v);
    account(n * 35);
    return c as unknown as MotionView;
  }

  /** The index of a node id in `nodes`, added if new. */
  indexOf(node: string): number {
    let i = this.nodeIndex.get(node);
    if (i === undefined) {
      i = this.nodes.length;
      this.nodes.push(node);
      this.nodeIndex.set(node, i);
    }
    return i;
  }

  apply(m: Motion): void {
    const { flights, bursts, parked } = m;
    const local = m.nodes.map((n) => this.indexOf(n));
    const add = flights.length / FLIGHT_STRIDE;
    this.reserve(this.count + add);
    for (let i = 0, j = this.count; i < flights.length; i += FLIGHT_STRIDE, j++) {
      this.id[j] = flights[i];
      this.from[j] = local[flights[i + 1] | 0];
      this.to[j] = local[flights[i + 2] | 0];
      this.t0[j] = flights[i + 3];
      this.t1[j] = flights[i + 4];
      this.mark[j] = flights[i + 5];
      this.color[j] = flights[i + 6];
      this.flags[j] = flights[i + 7];
    }
    this.count += add;
    for (let i = 0; i < bursts.length; i += BURST_STRIDE) {
      this.bursts.push({ id: bursts[i], node: m.nodes[bursts[i + 1] | 0], t: bursts[i + 2], effect: (bursts[i + 3] | 0) as Burst['effect'], color: bursts[i + 4] | 0 });
    }
    m.unparked.forEach((k, j) => {
      const p = this.parked.get(k);
      if (p) p.end = m.unparkedAt[j];
    });
    m.parkedKeys.forEach((k, j) => {
      const i = j * PARKED_STRIDE;
      const p: Parked = { id: parked[i], node: m.nodes[parked[i + 1] | 0], t: parked[i + 2], color: parked[i + 3] | 0 };
      if (!Number.isNaN(parked[i + 4])) p.end = parked[i + 4];
      this.parked.set(k, p);
    });
  }

  private reserve(n: number): void {
    if (n <= this.id.length) return;
    let size = this.id.length;
    while (size < n) size *= 2;
    const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: new (n: number) => A): A => {
      const b = new make(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.id = grow(this.id, Float64Array);
    this.from = grow(this.from, Int32Array);
    this.to = grow(this.to, Int32Array);
    this.t0 = grow(this.t0, Float64Array);
    this.t1 = grow(this.t1, Float64Array);
    this.mark = grow(this.mark, Uint8Array);
    this.color = grow(this.color, Uint8Array);
    this.flags = grow(this.flags, Uint8Array);
  }

  /** Drops what ended before `t` (call once per drawn frame). */
  prune(t: number): void {
    const { id, from, to, t0, t1, mark, color, flags } = this;
    let w = 0;
    for (let r = 0; r < this.count; r++) {
      if (t1[r] < t) continue;
      if (w !== r) {
        id[w] = id[r];
        from[w] = from[r];
        to[w] = to[r];
        t0[w] = t0[r];
        t1[w] = t1[r];
        mark[w] = mark[r];
        color[w] = color[r];
        flags[w] = flags[r];
      }
      w++;
    }
    this.count = w;
    // Marks that have left their consumer by `t`.
    for (const [k, p] of this.parked) if (p.end !== undefined && p.end < t) this.parked.delete(k);
    if (this.bursts.length) {
      let k = 0;
      for (const b of this.bursts) if (b.t + EFFECT_MS >= t) this.bursts[k++] = b;
      this.bursts.length = k;
    }
  }

  /** Messages parked at consumers at `t` (delivered, not yet settled). */
  parkedAt(t: number): number {
    let n = 0;
    for (const p of this.parked.values()) if (isParked(p, t)) n++;
    return n;
  }

  /** Marks moving at `t` (left and not yet arrived). */
  inFlight(t: number): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.t0[i] <= t && this.t1[i] >= t) n++;
    return n;
  }

  /** The flights held, as objects (for tests and tools; the draw loop reads the columns). */
  flightList(): Flight[] {
    const list: Flight[] = [];
    for (let i = 0; i < this.count; i++) {
      list.push({
        id: this.id[i],
        from: this.nodes[this.from[i]],
        to: this.nodes[this.to[i]],
        t0: this.t0[i],
        t1: this.t1[i],
        mark: this.mark[i] as Flight['mark'],
        color: this.color[i],
        reverse: (this.flags[i] & 1) !== 0,
        side: (this.flags[i] & 2) !== 0,
      });
    }
    return list;
  }

  clear(): void {
    this.count = 0;
    this.parked.clear();
    this.bursts = [];
    // A new run may have other nodes: forget the old ones (no flight refers to them now).
    this.nodes.length = 0;
    this.nodeIndex.clear();
  }
}
