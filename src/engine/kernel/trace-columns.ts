/**
 * The trace ring's storage: per slot, the event's type and time and its fields in columns (numbers in
 * typed arrays, strings and objects in plain arrays), or the emitted object itself; and `read`, which
 * makes an event an object again. TraceLog (trace.ts) writes the slots.
 */
import type { BindingRef, DropReason, TraceEvent } from './trace-events';

/** How one ring slot holds its event: as the emitted object, or in columns laid out per type. */
export const OBJECT = 0;
export const PUBLISHED = 1;
export const ROUTED = 2;
export const UNROUTABLE = 3;
export const ENQUEUED = 4;
export const DROPPED = 5;
export const DELIVERED = 6;
export const ACKED = 7;
export const NACKED = 8;
export const REJECTED = 9;
export const REQUEUED = 10;
export const EXPIRED = 11;
export const CONFIRMED = 12;

/** Slots the columns start with; they double as events come, up to the ring's limit. */
export const FIRST_CAPACITY = 1024;


export class TraceColumns {
  protected capacity: number;
  protected kind: Uint8Array;
  protected time: Float64Array;
  /** Numbers of the event (id, channel, delivery tag, …), booleans as 0 and 1. */
  protected n0: Float64Array;
  protected n1: Float64Array;
  protected n2: Float64Array;
  protected n3: Float64Array;
  /** Strings and objects of the event (vhost, queue, exchange, …), or the event itself (OBJECT). */
  protected r0: unknown[];
  protected r1: unknown[];
  protected r2: unknown[];
  protected r3: unknown[];

  /** `first`: the slots to start with (a checkpoint's copy starts with few: most are never run on). */
  constructor(limit: number, first = FIRST_CAPACITY) {
    const n = (this.capacity = Math.min(limit, first));
    this.kind = new Uint8Array(n);
    this.time = new Float64Array(n);
    this.n0 = new Float64Array(n);
    this.n1 = new Float64Array(n);
    this.n2 = new Float64Array(n);
    this.n3 = new Float64Array(n);
    this.r0 = new Array<unknown>(n);
    this.r1 = new Array<unknown>(n);
    this.r2 = new Array<unknown>(n);
    this.r3 = new Array<unknown>(n);
  }

  /** Doubles the slots (up to `limit`), keeping those in use. */
  protected grow(limit: number): void {
    const n = Math.min(limit, this.capacity * 2);
    const num = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const kind = new Uint8Array(n);
    kind.set(this.kind);
    this.kind = kind;
    this.time = num(this.time);
    this.n0 = num(this.n0);
    this.n1 = num(this.n1);
    this.n2 = num(this.n2);
    this.n3 = num(this.n3);
    for (const r of [this.r0, this.r1, this.r2, this.r3]) r.length = n;
    this.capacity = n;
  }

  /** The event in slot `i` as an object, keys in the order of its emitter's literal, then `t` and `seq`. */
  protected read(i: number, seq: number): TraceEvent {
    const t = this.time[i];
    const vhost = this.r0[i] as string;
    switch (this.kind[i]) {
      case PUBLISHED: {
        const e: TraceEvent = { type: 'published', id: this.n0[i], vhost, exchange: this.r1[i] as string, routingKey: this.r2[i] as string, channel: this.n1[i], size: this.n2[i], mandatory: this.r3[i] as boolean } as TraceEvent & { type: 'published' };
        const ps = this.n3[i];
        if (ps === ps) (e as { publishSeq?: number }).publishSeq = ps;
        e.t = t;
        e.seq = seq;
        return e;
      }
      case ROUTED: {
        const b = this.r2[i] as BindingRef | BindingRef[];
        const q = this.r3[i] as string | string[];
        return { type: 'routed', id: this.n0[i], vhost, exchange: this.r1[i] as string, bindings: Array.isArray(b) ? b.slice() : [b], queues: Array.isArray(q) ? q.slice() : [q], t, seq };
      }
      case UNROUTABLE:
        return { type: 'unroutable', id: this.n0[i], vhost, exchange: this.r1[i] as string, t, seq };
      case EXPIRED:
        return { type: 'expired', id: this.n0[i], vhost, queue: this.r1[i] as string, t, seq };
      case ENQUEUED:
        return { type: 'enqueued', id: this.n0[i], vhost, queue: this.r1[i] as string, ready: this.n1[i], t, seq };
      case DROPPED:
        return { type: 'dropped', id: this.n0[i], vhost, queue: this.r1[i] as string | null, reason: this.r2[i] as DropReason, t, seq };
      case REQUEUED:
        return { type: 'requeued', id: this.n0[i], vhost, queue: this.r1[i] as string, cause: this.r2[i] as 'nack', t, seq };
      case DELIVERED: {
        const f = this.n3[i];
        return { type: 'delivered', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], consumerTag: this.r2[i] as string | null, deliveryTag: this.n2[i], redelivered: (f & 1) !== 0, noAck: (f & 2) !== 0, t, seq };
      }
      case ACKED:
        return { type: 'acked', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], deliveryTag: this.n2[i], t, seq };
      case NACKED:
      case REJECTED:
        return { type: this.kind[i] === NACKED ? 'nacked' : 'rejected', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], deliveryTag: this.n2[i], requeue: this.n3[i] === 1, t, seq };
      case CONFIRMED:
        return { type: 'confirmed', vhost, channel: this.n1[i], publishSeq: this.n2[i], ack: this.n3[i] === 1, id: this.n0[i], t, seq };
      default:
        return this.r0[i] as TraceEvent;
    }
  }
}
