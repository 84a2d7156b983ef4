/**
 * The message layer's input, computed in the worker: the flight tracker turns every trace event
 * into marks moving along edges, and each frame carries only what changed (new flights, new
 * effects, marks parked at or released by consumers) as flat number arrays. The page draws from
 * these without unpacking or keeping every event, which at 10× is tens of thousands a second.
 */
import type { TraceEvent } from '../engine';
import { FlightSet, FlightTracker, type Burst, type Flight, type Latency } from './flights';
import type { NodeMap } from './protocol';

/** One frame's changes to what the message layer draws. */
export interface Motion {
  /** Node ids the numbers below refer to, by index. */
  nodes: string[];
  /** Per flight: id, from, to, t0, t1, mark, color, flags (1 reverse, 2 side). */
  flights: Float64Array;
  /** Per burst: id, node, t, effect, color. */
  bursts: Float64Array;
  /** Keys of marks now parked, and per key: id, node, t, color. */
  parkedKeys: string[];
  parked: Float64Array;
  /** Keys of marks no longer parked. */
  unparked: string[];
}

export const FLIGHT_STRIDE = 8;
export const BURST_STRIDE = 5;
export const PARKED_STRIDE = 4;

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
    added.forEach(([, p], i) => parked.set([p.id, ix(p.node), p.t, p.color], i * PARKED_STRIDE));
    // The page keeps them from here; the worker only needs the tracker's memory of messages.
    t.flights = [];
    t.bursts = [];
    return { nodes, flights, bursts, parkedKeys: added.map(([k]) => k), parked, unparked: removed };
  }
}

/** Page side: what is being drawn, kept up to date from each frame's motion. */
export class MotionView extends FlightSet {
  apply(m: Motion): void {
    const { nodes, flights, bursts, parked } = m;
    // `| 0` keeps the small integers small integers: the draw loop reads them 5,000 times a frame.
    for (let i = 0; i < flights.length; i += FLIGHT_STRIDE) {
      const flags = flights[i + 7] | 0;
      this.flights.push({
        id: flights[i],
        from: nodes[flights[i + 1] | 0],
        to: nodes[flights[i + 2] | 0],
        t0: flights[i + 3],
        t1: flights[i + 4],
        mark: (flights[i + 5] | 0) as Flight['mark'],
        color: flights[i + 6] | 0,
        reverse: (flags & 1) !== 0,
        side: (flags & 2) !== 0,
      });
    }
    for (let i = 0; i < bursts.length; i += BURST_STRIDE) {
      this.bursts.push({ id: bursts[i], node: nodes[bursts[i + 1] | 0], t: bursts[i + 2], effect: (bursts[i + 3] | 0) as Burst['effect'], color: bursts[i + 4] | 0 });
    }
    for (const k of m.unparked) this.parked.delete(k);
    m.parkedKeys.forEach((k, j) => {
      const i = j * PARKED_STRIDE;
      this.parked.set(k, { id: parked[i], node: nodes[parked[i + 1] | 0], t: parked[i + 2], color: parked[i + 3] | 0 });
    });
  }

  clear(): void {
    this.flights = [];
    this.parked.clear();
    this.bursts = [];
  }
}
