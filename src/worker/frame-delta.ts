/**
 * Frames as changes. The simulation makes every frame whole (the counters of every canvas node, the
 * broker's status); what crosses to the page is what changed since the previous frame of the run: the
 * counter values that moved, as two transferable arrays, and the broker's status only when it is not the
 * one sent last. The first frame of a run, and any frame after `reset` (a new run, a resync asked by
 * the page), is whole. The page's FrameDecoder rebuilds the whole frame, equal to the one the simulation
 * made (entries and keys in the same order), before anything reads it.
 */
import type { BrokerStatus } from './admin-commands';
import type { Frame, NodeCounters, Reply } from './protocol';

/** Every field of NodeCounters, by index (a field not listed travels in a whole entry). */
export const COUNTER_FIELDS = [
  'ready', 'unacked', 'consumers', 'enqueued', 'published', 'confirmed', 'nacked', 'returned', 'blocked', 'running',
  'delivered', 'acked', 'rejected', 'prefetch', 'state', 'in', 'out', 'unroutable', 'dropped', 'expired', 'deadLettered', 'error',
] as const satisfies readonly (keyof NodeCounters)[];

const FIELD_INDEX = new Map<string, number>(COUNTER_FIELDS.map((f, i) => [f, i]));

export interface CountersDelta {
  /** The nodes' ids in the frame's order, when they are not those of the previous frame. */
  nodes?: string[];
  /** Whole entries: a node that is new, or whose fields came or went. */
  set?: Record<string, NodeCounters>;
  /** Where values changed: (node index in the ids, index in COUNTER_FIELDS) pairs. */
  changes: Uint16Array;
  /** The new value of each change: a boolean as 1 or 0, a string as its index in `strings`. */
  values: Float64Array;
  strings?: string[];
}

/** A frame as the handler sends it: `counters` whole, or `countersDelta`; `broker` only when it changed. */
export type SentFrame = Omit<Frame, 'counters'> & { counters?: Record<string, NodeCounters>; countersDelta?: CountersDelta };

/** A reply as the handler sends it. */
export type SentReply = Exclude<Reply, Frame> | SentFrame;

type Value = NodeCounters[keyof NodeCounters];

/** Whether `a` and `b` have the same keys in the same order. */
function sameKeys(a: NodeCounters, b: NodeCounters): boolean {
  let n = 0;
  const keys = Object.keys(b);
  for (const k in a) if (keys[n++] !== k) return false;
  return n === keys.length;
}

/** Worker side: turns whole frames into changes since the previous one. */
export class FrameEncoder {
  private ids: string[] | null = null;
  private last: Record<string, NodeCounters> = {};
  private broker: string | null = null;
  private changes = new Uint16Array(256);
  private values = new Float64Array(128);

  /** The next frame goes whole (a new run, or the page asked). */
  reset(): void {
    this.ids = null;
    this.last = {};
    this.broker = null;
  }

  encode(frame: Frame): SentFrame {
    const { counters, ...rest } = frame;
    const out: SentFrame = rest;
    if (frame.broker) {
      const key = JSON.stringify(frame.broker);
      if (key === this.broker) delete out.broker;
      else this.broker = key;
    }
    const ids = Object.keys(counters);
    const before = this.ids;
    this.ids = ids;
    const last = this.last;
    this.last = counters;
    // (a node index must fit the pairs' 16 bits)
    if (!before || ids.length > 0xffff) {
      out.counters = counters;
      return out;
    }
    const delta: CountersDelta = { changes: this.changes, values: this.values };
    if (ids.length !== before.length || ids.some((id, i) => id !== before[i])) delta.nodes = ids;
    let n = 0;
    const strings: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const cur = counters[id];
      const prev = last[id];
      if (!prev || !sameKeys(cur, prev) || !this.fits(cur, prev)) {
        (delta.set ??= {})[id] = cur;
        continue;
      }
      for (const k in cur) {
        const v = cur[k as keyof NodeCounters];
        if (v === prev[k as keyof NodeCounters]) continue;
        if (n === this.values.length) this.grow();
        this.changes[2 * n] = i;
        this.changes[2 * n + 1] = FIELD_INDEX.get(k)!;
        this.values[n++] = typeof v === 'string' ? strings.push(v) - 1 : typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
      }
    }
    // the arrays go to the page (transferred): the next frame writes into fresh ones
    delta.changes = this.changes.slice(0, 2 * n);
    delta.values = this.values.slice(0, n);
    if (strings.length) delta.strings = strings;
    out.countersDelta = delta;
    return out;
  }

  private grow(): void {
    const changes = new Uint16Array(this.changes.length * 2);
    changes.set(this.changes);
    this.changes = changes;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  /** Whether every changed field of `cur` can travel as a triplet (a known field, of the type it had). */
  private fits(cur: NodeCounters, prev: NodeCounters): boolean {
    for (const k in cur) {
      const v = cur[k as keyof NodeCounters];
      const p = prev[k as keyof NodeCounters];
      if (v === p) continue;
      if (!FIELD_INDEX.has(k) || typeof v !== typeof p || (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean')) return false;
    }
    return true;
  }
}

/** Page side: rebuilds whole frames from the changes, for everything that reads them. */
export class FrameDecoder {
  private ids: string[] | null = null;
  private counters: Record<string, NodeCounters> = {};
  private broker: BrokerStatus | undefined;

  /** A new run: the next frame comes whole. */
  reset(): void {
    this.ids = null;
    this.counters = {};
    this.broker = undefined;
  }

  /**
   * The whole frame (made of `sent` itself: its events may not be unpacked yet, worker/codec.ts), or
   * null for changes without the frame they follow (ask the worker to resync).
   */
  decode(sent: SentFrame): Frame | null {
    if (sent.broker) this.broker = sent.broker;
    else if (this.broker) sent.broker = this.broker;
    const delta = sent.countersDelta;
    delete sent.countersDelta;
    if (sent.counters) {
      this.ids = Object.keys(sent.counters);
      this.counters = sent.counters;
      return sent as Frame;
    }
    if (!delta || !this.ids) return null;
    sent.counters = this.counters = this.apply(delta);
    return sent as Frame;
  }

  private apply(d: CountersDelta): Record<string, NodeCounters> {
    const prev = this.counters;
    const ids = (this.ids = d.nodes ?? this.ids!);
    if (!d.nodes && !d.set && d.values.length === 0) return prev;
    const next: Record<string, NodeCounters> = {};
    for (const id of ids) next[id] = d.set?.[id] ?? prev[id];
    const copied = new Set<string>();
    const c = d.changes;
    const values = d.values;
    for (let i = 0; i < values.length; i++) {
      const id = ids[c[2 * i]];
      if (!copied.has(id)) {
        copied.add(id);
        next[id] = { ...next[id] };
      }
      const entry = next[id] as Record<string, Value>;
      const field = COUNTER_FIELDS[c[2 * i + 1]];
      const old = entry[field];
      const v = values[i];
      entry[field] = typeof old === 'string' ? d.strings![v] : typeof old === 'boolean' ? v !== 0 : v;
    }
    return next;
  }
}
